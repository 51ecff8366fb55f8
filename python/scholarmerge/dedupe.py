"""Deduplication entry point: accepts a Corpus, Works, title strings or a DataFrame."""

from __future__ import annotations

import numpy as np
import pandas as pd

from . import _core
from .corpus import Corpus


def _arrow_text(series):
    """An Arrow-backed string column as its buffers (offsets, bytes, validity or
    None), which the core reads without a Python object per row; None for any
    other column (those go as lists)."""
    if not isinstance(series.dtype, pd.StringDtype) or not hasattr(series.array, "__arrow_array__"):
        return None
    try:
        import pyarrow as pa
    except ImportError:  # pragma: no cover - Arrow-backed strings come with pyarrow
        return None
    a = pa.array(series.array)  # no copy: the column's own buffers
    if isinstance(a, pa.ChunkedArray):
        a = a.combine_chunks()
    if len(a) == 0:
        return np.zeros(1, np.int64), np.zeros(0, np.uint8), None
    if pa.types.is_string(a.type):
        width = np.int32
    elif pa.types.is_large_string(a.type):
        width = np.int64
    else:
        return None
    _, offsets, data = a.buffers()
    offsets = np.frombuffer(offsets, dtype=width)[a.offset:a.offset + len(a) + 1].astype(np.int64)
    data = np.zeros(0, np.uint8) if data is None else np.frombuffer(data, dtype=np.uint8)
    valid = None if a.null_count == 0 else a.is_valid().to_numpy(zero_copy_only=False)
    return offsets, data, valid


def _text_column(df, name, arrow=True):
    """A column as str values ('' where missing); [] when there is no such column."""
    if name not in df.columns:
        return []
    buffers = _arrow_text(df[name]) if arrow else None
    if buffers is not None:
        return buffers
    return [v if isinstance(v, str) else "" for v in df[name].tolist()]


def _author_texts(series) -> list:
    """Author lists as text, None where missing; a list of names is joined by '; '."""
    out = []
    for names in series.tolist():
        if isinstance(names, str):
            out.append(names)
        elif isinstance(names, (list, tuple, np.ndarray)):
            out.append("; ".join(str(n) for n in names))  # ';' keeps "Surname, Given" whole
        else:
            out.append(None)
    return out


def _frame_columns(df, arrow: bool = False) -> dict:
    """The columns dedupe reads, as lists the C++ core takes whole; with `arrow`,
    Arrow-backed string columns go as their buffers instead (dedupe_columns
    reads those)."""
    if "title" not in df.columns:
        raise ValueError("dedupe: the DataFrame needs a 'title' column")
    titles = _arrow_text(df["title"]) if arrow else None  # missing titles are '' either way
    if titles is None:
        titles = [str(t) if isinstance(t, str) or (t is not None and not isinstance(t, float)) else ""
                  for t in df["title"].tolist()]
    authors = []
    if "authors" in df.columns:
        buffers = _arrow_text(df["authors"]) if arrow else None  # missing: None
        authors = buffers if buffers is not None else _author_texts(df["authors"])
    years = []
    if "year" in df.columns and pd.api.types.is_integer_dtype(df["year"].dtype) and not df["year"].hasnans:
        years = df["year"].tolist()  # plain ints already
    elif "year" in df.columns:
        years = [None if y is None or (isinstance(y, float) and np.isnan(y)) else int(y)
                 for y in df["year"].tolist()]
    return dict(titles=titles, authors=authors, years=years, venues=_text_column(df, "venue", arrow),
                sources=_text_column(df, "source", arrow), dois=_text_column(df, "doi", arrow),
                arxivs=_text_column(df, "arxiv", arrow), pages=_text_column(df, "pages", arrow),
                notes=_text_column(df, "note", arrow))


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
                   min_jaccard: float | None = None, sample_every: int = 1):
    """Labels plus the number of pairs compared and verified (for measuring the index).
    With ``sample_every`` k > 1 only every k-th row looks for matches among the
    rows before it, so the index's recall can be measured on a sample of a
    corpus too large for brute force (the labels are then partial)."""
    options = dict(threshold=float(threshold or 0.0), threads=threads, min_jaccard=float(min_jaccard or 0.0),
                   sample_every=int(sample_every))
    if _is_frame(data) and not brute_force:
        # Straight from the columns: no Work per row is ever held.
        return _core.dedupe_columns(**_frame_columns(data, arrow=True), **options)
    works = _as_works(data)
    fn = _core.dedupe_corpus if isinstance(works, _core.Corpus) else _core.dedupe_works
    return fn(works, brute_force=brute_force, **options)


def dedupe(data, threshold: float | None = None, threads: int = 0) -> np.ndarray:
    """One int64 label per input row; equal labels are the same work; a label is
    the index of the first row of its cluster."""
    return dedupe_details(data, threshold=threshold, threads=threads)[0]
