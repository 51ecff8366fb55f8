"""Adding 1,000 records to a catalogue of N records (synthetic, bench/synthetic.py).

    .venv/bin/python bench/bench_catalog.py --sizes 10000 100000

The issue's floor is <= 2 s for 1,000 into 1,000,000. Each add deduplicates
the stored and new records together (the batch partition and IDs, exactly),
so its time grows with the catalogue, not with the 1,000 added.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(__file__))
import synthetic  # noqa: E402

import scholarmerge as sm  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    ap.add_argument("--added", type=int, default=1000)
    args = ap.parse_args()
    print(f"{'catalogue':>10} {'build s':>9} {'add ' + str(args.added) + ' s':>10} {'floor s':>8} {'ratio':>7}")
    for n in args.sizes:
        df = synthetic.make(n + args.added, seed=7)
        with tempfile.TemporaryDirectory() as d:
            cat = sm.Catalog(os.path.join(d, "c.sqlite"))
            t0 = time.perf_counter()
            cat.add(df.iloc[:n], skip_stored=False)
            built = time.perf_counter() - t0
            t0 = time.perf_counter()
            cat.add(df.iloc[n:], skip_stored=False)
            added = time.perf_counter() - t0
            cat.close()
        print(f"{n:>10} {built:>9.2f} {added:>10.2f} {2.0:>8.1f} {added / 2.0:>7.2f}", flush=True)


if __name__ == "__main__":
    main()
