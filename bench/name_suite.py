"""Agreement with a names suite of the conventions other parsers test
(bench/data/name_suite.tsv: both orders, particles, suffixes and post-nominals,
honorifics, initials, hyphens, apostrophes, accents, letter case), ours and
nameparser's side by side. Parts are compared case-folded: scholarmerge writes
all-caps and all-lower names in title case on purpose.

    python bench/name_suite.py [--show]
"""

from __future__ import annotations

import argparse
from pathlib import Path

SUITE = Path(__file__).with_name("data") / "name_suite.tsv"


def load(path: Path = SUITE) -> list[tuple[str, tuple[str, str, str]]]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        inp, given, surname, suffix = (line.split("\t") + [""] * 4)[:4]
        rows.append((inp, (given, surname, suffix)))
    return rows


def fold(parts: tuple[str, str, str]) -> tuple[str, ...]:
    return tuple(" ".join(p.split()).casefold() for p in parts)


def ours(names: list[str]) -> list[tuple[str, str, str]]:
    import scholarmerge as sm

    return [(a.given, a.surname, a.suffix) for a in sm.parse_names(names)]


def nameparser(names: list[str]) -> list[tuple[str, str, str]]:
    from nameparser import HumanName

    out = []
    for n in names:
        h = HumanName(n)
        out.append((" ".join(x for x in (h.first, h.middle) if x), h.last, h.suffix))
    return out


def agreement(rows: list[tuple[str, tuple[str, str, str]]], got: list[tuple[str, str, str]]) -> tuple[int, list]:
    misses = [(inp, g, want) for (inp, want), g in zip(rows, got) if fold(g) != fold(want)]
    return len(rows) - len(misses), misses


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--show", action="store_true", help="print the disagreements")
    args = ap.parse_args()
    rows = load()
    names = [r[0] for r in rows]
    print(f"{len(rows)} names from {SUITE.name}\n")
    print("| parser | agree | share |")
    print("|---|---:|---:|")
    for label, parse in (("scholarmerge", ours), ("nameparser", nameparser)):
        try:
            ok, misses = agreement(rows, parse(names))
        except ImportError:
            print(f"| {label} | not installed | |")
            continue
        print(f"| {label} | {ok} / {len(rows)} | {100 * ok / len(rows):.1f} % |")
        if args.show:
            for inp, g, want in misses:
                print(f"|   {inp!r} | {g} | want {want} |")


if __name__ == "__main__":
    main()
