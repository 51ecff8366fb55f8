"""``sm.Catalog(path)``: works, people and reviewed decisions kept in one
SQLite file, grown by ``add`` without renumbering what is there."""

from __future__ import annotations

import json
import os
import sqlite3
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from typing import Any

import numpy as np
import pandas as pd

from .. import _core
from ..corpus import Corpus
from ..decisions import apply_decisions, load_decisions
from ..dedupe import dedupe_details
from ..merge import Merged
from .changes import Changes, compare
from .matching import MatchState, corpus_of, needs_refit, store_model, stored_model
from .records import Incoming, fields_text, frame_of, incoming, new_records
from .schema import open_db

#: Test hook: a path; ``add`` creates it once it has written everything, before it commits, then waits (for a kill -9 test).
PAUSE_ENV = "SCHOLARMERGE_CATALOG_PAUSE_IN_ADD"


def _members(work_of: dict[str, str]) -> dict[str, frozenset[str]]:
    """Each work's keys."""
    keys: dict[str, set[str]] = {}
    for key, work in work_of.items():
        keys.setdefault(work, set()).add(key)
    return {w: frozenset(k) for w, k in keys.items()}


class Catalog:
    """A catalogue in the SQLite file `path` (made if missing).

    Every ``add`` matches the new records against the stored ones (kept
    prepared and indexed, in the file too, with their candidate pairs by
    evidence pattern: the model is fitted again on them at each add, all
    records matched again when the catalogue grew by half: the refit rule and
    the stored matcher of ``catalog/matching.py``) and clusters again only
    the works they link to or whose pairs the refitted model decides
    otherwise, under the stored decisions; a work keeps its ID
    unless a new record's key sorts before its smallest key (then
    ``Changes.renamed`` and the history say so). The people are resolved over
    all works when next read. Each
    ``add`` and ``decide`` is one transaction: a process killed during it
    leaves the catalogue as it was.

    >>> import pandas as pd, tempfile, os
    >>> cat = Catalog(os.path.join(tempfile.mkdtemp(), "lib.sqlite"))
    >>> df = pd.DataFrame({"title": ["Deep learning", "Deep Learning.", "Graph cuts in vision"],
    ...                    "authors": ["Yann LeCun; Yoshua Bengio", "Y. LeCun; Y. Bengio", "Yuri Boykov"],
    ...                    "year": [2015, 2015, 2001], "source": ["dblp", "acm", "dblp"]})
    >>> print(cat.add(df))
    change 1: 3 record(s) added, 0 already stored; 2 new work(s), 0 grown, 0 merged, 0 split, 0 renamed
    >>> len(cat.works), cat.add(df).skipped
    (2, 3)
    """

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = os.fspath(path)
        self._db = open_db(self.path)
        self._merged: Merged | None = None  # the last merge of the stored records, for uncertain()
        self._state: MatchState | None = None  # the matcher of the stored records (catalog/matching.py)

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> Catalog:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- reading -------------------------------------------------------------------------------
    def _stored(self) -> tuple[list[str], list[dict[str, Any]]]:
        rows = self._db.execute("SELECT key, fields FROM records ORDER BY seq").fetchall()
        return [r[0] for r in rows], [json.loads(r[1]) for r in rows]

    def _clusters(self) -> dict[str, str]:
        return dict(self._db.execute("SELECT key, work_id FROM clusters").fetchall())

    def _decisions(self) -> pd.DataFrame:
        rows = self._db.execute("SELECT a, b, same, note FROM decisions ORDER BY id").fetchall()
        return pd.DataFrame([(a, b, "same" if s else "different", n) for a, b, s, n in rows],
                            columns=["a", "b", "verdict", "note"])

    @property
    def works(self) -> pd.DataFrame:
        """One row per work: work_id, title, year, venue, authors, person_ids, sources, n_records, keys."""
        self._fresh_people()
        df = pd.read_sql_query("SELECT * FROM works ORDER BY work_id", self._db)
        for col in ("authors", "person_ids", "sources"):
            df[col] = df[col].map(json.loads)
        keys: dict[str, list[str]] = {}
        for key, work in self._db.execute("SELECT key, work_id FROM clusters ORDER BY key"):
            keys.setdefault(work, []).append(key)
        df["keys"] = [keys.get(w, []) for w in df["work_id"]]
        df["year"] = df["year"].astype("Int64")
        return df

    @property
    def people(self) -> pd.DataFrame:
        """One row per person: person_id, name, variants, n_works."""
        self._fresh_people()
        df = pd.read_sql_query("SELECT * FROM people ORDER BY person_id", self._db)
        df["variants"] = df["variants"].map(json.loads)
        return df

    @property
    def records(self) -> pd.DataFrame:
        """The stored records in the order added: key, the record's columns, work_id, change."""
        rows = self._db.execute("SELECT r.key, r.fields, c.work_id, r.change FROM records r "
                                "JOIN clusters c ON c.key = r.key ORDER BY r.seq").fetchall()
        df = frame_of([json.loads(f) for _, f, _, _ in rows])
        df.insert(0, "key", [r[0] for r in rows])
        df["work_id"] = [r[2] for r in rows]
        df["change"] = [r[3] for r in rows]
        return df

    @property
    def model(self) -> _core.MatchModel | None:
        """The model the last add decided with: fitted on the candidate pairs
        of all stored records (catalog/matching.py); None before the first add."""
        return stored_model(self._db)[0]

    @property
    def decisions(self) -> pd.DataFrame:
        """The decisions made, in order: a, b, verdict (same|different), note."""
        return self._decisions()

    @property
    def history(self) -> pd.DataFrame:
        """One row per work a change touched: change, at, action, work_id, what, detail."""
        return pd.read_sql_query(
            "SELECT c.change, c.at, c.action, l.work_id, l.what, l.detail FROM changes c "
            "LEFT JOIN change_log l ON l.change = c.change ORDER BY c.change, l.rowid", self._db)

    def changes_since(self, change: int) -> pd.DataFrame:
        """The history after change number `change`."""
        h = self.history
        return h[h["change"] > change].reset_index(drop=True)

    def person_works(self, name: str) -> pd.DataFrame:
        """The works of the person whose name or a spelling of it fits `name` best."""
        from ..names import same_author

        best, best_score = None, 0.0
        for p in self.people.itertuples(index=False):
            score = max(same_author(name, v) for v in p.variants) + 1e-6 * p.n_works
            if score > best_score:
                best, best_score = p.person_id, score
        if best is None or best_score < 0.8:
            raise KeyError(f"no person named {name!r} in {self.path}")
        w = self.works
        return w[w["person_ids"].map(lambda ids: best in ids)].reset_index(drop=True)

    # -- changing ------------------------------------------------------------------------------
    def _recluster(self, keys: list[str], fields: list[dict[str, Any]]) -> Merged:
        """All records merged with the catalogue's model (for uncertain())."""
        return self._batch(keys, fields, self.model)[0]

    def _batch(self, keys: list[str], fields: list[dict[str, Any]],
               model: _core.MatchModel | None = None) -> tuple[Merged, np.ndarray]:
        """All records deduplicated at once (with `model`, else one fitted on
        them): the merge, decisions applied, and the matcher's labels before them."""
        corpus = corpus_of(fields)
        details = dedupe_details(corpus, model=model)
        final = raw = details.labels
        decisions = self._decisions()
        if not decisions.empty:
            final = apply_decisions(corpus._core, keys, raw, load_decisions(decisions), details.model, 0.5)
        merged = Merged(corpus, _core.merge_corpus(corpus._core, final), keys)
        merged.model = details.model
        return merged, raw

    def _works_rows(self, merged: Merged, after: dict[str, str]) -> list[tuple[Any, ...]]:
        n_records = Counter(after.values())
        return [(w.work_id, w.title, None if w.year is None or w.year != w.year else int(w.year), w.venue,
                 json.dumps(list(w.authors), ensure_ascii=False), json.dumps(list(w.person_ids)),
                 json.dumps(list(w.sources), ensure_ascii=False), n_records[w.work_id])
                for w in merged.works.itertuples(index=False)]

    @staticmethod
    def _work_of_keys(merged: Merged) -> dict[str, str]:
        work_of_index = dict(zip(merged.works["work_index"], merged.works["work_id"]))
        return {k: work_of_index[int(w)] for k, w in zip(merged.keys, merged.work_of.tolist())}

    def _log(self, changes: Changes, change: int, action: str, detail: dict[str, Any]) -> None:
        changes.added, changes.skipped = detail.get("added", 0), detail.get("skipped", 0)
        detail = dict(detail, summary=str(changes))
        self._db.execute("INSERT INTO changes VALUES (?, ?, ?, ?)",
                         (change, datetime.now(timezone.utc).isoformat(timespec="seconds"), action, json.dumps(detail)))
        self._db.executemany("INSERT INTO change_log VALUES (?, ?, ?, ?)",
                             [(change, *r) for r in changes.log_rows()])

    def _write(self, merged: Merged, change: int, action: str, detail: dict[str, Any]) -> Changes:
        """Store the clusters, works and people of `merged` (all records); log what changed. Inside a transaction."""
        before = self._clusters()
        after = self._work_of_keys(merged)
        changes = compare(change, before, after)
        db = self._db
        db.execute("DELETE FROM clusters")
        db.executemany("INSERT INTO clusters VALUES (?, ?)", after.items())
        db.execute("DELETE FROM works")
        db.executemany("INSERT INTO works VALUES (?, ?, ?, ?, ?, ?, ?, ?)", self._works_rows(merged, after))
        self._write_people(merged)
        self._log(changes, change, action, detail)
        return changes

    def _write_people(self, merged: Merged) -> None:
        db = self._db
        db.execute("DELETE FROM people")
        db.executemany("INSERT INTO people VALUES (?, ?, ?, ?)", [
            (p.person_id, p.name, json.dumps(list(p.variants), ensure_ascii=False), int(p.n_works))
            for p in merged.people.itertuples(index=False)])
        db.execute("DELETE FROM meta WHERE name = 'people_stale'")

    def _refit(self, change: int, action: str, detail: dict[str, Any],
               stored: tuple[list[str], list[dict[str, Any]]] | None = None) -> Changes:
        """Every record matched again with a model fitted on them all (the refit
        rule, catalog/matching.py); `stored`: the records in order, when the caller has them."""
        keys, fields = stored or self._stored()
        merged, raw = self._batch(keys, fields)
        changes = self._write(merged, change, action, detail)
        db = self._db
        db.execute("DELETE FROM matched")
        db.executemany("INSERT INTO matched VALUES (?, ?)", [(k, keys[int(r)]) for k, r in zip(keys, raw.tolist())])
        model = merged.model
        assert model is not None  # _batch sets it
        store_model(db, model, len(keys))
        self._state = MatchState.build(db, merged.corpus, raw, model, change, self.path)
        self._merged = None  # not kept: its tables hold a list per work (uncertain() merges again)
        return changes

    def _match_state(self, count: int | None = None) -> MatchState | None:
        """The matcher of the stored records (`count` of them, when known): kept
        from the last change made here, else restored from the file."""
        last = self._next_change() - 1
        if self._state is None or self._state.change != last:
            self._state = MatchState.load(self._db, self.path, last, count)
        return self._state

    def _fields_of(self, keys: list[str]) -> list[dict[str, Any]]:
        found: dict[str, str] = {}
        for k in range(0, len(keys), 500):
            chunk = keys[k:k + 500]
            found.update(self._db.execute(f"SELECT key, fields FROM records WHERE key IN ({','.join('?' * len(chunk))})",
                                          chunk).fetchall())
        return [json.loads(found[k]) for k in keys]

    def _write_part(self, state: MatchState, rows: list[int], change: int, action: str,
                    detail: dict[str, Any]) -> Changes:
        """Cluster again the works of `rows` (with every work a raw cluster or a
        decision ties them to), decisions applied; store them; log what changed."""
        decisions = self._decisions()
        rows = state.closure(rows, list(zip(decisions["a"], decisions["b"])))
        keys = state.keys_of(rows)
        corpus = corpus_of(self._fields_of(keys))
        local = {r: i for i, r in enumerate(rows)}
        labels = state.matcher.labels
        final = np.array([local[int(labels[r])] for r in rows], dtype=np.int64)
        inside = set(keys)
        relevant = [d for d in load_decisions(decisions) if d.a in inside and d.b in inside] if not decisions.empty else []
        if relevant:
            final = apply_decisions(corpus._core, keys, final, relevant, state.matcher.model, 0.5)
        merged = Merged(corpus, _core.merge_corpus(corpus._core, final), keys)
        before = state.works_of(keys)
        after = self._work_of_keys(merged)
        changes = compare(change, before, after)
        db = self._db
        # A work clustered again into the same members keeps its ID and its row: only the others are written.
        was = _members(before)
        same = {w for w, ks in _members(after).items() if was.get(w) == ks}
        gone = sorted(set(before.values()) - same)
        for k in range(0, len(gone), 500):
            chunk = gone[k:k + 500]
            db.execute(f"DELETE FROM works WHERE work_id IN ({','.join('?' * len(chunk))})", chunk)
        db.executemany("INSERT OR REPLACE INTO clusters VALUES (?, ?)", [(k, w) for k, w in after.items() if w not in same])
        db.executemany("INSERT INTO works VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                       [r for r in self._works_rows(merged, after) if r[0] not in same])
        # The people are resolved over all works: done when next read (_fresh_people).
        db.execute("INSERT OR REPLACE INTO meta VALUES ('people_stale', '1')")
        self._log(changes, change, action, detail)
        state.change = change
        return changes

    def _fresh_people(self) -> None:
        """After incremental changes: the people (and the works' person IDs) of all stored works again."""
        if self._db.execute("SELECT 1 FROM meta WHERE name = 'people_stale'").fetchone() is None:
            return
        with self._transaction() as db:
            keys, fields = self._stored()
            work_of = self._clusters()
            first: dict[str, int] = {}
            labels = np.array([first.setdefault(work_of[k], i) for i, k in enumerate(keys)], dtype=np.int64)
            corpus = corpus_of(fields)
            merged = Merged(corpus, _core.merge_corpus(corpus._core, labels), keys)
            db.executemany("UPDATE works SET person_ids = ? WHERE work_id = ?",
                           [(json.dumps(list(w.person_ids)), w.work_id) for w in merged.works.itertuples(index=False)])
            self._write_people(merged)

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction: committed whole, or rolled back on any
        error (and left as it was by a killed process: SQLite's journal)."""
        db = self._db
        db.execute("BEGIN IMMEDIATE")
        try:
            yield db
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            self._state = None  # the matcher may hold what was rolled back
            raise

    def _next_change(self) -> int:
        return int(self._db.execute("SELECT COALESCE(MAX(change), 0) + 1 FROM changes").fetchone()[0])

    def _stored_like(self, data: Incoming) -> tuple[Counter[tuple[str, str]], Counter[str]]:
        """(base key, fields) and base keys of the stored records that share a base key with `data`'s."""
        bases = sorted(set(data.base_keys))
        rows: list[tuple[str, str]] = []
        for k in range(0, len(bases), 500):
            chunk = bases[k:k + 500]
            rows += self._db.execute(f"SELECT base_key, fields FROM records WHERE base_key IN "
                                     f"({','.join('?' * len(chunk))})", chunk).fetchall()
        return Counter((b, f) for b, f in rows), Counter(b for b, _ in rows)

    def add(self, data: Corpus | _core.Corpus | pd.DataFrame, skip_stored: bool = True) -> Changes:
        """Add the records of `data` (a Corpus or a DataFrame with a ``title``
        column), in one transaction. With `skip_stored`, records equal to stored
        ones (same key and fields: a re-import) are skipped; without it every
        row is a new record (for data whose identical rows are distinct
        records). The new records are matched against the stored ones and only
        the works they link to are clustered again, unless the refit rule
        (catalog/matching.py) has all records matched again. Returns what changed."""
        with self._transaction() as db:
            change = self._next_change()
            batch = incoming(data)  # read once
            stored, taken = self._stored_like(batch)
            new = new_records(batch, stored if skip_stored else Counter(), taken)
            count = len(self)
            empty = count == 0
            # The matcher of the records stored so far (read before the new ones are).
            state = None if empty or needs_refit(db, count + len(new.keys)) else self._match_state(count)
            db.executemany("INSERT INTO records (key, base_key, source, fields, change) VALUES (?, ?, ?, ?, ?)",
                           [(k, b, f.get("source") or "", fields_text(f), change)
                            for k, b, f in zip(new.keys, new.base_keys, new.fields)])
            detail = {"added": len(new.keys), "skipped": new.skipped}
            if state is None:  # a first add: its records are all there are
                changes = self._refit(change, "add", dict(detail, refit=True),
                                      (new.keys, new.fields) if empty else None)
            else:
                first = len(state)
                rows = state.add(corpus_of(new.fields))
                if state.last_redecided:
                    detail["redecided"] = state.last_redecided
                state.store()
                labels = state.matcher.labels
                firsts = [int(labels[r]) for r in rows]
                db.executemany("INSERT OR REPLACE INTO matched VALUES (?, ?)",
                               zip(state.keys_of(rows), state.keys_of(firsts)))
                changes = self._write_part(state, rows or list(range(first, len(state))), change, "add", detail)
                self._merged = None
            changes.added, changes.skipped = len(new.keys), new.skipped
            self._pause_for_test()  # everything written, nothing committed
        return changes

    def decide(self, a: str, b: str, same: bool, note: str = "") -> Changes:
        """Record that records `a` and `b` (record keys) are the same work or
        not; the works holding them (and those decisions tie to them) are
        clustered again at once, and every later ``add`` honours it. A decision
        contradicting others is a DecisionWarning."""
        with self._transaction() as db:
            for key in (a, b):
                if db.execute("SELECT 1 FROM records WHERE key = ?", (key,)).fetchone() is None:
                    raise KeyError(f"{self.path}: no record has key {key!r}")
            change = self._next_change()
            db.execute("INSERT INTO decisions (a, b, same, note, change) VALUES (?, ?, ?, ?, ?)",
                       (a, b, int(bool(same)), note, change))
            detail = {"a": a, "b": b, "same": bool(same), "note": note}
            state = self._match_state()
            if state is None:
                changes = self._refit(change, "decide", detail)
            else:
                rows = state.rows_of([a, b])
                changes = self._write_part(state, [rows[a], rows[b]], change, "decide", detail)
                self._merged = None
        return changes

    def uncertain(self, n: int = 20) -> pd.DataFrame:
        """The `n` stored record pairs nearest the decision threshold, as
        ``Merged.uncertain`` gives them (record keys in ``key_a``, ``key_b``:
        what :meth:`decide` takes)."""
        if self._merged is None:
            keys, fields = self._stored()
            self._merged = self._recluster(keys, fields)
        return self._merged.uncertain(n)

    def __len__(self) -> int:
        return int(self._db.execute("SELECT COUNT(*) FROM records").fetchone()[0])

    def __repr__(self) -> str:
        n_works = self._db.execute("SELECT COUNT(*) FROM works").fetchone()[0]
        return f"Catalog({self.path!r}: {len(self)} records, {n_works} works)"

    @staticmethod
    def _pause_for_test() -> None:
        marker = os.environ.get(PAUSE_ENV)
        if marker:
            with open(marker, "w", encoding="utf-8") as f:
                f.write(str(os.getpid()))
            time.sleep(60)


