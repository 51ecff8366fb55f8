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

import pandas as pd

from .. import _core
from ..corpus import Corpus
from ..merge import Merged, merge_keyed
from .changes import Changes, compare
from .records import fields_text, frame_of, new_records
from .schema import open_db

#: Test hook: a path; ``add`` creates it inside its transaction, then waits (for a kill -9 test).
PAUSE_ENV = "SCHOLARMERGE_CATALOG_PAUSE_IN_ADD"


class Catalog:
    """A catalogue in the SQLite file `path` (made if missing).

    Every ``add`` matches the new records against all stored ones (the stored
    and new records deduplicated together, under the stored decisions), so the
    catalogue's partition and IDs are those of one batch ``sm.merge`` of all
    its records; a work keeps its ID unless a new record's key sorts before its
    smallest key (then ``Changes.renamed`` and the history say so). Each
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
        decisions = self._decisions()
        corpus = Corpus.from_frame(frame_of(fields)) if fields else Corpus(_core.Corpus.from_columns([]))
        if decisions.empty:
            return merge_keyed(corpus, keys)
        return merge_keyed(corpus, keys, decisions=decisions)

    def _write(self, merged: Merged, change: int, action: str, detail: dict[str, Any]) -> Changes:
        """Store the clusters, works and people of `merged`; log what changed. Inside a transaction."""
        before = self._clusters()
        work_of_index = dict(zip(merged.works["work_index"], merged.works["work_id"]))
        after = {k: work_of_index[int(w)] for k, w in zip(merged.keys, merged.work_of.tolist())}
        changes = compare(change, before, after)
        db = self._db
        db.execute("DELETE FROM clusters")
        db.executemany("INSERT INTO clusters VALUES (?, ?)", after.items())
        db.execute("DELETE FROM works")
        n_records = Counter(after.values())
        db.executemany("INSERT INTO works VALUES (?, ?, ?, ?, ?, ?, ?, ?)", [
            (w.work_id, w.title, None if w.year is None or w.year != w.year else int(w.year), w.venue,
             json.dumps(list(w.authors), ensure_ascii=False), json.dumps(list(w.person_ids)),
             json.dumps(list(w.sources), ensure_ascii=False), n_records[w.work_id])
            for w in merged.works.itertuples(index=False)])
        db.execute("DELETE FROM people")
        db.executemany("INSERT INTO people VALUES (?, ?, ?, ?)", [
            (p.person_id, p.name, json.dumps(list(p.variants), ensure_ascii=False), int(p.n_works))
            for p in merged.people.itertuples(index=False)])
        detail = dict(detail, summary=str(changes))
        db.execute("INSERT INTO changes VALUES (?, ?, ?, ?)",
                   (change, datetime.now(timezone.utc).isoformat(timespec="seconds"), action, json.dumps(detail)))
        db.executemany("INSERT INTO change_log VALUES (?, ?, ?, ?)", [(change, *r) for r in changes.log_rows()])
        return changes

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
            raise

    def _next_change(self) -> int:
        return int(self._db.execute("SELECT COALESCE(MAX(change), 0) + 1 FROM changes").fetchone()[0])

    def add(self, data: Corpus | _core.Corpus | pd.DataFrame, skip_stored: bool = True) -> Changes:
        """Add the records of `data` (a Corpus or a DataFrame with a ``title``
        column), in one transaction. With `skip_stored`, records equal to stored
        ones (same key and fields: a re-import) are skipped; without it every
        row is a new record (for data whose identical rows are distinct
        records). Returns what changed."""
        with self._transaction() as db:
            change = self._next_change()
            keys, fields = self._stored()
            bases = db.execute("SELECT base_key, fields FROM records").fetchall()
            stored = Counter((b, f) for b, f in bases)
            taken = Counter(b for b, _ in bases)
            new = new_records(data, stored if skip_stored else Counter(), taken)
            db.executemany("INSERT INTO records (key, base_key, source, fields, change) VALUES (?, ?, ?, ?, ?)",
                           [(k, b, f.get("source") or "", fields_text(f), change)
                            for k, b, f in zip(new.keys, new.base_keys, new.fields)])
            self._pause_for_test()
            merged = self._recluster(keys + new.keys, fields + new.fields)
            changes = self._write(merged, change, "add", {"added": len(new.keys), "skipped": new.skipped})
            changes.added, changes.skipped = len(new.keys), new.skipped
        self._merged = merged
        return changes

    def decide(self, a: str, b: str, same: bool, note: str = "") -> Changes:
        """Record that records `a` and `b` (record keys) are the same work or
        not; the works are clustered again at once, and every later ``add``
        honours it. A decision contradicting others is a DecisionWarning."""
        with self._transaction() as db:
            for key in (a, b):
                if db.execute("SELECT 1 FROM records WHERE key = ?", (key,)).fetchone() is None:
                    raise KeyError(f"{self.path}: no record has key {key!r}")
            change = self._next_change()
            db.execute("INSERT INTO decisions (a, b, same, note, change) VALUES (?, ?, ?, ?, ?)",
                       (a, b, int(bool(same)), note, change))
            keys, fields = self._stored()
            merged = self._recluster(keys, fields)
            changes = self._write(merged, change, "decide",
                                  {"a": a, "b": b, "same": bool(same), "note": note})
        self._merged = merged
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


