"""Agreement with a names suite of the conventions other parsers test, ours and
nameparser's side by side. Two files: bench/data/name_suite.tsv (both orders,
particles, suffixes and post-nominals, honorifics, initials, hyphens,
apostrophes, accents, letter case) and bench/data/name_suite_conventions.tsv
(multi-word particles and compound surnames, suffixes and titles anywhere,
nicknames, other scripts, and BibTeX's own rules). A row's fifth column is its
context: "plain" text goes to sm.parse_names, "bibtex" is read as the author
field of a BibTeX entry (nameparser gets the same text either way). Parts are
compared case-folded: scholarmerge writes all-caps and all-lower names in
title case on purpose.

    python bench/name_suite.py [--show]
"""

from __future__ import annotations

import argparse
from pathlib import Path

SUITES = [Path(__file__).with_name("data") / name for name in ("name_suite.tsv", "name_suite_conventions.tsv")]
SUITE = SUITES[0]

Row = tuple[str, tuple[str, str, str]]


def load(path: Path | None = None, context: str | None = None) -> list[Row]:
    """Rows (input, (given, surname, suffix)) of one suite file, or of all;
    with `context`, only the rows of that context."""
    return [(inp, want) for inp, want, ctx in load_with_context(path) if context in (None, ctx)]


def load_with_context(path: Path | None = None) -> list[tuple[str, tuple[str, str, str], str]]:
    rows = []
    for p in [path] if path else SUITES:
        for line in p.read_text(encoding="utf-8").splitlines():
            if line.startswith("#") or not line.strip():
                continue
            inp, given, surname, suffix, ctx = (line.split("\t") + [""] * 5)[:5]
            rows.append((inp, (given, surname, suffix), ctx or "plain"))
    return rows


def fold(parts: tuple[str, str, str]) -> tuple[str, ...]:
    return tuple(" ".join(p.split()).casefold() for p in parts)


def ours(names: list[str], contexts: list[str] | None = None) -> list[tuple[str, str, str]]:
    import scholarmerge as sm

    out = [(a.given, a.surname, a.suffix) for a in sm.parse_names(names)]
    for i, ctx in enumerate(contexts or []):
        if ctx == "bibtex":
            works = sm.read_text("@misc{k, author = {" + names[i] + "}, title = {T}}", format="bibtex")
            a = works[0].authors[0] if len(works) and works[0].authors else None
            out[i] = (a.given, a.surname, a.suffix) if a else ("", "", "")
    return out


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


def measure() -> tuple[int, int, list]:
    """(agreeing rows, all rows, misses) of scholarmerge over every suite file, each row in its context."""
    full = load_with_context()
    rows = [(inp, want) for inp, want, _ in full]
    ok, misses = agreement(rows, ours([r[0] for r in rows], [ctx for _, _, ctx in full]))
    return ok, len(rows), misses


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--show", action="store_true", help="print the disagreements")
    args = ap.parse_args()
    full = load_with_context()
    rows = [(inp, want) for inp, want, _ in full]
    names = [r[0] for r in rows]
    contexts = [ctx for _, _, ctx in full]
    print(f"{len(rows)} names from {', '.join(p.name for p in SUITES)}\n")
    print("| parser | agree | share |")
    print("|---|---:|---:|")
    for label, parse in (("scholarmerge", lambda xs: ours(xs, contexts)), ("nameparser", nameparser)):
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
