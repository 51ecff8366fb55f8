"""Adding 1,000 records to a catalogue of N records (synthetic, bench/synthetic.py).

    .venv/bin/python bench/bench_catalog.py --sizes 10000 100000 1000000

The issue's floor is <= 2 s for 1,000 into 1,000,000. The first add builds
the catalogue (``build s``: a batch, every record deduplicated, the model
fitted, the matcher's snapshot stored). Then, none of them refitting (the
catalogue has not grown by half):

- ``add s``: 1,000 records added by the process that built it, whose matcher
  (catalog/matching.py) is in memory;
- ``cold add s``: 1,000 more added in a fresh process: ``sm.Catalog(path)``
  and ``add``, timed inside it, so opening the file and restoring the stored
  matcher are counted, the interpreter's start and imports not;
- ``cold CLI s``: 1,000 more by ``scholarmerge catalog add DB part.csv`` in a
  fresh process, its whole wall time (interpreter start, imports, reading the
  CSV, printing the changes).

The ratio is each add's time over the floor (under 1: within it).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(__file__))
import synthetic  # noqa: E402

import scholarmerge as sm  # noqa: E402

FLOOR_S = 2.0

COLD_ADD = """
import sys, time, pandas as pd, scholarmerge as sm
frame = pd.read_csv(sys.argv[2], keep_default_na=False)
t0 = time.perf_counter()
with sm.Catalog(sys.argv[1]) as cat:
    changes = cat.add(frame, skip_stored=False)
print(time.perf_counter() - t0, changes.added)
"""


def cold_add(path: str, part: str) -> float:
    out = subprocess.run([sys.executable, "-W", "error::UserWarning", "-c", COLD_ADD, path, part],
                         check=True, capture_output=True, text=True).stdout.split()
    return float(out[0])


def cold_cli(path: str, part: str) -> float:
    cli = os.path.join(os.path.dirname(sys.executable), "scholarmerge")
    t0 = time.perf_counter()
    subprocess.run([cli, "catalog", "add", path, part], check=True, capture_output=True)
    return time.perf_counter() - t0


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    ap.add_argument("--added", type=int, default=1000)
    args = ap.parse_args()
    a = args.added
    print(f"{'catalogue':>10} {'build s':>9} {'add ' + str(a) + ' s':>10} {'cold add s':>11} {'cold CLI s':>11} "
          f"{'floor s':>8} {'ratio add':>10} {'ratio cold':>11} {'ratio CLI':>10}")
    for n in args.sizes:
        df = synthetic.make(n + 3 * a, seed=7)
        df = df[[c for c in df.columns if c != "truth"]]
        with tempfile.TemporaryDirectory() as d:
            path = os.path.join(d, "c.sqlite")
            parts = []
            for k in (1, 2):
                parts.append(os.path.join(d, f"part{k}.csv"))
                df.iloc[n + k * a:n + (k + 1) * a].to_csv(parts[-1], index=False)
            cat = sm.Catalog(path)
            t0 = time.perf_counter()
            cat.add(df.iloc[:n], skip_stored=False)
            built = time.perf_counter() - t0
            t0 = time.perf_counter()
            changes = cat.add(df.iloc[n:n + a], skip_stored=False)
            added = time.perf_counter() - t0
            cat.close()
            assert changes.added == a
            cold = cold_add(path, parts[0])
            cli = cold_cli(path, parts[1])
            with sm.Catalog(path) as cat:
                assert len(cat) == n + 3 * a, len(cat)
                refits = cat._db.execute("SELECT COUNT(*) FROM changes WHERE detail LIKE '%\"refit\": true%'"
                                         ).fetchone()[0]
            size_mb = os.path.getsize(path) / 1e6
        print(f"{n:>10} {built:>9.2f} {added:>10.2f} {cold:>11.2f} {cli:>11.2f} {FLOOR_S:>8.1f} "
              f"{added / FLOOR_S:>10.2f} {cold / FLOOR_S:>11.2f} {cli / FLOOR_S:>10.2f}"
              f"   (adds that refit: {refits} of 4; file {size_mb:.0f} MB)", flush=True)


if __name__ == "__main__":
    main()
