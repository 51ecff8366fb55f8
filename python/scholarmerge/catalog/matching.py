"""The catalogue's matching state between adds: the stored records prepared
and indexed in C++ (``_core.IncrementalMatcher``), the model they are decided
with, kept in memory for the catalogue's generation (its last change) and
restored from the file (below) when another process has changed it. Which
record is in which work is read from the file as an add needs it.

**Refit rule.** An ``add`` deduplicates all records again (a batch: a new
model fitted, its anchors learnt, every cluster taken again) when the
catalogue has no model yet, or when the records after the add are at least
``REFIT_GROWTH`` times those the model was fitted on. Otherwise the new
records are matched against the stored ones, and only the clusters they link
to are clustered again: an add costs what the added records cost, not the
catalogue's size. The model is fitted again at every add, as a batch of all
the records fits it: EM depends only on the candidate pairs' evidence
patterns, and the matcher keeps every candidate pair by pattern (row a, row
b, pattern, in its state), counts the new pairs in and refits on the counts.
The works holding a stored pair of a pattern the refitted model decides
otherwise are clustered again with the new records (``"redecided"`` in the
change's detail: how many such pairs). What only a batch learns again is the
anchors (venue names, catalogue sources) and the field repairs of the stored
records: the refit rule's batches renew them.

**Stored matcher.** The matcher's state is kept in the file, written in
the transaction of the change it describes, as ``IncrementalMatcher`` gives
it in bytes (its format is versioned there): in ``matcher_state`` its index,
labels and vocabulary counts, a snapshot at each refit, then one delta per
add (what that add changed), and a new snapshot once the deltas hold
``COMPACT_SHARE`` of the snapshot's records; in ``matcher_records`` each
prepared record by row. A process that opens the file reads the snapshot and
deltas (tens of bytes per record) and fetches only the records an add
compares or clusters again, instead of preparing and indexing every stored
record again. When the state is missing (a catalogue written before it was
kept), stale (the records or the model changed without it: another version
of scholarmerge wrote the file), unreadable (another format version) or
damaged (cut, failing its checksum, counts that do not add up: each blob and
each stored record carries a checksum, and the C++ core names what it
found), a ``MatcherStateWarning`` says so, the matcher is rebuilt from the
records as before, and its state is stored. A stored record found damaged or
missing only when an add fetches it is handled the same way, inside that
add. What the rebuild starts from must hold: the ``matched`` and
``clusters`` tables have a row per record, else opening the matcher raises
``ValueError`` naming the table (the file is damaged; nothing is matched).
"""

from __future__ import annotations

import base64
import hashlib
import json
import pickle
import sqlite3
import warnings
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

import numpy as np

from .. import _core
from ..corpus import Corpus
from .records import frame_of

#: Grown this much since the model was fitted (records after the add / records fitted on), an add refits.
REFIT_GROWTH = 1.5
#: Deltas holding this many records per record of the stored snapshot, an add stores a new snapshot.
COMPACT_SHARE = 0.25
#: The largest blob of one ``matcher_state`` row (SQLite refuses blobs over 1 GB by default).
STATE_PART_BYTES = 256 << 20


class MatcherStateWarning(UserWarning):
    """The catalogue's stored matcher could not be used: it is rebuilt from the records (slow for large files)."""


def corpus_of(fields: list[dict[str, Any]]) -> Corpus:
    return Corpus.from_frame(frame_of(fields)) if fields else Corpus(_core.Corpus.from_columns([]))


def store_model(db: sqlite3.Connection, model: _core.MatchModel, records: int | None = None) -> None:
    """The model adds decide with; with `records`, a batch's (of that many records: the refit rule's count)."""
    db.execute("INSERT OR REPLACE INTO meta VALUES ('model', ?)", (base64.b64encode(pickle.dumps(model)).decode(),))
    if records is not None:
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



def _model_digest(db: sqlite3.Connection) -> str:
    row = db.execute("SELECT value FROM meta WHERE name = 'model'").fetchone()
    return hashlib.sha256(row[0].encode()).hexdigest() if row else ""


def _chunks(items: list[Any], size: int = 500) -> Iterable[list[Any]]:
    for k in range(0, len(items), size):
        yield items[k:k + size]


def _in(n: int) -> str:
    return ",".join("?" * n)


def _fetcher(db: sqlite3.Connection, path: str) -> Any:
    """The stored matcher's records by row, for IncrementalMatcher.restore."""
    def fetch(rows: list[int]) -> list[bytes]:
        found: dict[int, bytes] = {}
        for chunk in _chunks(rows):
            found.update(db.execute(f"SELECT row, data FROM matcher_records WHERE row IN ({_in(len(chunk))})",
                                    chunk).fetchall())
        missing = [r for r in rows if r not in found]
        if missing:
            raise ValueError(f"{path}: matcher state: no stored record at row {missing[0]}")
        return [found[r] for r in rows]
    return fetch


