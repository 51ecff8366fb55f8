"""Deduplication entry point: accepts a Corpus, Works, title strings or a DataFrame."""

from __future__ import annotations

import numpy as np

from . import _core
from .corpus import Corpus


def _works_from_frame(df) -> list:
    if "title" not in df.columns:
        raise ValueError("dedupe: the DataFrame needs a 'title' column")
    works = []
    for row in df.itertuples(index=False):
        w = _core.Work()
        w.title = str(getattr(row, "title") or "")
        if "authors" in df.columns:
            names = getattr(row, "authors")
            if isinstance(names, str):
                w.authors = _core.parse_author_list(names)[0]
            elif names is not None and not (isinstance(names, float) and np.isnan(names)):
                w.authors = [_core.parse_name(str(n)) for n in names]
        if "year" in df.columns:
            y = getattr(row, "year")
            if y is not None and not (isinstance(y, float) and np.isnan(y)):
                w.year = int(y)
        if "venue" in df.columns and isinstance(getattr(row, "venue"), str):
            w.venue = getattr(row, "venue")
        if "source" in df.columns and isinstance(getattr(row, "source"), str):
            w.source = getattr(row, "source")
        ids = {}
        for key in ("doi", "arxiv"):
            if key in df.columns and isinstance(getattr(row, key), str):
                ids[key] = getattr(row, key)
        w.ids = ids
        works.append(w)
    return works


def _as_works(data):
    """The works to compare: the C++ Corpus itself when there is one."""
    if isinstance(data, Corpus):
        return data._core
    if isinstance(data, _core.Corpus):
        return data
    try:
        import pandas as pd

        if isinstance(data, pd.DataFrame):
            return _works_from_frame(data)
        if isinstance(data, pd.Series):
            data = data.tolist()
    except ImportError:  # pragma: no cover - pandas is a dependency
        pass
    items = list(data)
    if all(isinstance(x, str) for x in items):
        works = []
        for t in items:
            w = _core.Work()
            w.title = t
            works.append(w)
        return works
    if all(isinstance(x, _core.Work) for x in items):
        return items
    raise TypeError("dedupe: expected a Corpus, a list of Work, a list of titles or a DataFrame")


def dedupe_details(data, threshold: float | None = None, threads: int = 0, brute_force: bool = False,
                   min_jaccard: float | None = None):
    """Labels plus the number of pairs compared and verified (for measuring the index)."""
    works = _as_works(data)
    fn = _core.dedupe_corpus if isinstance(works, _core.Corpus) else _core.dedupe_works
    return fn(works, threshold=float(threshold or 0.0), threads=threads, brute_force=brute_force,
              min_jaccard=float(min_jaccard or 0.0))


def dedupe(data, threshold: float | None = None, threads: int = 0) -> np.ndarray:
    """One int64 label per input row; equal labels are the same work; a label is
    the index of the first row of its cluster."""
    return dedupe_details(data, threshold=threshold, threads=threads)[0]
