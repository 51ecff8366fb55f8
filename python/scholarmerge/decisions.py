"""Reviewed decisions: pairs of records a person said are the same work or
different works, kept in a plain TSV file (key, key, same|different, note; the
keys are record keys, see :mod:`scholarmerge.ids`) and honoured by dedupe.

A must-link joins the two records' works. A cannot-link splits the work that
holds both: its records are clustered again from their pair probabilities,
strongest first, never joining two groups a cannot-link separates. A decision
that contradicts others (a chain of must-links across a cannot-link) and a
decision naming an unknown key are reported as warnings, never dropped in
silence.
"""

from __future__ import annotations

import os
import warnings
from collections.abc import Sequence
from typing import NamedTuple, Union

import numpy as np
import numpy.typing as npt
import pandas as pd

from . import _core

#: A decisions file path, or a DataFrame of (key, key, same|different[, note]) rows.
DecisionsLike = Union[str, "os.PathLike[str]", pd.DataFrame]


class Decision(NamedTuple):
    a: str
    b: str
    same: bool
    note: str
    where: str  # "file:line" or "row N", for messages


class DecisionWarning(UserWarning):
    """A decision that could not be honoured: an unknown key, or one contradicted by others."""


def load_decisions(decisions: DecisionsLike) -> list[Decision]:
    """The decisions of a TSV file or DataFrame; a malformed row is a ValueError naming its line.

    >>> import pandas as pd
    >>> load_decisions(pd.DataFrame([["a.bib|bibtex:x", "b.bib|bibtex:y", "different"]]))[0].same
    False
    """
    if isinstance(decisions, pd.DataFrame):
        rows = [(f"row {k}", [str(v) for v in r]) for k, r in enumerate(decisions.itertuples(index=False))]
    else:
        path = os.fspath(decisions)
        with open(path, encoding="utf-8") as f:
            rows = [(f"{path}:{n}", line.rstrip("\n").split("\t")) for n, line in enumerate(f, 1)
                    if line.strip() and not line.startswith("#")]
    out = []
    for where, cells in rows:
        if len(cells) < 3:
            raise ValueError(f"{where}: a decision needs key, key, same|different (tab-separated), got {cells!r}")
        verdict = cells[2].strip().lower()
        if verdict not in ("same", "different"):
            raise ValueError(f"{where}: {cells[2]!r} is neither 'same' nor 'different'")
        note = cells[3] if len(cells) > 3 else ""
        out.append(Decision(cells[0].strip(), cells[1].strip(), verdict == "same", note, where))
    return out


class _Groups:
    """Union-find over rows, each root holding the rows it must never join."""

    def __init__(self, n: int) -> None:
        self.parent = list(range(n))
        self.apart: dict[int, set[int]] = {}

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def keep_apart(self, i: int, j: int) -> None:
        ri, rj = self.find(i), self.find(j)
        self.apart.setdefault(ri, set()).add(rj)
        self.apart.setdefault(rj, set()).add(ri)

    def can_join(self, i: int, j: int) -> bool:
        ri, rj = self.find(i), self.find(j)
        return ri == rj or not any(self.find(x) == rj for x in self.apart.get(ri, ()))

    def join(self, i: int, j: int) -> None:
        ri, rj = self.find(i), self.find(j)
        if ri == rj:
            return
        self.parent[rj] = ri
        moved = self.apart.pop(rj, set())
        self.apart.setdefault(ri, set()).update(moved)
        for x in moved:
            self.apart.setdefault(x, set()).add(ri)


def apply_decisions(corpus: _core.Corpus, keys: Sequence[str], labels: npt.ArrayLike, decisions: list[Decision],
                    model: _core.MatchModel | None, threshold: float = 0.5) -> npt.NDArray[np.int64]:
    """`labels` with the decisions honoured (a label stays the first row of its cluster)."""
    labels = np.asarray(labels, dtype=np.int64)
    row = {k: i for i, k in enumerate(keys)}
    known = []
    for d in decisions:
        missing = [k for k in (d.a, d.b) if k not in row]
        if missing:
            warnings.warn(f"{d.where}: no record has key {missing[0]!r}; decision not applied", DecisionWarning,
                          stacklevel=3)
        else:
            known.append(d)
    groups = _Groups(len(labels))
    for i, label in enumerate(labels.tolist()):  # the matcher's clusters
        groups.join(int(label), i)
    for d in known:  # must-links join whole works
        if d.same:
            groups.join(row[d.a], row[d.b])
    cannot = [d for d in known if not d.same]
    # A work holding a cannot-link pair is clustered again from its own pairs.
    split = {groups.find(row[d.a]) for d in cannot if groups.find(row[d.a]) == groups.find(row[d.b])}
    if not split:
        return _relabel(groups, len(labels))
    members: dict[int, list[int]] = {}
    for i in range(len(labels)):
        r = groups.find(i)
        if r in split:
            members.setdefault(r, []).append(i)
    fresh = _Groups(len(labels))
    for i in range(len(labels)):
        r = groups.find(i)
        if r not in split:
            fresh.join(r, i)
    must = [d for d in known if d.same and groups.find(row[d.a]) in split]
    for d in cannot:
        if groups.find(row[d.a]) in split:
            fresh.keep_apart(row[d.a], row[d.b])
    for d in must:
        if fresh.can_join(row[d.a], row[d.b]):
            fresh.join(row[d.a], row[d.b])
        else:
            warnings.warn(f"{d.where}: 'same' for {d.a!r} and {d.b!r} contradicts a 'different' decision "
                          "through other decisions; the 'different' is kept", DecisionWarning, stacklevel=3)
    pairs = [(a, b) for rows in members.values() for k, a in enumerate(rows) for b in rows[k + 1:]]
    if pairs:
        explanations, _ = _core.explain_corpus_pairs(corpus, pairs, model)
        scored = sorted(zip((e["probability"] for e in explanations), pairs), key=lambda t: -t[0])
        for p, (a, b) in scored:
            if p >= threshold and fresh.can_join(a, b):
                fresh.join(a, b)
    return _relabel(fresh, len(labels))


def _relabel(groups: _Groups, n: int) -> npt.NDArray[np.int64]:
    first: dict[int, int] = {}
    out = np.empty(n, dtype=np.int64)
    for i in range(n):
        out[i] = first.setdefault(groups.find(i), i)
    return out
