"""The catalogue's SQLite tables. One file holds everything; each change
(an ``add`` or a ``decide``) is one transaction and one row of ``changes``."""

from __future__ import annotations

import sqlite3

#: Bumped when the tables change; a file of another version is refused.
SCHEMA_VERSION = 1

TABLES = """
CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT NOT NULL);
-- One row per record, in the order added (seq), fields: the record's columns as JSON.
CREATE TABLE IF NOT EXISTS records (
    seq INTEGER PRIMARY KEY,
    key TEXT NOT NULL UNIQUE,
    base_key TEXT NOT NULL,
    source TEXT NOT NULL,
    fields TEXT NOT NULL,
    change INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS records_base_key ON records (base_key);
-- The matcher's cluster of each record (decisions not applied), by its first record's key:
-- what the incremental matcher starts from (catalog/matching.py).
CREATE TABLE IF NOT EXISTS matched (key TEXT PRIMARY KEY, first TEXT NOT NULL);
-- The matcher's state as bytes (catalog/matching.py): a snapshot (state 0), then one delta per add, in parts.
CREATE TABLE IF NOT EXISTS matcher_state (seq INTEGER PRIMARY KEY, state INTEGER NOT NULL, data BLOB NOT NULL);
-- ... and its prepared records, by row (row r: the record of seq r + 1), fetched as an add needs them.
CREATE TABLE IF NOT EXISTS matcher_records (row INTEGER PRIMARY KEY, data BLOB NOT NULL);
-- The work each record is in now.
CREATE TABLE IF NOT EXISTS clusters (key TEXT PRIMARY KEY, work_id TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS clusters_work ON clusters (work_id);
CREATE TABLE IF NOT EXISTS works (
    work_id TEXT PRIMARY KEY, title TEXT, year INTEGER, venue TEXT, authors TEXT NOT NULL,
    person_ids TEXT NOT NULL, sources TEXT NOT NULL, n_records INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS people (
    person_id TEXT PRIMARY KEY, name TEXT NOT NULL, variants TEXT NOT NULL, n_works INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS decisions (
    id INTEGER PRIMARY KEY, a TEXT NOT NULL, b TEXT NOT NULL, same INTEGER NOT NULL, note TEXT NOT NULL,
    change INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS changes (
    change INTEGER PRIMARY KEY, at TEXT NOT NULL, action TEXT NOT NULL, detail TEXT NOT NULL
);
-- What each change did to which work: new, grown, merged, split, renamed.
CREATE TABLE IF NOT EXISTS change_log (
    change INTEGER NOT NULL, work_id TEXT NOT NULL, what TEXT NOT NULL, detail TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS change_log_change ON change_log (change);
"""


def open_db(path: str) -> sqlite3.Connection:
    """The catalogue at `path`, its tables made if new; transactions are explicit."""
    con = sqlite3.connect(path, isolation_level=None)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("PRAGMA synchronous=FULL")  # a commit survives a crash
    con.execute("BEGIN IMMEDIATE")
    try:
        for statement in TABLES.split(";"):
            if statement.strip():
                con.execute(statement)
        row = con.execute("SELECT value FROM meta WHERE name = 'schema_version'").fetchone()
        if row is None:
            con.execute("INSERT INTO meta VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),))
        elif int(row[0]) != SCHEMA_VERSION:
            raise ValueError(f"{path}: catalogue schema version {row[0]}, this scholarmerge reads {SCHEMA_VERSION}")
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        con.close()
        raise
    return con
