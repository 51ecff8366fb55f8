"""The catalogue's matching state between adds: the stored records prepared
and indexed in C++ (``_core.IncrementalMatcher``), the model they are decided
with, and which records are in which cluster, kept in memory for the
catalogue's generation (its last change) and rebuilt from SQLite when another
process has changed the file.

**Refit rule.** An ``add`` deduplicates all records again (a batch: a new
model fitted, its anchors learnt, every cluster taken again) when the
catalogue has no model yet, or when the records after the add are at least
``REFIT_GROWTH`` times those the model was fitted on. Otherwise the new
records are matched against the stored ones with the stored model, and only
the clusters they link to are clustered again: an add costs what the added
records cost, not the catalogue's size.
"""

from __future__ import annotations

import base64
import json
import pickle
import sqlite3
from collections import defaultdict
from typing import Any

import numpy as np

from .. import _core
from ..corpus import Corpus
from .records import frame_of

#: Grown this much since the model was fitted (records after the add / records fitted on), an add refits.
REFIT_GROWTH = 1.5


def corpus_of(fields: list[dict[str, Any]]) -> Corpus:
    return Corpus.from_frame(frame_of(fields)) if fields else Corpus(_core.Corpus.from_columns([]))


def store_model(db: sqlite3.Connection, model: _core.MatchModel, records: int) -> None:
    db.execute("INSERT OR REPLACE INTO meta VALUES ('model', ?)", (base64.b64encode(pickle.dumps(model)).decode(),))
    db.execute("INSERT OR REPLACE INTO meta VALUES ('model_records', ?)", (str(records),))


def stored_model(db: sqlite3.Connection) -> tuple[_core.MatchModel | None, int]:
    rows = dict(db.execute("SELECT name, value FROM meta WHERE name IN ('model', 'model_records')").fetchall())
    if "model" not in rows:
        return None, 0
    return pickle.loads(base64.b64decode(rows["model"])), int(rows["model_records"])


def needs_refit(db: sqlite3.Connection, after: int) -> bool:
    """Whether an add that leaves `after` records refits (the module's rule)."""
    row = db.execute("SELECT value FROM meta WHERE name = 'model_records'").fetchone()
    fitted_on = int(row[0]) if row else 0
    return fitted_on == 0 or after >= REFIT_GROWTH * fitted_on


class MatchState:
    """Records in order (row = position), their matcher clusters (raw: before
    decisions) and their works (after decisions), with the reverse maps an
    add needs to find what it touches."""

    def __init__(self, keys: list[str], corpus: Corpus, raw: np.ndarray, work_of: dict[str, str],
                 model: _core.MatchModel, change: int) -> None:
        self.keys = list(keys)
        self.row = {k: i for i, k in enumerate(self.keys)}
        self.matcher = _core.IncrementalMatcher(corpus._core, np.asarray(raw, dtype=np.int64), model)
        # Members as tuples of ints and strs: the garbage collector leaves those
        # out of its passes, which would otherwise walk millions of lists.
        self.raw_members: dict[int, tuple[int, ...]] = _grouped(enumerate(self.matcher.labels.tolist()))
        self.work_of = dict(work_of)
        self.work_members: dict[str, tuple[str, ...]] = _grouped(self.work_of.items())
        self.change = change

    @classmethod
    def load(cls, db: sqlite3.Connection, change: int) -> MatchState | None:
        """The state of the catalogue in `db` (None without a stored model)."""
        model, _ = stored_model(db)
        if model is None:
            return None
        rows = db.execute("SELECT r.key, r.fields, m.first FROM records r JOIN matched m ON m.key = r.key "
                          "ORDER BY r.seq").fetchall()
        keys = [r[0] for r in rows]
        row = {k: i for i, k in enumerate(keys)}
        raw = np.array([row[r[2]] for r in rows], dtype=np.int64)
        work_of = dict(db.execute("SELECT key, work_id FROM clusters").fetchall())
        return cls(keys, corpus_of([json.loads(r[1]) for r in rows]), raw, work_of, model, change)

    def add(self, keys: list[str], corpus: Corpus) -> list[int]:
        """Match the new records; the rows clustered again (whole raw clusters, the new rows among them)."""
        before = self.matcher.labels
        rows, labels = self.matcher.add(corpus._core)
        for k in keys:
            self.row[k] = len(self.keys)
            self.keys.append(k)
        for label in {int(before[r]) for r in rows.tolist() if r < len(before)}:
            del self.raw_members[label]  # whole raw clusters are taken again
        self.raw_members.update(_grouped(zip(rows.tolist(), labels.tolist())))
        return [int(r) for r in rows.tolist()]

    def closure(self, rows: list[int], decisions: list[tuple[str, str]]) -> list[int]:
        """`rows` with every row sharing a raw cluster, a work or a decision with one of them."""
        have = set(rows)
        queue = list(rows)
        by_key: dict[str, list[str]] = defaultdict(list)
        for a, b in decisions:
            by_key[a].append(b)
            by_key[b].append(a)
        labels = self.matcher.labels
        while queue:
            r = queue.pop()
            key = self.keys[r]
            near = [self.row[k] for k in self.work_members.get(self.work_of.get(key, ""), [])]
            near += self.raw_members[int(labels[r])]
            near += [self.row[k] for k in by_key.get(key, []) if k in self.row]
            for s in near:
                if s not in have:
                    have.add(s)
                    queue.append(s)
        return sorted(have)

    def set_works(self, work_of: dict[str, str]) -> None:
        """The works of these keys now (whole works: every member of a work they were in is among them)."""
        for key in work_of:
            self.work_members.pop(self.work_of.get(key, ""), None)
        self.work_of.update(work_of)
        self.work_members.update(_grouped(work_of.items()))


def _grouped(pairs: Any) -> dict[Any, tuple[Any, ...]]:
    """(member, group) pairs as group -> members, in the order given."""
    groups: dict[Any, list[Any]] = defaultdict(list)
    for member, group in pairs:
        groups[group].append(member)
    return {g: tuple(m) for g, m in groups.items()}
