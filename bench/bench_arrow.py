"""Arrow and Parquet at the Python edge, on two corpus shapes.

Shapes (OpenAlex-like works from bench_json.openalex_work, read with sm.read):
  abstract-heavy: as generated (about 5 authors, abstracts up to 250 words);
  author-heavy:   12 authors per work, no abstract.

Rows (best of --repeat):
  to_arrow        corpus.to_arrow(): the core lays out Arrow buffers, pyarrow wraps them
  from_pylist     pyarrow's own ceiling for Python data: Table.from_pylist of dicts
                  already built (building them is not counted)
  pandas_dicts    the old to_pandas: a DataFrame from per-row Python values (corpus.columns())
  to_pandas       corpus.to_pandas(), through Arrow
  to_parquet      corpus.to_parquet(path)
  read_parquet    sm.read(path) of that file
  dedupe_table    sm.dedupe of the works as a pyarrow table (title, year, venue, authors text)

    .venv/bin/python bench/bench_arrow.py --works 50000
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(__file__))

import pandas as pd  # noqa: E402
import pyarrow as pa  # noqa: E402
from bench_json import openalex_work  # noqa: E402

import scholarmerge as sm  # noqa: E402


def make_corpus(shape: str, n: int, seed: int, folder: str) -> sm.Corpus:
    rng = random.Random(seed)
    path = os.path.join(folder, f"{shape}.jsonl")
    with open(path, "w", encoding="utf-8") as f:
        for i in range(n):
            w = openalex_work(rng, i)
            if shape == "author-heavy":
                w["abstract_inverted_index"] = None
                first = w["authorships"][0]
                w["authorships"] = [dict(first, raw_author_name=f"{first['raw_author_name']} {k}",
                                         author=dict(first["author"], display_name=f"{first['author']['display_name']} {k}"))
                                    for k in range(12)]
            f.write(json.dumps(w, ensure_ascii=False) + "\n")
    return sm.read(path, format="openalex", progress=False)


def best(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def as_dicts(corpus: sm.Corpus) -> tuple[list[dict], list[dict]]:
    works, authors = [], []
    for i, w in enumerate(corpus):
        works.append(dict(title=w.title, authors_truncated=w.authors_truncated, year=w.year, date=w.date, venue=w.venue,
                          abstract=w.abstract, category=w.category, ids=w.ids, links=w.links, source=w.source,
                          source_format=w.source_format, source_line=w.source_line))
        for a in w.authors:
            authors.append(dict(work=i, raw=a.raw, display=a.display, given=a.given, surname=a.surname,
                                initials=a.initials, suffix=a.suffix, key=a.key, id=a.id,
                                affiliations=a.affiliations, equal_contribution=a.equal_contribution,
                                highlighted=a.highlighted))
    return works, authors


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--works", type=int, default=50000)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        rows = {}
        for shape in ("abstract-heavy", "author-heavy"):
            corpus = make_corpus(shape, args.works, args.seed, folder)
            n_authors = sum(len(w.authors) for w in corpus)
            works_d, authors_d = as_dicts(corpus)
            path = os.path.join(folder, f"{shape}.parquet")
            t = {}
            t["to_arrow"] = best(corpus.to_arrow, args.repeat)
            t["from_pylist"] = best(lambda: (pa.Table.from_pylist(works_d), pa.Table.from_pylist(authors_d)), args.repeat)
            t["pandas_dicts"] = best(lambda: pd.DataFrame(corpus._core.columns()), args.repeat)
            t["to_pandas"] = best(corpus.to_pandas, args.repeat)
            t["to_parquet"] = best(lambda: corpus.to_parquet(path), args.repeat)
            t["read_parquet"] = best(lambda: sm.read(path), args.repeat)
            works, _ = corpus.to_arrow()
            table = pa.table({"title": works["title"], "year": works["year"], "venue": works["venue"],
                              "authors": pa.array(["; ".join(a.display for a in w.authors) for w in corpus])})
            t["dedupe_table"] = best(lambda: sm.dedupe(table), 1)
            rows[shape] = (len(corpus), n_authors, os.path.getsize(path), t)
        print(f"{'shape':16} {'works':>7} {'authors':>8} {'parquet MB':>10}")
        for shape, (n, m, size, _) in rows.items():
            print(f"{shape:16} {n:7d} {m:8d} {size / 2**20:10.1f}")
        print()
        print(f"{'operation':14}" + "".join(f" {s + ' s':>17}" for s in rows))
        for op in ("to_arrow", "from_pylist", "pandas_dicts", "to_pandas", "to_parquet", "read_parquet", "dedupe_table"):
            print(f"{op:14}" + "".join(f" {t[op]:17.3f}" for *_, t in rows.values()))
        print()
        print("ratios (how many times faster to_arrow / to_pandas are than the peer)")
        for label, ours, peer in (("to_arrow vs Table.from_pylist", "to_arrow", "from_pylist"),
                                  ("to_arrow vs DataFrame of dicts", "to_arrow", "pandas_dicts"),
                                  ("to_pandas vs DataFrame of dicts", "to_pandas", "pandas_dicts")):
            print(f"{label:34}" + "".join(f" {t[peer] / t[ours]:15.1f}x" for *_, t in rows.values()))


if __name__ == "__main__":
    main()
