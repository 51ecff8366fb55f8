"""Our surnames against nameparser's, on every distinct author name of DBLP-ACM and Cora.

Each author string is split with sm.parse_author_list; for every distinct
author (by its display form, per data set) our surname is compared with
nameparser.HumanName(display).last, both folded (lower case, accents
stripped). Prints totals, the disagreements, and a random sample of them.

    .venv/bin/python bench/names_vs_nameparser.py [--sample 40] [--seed 0]

Needs nameparser (`.venv/bin/pip install nameparser`). The hand judgement of
the sample is in bench/NAMES_QUALITY.md.
"""

from __future__ import annotations

import argparse
import random
import unicodedata

from nameparser import HumanName

import scholarmerge as sm
from scholarmerge import evaluate as ev


def fold(s: str) -> str:
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if not unicodedata.combining(c)).lower().strip()


def distinct_authors(frame) -> dict[str, sm.Author]:
    """Display form -> our parsed author, first occurrence kept."""
    seen = {}
    for text in frame["authors"]:
        if not isinstance(text, str) or not text.strip():
            continue
        for a in sm.parse_author_list(text)[0]:
            seen.setdefault(a.display, a)
    return seen


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--sample", type=int, default=40)
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()

    rows = []  # (data set, display, ours, nameparser's)
    total_names = 0
    for name, load in (("dblp-acm", ev.load_dblp_acm), ("cora", ev.load_cora)):
        frame, _ = load()
        authors = distinct_authors(frame)
        diff = 0
        for display, a in sorted(authors.items()):
            ours, theirs = fold(a.surname), fold(HumanName(display).last)
            if ours != theirs:
                diff += 1
                rows.append((name, display, ours, theirs))
        print(f"{name}: {len(authors)} distinct names, {diff} disagree ({diff / len(authors):.1%})")
        total_names += len(authors)

    print(f"total: {total_names} names, {len(rows)} disagree ({len(rows) / total_names:.1%})")
    sample = random.Random(args.seed).sample(rows, min(args.sample, len(rows)))
    print(f"\nrandom sample of {len(sample)} disagreements (seed {args.seed}):")
    print(f"  {'set':9} {'display':40} {'ours':22} nameparser")
    for name, display, ours, theirs in sample:
        print(f"  {name:9} {display!r:40} {ours!r:22} {theirs!r}")


if __name__ == "__main__":
    main()
