"""Deduplication and merging of Dask DataFrames: the same labels, merged
works and people as one process, for data beyond one machine.

``dedupe(ddf)`` runs the stages of ``scholarmerge/distributed.hpp`` as Dask
tasks; the C++ core does the work in each, with the GIL released:

1. per partition: each row's title words, DOI/arXiv/title group keys, the
   keys of its title with one word left out, and its recurrence key, as
   64-bit hashes (``row_keys``);
2. global: word document frequencies (a tree reduction) ranked rarest first,
   and the short titles that recur within a source;
3. shuffle by blocking key: every row goes to the bucket of each of its prefix
   words, where ``prefix_join`` finds the pairs whose word sets reach the
   Jaccard bound (each pair in one bucket only); group keys (with those
   word-out keys, for rows whose word set is too small to survive a typo:
   ``group_entries``) go to buckets by key, where ``group_pairs`` pairs the
   first members of each group;
4. the connected components of those candidate pairs;
5. shuffle by component: ``verify_and_cluster`` compares the candidate pairs
   of each bucket of whole components and clusters them.

Rows in no candidate pair are their own work: only the components travel.
``merge(ddf)`` shuffles rows by work and merges each work in C++, and
shuffles author mentions by name key to resolve people as ``sm.merge`` does
(``scholarmerge.dask_people``); profiles (page owners) are not part of it.

Columns: ``title`` and any of ``authors``, ``year``, ``venue``, ``source``,
``doi``, ``arxiv``, ``pages``, ``note``. Give author lists as text (``"A. Smith; B. Jones"``):
Dask turns object columns, lists included, into strings by default
(``dataframe.convert-string``).
"""

from __future__ import annotations

import warnings
from typing import Any

import dask
import dask.dataframe as dd
import numpy as np
import numpy.typing as npt
import pandas as pd
from dask import delayed

from . import _core, dask_people
from .decisions import DecisionsLike, DecisionWarning, apply_decisions, load_decisions
from .dedupe import _frame_columns
from .ids import record_key
from .tables import table_columns

_stages = _core.distributed
_COLUMNS = ["title", "authors", "year", "venue", "source", "doi", "arxiv", "pages", "note"]


def _row_keys(part: pd.DataFrame) -> dict[Any, Any]:
    c = _frame_columns(part)
    return _stages.row_keys(c["titles"], c["sources"], c["dois"], c["arxivs"])


def _counts(values: np.ndarray) -> tuple[Any, ...]:
    words, counts = np.unique(values, return_counts=True)
    return words, counts.astype(np.uint64)


def _sum_counts(*parts: Any) -> tuple[Any, ...]:
    words = np.concatenate([p[0] for p in parts])
    counts = np.concatenate([p[1] for p in parts])
    distinct, at = np.unique(words, return_inverse=True)
    total = np.zeros(len(distinct), dtype=np.uint64)
    np.add.at(total, at, counts)
    return distinct, total


def _tree(parts: list[Any], combine: Any, fan_in: int = 8) -> Any:
    """Combine many delayed values in a tree, so no task holds them all at once."""
    while len(parts) > 1:
        parts = [delayed(combine)(*parts[i:i + fan_in]) for i in range(0, len(parts), fan_in)]
    return parts[0]


def _recurring_keys(words_counts: tuple[Any, ...]) -> Any:
    keys, counts = words_counts
    return keys[(counts > 1) & (keys != 0)]


def _group_buckets(keys: dict[Any, Any], first_row: int, ranks: dict[Any, Any], min_jaccard: float, buckets: int) -> list[Any]:
    """(key, row) entries of every group key, split by key into buckets."""
    k, r = _stages.group_entries(keys, first_row, ranks, min_jaccard)
    b = k % np.uint64(buckets)
    return [(k[b == i], r[b == i]) for i in range(buckets)]


def _group_pairs(*parts: Any) -> tuple[Any, ...]:
    keys = np.concatenate([p[0] for p in parts]) if parts else np.zeros(0, np.uint64)
    rows = np.concatenate([p[1] for p in parts]) if parts else np.zeros(0, np.int64)
    return _stages.group_pairs(keys, rows)


def _prefix_join(min_jaccard: float, *parts: Any) -> tuple[Any, ...]:
    return _stages.prefix_join(list(parts), min_jaccard)


