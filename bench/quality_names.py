"""Author-name quality on real data.

1. DBLP-ACM: for every true pair, each author of either list looks for its
   counterpart in the other list (same_author >= SAME_AUTHOR_THRESHOLD); the
   share that find one, and the misses.
2. Cora: how many authors each citation's author string splits into, for a
   random sample to check by hand.

    python bench/quality_names.py [--misses 30] [--cora-sample 100]
"""

from __future__ import annotations

import argparse
import random

import scholarmerge as sm
from scholarmerge import evaluate as ev


def dblp_acm(show: int):
    frame, truth = ev.load_dblp_acm()
    lists = [sm.parse_author_list(a)[0] if a else [] for a in frame["authors"]]
    found = total = found_eq = total_eq = 0
    misses = []
    for i, j in sorted(truth):
        # Lists of equal length name the same people: there every author has a counterpart.
        equal = len(lists[i]) == len(lists[j])
        for mine, other in ((lists[i], lists[j]), (lists[j], lists[i])):
            for a in mine:
                total += 1
                total_eq += equal
                if any(sm.same_author(a, b) >= sm.SAME_AUTHOR_THRESHOLD for b in other):
                    found += 1
                    found_eq += equal
                elif equal:
                    misses.append((a.display, [b.display for b in other]))
    print(f"DBLP-ACM: {found}/{total} author mentions find their counterpart: {found / total:.4f}")
    print(f"  where both lists have the same length: {found_eq}/{total_eq}: {found_eq / total_eq:.4f}")
    for name, other in misses[:show]:
        print(f"  miss: {name!r} not in {other}")
    return found / total


def cora(sample: int):
    frame, _ = ev.load_cora()
    rng = random.Random(0)
    rows = rng.sample(range(len(frame)), sample)
    for r in rows:
        authors, truncated = sm.parse_author_list(frame["authors"].iloc[r])
        print(f"  {len(authors)}{'+' if truncated else ''}  {frame['authors'].iloc[r]!r} -> {[a.display for a in authors]}")


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--misses", type=int, default=30)
    ap.add_argument("--cora-sample", type=int, default=0)
    a = ap.parse_args()
    dblp_acm(a.misses)
    if a.cora_sample:
        cora(a.cora_sample)
