"""scholarmerge's dedupe against Splink (DuckDB backend), side by side on the
same input: DBLP-ACM as distributed and synthetic records with known
duplicates (bench/synthetic.py).

    .venv/bin/python bench/bench_splink.py [--sizes dblp-acm,100000] [--tools scholarmerge,splink]

Needs `pip install 'splink>=4' duckdb` (not a dependency of the package).

One run of the script measures every (dataset, tool) pair in a forked child of
its own, as bench/bench_dedupe.py does, so that one contender's memory does not
count against the other. Each child loads the input itself (DBLP-ACM through
scholarmerge.evaluate.load_dblp_acm, synthetic through synthetic.cached(n) (bench/.cache) with
its fixed seed, so both tools see the same rows), then times the path from that
pandas frame to one cluster label per row:

- scholarmerge: `sm.dedupe(frame)` (the frame converted to Work objects
  inside, default threads = all cores);
- Splink: preprocessing the columns, registering the frame with DuckDB,
  unsupervised training (u by random sampling, lambda from a deterministic
  rule, m by EM), `predict` and `cluster_pairwise_predictions_at_threshold`,
  and reading the clusters back to pandas (DuckDB's default threads = all
  cores).

Peak memory is the resident set's high-water mark (VmHWM) of the child during
the timed section: it is reset (/proc/self/clear_refs) just before and read
just after, so it counts DuckDB's native allocations, which live outside the
Python heap but inside the process, and leaves out the scoring done afterwards.
"base MB" is the resident set when the timed section starts (interpreter,
imports, the input frame).

Scoring, untimed and the same for both tools: pairwise precision, recall and
F1 of the clusters against the known answer; on DBLP-ACM only cross-source
pairs count, exactly as scholarmerge.evaluate.score_dblp_acm does.

Prints a markdown table, then a breakdown of each tool's time.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import tempfile
import time

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

MATCH_PROBABILITY = 0.9  # Splink: predict and cluster at this match probability
U_MAX_PAIRS = 1e7  # Splink: pairs sampled to estimate u (its docs: 1e7 "often adequate")
DETERMINISTIC_RECALL = 0.7  # Splink: assumed recall of the exact-title rule (its docs' example value)


# --------------------------------------------------------------------------- memory

def _status_mb(field: str) -> float:
    with open("/proc/self/status") as f:
        m = re.search(rf"^{field}:\s+(\d+) kB", f.read(), re.M)
    return int(m.group(1)) / 1024 if m else float("nan")


def _reset_peak() -> bool:
    try:
        with open("/proc/self/clear_refs", "w") as f:
            f.write("5")  # resets VmHWM to the current RSS
        return True
    except OSError:
        return False


# --------------------------------------------------------------------------- inputs

def load(dataset: str):
    """(frame, truth pairs, allowed) for 'dblp-acm' or a synthetic size."""
    from scholarmerge import evaluate as ev

    if dataset == "dblp-acm":
        frame, truth = ev.load_dblp_acm()
        sides = frame["side"].tolist()
        return frame, truth, (lambda i, j: sides[i] != sides[j])
    import synthetic

    frame = synthetic.cached(int(dataset))
    return frame, None, None


# --------------------------------------------------------------------------- contenders

def run_ours(frame):
    import scholarmerge as sm

    t0 = time.perf_counter()
    labels = sm.dedupe(frame)
    return np.asarray(labels), {"dedupe": time.perf_counter() - t0}


def _splink_input(frame):
    """The columns the Splink model compares, cleaned as its docs suggest:
    lower case, punctuation to spaces, blanks to nulls."""
    import pandas as pd

    def clean(s):
        s = re.sub(r"[^\w\s]", " ", str(s).lower())
        s = " ".join(s.split())
        return s or None

    def surnames(a):
        if not isinstance(a, str) or not a.strip():
            return None
        out = []
        for name in a.split(","):
            toks = re.sub(r"[^\w\s]", " ", name.lower()).split()
            if toks:
                out.append(toks[-1])
        return out or None

    year = pd.to_numeric(frame["year"], errors="coerce").astype("Int64")
    return pd.DataFrame({
        "unique_id": np.arange(len(frame), dtype=np.int64),
        "title": frame["title"].map(clean),
        "surnames": frame["authors"].map(surnames) if "authors" in frame else None,
        "year": year,
    })


def run_splink(frame):
    import logging

    import splink.comparison_level_library as cll
    import splink.comparison_library as cl
    from splink import DuckDBAPI, Linker, SettingsCreator, block_on

    times = {}
    t0 = time.perf_counter()
    df = _splink_input(frame)
    db_api = DuckDBAPI()  # in-memory DuckDB connection
    sdf = db_api.register(df, dataset_display_name="input")
    times["prep+register"] = time.perf_counter() - t0

    first_title_word = "split_part(title, ' ', 1)"
    last_title_word = "string_split(title, ' ')[-1]"
    settings = SettingsCreator(
        link_type="dedupe_only",
        comparisons=[
            cl.JaroWinklerAtThresholds("title"),  # its default thresholds 0.9, 0.7
            cl.ArrayIntersectAtSizes("surnames", [2, 1]),
            cl.CustomComparison(
                output_column_name="year",
                comparison_levels=[
                    cll.NullLevel("year"),
                    cll.ExactMatchLevel("year"),
                    cll.AbsoluteDifferenceLevel("year", 1),
                    cll.ElseLevel(),
                ],
            ),
        ],
        blocking_rules_to_generate_predictions=[
            block_on(first_title_word),
            block_on(last_title_word),
            block_on("surnames[1]", "year"),
        ],
        retain_intermediate_calculation_columns=False,
    )
    linker = Linker(sdf, settings, log_level=logging.WARNING)

    t = time.perf_counter()
    linker.training.estimate_probability_two_random_records_match(
        [block_on("title", "year")], recall=DETERMINISTIC_RECALL)
    linker.training.estimate_u_using_random_sampling(max_pairs=U_MAX_PAIRS, seed=1)
    # Each EM session blocks on some columns and estimates the m of the others;
    # together they cover every comparison.
    linker.training.estimate_parameters_using_expectation_maximisation(block_on(first_title_word))
    linker.training.estimate_parameters_using_expectation_maximisation(block_on("surnames[1]", "year"))
    times["train"] = time.perf_counter() - t

    t = time.perf_counter()
    pairs = linker.inference.predict(threshold_match_probability=MATCH_PROBABILITY)
    times["predict"] = time.perf_counter() - t

    t = time.perf_counter()
    clusters = linker.clustering.cluster_pairwise_predictions_at_threshold(
        pairs, threshold_match_probability=MATCH_PROBABILITY)
    got = clusters.as_pandas_dataframe()[["unique_id", "cluster_id"]]
    labels = np.empty(len(frame), dtype=np.int64)
    labels[got["unique_id"].to_numpy(dtype=np.int64)] = got["cluster_id"].astype("category").cat.codes.to_numpy()
    times["cluster"] = time.perf_counter() - t
    times["total"] = time.perf_counter() - t0
    return labels, times


TOOLS = {"scholarmerge": run_ours, "splink": run_splink}


# --------------------------------------------------------------------------- scoring

def score(labels, frame, truth, allowed):
    """Pairwise P/R/F1 as scholarmerge.evaluate computes them; for very large
    predicted clusters (more than 30M pairs) the same numbers from cluster sizes."""
    from scholarmerge import evaluate as ev

    if truth is not None:  # DBLP-ACM: cross-source pairs only, as score_dblp_acm
        return ev.pairwise_scores(ev.cluster_pairs(labels, allowed=allowed), truth)
    true_labels = frame["truth"].to_numpy()
    _, sizes = np.unique(labels, return_counts=True)
    if int((sizes * (sizes - 1) // 2).sum()) <= 30_000_000:
        return ev.pairwise_scores(ev.cluster_pairs(labels), ev.cluster_pairs(true_labels))
    pairs = lambda c: int((c.astype(np.int64) * (c - 1) // 2).sum())  # noqa: E731
    predicted = pairs(sizes)
    true = pairs(np.unique(true_labels, return_counts=True)[1])
    both = pairs(np.unique(np.stack([labels, true_labels]), axis=1, return_counts=True)[1])
    p = both / predicted if predicted else 1.0
    r = both / true if true else 1.0
    return ev.Scores(p, r, 2 * p * r / (p + r) if p + r else 0.0, predicted, true)


# --------------------------------------------------------------------------- harness

def child(tool, dataset, out_path):
    frame, truth, allowed = load(dataset)
    if tool == "splink":  # imports are not part of the run
        import splink  # noqa: F401
        import splink.comparison_library  # noqa: F401
    base = _status_mb("VmRSS")
    reset = _reset_peak()
    t0 = time.perf_counter()
    labels, parts = TOOLS[tool](frame)
    seconds = time.perf_counter() - t0
    peak = _status_mb("VmHWM")
    s = score(labels, frame, truth, allowed)
    with open(out_path, "w") as f:
        json.dump({"seconds": seconds, "peak": peak, "base": base, "peak_is_run_only": reset,
                   "p": s.precision, "r": s.recall, "f1": s.f1, "predicted": s.predicted_pairs,
                   "true": s.true_pairs, "records": len(frame), "parts": parts}, f)


def measure(tool, dataset):
    fd, out = tempfile.mkstemp(suffix=".json")
    os.close(fd)
    sys.stdout.flush()
    sys.stderr.flush()
    pid = os.fork()
    if pid == 0:
        code = 0
        try:
            child(tool, dataset, out)
        except BaseException:
            import traceback

            with open(out, "w") as f:
                f.write("ERROR " + traceback.format_exc())
            code = 1
        finally:
            sys.stdout.flush()
            sys.stderr.flush()
            os._exit(code)
    _, status, usage = os.wait4(pid, 0)
    with open(out) as f:
        text = f.read()
    os.unlink(out)
    if not text or text.startswith("ERROR"):
        raise RuntimeError(f"{tool} on {dataset} failed (status {status}):\n{text}")
    result = json.loads(text)
    result["maxrss"] = usage.ru_maxrss / 1024  # whole child, scoring included
    return result


def versions():
    from importlib.metadata import PackageNotFoundError, version

    out = []
    for name in ("scholarmerge", "splink", "duckdb", "pandas"):
        try:
            out.append(f"{name} {version(name)}")
        except PackageNotFoundError:
            out.append(f"{name} ?")
    return ", ".join(out)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="dblp-acm,100000",
                    help="comma-separated: 'dblp-acm' and/or synthetic record counts")
    ap.add_argument("--tools", default="scholarmerge,splink")
    a = ap.parse_args()
    datasets = [x.strip() for x in a.sizes.split(",") if x.strip()]
    tools = [x.strip() for x in a.tools.split(",") if x.strip()]
    for t in tools:
        if t not in TOOLS:
            ap.error(f"unknown tool {t!r}; known: {', '.join(TOOLS)}")

    load1 = os.getloadavg()[0]
    print(f"<!-- {versions()}; {os.cpu_count()} cores, load average {load1:.1f} at start -->")
    print("| dataset | tool | records | wall s | peak MB | base MB | P | R | F1 | time vs scholarmerge |")
    print("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    details = []
    for d in datasets:
        name = "DBLP-ACM" if d == "dblp-acm" else f"synthetic {int(d):,}"
        ours = None
        for tool in tools:
            r = measure(tool, d)
            if tool == "scholarmerge":
                ours = r["seconds"]
            ratio = f"{r['seconds'] / ours:.1f}x" if ours else "-"
            star = "" if r["peak_is_run_only"] else "*"
            print(f"| {name} | {tool} | {r['records']:,} | {r['seconds']:.2f} | {r['peak']:.0f}{star} | "
                  f"{r['base']:.0f} | {r['p']:.4f} | {r['r']:.4f} | {r['f1']:.4f} | {ratio} |", flush=True)
            parts = ", ".join(f"{k} {v:.2f}s" for k, v in r["parts"].items())
            details.append(f"- {name}, {tool}: {parts}; predicted pairs {r['predicted']:,} (true {r['true']:,}); "
                           f"child max RSS incl. scoring {r['maxrss']:.0f} MB")
    print()
    print("Breakdown:")
    print("\n".join(details))


if __name__ == "__main__":
    main()