def _components(n: int, *pairs: Any) -> np.ndarray:
    """Per row: its component of the candidate pairs, or -1 when it is in none."""
    from scipy.sparse import coo_matrix
    from scipy.sparse.csgraph import connected_components

    ys = np.concatenate([p[0] for p in pairs])
    xs = np.concatenate([p[1] for p in pairs])
    graph = coo_matrix((np.ones(len(ys), dtype=np.int8), (ys, xs)), shape=(n, n))
    _, comp = connected_components(graph, directed=False)
    sizes = np.bincount(comp)
    return np.where(sizes[comp] > 1, comp, -1).astype(np.int64)


def _pairs_by_bucket(comp: np.ndarray, buckets: int, *pairs: Any) -> list[Any]:
    ys = np.concatenate([p[0] for p in pairs])
    xs = np.concatenate([p[1] for p in pairs])
    b = comp[ys] % buckets
    return [(ys[b == i], xs[b == i]) for i in range(buckets)]


def _component_buckets(part: pd.DataFrame, first_row: int, comp: np.ndarray, keys: dict[Any, Any], recurring: np.ndarray,
                       buckets: int) -> list[Any]:
    """The partition's rows that are in a component, split by component into buckets."""
    comp = comp[first_row:first_row + len(part)]
    rows = np.flatnonzero(comp >= 0)
    sub = part.iloc[rows].copy()
    sub["_row"] = rows + first_row
    # A recurring title keeps its key: two rows with one key are two issues of a column.
    key = np.asarray(keys["recurrence"][rows], dtype=np.uint64)
    sub["_recurrence"] = np.where(np.isin(key, recurring), key, np.uint64(0))
    b = comp[rows] % buckets
    return [sub[b == i] for i in range(buckets)]


# The nine columns, the row ids, the recurrence keys and the two pair arrays.
_BucketArgs = tuple[Any, Any, Any, Any, Any, Any, Any, Any, Any, Any, Any, Any, Any]


def _bucket_args(rows: pd.DataFrame, pairs: tuple[Any, ...]) -> _BucketArgs:
    c = _frame_columns(rows)
    return (c["titles"], c["authors"], c["years"], c["venues"], c["sources"], c["dois"], c["arxivs"], c["pages"],
            c["notes"], rows["_row"].to_numpy(np.int64), rows["_recurrence"].to_numpy(np.uint64), pairs[0], pairs[1])


def _count_anchors(rows: pd.DataFrame, pairs: tuple[Any, ...]) -> list[int]:
    return _stages.count_anchors(*_bucket_args(rows, pairs))


def _count_patterns(anchors: list[int], rows: pd.DataFrame, pairs: tuple[Any, ...]) -> np.ndarray:
    return _stages.count_patterns(*_bucket_args(rows, pairs), anchors)


def _fit(anchors: list[int], *counts: Any) -> _core.MatchModel:
    # One model for the whole corpus, as sm.dedupe fits it on all candidate pairs.
    return _core.fit_model(np.sum(counts, axis=0), anchors)


def _verify(threshold: float, model: Any, rows: pd.DataFrame, pairs: tuple[Any, ...]) -> tuple[Any, ...]:
    labels = _stages.verify_and_cluster(*_bucket_args(rows, pairs), model, float(threshold or 0.0))
    return rows["_row"].to_numpy(np.int64), labels


def _assemble(n: int, *results: Any) -> np.ndarray:
    labels = np.arange(n, dtype=np.int64)
    for ids, found in results:
        labels[ids] = found
    return labels


def _base_keys(part: pd.DataFrame) -> list[str]:
    core = _core.Corpus.from_columns(**table_columns(part))
    return [record_key(core[k]) for k in range(len(core))]


def _keys(*parts: list[str]) -> list[str]:
    """Record keys in row order, suffixed as ids.record_keys does."""
    seen: dict[str, int] = {}
    out = []
    for part in parts:
        for key in part:
            n = seen[key] = seen.get(key, 0) + 1
            out.append(key if n == 1 else f"{key}#{n}")
    return out


