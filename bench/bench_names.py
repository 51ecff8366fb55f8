"""Name parsing and comparison speed: scholarmerge vs nameparser, same input
(every author name of DBLP-ACM and Cora), one run, one core.

    python bench/bench_names.py
"""

from __future__ import annotations

import time

import scholarmerge as sm
from scholarmerge import evaluate as ev
from scholarmerge.names import same_author_pairs


def names():
    dblp, _ = ev.load_dblp_acm()
    cora, _ = ev.load_cora()
    out = []
    for s in list(dblp["authors"]) + list(cora["authors"]):
        out += [a.raw for a in sm.parse_author_list(s)[0]]
    return out


def timed(fn, *args, repeat=3):
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn(*args)
        best = min(best, time.perf_counter() - t0)
    return best


def main():
    from nameparser import HumanName

    ns = names()
    ours = timed(sm.parse_names, ns)
    theirs = timed(lambda xs: [HumanName(x) for x in xs], ns, repeat=1)
    a, b = ns[:-1], ns[1:]
    ours_cmp = timed(same_author_pairs, a, b)

    def np_compare(xs, ys):  # nameparser's way: parse both, compare last and first initial
        out = []
        for x, y in zip(xs, ys):
            hx, hy = HumanName(x), HumanName(y)
            out.append(hx.last.lower() == hy.last.lower() and hx.first[:1].lower() == hy.first[:1].lower())
        return out

    theirs_cmp = timed(np_compare, a, b, repeat=1)
    n = len(ns)
    print(f"{n:,} names from DBLP-ACM and Cora")
    print("| task | scholarmerge /s | nameparser /s | ratio |")
    print("|---|---:|---:|---:|")
    print(f"| parse names | {n / ours:,.0f} | {n / theirs:,.0f} | {theirs / ours:.0f}x |")
    print(f"| compare name pairs (parse both + compare) | {len(a) / ours_cmp:,.0f} | {len(a) / theirs_cmp:,.0f} | "
          f"{theirs_cmp / ours_cmp:.0f}x |")


if __name__ == "__main__":
    main()
