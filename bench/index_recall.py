"""Recall of the candidate index against brute force: of the pairs the
verifier accepts when every pair is compared, the share it accepts among the
index's candidates (same settings, same verifier).

    python bench/index_recall.py [--sizes 10000,20000] [--sampled 1000000:1000] [--benchmarks]
                                 [--vocabulary growing|fixed]

--sizes: synthetic corpora (bench/synthetic.py) compared in full; --sampled
n:k: only every k-th row looks for matches among the rows before it, in both
runs, for corpora too large for all pairs; --benchmarks: DBLP-ACM and Cora
(../shared/benchmarks). Prints a markdown table.
"""

from __future__ import annotations

import argparse
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import synthetic  # noqa: E402

from scholarmerge.dedupe import dedupe_details  # noqa: E402


def measure(name, frame, every, threads):
    t0 = time.perf_counter()
    details = dedupe_details(frame, threads=1, sample_every=every)
    compared, matched = details.compared, details.matched
    seconds = time.perf_counter() - t0
    t0 = time.perf_counter()
    # The same model decides both: brute force would fit its own on all pairs.
    compared_all, matched_all = dedupe_details(frame, brute_force=True, threads=threads, sample_every=every,
                                               model=details.model)[1:3]
    brute = time.perf_counter() - t0
    rows = f"every {every:,}" if every > 1 else "all"
    print(f"| {name} | {len(frame):,} | {rows} | {compared:,} of {compared_all:,} ({compared / compared_all:.4%}) "
          f"| {matched:,} of {matched_all:,} | **{matched / matched_all:.4f}** | {seconds:.2f} / {brute:.0f} |",
          flush=True)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="10000,20000")
    ap.add_argument("--sampled", default="", help="n:k,... synthetic n rows, every k-th row looks for matches")
    ap.add_argument("--benchmarks", action="store_true")
    ap.add_argument("--threads", type=int, default=2, help="for brute force")
    ap.add_argument("--vocabulary", choices=["growing", "fixed"], default="growing",
                    help="synthetic titles: bench/synthetic.py's growing vocabulary or its fixed 20,000 words")
    a = ap.parse_args()
    growing = a.vocabulary == "growing"
    print("| data | records | rows looking | pairs compared (index of all) | pairs verified (index of all) "
          "| recall | s (index / all) |")
    print("|---|---:|---|---:|---:|---:|---:|")
    if a.benchmarks:
        from scholarmerge import evaluate as ev

        measure("DBLP-ACM", ev.load_dblp_acm()[0], 1, a.threads)
        measure("Cora", ev.load_cora()[0], 1, a.threads)
    for n in (int(x) for x in a.sizes.split(",") if x):
        measure("synthetic", synthetic.cached(n, growing=growing), 1, a.threads)
    for spec in (x for x in a.sampled.split(",") if x):
        n, every = (int(v) for v in spec.split(":"))
        measure("synthetic", synthetic.cached(n, growing=growing), every, a.threads)


if __name__ == "__main__":
    main()