def _decided_rows(labels: np.ndarray, keys: list[str], decisions: list[Any]) -> np.ndarray:
    """The rows of every cluster that holds a record a decision names (ascending)."""
    row = {k: i for i, k in enumerate(keys)}
    named = [row[k] for d in decisions for k in (d.a, d.b) if k in row]
    return np.flatnonzero(np.isin(labels, labels[named])) if named else np.zeros(0, np.int64)


def _rows_of(part: pd.DataFrame, first_row: int, rows: np.ndarray) -> pd.DataFrame:
    local = rows[(rows >= first_row) & (rows < first_row + len(part))] - first_row
    return part.iloc[local]


def _with_decisions(labels: np.ndarray, keys: list[str], decisions: list[Any], rows: np.ndarray, model: Any,
                    threshold: float | None, *parts: pd.DataFrame) -> np.ndarray:
    """`labels` with the decisions honoured, as sm.dedupe honours them: the
    clusters they touch (rows, gathered from the partitions) decided again by
    apply_decisions (decisions naming an unknown key left out: _unknown)."""
    known = set(keys)
    if len(rows) == 0:
        return labels
    sub = pd.concat(parts)
    corpus = _core.Corpus.from_columns(**table_columns(sub))
    local = {int(r): i for i, r in enumerate(rows.tolist())}
    found = apply_decisions(corpus, [keys[r] for r in rows.tolist()], [local[int(labels[r])] for r in rows.tolist()],
                            [d for d in decisions if d.a in known and d.b in known], model, threshold or 0.5)
    out = labels.copy()
    out[rows] = rows[found]
    return out


def _unknown(keys: list[str], decisions: list[Any]) -> list[Any]:
    """(decision, the key no record has) of the decisions left out."""
    known = set(keys)
    return [(d, k) for d in decisions for k in (d.a, d.b) if k not in known][:len(decisions)]


def _labels(ddf: dd.DataFrame, threshold: float | None, min_jaccard: float, buckets: int | None,
            decisions: DecisionsLike | None = None) -> Any:
    """(delayed labels of every row, row counts per partition): the whole
    computation as one graph, so no stage's data passes through the client."""
    if "title" not in ddf.columns:
        raise ValueError("dedupe: the DataFrame needs a 'title' column")
    ddf = ddf[[c for c in _COLUMNS if c in ddf.columns]].persist()
    parts = ddf.to_delayed()
    buckets = buckets or max(1, len(parts))
    lengths = dask.compute(*[delayed(len)(p) for p in parts])
    starts = [int(x) for x in np.concatenate([[0], np.cumsum(lengths)[:-1]])]
    n = int(sum(lengths))
    if n == 0:
        return delayed(np.zeros(0, dtype=np.int64)), lengths, delayed([])

    # 1-2: keys per partition, then the global word ranks and recurring titles.
    keys = [delayed(_row_keys)(p) for p in parts]
    words = _tree([delayed(_counts)(delayed(lambda k: k["words"])(k)) for k in keys], _sum_counts)
    recurrence = _tree([delayed(_counts)(delayed(lambda k: k["recurrence"])(k)) for k in keys], _sum_counts)
    ranks = delayed(lambda wc: _stages.word_ranks(wc[0], wc[1]))(words)
    recurring = delayed(_recurring_keys)(recurrence)

    # 3: candidate pairs, shuffled by prefix word and by group key.
    postings = [delayed(_stages.prefix_postings, nout=buckets)(k, s, ranks, min_jaccard, buckets)
                for k, s in zip(keys, starts)]
    groups = [delayed(_group_buckets, nout=buckets)(k, s, ranks, min_jaccard, buckets) for k, s in zip(keys, starts)]
    pairs = []
    for b in range(buckets):
        pairs.append(delayed(_prefix_join)(min_jaccard, *[p[b] for p in postings]))
        pairs.append(delayed(_group_pairs)(*[g[b] for g in groups]))

    # 4: components of the candidate graph (one task: a row costs 8 bytes, a pair 16).
    comp = delayed(_components)(n, *pairs)
    pairs_by_bucket = delayed(_pairs_by_bucket, nout=buckets)(comp, buckets, *pairs)

    # 5: shuffled by component; verified and clustered per bucket.
    split = [delayed(_component_buckets, nout=buckets)(p, s, comp, k, recurring, buckets)
             for p, s, k in zip(parts, starts, keys)]
    rows = [delayed(_bucket_rows)(*[sp[b] for sp in split]) for b in range(buckets)]
    # The venue names all buckets' anchors join, then the patterns they give.
    anchors = delayed(_stages.merge_anchors)(
        [delayed(_count_anchors)(rows[b], pairs_by_bucket[b]) for b in range(buckets)])
    model = delayed(_fit)(anchors, *[delayed(_count_patterns)(anchors, rows[b], pairs_by_bucket[b])
                                         for b in range(buckets)])
    results = [delayed(_verify)(threshold, model, rows[b], pairs_by_bucket[b]) for b in range(buckets)]
    labels = delayed(_assemble)(n, *results)
    if decisions is None:
        return labels, lengths, delayed([])
    # 6: the clusters decisions touch, gathered to one task and decided again.
    decided = load_decisions(decisions)
    keys = delayed(_keys)(*[delayed(_base_keys)(p) for p in parts])
    needed = delayed(_decided_rows)(labels, keys, decided)
    gathered = [delayed(_rows_of)(p, s, needed) for p, s in zip(parts, starts)]
    labels = delayed(_with_decisions)(labels, keys, decided, needed, model, threshold, *gathered)
    return labels, lengths, delayed(_unknown)(keys, decided)


