"""Deduplication speed and quality, side by side on the same synthetic input
(bench/synthetic.py: known duplicates), each contender in its own process so
its peak memory is its own.

    python bench/bench_dedupe.py [--sizes 10000,100000,1000000] [--rapidfuzz 20000] [--minhash 100000,1000000]
                                 [--vocabulary growing|fixed]

Prints markdown tables: wall time, peak RSS, pairwise P/R/F1 against the known answer.
"""

from __future__ import annotations

import argparse
import os
import sys
import time

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import synthetic  # noqa: E402

from scholarmerge import evaluate as ev  # noqa: E402


def labels_from_pairs(n, rows, cols):
    from scholarmerge.cluster import labels_from_pairs as lp

    return lp(n, rows, cols)


def run_ours(df, threads):
    import scholarmerge as sm

    t0 = time.perf_counter()
    labels = sm.dedupe(df, threads=threads)  # from the DataFrame: author lists parsed, works built, compared
    return labels, time.perf_counter() - t0


def run_rapidfuzz(df):
    from rapidfuzz import fuzz, process, utils

    titles = df["title"].tolist()
    t0 = time.perf_counter()
    m = process.cdist(titles, titles, scorer=fuzz.ratio, processor=utils.default_process,
                      score_cutoff=85, dtype=np.uint8, workers=1)
    rows, cols = np.nonzero(m)
    labels = labels_from_pairs(len(titles), rows, cols)
    return labels, time.perf_counter() - t0


def run_minhash(df):
    from datasketch import MinHash, MinHashLSH

    titles = df["title"].str.lower().tolist()
    t0 = time.perf_counter()
    lsh = MinHashLSH(threshold=0.7, num_perm=64)
    hashes = []
    for i, t in enumerate(titles):
        mh = MinHash(num_perm=64)
        for k in range(max(1, len(t) - 2)):
            mh.update(t[k:k + 3].encode())
        hashes.append(mh)
        lsh.insert(i, mh)
    rows, cols = [], []
    for i, mh in enumerate(hashes):
        for j in lsh.query(mh):
            if j > i:
                rows.append(i)
                cols.append(j)
    labels = labels_from_pairs(len(titles), np.array(rows, dtype=np.int64), np.array(cols, dtype=np.int64))
    return labels, time.perf_counter() - t0


GROWING = True  # the vocabulary grows with the corpus (v4); --vocabulary fixed: 20,000 words (v2)


def child(tool, n, threads, queue_path):
    df = synthetic.cached(n, growing=GROWING)
    fn = {"scholarmerge": lambda d: run_ours(d, threads), "rapidfuzz cdist": run_rapidfuzz,
          "datasketch MinHashLSH": run_minhash}[tool]
    labels, seconds = fn(df)
    s = ev.pairwise_scores(ev.cluster_pairs(labels), ev.cluster_pairs(df["truth"].tolist()))
    with open(queue_path, "w") as f:
        f.write(f"{seconds}\t{s.precision}\t{s.recall}\t{s.f1}\n")


def measure(tool, n, threads=1):
    import tempfile

    out = tempfile.mktemp()
    pid = os.fork()
    if pid == 0:
        try:
            child(tool, n, threads, out)
        except BaseException:
            import traceback

            with open(out, "w") as f:
                f.write("ERROR " + traceback.format_exc())
        finally:
            os._exit(0)
    _, status, usage = os.wait4(pid, 0)
    if os.WIFSIGNALED(status):  # the OOM killer, most likely
        return None, usage.ru_maxrss / 1024, f"killed by signal {os.WTERMSIG(status)}"
    with open(out) as f:
        text = f.read()
    if text.startswith("ERROR"):
        raise RuntimeError(f"{tool} on {n} records failed:\n{text}")
    seconds, p, r, f1 = map(float, text.split())
    os.unlink(out)
    return seconds, usage.ru_maxrss / 1024, (p, r, f1)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="10000,100000,1000000")
    ap.add_argument("--rapidfuzz", type=int, default=20000, help="0 leaves RapidFuzz out")
    ap.add_argument("--minhash", default="100000")
    ap.add_argument("--vocabulary", choices=["growing", "fixed"], default="growing",
                    help="synthetic titles: a vocabulary growing with n as real titles' (Heaps' law) or 20,000 words")
    a = ap.parse_args()
    global GROWING
    GROWING = a.vocabulary == "growing"
    print(f"Synthetic corpus: {a.vocabulary} vocabulary (bench/synthetic.py).\n")
    print("| contender | records | wall s | peak RSS MB | P | R | F1 |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    rows = [("scholarmerge", a.rapidfuzz, 1), ("rapidfuzz cdist", a.rapidfuzz, 1)] if a.rapidfuzz else []
    rows += [x for n in a.minhash.split(",") if n for x in
             [("scholarmerge", int(n), 1), ("datasketch MinHashLSH", int(n), 1)]]
    for tool, n, threads in rows:
        s, mb, q = measure(tool, n, threads)
        if s is None:
            print(f"| {tool} | {n:,} | {q} | {mb:.0f} | | | |", flush=True)
        else:
            print(f"| {tool} | {n:,} | {s:.2f} | {mb:.0f} | {q[0]:.4f} | {q[1]:.4f} | {q[2]:.4f} |", flush=True)
    print()
    print("Scaling (scholarmerge, one thread and two):")
    print("| records | 1 thread s | 2 threads s | peak RSS MB | F1 |")
    print("|---:|---:|---:|---:|---:|")
    for n in (int(x) for x in a.sizes.split(",") if x):
        # Above three million records only the two-thread run: each run of ten million holds 15 GB.
        one = measure("scholarmerge", n, 1) if n <= 3_000_000 else None
        s2, mb2, q2 = measure("scholarmerge", n, 2)
        s1 = f"{one[0]:.2f}" if one and one[0] is not None else "-"
        mb = max(one[1], mb2) if one else mb2
        if s2 is None:
            print(f"| {n:,} | {s1} | {q2} | {mb:.0f} | |", flush=True)
        else:
            print(f"| {n:,} | {s1} | {s2:.2f} | {mb:.0f} | {q2[2]:.4f} |", flush=True)


if __name__ == "__main__":
    main()
