"""scholarmerge.dask on a LocalCluster against one process, on the same
synthetic records (bench/synthetic.py, growing vocabulary) read from Parquet.

    python bench/bench_dask.py [--records 10000000] [--workers 2] [--partitions 20] [--single | --compare]

Prints a markdown table: wall time, peak RSS of each worker and of the client,
F1 against the known answer, and (with --single, run first in its own
process) whether the labels equal the single-process ones.
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import time

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import synthetic  # noqa: E402

from scholarmerge import evaluate as ev  # noqa: E402

CACHE = os.path.join(os.path.dirname(os.path.abspath(__file__)), ".cache")


def parquet(n: int, partitions: int) -> str:
    """The synthetic records as `partitions` Parquet files, written once."""
    path = os.path.join(CACHE, f"synthetic_v4_{n}_{partitions}.parquet")
    if not os.path.exists(path):
        pid = os.fork()  # in a child: the frame must not count in this process's peak memory
        if pid == 0:
            try:
                import dask.dataframe as dd

                df = synthetic.cached(n)
                dd.from_pandas(df, npartitions=partitions, sort=False).to_parquet(path + ".tmp", write_index=False)
                os.replace(path + ".tmp", path)
            finally:
                os._exit(0)
        os.waitpid(pid, 0)
    return path


def single(n: int, threads: int) -> tuple:
    """sm.dedupe on the whole frame in a child process: (seconds, peak RSS MB, labels path)."""
    out = os.path.join(CACHE, f"labels_single_v4_{n}.npy")
    pid = os.fork()
    if pid == 0:
        try:
            import scholarmerge as sm

            df = synthetic.cached(n)
            t0 = time.perf_counter()
            labels = sm.dedupe(df, threads=threads)
            seconds = time.perf_counter() - t0
            np.save(out, labels)
            with open(out + ".txt", "w") as f:
                f.write(str(seconds))
        finally:
            os._exit(0)
    _, status, usage = os.wait4(pid, 0)
    if os.WIFSIGNALED(status):
        return None, usage.ru_maxrss / 1024, None
    with open(out + ".txt") as f:
        return float(f.read()), usage.ru_maxrss / 1024, out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--records", type=int, default=10_000_000)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--partitions", type=int, default=20)
    ap.add_argument("--memory-limit", default="10GB", help="per worker")
    ap.add_argument("--single", action="store_true", help="also run sm.dedupe in one process and compare")
    ap.add_argument("--compare", action="store_true",
                    help="compare with the labels an earlier --single run saved in bench/.cache")
    a = ap.parse_args()
    n = a.records
    path = parquet(n, a.partitions)

    ref = None
    saved = os.path.join(CACHE, f"labels_single_v4_{n}.npy")
    if a.compare and os.path.exists(saved):
        ref = saved
    if a.single:
        s, mb, ref = single(n, a.workers)
        print(f"single process ({a.workers} threads): {s:.1f} s, peak RSS {mb:.0f} MB" if s else
              f"single process: killed, peak RSS {mb:.0f} MB", flush=True)

    import dask.dataframe as dd
    from distributed import Client, LocalCluster

    import scholarmerge.dask as smd

    with LocalCluster(n_workers=a.workers, threads_per_worker=1, processes=True, memory_limit=a.memory_limit,
                      dashboard_address=None) as cluster, Client(cluster) as client:
        ddf = dd.read_parquet(path, columns=["title", "authors", "year"])
        t0 = time.perf_counter()
        labels = smd.dedupe_labels(ddf)
        seconds = time.perf_counter() - t0
        worker_mb = client.run(lambda: resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    client_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    truth = ev.cluster_pairs(synthetic.cached(n)["truth"].to_numpy())
    s = ev.pairwise_scores(ev.cluster_pairs(labels), truth)
    same = "-" if ref is None else ("yes" if np.array_equal(np.load(ref), labels) else "NO")
    print("| records | workers | partitions | wall s | peak RSS per worker MB | client peak MB | F1 | equal to one process |")
    print("|---:|---:|---:|---:|---|---:|---:|---|")
    per_worker = " / ".join(f"{v:.0f}" for v in worker_mb.values())
    print(f"| {n:,} | {a.workers} | {a.partitions} | {seconds:.1f} | {per_worker} | {client_mb:.0f} | {s.f1:.4f} | {same} |")


if __name__ == "__main__":
    main()
