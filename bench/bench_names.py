"""Name parsing and comparison speed: scholarmerge vs nameparser, same input
(every author name of DBLP-ACM and Cora), one run, one core.

    python bench/bench_names.py

Rows for both batch forms: sm.parse_names (a list of str in, lists of str
out) and sm.parse_names_arrow (a pyarrow string array in, a pyarrow Table
out, no Python object per name; with dictionary=True its text columns are
dictionary arrays over the distinct names). The Arrow rows start from a
pyarrow array, as a Parquet or Arrow column is; what pa.array(list) costs
on top is printed below the table.

Also per distribution (DBLP-ACM, Cora, an OpenAlex-like sample drawn as
bench_json.py draws its authors): the batch parse, the parse alone in C++
(no Python objects: _core._bench_parse_names), how many names take the
common-shape shortcut, and how many are distinct (the batch parses each
distinct text once).
"""

from __future__ import annotations

import os
import sys
import time

import scholarmerge as sm
from scholarmerge import evaluate as ev
from scholarmerge.names import same_author_pairs

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))


def split(frame):
    out = []
    for s in frame["authors"]:
        out += [a.raw for a in sm.parse_author_list(s)[0]]
    return out


def names():
    return split(ev.load_dblp_acm()[0]) + split(ev.load_cora()[0])


def openalex_like(n=20000, seed=0):
    """Display names as bench_json.py writes them: a given name and a surname from its lists."""
    import random

    from bench_json import GIVEN, SURNAMES

    rng = random.Random(seed)
    return [f"{rng.choice(GIVEN)} {rng.choice(SURNAMES)}" for _ in range(n)]


def per_distribution(HumanName):
    import pyarrow as pa
    from scholarmerge import _core

    print("\n| names | n | distinct | shortcut | batch /s | Arrow batch /s | C++ parse alone /s | nameparser /s "
          "| batch ratio | Arrow ratio |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    sets = [("DBLP-ACM", split(ev.load_dblp_acm()[0])), ("Cora", split(ev.load_cora()[0])),
            ("OpenAlex-like", openalex_like())]
    for label, ns in sets:
        ours = timed(sm.parse_names, ns)
        arrow = timed(sm.parse_names_arrow, pa.array(ns))
        alone = min(_core._bench_parse_names(ns)[0] for _ in range(3))
        shortcut = _core._bench_parse_names(ns)[1]
        theirs = timed(lambda xs: [HumanName(x) for x in xs], ns)
        n = len(ns)
        print(f"| {label} | {n:,} | {len(set(ns)):,} | {shortcut / n:.0%} | {n / ours:,.0f} | {n / arrow:,.0f} | "
              f"{n / alone:,.0f} | {n / theirs:,.0f} | {theirs / ours:.0f}x | {theirs / arrow:.0f}x |")


def timed(fn, *args, repeat=3):
    """Best of `repeat` runs, for every contender: on a shared machine the least disturbed."""
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn(*args)
        best = min(best, time.perf_counter() - t0)
    return best


def main():
    import pyarrow as pa
    from nameparser import HumanName

    ns = names()
    column = pa.array(ns)
    ours = timed(sm.parse_names, ns)
    ours_arrow = timed(sm.parse_names_arrow, column)
    ours_dict = timed(lambda c: sm.parse_names_arrow(c, dictionary=True), column)
    to_arrow = timed(pa.array, ns)
    theirs = timed(lambda xs: [HumanName(x) for x in xs], ns)
    a, b = ns[:-1], ns[1:]
    ours_cmp = timed(same_author_pairs, a, b)

    def np_compare(xs, ys):  # nameparser's way: parse both, compare last and first initial
        out = []
        for x, y in zip(xs, ys):
            hx, hy = HumanName(x), HumanName(y)
            out.append(hx.last.lower() == hy.last.lower() and hx.first[:1].lower() == hy.first[:1].lower())
        return out

    theirs_cmp = timed(np_compare, a, b)
    n = len(ns)
    print(f"{n:,} names from DBLP-ACM and Cora")
    print("| task | scholarmerge /s | nameparser /s | ratio |")
    print("|---|---:|---:|---:|")
    print(f"| parse names (`parse_names`: list in, lists out) | {n / ours:,.0f} | {n / theirs:,.0f} | {theirs / ours:.0f}x |")
    print(f"| parse names (`parse_names_arrow`: Arrow in, Arrow out) | {n / ours_arrow:,.0f} | {n / theirs:,.0f} | "
          f"{theirs / ours_arrow:.0f}x |")
    print(f"| parse names (`parse_names_arrow(dictionary=True)`) | {n / ours_dict:,.0f} | {n / theirs:,.0f} | "
          f"{theirs / ours_dict:.0f}x |")
    print(f"| compare name pairs (parse both + compare) | {len(a) / ours_cmp:,.0f} | {len(a) / theirs_cmp:,.0f} | "
          f"{theirs_cmp / ours_cmp:.0f}x |")
    print(f"\n`pa.array` of the list, for the Arrow rows from a list: {to_arrow * 1e3:.2f} ms "
          f"({n / (ours_arrow + to_arrow):,.0f} names/s, {theirs / (ours_arrow + to_arrow):.0f}x, with it)")
    per_distribution(HumanName)


if __name__ == "__main__":
    main()
