"""Deduplication entry point: accepts a Corpus, Works, title strings or a DataFrame."""

from __future__ import annotations

import numpy as np

from . import _core
from .corpus import Corpus


def _text_column(df, name) -> list:
    """A column as a list of str ('' where missing); [] when there is no such column."""
    if name not in df.columns:
        return []
    return [v if isinstance(v, str) else "" for v in df[name].tolist()]


def _frame_columns(df) -> dict:
    """The columns dedupe reads, as lists the C++ core takes whole."""
    if "title" not in df.columns:
        raise ValueError("dedupe: the DataFrame needs a 'title' column")
    titles = [str(t) if isinstance(t, str) or (t is not None and not isinstance(t, float)) else ""
              for t in df["title"].tolist()]
    authors = []
    if "authors" in df.columns:
        for names in df["authors"].tolist():
            if isinstance(names, str):
                authors.append(names)
            elif isinstance(names, (list, tuple, np.ndarray)):
                authors.append("; ".join(str(n) for n in names))  # ';' keeps "Surname, Given" whole
            else:
                authors.append(None)
    years = []
    if "year" in df.columns:
        years = [None if y is None or (isinstance(y, float) and np.isnan(y)) else int(y)
                 for y in df["year"].tolist()]
    return dict(titles=titles, authors=authors, years=years, venues=_text_column(df, "venue"),
                sources=_text_column(df, "source"), dois=_text_column(df, "doi"), arxivs=_text_column(df, "arxiv"))


def _works_from_frame(df) -> "_core.Corpus":
    """The rows of a DataFrame as works, built in C++ from whole columns."""
    return _core.Corpus.from_columns(**_frame_columns(df))


def _is_frame(data) -> bool:
    try:
        import pandas as pd
    except ImportError:  # pragma: no cover - pandas is a dependency
        return False
    return isinstance(data, pd.DataFrame)


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
        return _core.Corpus.from_columns(items)
    if all(isinstance(x, _core.Work) for x in items):
        return items
    raise TypeError("dedupe: expected a Corpus, a list of Work, a list of titles or a DataFrame")


def dedupe_details(data, threshold: float | None = None, threads: int = 0, brute_force: bool = False,
                   min_jaccard: float | None = None):
    """Labels plus the number of pairs compared and verified (for measuring the index)."""
    options = dict(threshold=float(threshold or 0.0), threads=threads, min_jaccard=float(min_jaccard or 0.0))
    if _is_frame(data) and not brute_force:
        # Straight from the columns: no Work per row is ever held.
        return _core.dedupe_columns(**_frame_columns(data), **options)
    works = _as_works(data)
    fn = _core.dedupe_corpus if isinstance(works, _core.Corpus) else _core.dedupe_works
    return fn(works, brute_force=brute_force, **options)


def dedupe(data, threshold: float | None = None, threads: int = 0) -> np.ndarray:
    """One int64 label per input row; equal labels are the same work; a label is
    the index of the first row of its cluster."""
    return dedupe_details(data, threshold=threshold, threads=threads)[0]
