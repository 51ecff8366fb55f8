"""Deduplication entry point: accepts a Corpus, Works, title strings or a DataFrame."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any, Literal, NamedTuple, Union, overload

import numpy as np
import numpy.typing as npt
import pandas as pd

from . import _core
from .corpus import Corpus
from .decisions import DecisionsLike, apply_decisions, load_decisions
from .ids import record_keys, work_ids
from .tables import is_table, table_columns

#: What dedupe and fit take: a Corpus, Works, titles, or a table (pandas DataFrame with any dtype
#: backend, pyarrow Table, polars DataFrame; or a Series of titles).
Records = Union[Corpus, "_core.Corpus", pd.DataFrame, pd.Series, Iterable[str], Iterable["_core.Work"], Any]
#: Labelled row pairs: (i, j, same) triples, same a bool or "same" / "different"; or a 3-column DataFrame.
LabelledPairs = Union[Iterable[Sequence[Any]], pd.DataFrame]
#: One int64 label per row: the position of the first row of the row's cluster.
Labels = npt.NDArray[np.int64]
#: One stable work ID per row (str objects): see :mod:`scholarmerge.ids`.
WorkIds = npt.NDArray[np.object_]


def _arrow_text(series: pd.Series) -> tuple[Any, Any, Any] | None:
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
    width: Any
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


def _text_column(df: pd.DataFrame, name: str, arrow: bool = True) -> Any:
    """A column as str values ('' where missing); [] when there is no such column."""
    if name not in df.columns:
        return []
    buffers = _arrow_text(df[name]) if arrow else None
    if buffers is not None:
        return buffers
    return [v if isinstance(v, str) else "" for v in df[name].tolist()]


def _author_texts(series: pd.Series) -> list[str | None]:
    """Author lists as text, None where missing; a list of names is joined by '; '."""
    out: list[str | None] = []
    for names in series.tolist():
        if isinstance(names, str):
            out.append(names)
        elif isinstance(names, (list, tuple, np.ndarray)):
            out.append("; ".join(str(n) for n in names))  # ';' keeps "Surname, Given" whole
        else:
            out.append(None)
    return out


def _year_column(series: pd.Series) -> list[int | None]:
    """Years as int or None, from any dtype a user has: numpy ints or floats,
    nullable Int64/Float64 with NA, pyarrow-backed, or text ("1998.0", "June 1980")."""
    if pd.api.types.is_integer_dtype(series.dtype) and not series.hasnans:
        whole: list[int | None] = series.astype("int64").tolist()
        return whole
    if not (pd.api.types.is_numeric_dtype(series.dtype) or pd.api.types.is_bool_dtype(series.dtype)):
        text = series.astype("string")
        numeric = pd.to_numeric(text, errors="coerce")
        found = text.str.extract(r"(?<!\d)((?:1[5-9]|20)\d\d)(?!\d)", expand=False)  # a year within text
        series = numeric.fillna(pd.to_numeric(found, errors="coerce"))
    values = pd.to_numeric(series, errors="coerce").to_numpy(dtype="float64", na_value=np.nan)
    return [None if np.isnan(v) else int(v) for v in values]


def _frame_columns(df: pd.DataFrame, arrow: bool = False) -> dict[str, Any]:
    """The columns dedupe reads, as lists the C++ core takes whole; with `arrow`,
    Arrow-backed string columns go as their buffers instead (dedupe_columns
    reads those)."""
    if "title" not in df.columns:
        raise ValueError("dedupe: the DataFrame needs a 'title' column")
    titles: Any = _arrow_text(df["title"]) if arrow else None  # missing titles are '' either way
    if titles is None:
        titles = [str(t) if isinstance(t, str) or (t is not None and not isinstance(t, float)) else ""
                  for t in df["title"].tolist()]
    authors: Any = []
    if "authors" in df.columns:
        buffers = _arrow_text(df["authors"]) if arrow else None  # missing: None
        authors = buffers if buffers is not None else _author_texts(df["authors"])
    years = _year_column(df["year"]) if "year" in df.columns else []
    return dict(titles=titles, authors=authors, years=years, venues=_text_column(df, "venue", arrow),
                sources=_text_column(df, "source", arrow), dois=_text_column(df, "doi", arrow),
                arxivs=_text_column(df, "arxiv", arrow), pages=_text_column(df, "pages", arrow),
                notes=_text_column(df, "note", arrow))


def _works_from_frame(df: Any) -> _core.Corpus:
    """The rows of a table (pandas, pyarrow, polars) as works, built in C++
    from whole columns."""
    return _core.Corpus.from_columns(**table_columns(df))


def _is_frame(data: object) -> bool:
    return is_table(data)


def _as_works(data: Records) -> _core.Corpus | list[_core.Work]:
    """The works to compare: the C++ Corpus itself when there is one."""
    if isinstance(data, Corpus):
        return data._core
    if isinstance(data, _core.Corpus):
        return data
    try:
        import pandas as pd

        if is_table(data):
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
    raise TypeError("dedupe: expected a Corpus, a list of Work, a list of titles or a table (pandas, pyarrow, polars)")


def _corpus_of(data: Records, caller: str) -> _core.Corpus:
    """The records as one C++ Corpus (what the pair-wise entry points take)."""
    works = _as_works(data)
    if not isinstance(works, _core.Corpus):
        raise TypeError(f"{caller}: expected a Corpus, a list of titles or a DataFrame, not a list of Work")
    return works


class DedupeDetails(NamedTuple):
    """What :func:`dedupe_details` finds, for measuring the index and the model."""

    labels: Labels
    compared: int          # candidate pairs compared
    matched: int           # pairs decided the same work
    model: _core.MatchModel
    pattern_counts: npt.NDArray[np.uint64]  # candidate pairs per evidence pattern (what the model was fitted on)


def dedupe_details(data: Records, threshold: float | None = None, threads: int = 0, brute_force: bool = False,
                   min_jaccard: float | None = None, sample_every: int = 1,
                   model: _core.MatchModel | None = None) -> DedupeDetails:
    """Labels, the number of pairs compared and verified (for measuring the
    index), the fitted decision model and the pattern counts it was fitted on.
    With ``sample_every`` k > 1 only every k-th row looks for matches among the
    rows before it, so the index's recall can be measured on a sample of a
    corpus too large for brute force (the labels are then partial)."""
    options: dict[str, Any] = dict(threshold=float(threshold or 0.0), threads=threads, min_jaccard=float(min_jaccard or 0.0),
                   sample_every=int(sample_every), model=model)
    if _is_frame(data) and not brute_force:
        # Straight from the columns: no Work per row is ever held.
        return DedupeDetails(*_core.dedupe_columns(**table_columns(data), **options))
    works = _as_works(data)
    if isinstance(works, _core.Corpus):
        return DedupeDetails(*_core.dedupe_corpus(works, brute_force=brute_force, **options))
    return DedupeDetails(*_core.dedupe_works(works, brute_force=brute_force, **options))


@overload
def dedupe(data: Records, threshold: float | None = None, threads: int = 0, labels: LabelledPairs | None = None,
           model: _core.MatchModel | None = None, ids: Literal[False] = False, decisions: DecisionsLike | None = None,
           **options: Any) -> Labels: ...
@overload
def dedupe(data: Records, threshold: float | None = None, threads: int = 0, labels: LabelledPairs | None = None,
           model: _core.MatchModel | None = None, *, ids: Literal[True], decisions: DecisionsLike | None = None,
           **options: Any) -> WorkIds: ...
def dedupe(data: Records, threshold: float | None = None, threads: int = 0, labels: LabelledPairs | None = None,
           model: _core.MatchModel | None = None, ids: bool = False, decisions: DecisionsLike | None = None,
           **options: Any) -> Labels | WorkIds:
    """One int64 label per input row; equal labels are the same work; a label is
    the index of the first row of its cluster. `threshold` is the match
    probability at which a pair is the same work (default 0.5). `labels`:
    labelled row pairs that refine the model fitted on `data` (see `fit`);
    `model`: decide with this model instead of fitting one. `ids=True`: stable
    work IDs (strings, see :mod:`scholarmerge.ids`) instead of row labels,
    unchanged by reordering the input or adding unrelated records.
    `decisions`: reviewed pairs by record key (a TSV path or DataFrame, see
    :mod:`scholarmerge.decisions`) that the clusters honour. Any other
    keyword is an OptionError naming the nearest of these.

    >>> import pandas as pd
    >>> df = pd.DataFrame({"title": ["Deep learning", "Deep Learning.", "Graph cuts in vision"],
    ...                    "authors": ["Yann LeCun; Yoshua Bengio", "Y. LeCun; Y. Bengio", "Yuri Boykov"],
    ...                    "year": [2015, 2015, 2001], "source": ["dblp", "acm", "dblp"]})
    >>> sm.dedupe(df).tolist()
    [0, 0, 2]
    >>> sm.dedupe(["Deep learning", "Deep Learning.", "Graph cuts"]).tolist()
    [0, 0, 2]
    >>> work = sm.dedupe(df, ids=True)
    >>> work[0] == work[1] != work[2], work[0][0], len(work[0])
    (True, 'W', 17)
    """
    _core.check_option_names("dedupe: ", list(options),
                             ["threshold", "threads", "labels", "model", "ids", "decisions"])
    if ids or decisions is not None:  # the records are read once, for the labels and the keys
        corpus = _corpus_of(data, "dedupe(ids=True or decisions=...)") if decisions is not None else _as_works(data)
        data = corpus
    if labels is not None:
        if model is not None:
            raise ValueError("dedupe: give labels or a model, not both")
        model = fit(data, threads=threads, labels=labels)
    details = dedupe_details(data, threshold=threshold, threads=threads, model=model)
    found = details.labels
    if not ids and decisions is None:
        return found
    keys = record_keys(corpus)
    if decisions is not None:
        assert isinstance(corpus, _core.Corpus)
        found = apply_decisions(corpus, keys, found, load_decisions(decisions), details.model, threshold or 0.5)
    return work_ids(keys, found) if ids else found


def _labelled_pairs(labels: LabelledPairs, n: int) -> tuple[list[tuple[int, int]], list[bool]]:
    """(pairs, same) from (i, j, same) triples or a 3-column DataFrame; `same`
    is a bool or the decisions file's words "same" / "different"."""
    rows = labels.itertuples(index=False) if isinstance(labels, pd.DataFrame) else labels
    pairs: list[tuple[int, int]] = []
    same: list[bool] = []
    for k, row in enumerate(rows):
        try:
            i, j, verdict = row
        except (TypeError, ValueError):
            raise ValueError(f"labels: row {k} is not an (i, j, same) triple: {row!r}") from None
        if isinstance(verdict, str):
            if verdict.strip().lower() not in ("same", "different"):
                raise ValueError(f"labels: row {k}: {verdict!r} is neither 'same' nor 'different'")
            verdict = verdict.strip().lower() == "same"
        i, j = int(i), int(j)
        if not (0 <= i < n and 0 <= j < n):
            raise IndexError(f"labels: row {k}: pair ({i}, {j}) is outside the {n} records")
        pairs.append((i, j))
        same.append(bool(verdict))
    return pairs, same


