"""Adding 1,000 records to a catalogue of N records (synthetic, bench/synthetic.py).

    .venv/bin/python bench/bench_catalog.py --sizes 10000 100000 1000000

The issue's floor is <= 2 s for 1,000 into 1,000,000. The first add builds
the catalogue (a batch: every record deduplicated, the model fitted). Then:
``add s``: 1,000 records added by the process that built it, whose matcher
(the stored records prepared and indexed, catalog/matching.py) is in memory;
``cold add s``: 1,000 more added by a process that opens the file afresh, so
rebuilds that matcher from SQLite first. Neither refits (the refit rule: the
catalogue has not grown by half).
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
    print(f"{'catalogue':>10} {'build s':>9} {'add ' + str(args.added) + ' s':>10} {'floor s':>8} {'ratio':>7} "
          f"{'cold add s':>11}")
    for n in args.sizes:
        df = synthetic.make(n + 2 * args.added, seed=7)
        with tempfile.TemporaryDirectory() as d:
            path = os.path.join(d, "c.sqlite")
            cat = sm.Catalog(path)
            t0 = time.perf_counter()
            cat.add(df.iloc[:n], skip_stored=False)
            built = time.perf_counter() - t0
            t0 = time.perf_counter()
            changes = cat.add(df.iloc[n:n + args.added], skip_stored=False)
            added = time.perf_counter() - t0
            cat.close()
            assert changes.added == args.added
            cat = sm.Catalog(path)
            t0 = time.perf_counter()
            cat.add(df.iloc[n + args.added:], skip_stored=False)
            cold = time.perf_counter() - t0
            refits = cat._db.execute("SELECT COUNT(*) FROM changes WHERE detail LIKE '%\"refit\": true%'").fetchone()[0]
            cat.close()
        print(f"{n:>10} {built:>9.2f} {added:>10.2f} {2.0:>8.1f} {added / 2.0:>7.2f} {cold:>11.2f}"
              f"   (adds that refit: {refits} of 3)", flush=True)


if __name__ == "__main__":
    main()