def dedupe_labels(ddf: dd.DataFrame, threshold: float | None = None, min_jaccard: float = 0.35,
                  buckets: int | None = None, decisions: DecisionsLike | None = None) -> npt.NDArray[np.int64]:
    """One int64 label per row of ``ddf`` (in partition order), equal to
    ``sm.dedupe(ddf.compute())``: a label is the position of the first row of
    the row's cluster. `decisions` (a TSV path or DataFrame of record keys,
    see :mod:`scholarmerge.decisions`) are honoured as ``sm.dedupe`` honours
    them: the clusters they touch are gathered to one task and decided again
    (the record keys of all rows are made on one task too)."""
    labels, _, unknown = _labels(ddf, threshold, min_jaccard, buckets, decisions)
    if decisions is None:
        found: npt.NDArray[np.int64] = labels.compute()
        return found
    found, left_out = dask.compute(labels, unknown)
    for d, key in left_out:
        warnings.warn(f"{d.where}: no record has key {key!r}; decision not applied", DecisionWarning, stacklevel=2)
    return found


def dedupe(ddf: dd.DataFrame, threshold: float | None = None, min_jaccard: float = 0.35,
           buckets: int | None = None, decisions: DecisionsLike | None = None) -> dd.Series:
    """Labels as a Dask Series aligned with ``ddf`` (``ddf.assign(work=dedupe(ddf))``);
    `decisions` as :func:`dedupe_labels` takes them."""
    labels, lengths, _ = _labels(ddf, threshold, min_jaccard, buckets, decisions)
    starts = np.concatenate([[0], np.cumsum(lengths)]).astype(np.int64)
    series = [delayed(lambda p, all_labels, a, b: pd.Series(all_labels[a:b], index=p.index, name="work"))(
        p, labels, int(starts[i]), int(starts[i + 1])) for i, p in enumerate(ddf.to_delayed())]
    return dd.from_delayed(series, meta=pd.Series(dtype="int64", name="work"), divisions=ddf.divisions)


def _bucket_rows(*parts: Any) -> pd.DataFrame:
    """The rows of one work bucket, in row order (so each work's members are in input order)."""
    return pd.concat(parts).sort_values("_row", kind="stable")


def _bucket_corpus(rows: pd.DataFrame) -> _core.Corpus:
    # Parsed by each stage that reads it: a Corpus does not travel between tasks.
    c = _frame_columns(rows)
    lines = (rows["_row"].to_numpy(np.int64) + 1).tolist()
    return _core.Corpus.from_columns(c["titles"], c["authors"], c["years"], c["venues"], c["sources"],
                                     c["dois"], c["arxivs"], c["pages"], c["notes"], lines)


def _work_mentions(rows: pd.DataFrame, buckets: int) -> list[Any]:
    """The bucket's author mentions, split by name key into buckets."""
    return _stages.work_mentions(_bucket_corpus(rows), rows["_row"].to_numpy(np.int64),
                                 rows["_work"].to_numpy(np.int64), buckets)