def fit(data: Records, threads: int = 0, labels: LabelledPairs | None = None) -> _core.MatchModel:
    """The decision model dedupe fits on `data` (m, u and prior by EM over its
    candidate pairs). With `labels`, row pairs (i, j, same) known to be one
    work or not, the m and u are then re-estimated from those pairs' evidence,
    the unsupervised estimates weighing as pseudo-pairs (supervised
    Fellegi-Sunter; the prior stays the corpus's).

    >>> import pandas as pd
    >>> df = pd.DataFrame({"title": ["Deep learning", "Deep Learning.", "Graph cuts in vision"],
    ...                    "authors": ["Yann LeCun; Yoshua Bengio", "Y. LeCun; Y. Bengio", "Yuri Boykov"],
    ...                    "year": [2015, 2015, 2001], "source": ["dblp", "acm", "dblp"]})
    >>> model = sm.fit(df, labels=[(0, 1, "same"), (0, 2, "different")])
    >>> sm.dedupe(df, model=model).tolist()
    [0, 0, 2]
    """
    model = dedupe_details(data, threads=threads).model
    if labels is None:
        return model
    works = _corpus_of(data, "fit")
    pairs, same = _labelled_pairs(labels, len(works))
    return _core.fit_labelled_corpus(works, pairs, same, model)


def score_pairs(data: Records, pairs: Iterable[tuple[int, int]], model: _core.MatchModel | None = None) -> list[float]:
    """The match probability of each (i, j) row pair, decided alone (no
    clustering): the records prepared with all of `data`, under `model`
    (default: the one dedupe fits on `data`)."""
    works = _corpus_of(data, "score_pairs")
    explanations, _ = _core.explain_corpus_pairs(works, [(int(i), int(j)) for i, j in pairs], model)
    return [e["probability"] for e in explanations]