class MatchState:
    """The matcher of the stored records, their rows (row r: the record of
    ``seq`` r + 1, records being added in order and never removed) and what
    an add needs to find what it touches, read from the file as needed."""

    def __init__(self, db: sqlite3.Connection, matcher: _core.IncrementalMatcher, change: int,
                 path: str = "") -> None:
        self._db = db
        self.matcher = matcher
        self.change = change
        self.path = path

    def __len__(self) -> int:
        return len(self.matcher)

    @classmethod
    def build(cls, db: sqlite3.Connection, corpus: Corpus, raw: np.ndarray, model: _core.MatchModel,
              change: int, path: str = "") -> MatchState:
        """A matcher made from the records (all of them, in order) and stored as a new snapshot."""
        state = cls(db, _core.IncrementalMatcher(corpus._core, np.asarray(raw, dtype=np.int64), model), change, path)
        state.store(made=True)
        return state

    @classmethod
    def rebuild(cls, db: sqlite3.Connection, path: str, model: _core.MatchModel, change: int, n: int) -> MatchState:
        """The matcher of the first `n` records made again from them and their
        ``matched`` clusters, and stored; ValueError when those do not hold."""
        rows = db.execute("SELECT r.fields, m.first FROM records r JOIN matched m ON m.key = r.key "
                          "WHERE r.seq <= ? ORDER BY r.seq", (n,)).fetchall()
        if len(rows) != n:
            raise ValueError(f"{path}: the matched table has {len(rows)} of the {n} stored records: "
                             "the matcher cannot be rebuilt (the file is damaged)")
        row_of = dict(db.execute("SELECT key, seq - 1 FROM records WHERE seq <= ?", (n,)).fetchall())
        firsts = [row_of.get(r[1]) for r in rows]
        if any(f is None or f > i for i, f in enumerate(firsts)):
            raise ValueError(f"{path}: the matched table names a first record that is not stored before "
                             "its members: the matcher cannot be rebuilt (the file is damaged)")
        raw = np.array(firsts, dtype=np.int64)
        return cls.build(db, corpus_of([json.loads(r[0]) for r in rows]), raw, model, change, path)

    @classmethod
    def load(cls, db: sqlite3.Connection, path: str, change: int, count: int | None = None) -> MatchState | None:
        """The state of the catalogue in `db` (None without a stored model): the stored
        matcher replayed, else rebuilt from the records (with a MatcherStateWarning)."""
        model, _ = stored_model(db)
        if model is None:
            return None
        n = count if count is not None else db.execute("SELECT COUNT(*) FROM records").fetchone()[0]
        # Apart: together they would scan the table.
        low, high = (db.execute(f"SELECT {f}(seq) FROM records").fetchone()[0] for f in ("MIN", "MAX"))
        if n and (low != 1 or high != n):
            raise ValueError(f"{path}: the records' seq is not 1..{n} (records removed?): rows cannot be told")
        for table in ("matched", "clusters"):  # a row per record: what a rebuild and an add start from
            have = db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
            if have != n:
                raise ValueError(f"{path}: the {table} table has {have} rows for {n} records (the file is damaged)")
        meta = dict(db.execute("SELECT name, value FROM meta WHERE name IN "
                               "('matcher_state_records', 'matcher_state_model')").fetchall())
        if "matcher_state_records" not in meta:
            reason = "has no stored matcher (written before it was kept)"
        elif (int(meta["matcher_state_records"]) != n or meta.get("matcher_state_model") != _model_digest(db)
              or db.execute("SELECT COALESCE(MAX(row), -1) + 1 FROM matcher_records").fetchone()[0] != n):
            reason = "has a stored matcher of other records or another model (written by another version?)"
        else:
            parts: dict[int, list[bytes]] = defaultdict(list)
            for k, data in db.execute("SELECT state, data FROM matcher_state ORDER BY seq"):
                parts[k].append(data)
            blobs = [b"".join(parts[k]) for k in sorted(parts)]
            try:
                return cls(db, _core.IncrementalMatcher.restore(blobs, _fetcher(db, path), model), change, path)
            except ValueError as e:
                reason = f"has a stored matcher that cannot be used ({e})"
        warnings.warn(f"{path} {reason}: it is rebuilt from the records (every record prepared again)",
                      MatcherStateWarning, stacklevel=4)
        return cls.rebuild(db, path, model, change, n)

    def store(self, made: bool = False) -> None:
        """Store what the last add changed (the whole state for a matcher just
        `made`, or once the deltas are large), in the caller's transaction."""
        db = self._db
        snapshot = made
        n = len(self.matcher)
        meta = dict(db.execute("SELECT name, value FROM meta WHERE name IN "
                               "('matcher_state_base', 'matcher_state_records')").fetchall())
        base = int(meta.get("matcher_state_base", 0))
        if not snapshot and (int(meta.get("matcher_state_records", -1)) != n - self.last_added or base == 0
                             or n - base >= COMPACT_SHARE * base):
            snapshot = True  # the stored state is not the one this delta follows, or the deltas are large
        if snapshot:
            db.execute("DELETE FROM matcher_state")
            data, state = self.matcher.last_delta if made else self.matcher.snapshot(), 0
            db.execute("INSERT OR REPLACE INTO meta VALUES ('matcher_state_base', ?)", (str(n),))
        else:
            data = self.matcher.last_delta
            state = int(db.execute("SELECT COALESCE(MAX(state), -1) + 1 FROM matcher_state").fetchone()[0])
        db.executemany("INSERT INTO matcher_state (state, data) VALUES (?, ?)",
                       [(state, data[k:k + STATE_PART_BYTES]) for k in range(0, max(len(data), 1), STATE_PART_BYTES)])
        changed = self.matcher.take_changed_records()
        if made:  # every record: the old ones are gone
            db.execute("DELETE FROM matcher_records")
        db.executemany("INSERT OR REPLACE INTO matcher_records VALUES (?, ?)", changed)
        db.execute("INSERT OR REPLACE INTO meta VALUES ('matcher_state_records', ?)", (str(n),))
        db.execute("INSERT OR REPLACE INTO meta VALUES ('matcher_state_model', ?)", (_model_digest(db),))

    last_added = 0  # records the last add() appended
    last_redecided = 0  # stored pairs the last add()'s refitted model decided otherwise

    def keys_of(self, rows: Iterable[int]) -> list[str]:
        rows = [int(r) for r in rows]
        found: dict[int, str] = {}
        for chunk in _chunks(sorted(set(rows))):
            found.update(self._db.execute(f"SELECT seq - 1, key FROM records WHERE seq IN ({_in(len(chunk))})",
                                          [r + 1 for r in chunk]).fetchall())
        return [found[r] for r in rows]

    def rows_of(self, keys: Iterable[str]) -> dict[str, int]:
        """The rows of those of `keys` that are stored."""
        found: dict[str, int] = {}
        for chunk in _chunks(sorted(set(keys))):
            found.update(self._db.execute(f"SELECT key, seq - 1 FROM records WHERE key IN ({_in(len(chunk))})",
                                          chunk).fetchall())
        return found

    def works_of(self, keys: Iterable[str]) -> dict[str, str]:
        """The works of those of `keys` that are in one."""
        found: dict[str, str] = {}
        for chunk in _chunks(sorted(set(keys))):
            found.update(self._db.execute(f"SELECT key, work_id FROM clusters WHERE key IN ({_in(len(chunk))})",
                                          chunk).fetchall())
        return found

    def members_of(self, works: Iterable[str]) -> list[str]:
        found: list[str] = []
        for chunk in _chunks(sorted(set(works))):
            found += [k for (k,) in self._db.execute(
                f"SELECT key FROM clusters WHERE work_id IN ({_in(len(chunk))})", chunk)]
        return found

    def add(self, corpus: Corpus) -> list[int]:
        """Match the new records (the next rows) with the model fitted again on
        all candidate pairs, and store that model; the rows clustered again
        (whole raw clusters, the new rows among them)."""
        stored = len(self.matcher)
        try:
            rows, _, redecided = self.matcher.add(corpus._core)
        except ValueError as e:  # a stored record it fetched is damaged or missing: the matcher is dropped
            if "matcher state:" not in str(e):
                raise
            warnings.warn(f"{self.path} has a stored matcher that cannot be used ({e}): it is rebuilt from "
                          "the records (every record prepared again)", MatcherStateWarning, stacklevel=3)
            model, _ = stored_model(self._db)
            assert model is not None  # a matcher is restored only with one
            self.matcher = MatchState.rebuild(self._db, self.path, model, self.change, stored).matcher
            rows, _, redecided = self.matcher.add(corpus._core)
        store_model(self._db, self.matcher.model)  # before store(): the stored matcher names its digest
        self.last_added = len(corpus)
        self.last_redecided = int(redecided)
        return [int(r) for r in rows.tolist()]

    def closure(self, rows: list[int], decisions: list[tuple[str, str]]) -> list[int]:
        """`rows` with every row sharing a raw cluster, a work or a decision with one of them."""
        have = set(rows)
        frontier = sorted(have)
        by_key: dict[str, list[str]] = defaultdict(list)
        for a, b in decisions:
            by_key[a].append(b)
            by_key[b].append(a)
        labels = self.matcher.labels
        while frontier:
            keys = self.keys_of(frontier)
            near_keys = self.members_of(self.works_of(keys).values())
            near_keys += [k for key in keys for k in by_key.get(key, [])]
            near = set(self.rows_of(near_keys).values())
            near.update(np.flatnonzero(np.isin(labels, labels[frontier])).tolist())
            frontier = sorted(near - have)
            have.update(frontier)
        return sorted(have)