def _merge_bucket(rows: pd.DataFrame, persons: list[Any]) -> tuple[Any, ...]:
    """Works and conflicts of one work bucket; persons: (row, author index, person id) pieces."""
    def joined(i: Any) -> Any:
        return np.concatenate([p[i] for p in persons]) if persons else np.zeros(0, np.int64)

    merged = _stages.merge_rows(_bucket_corpus(rows), rows["_row"].to_numpy(np.int64),
                                rows["_work"].to_numpy(np.int64), joined(0), joined(1), joined(2))
    works = pd.DataFrame(merged["works"])
    conflicts = pd.DataFrame(merged["conflicts"], columns=["work_id", "field", "values", "sources"])
    return works.reset_index(drop=True), conflicts.sort_values(["work_id", "field"], kind="stable").reset_index(drop=True)


class Merged:
    """The result of :func:`merge`: ``works``, ``people`` and ``conflicts`` as
    Dask DataFrames with the rows and columns of ``sm.merge``'s. ``works`` and
    ``conflicts`` have one partition per work bucket, ``people`` one per name
    key bucket, each sorted by its id. There are no ``profiles``: page owners
    come from profile pages, which a DataFrame does not have.

    The three share their stages: ``dask.compute(m.works, m.people,
    m.conflicts)`` runs them once, a ``compute()`` of each runs them again."""

    def __init__(self, works: dd.DataFrame, people: dd.DataFrame, conflicts: dd.DataFrame) -> None:
        self.works = works
        self.people = people
        self.conflicts = conflicts

    def __repr__(self) -> str:
        return (f"Merged(works: {self.works.npartitions} partitions, people: {self.people.npartitions}, "
                f"conflicts: {self.conflicts.npartitions})")


def merge(ddf: dd.DataFrame, threshold: float | None = None, buckets: int | None = None,
          decisions: DecisionsLike | None = None) -> Merged:
    """Deduplicate, then merge each work and resolve the people of every author
    mention: the works (with ``person_ids``), people and conflicts of
    ``sm.merge`` on the same rows (provenance ``source:line`` with line = row
    position + 1). Rows are shuffled by work label and merged per bucket in
    C++; author mentions are shuffled by name key and resolved per bucket
    (``scholarmerge.dask_people``). ``profiles`` are left out: a DataFrame has
    no profile pages, so no page owners. `decisions` as :func:`dedupe_labels` takes them."""
    labels, lengths, _ = _labels(ddf, threshold, 0.35, buckets, decisions)
    ddf = ddf[[c for c in _COLUMNS if c in ddf.columns]]
    parts = ddf.to_delayed()
    buckets = buckets or max(1, len(parts))
    starts = np.concatenate([[0], np.cumsum(lengths)]).astype(np.int64)

    def split(part: Any, first_row: Any, all_labels: Any) -> Any:
        part = part.copy()
        part["_row"] = np.arange(first_row, first_row + len(part), dtype=np.int64)
        work = all_labels[first_row:first_row + len(part)]
        part["_work"] = work
        b = work % buckets
        return [part[b == i] for i in range(buckets)]

    pieces = [delayed(split, nout=buckets)(p, int(starts[i]), labels) for i, p in enumerate(parts)]
    rows = [delayed(_bucket_rows)(*[p[b] for p in pieces]) for b in range(buckets)]
    mentions = [delayed(_work_mentions, nout=buckets)(r, buckets) for r in rows]
    people, persons = dask_people.resolve(mentions, buckets)
    merged = [delayed(_merge_bucket)(r, p) for r, p in zip(rows, persons)]

    works_meta, conflicts_meta = _merge_bucket(pd.DataFrame({"title": [], "_row": [], "_work": []}), [])
    works = dd.from_delayed([delayed(lambda r: r[0])(m) for m in merged], meta=works_meta, verify_meta=False)
    conflicts = dd.from_delayed([delayed(lambda r: r[1])(m) for m in merged], meta=conflicts_meta,
                                verify_meta=False)
    people = dd.from_delayed(people, meta=dask_people.people_meta(), verify_meta=False)
    return Merged(works, people, conflicts)
