"""sm.Catalog: increments give the batch partition and IDs, a kill -9 inside
add leaves the previous content, decisions survive re-imports."""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
import warnings

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import scholarmerge as sm
from scholarmerge.catalog import MatcherStateWarning
from scholarmerge.catalog.catalog import PAUSE_ENV
from scholarmerge.decisions import DecisionWarning
from scholarmerge.dedupe import dedupe_details
from scholarmerge.evaluate import load_dblp_acm


def _dblp_acm():
    try:
        frame, _ = load_dblp_acm()
    except FileNotFoundError:
        pytest.skip("../shared/benchmarks not present")
    return frame


def _partition(work_of_key):
    groups = {}
    for key, work in work_of_key.items():
        groups.setdefault(work, set()).add(key)
    return {frozenset(g) for g in groups.values()}


def _batch_work_ids(batch):
    index_to_id = dict(zip(batch.works["work_index"], batch.works["work_id"]))
    return {k: index_to_id[int(w)] for k, w in zip(batch.keys, batch.work_of.tolist())}


def test_ten_increments_give_the_batch_partition_and_ids(tmp_path):
    """DBLP-ACM in 10 adds ends with the partition and IDs of one plain
    ``sm.merge`` of all records (fitting its own model). An add that is no
    batch (the refit rule's) refits the model on the candidate pairs' pattern
    counts and clusters again the works whose stored pairs it decides
    otherwise: whenever those counts are the ones a plain merge of the records
    so far counts, the catalogue holds that merge's model, partition and IDs.
    (Not after every add: a stored record's field repair can differ from the
    batch's; docs/issue17-done-when.md.)"""
    frame = _dblp_acm()
    cat = sm.Catalog(tmp_path / "c.sqlite")
    exact = redecided = 0
    for part in np.array_split(np.arange(len(frame)), 10):
        cat.add(frame.iloc[part], skip_stored=False)  # DBLP-ACM has identical rows, distinct records
        so_far = frame.iloc[:part[-1] + 1]
        got = dict(zip(cat.records["key"], cat.records["work_id"]))
        assert len(got) == len(so_far)
        detail = json.loads(cat._db.execute("SELECT detail FROM changes ORDER BY change DESC").fetchone()[0])
        if not detail.get("refit") and not np.array_equal(cat._state.matcher.pattern_counts,
                                                          dedupe_details(so_far).pattern_counts):
            continue
        batch = sm.merge(so_far)
        assert cat.model.weights() == batch.model.weights()
        expected = _batch_work_ids(batch)
        assert _partition(got) == _partition(expected)
        assert got == expected
        assert len(cat.works) == len(batch.works)
        exact += not detail.get("refit")
        redecided += detail.get("redecided", 0)
    # Adds checked against a plain merge of the records so far (the C++ tests
    # IncrementalMatcher.* check stored pairs moved by a refit).
    assert exact >= 2, (exact, redecided)
    batch = sm.merge(frame)
    expected = _batch_work_ids(batch)
    assert _partition(got) == _partition(expected)
    assert got == expected
    assert len(cat.works) == len(batch.works)
    people = cat.people  # resolved again over all works after the incremental adds
    assert sorted(map(str, people["person_id"])) == sorted(map(str, batch.people["person_id"]))
    works = cat.works.set_index("work_id")
    for w in batch.works.itertuples(index=False):
        assert list(works.loc[w.work_id, "person_ids"]) == list(w.person_ids)


def _stored_matcher(cat):
    """The catalogue's stored matcher state and records, as bytes."""
    return (cat._db.execute("SELECT state, data FROM matcher_state ORDER BY seq").fetchall(),
            cat._db.execute("SELECT row, data FROM matcher_records ORDER BY row").fetchall(),
            cat._db.execute("SELECT name, value FROM meta WHERE name LIKE 'matcher_state%' ORDER BY name").fetchall())


@pytest.mark.parametrize("refits", [True, False])
def test_kill_9_inside_add_leaves_the_previous_content(tmp_path, refits):
    """The add is killed once it has written everything (records, works, the
    stored matcher), before it commits: a batch that refits, or one matched
    against the stored matcher restored in the killed process."""
    frame = _dblp_acm().iloc[:400]
    path = tmp_path / "c.sqlite"
    end = 400 if refits else 260
    with sm.Catalog(path) as cat:
        cat.add(frame.iloc[:200])
        before = cat.records.copy()
        matcher = _stored_matcher(cat)
    marker = tmp_path / "in-transaction"
    code = ("import sys, warnings, scholarmerge as sm\n"
            "from scholarmerge.evaluate import load_dblp_acm\n"
            "warnings.simplefilter('error', sm.catalog.MatcherStateWarning)\n"
            "frame, _ = load_dblp_acm()\n"
            f"sm.Catalog(sys.argv[1]).add(frame.iloc[200:{end}])\n")
    proc = subprocess.Popen([sys.executable, "-c", code, str(path)], env=dict(os.environ, **{PAUSE_ENV: str(marker)}))
    deadline = time.time() + 120
    while not marker.exists():
        assert proc.poll() is None, "the add ended before its transaction paused"
        assert time.time() < deadline
        time.sleep(0.05)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    with warnings.catch_warnings():
        warnings.simplefilter("error", MatcherStateWarning)  # the stored matcher is the one before: it is used
        with sm.Catalog(path) as cat:
            assert cat.records.equals(before)
            assert _stored_matcher(cat) == matcher
            assert len(cat.changes_since(0)["change"].unique()) == 1
            changes = cat.add(frame.iloc[200:end])  # and it takes the add again
            assert len(cat) == end and changes.added == end - 200
            assert ('"refit": true' in cat._db.execute("SELECT detail FROM changes ORDER BY change DESC"
                                                       ).fetchone()[0]) == refits


def test_a_cold_add_gives_the_labels_ids_and_state_of_a_warm_one(tmp_path):
    """Adds by the process that built the catalogue (its matcher in memory) and
    adds each by a catalogue opened afresh (the stored matcher restored: no
    MatcherStateWarning) leave the same works, IDs and stored matcher."""
    frame = _dblp_acm()
    warm_path, cold_path = tmp_path / "warm.sqlite", tmp_path / "cold.sqlite"
    cuts = [0, 3000, 3500, 4000, 4400]  # the last three do not refit (under 1.5 x 3,000)
    warm = sm.Catalog(warm_path)
    warm.add(frame.iloc[:cuts[1]], skip_stored=False)
    warm.close()
    shutil.copy(warm_path, cold_path)
    warm = sm.Catalog(warm_path)
    warm.add(frame.iloc[cuts[1]:cuts[1] + 1], skip_stored=False)  # restored once: then in memory
    with sm.Catalog(cold_path) as cold:
        cold.add(frame.iloc[cuts[1]:cuts[1] + 1], skip_stored=False)
    for a, b in zip(cuts[1:-1], cuts[2:]):
        warm.add(frame.iloc[a + (a == cuts[1]):b], skip_stored=False)
        with warnings.catch_warnings():
            warnings.simplefilter("error", MatcherStateWarning)
            with sm.Catalog(cold_path) as cold:
                changes = cold.add(frame.iloc[a + (a == cuts[1]):b], skip_stored=False)
        assert "refit" not in json.loads(sqlite_detail(cold_path))
        assert changes.added == b - a - (a == cuts[1])
    with sm.Catalog(cold_path) as cold:
        assert cold.records.drop(columns="change").equals(warm.records.drop(columns="change"))
        assert cold.works.equals(warm.works)
        assert _stored_matcher(cold) == _stored_matcher(warm)
        assert (cold._db.execute("SELECT * FROM matched ORDER BY key").fetchall()
                == warm._db.execute("SELECT * FROM matched ORDER BY key").fetchall())
    warm.close()


def sqlite_detail(path):
    import sqlite3

    con = sqlite3.connect(path)
    try:
        return con.execute("SELECT detail FROM changes ORDER BY change DESC").fetchone()[0]
    finally:
        con.close()


def _flip_records(db, swap=False):
    """Every stored matcher record damaged (a byte changed), or each pair of rows swapped."""
    rows = db.execute("SELECT row, data FROM matcher_records ORDER BY row").fetchall()
    if swap:
        rows = [(rows[k ^ 1][0], rows[k][1]) for k in range(len(rows) - len(rows) % 2)]
    else:
        rows = [(r, d[:len(d) // 2] + bytes([d[len(d) // 2] ^ 1]) + d[len(d) // 2 + 1:]) for r, d in rows]
    db.executemany("UPDATE matcher_records SET data = ? WHERE row = ?", [(d, r) for r, d in rows])


def _flip_state(db):
    """A byte in the middle of the stored snapshot changed (a count, a row): it still parses."""
    seq, data = db.execute("SELECT seq, data FROM matcher_state ORDER BY seq LIMIT 1").fetchone()
    k = len(data) // 2
    db.execute("UPDATE matcher_state SET data = ? WHERE seq = ?", (data[:k] + bytes([data[k] ^ 4]) + data[k + 1:], seq))


# What is spoilt, how, and what the warning names. Record damage is found when an add fetches the record.
_SPOILT = {
    "missing": (["DELETE FROM matcher_state", "DELETE FROM matcher_records",
                 "DELETE FROM meta WHERE name LIKE 'matcher_state%'"], "has no stored matcher"),  # as written before it was kept
    "stale": (["UPDATE meta SET value = '999' WHERE name = 'matcher_state_records'"], "other records or another model"),
    "foreign": (["UPDATE matcher_state SET data = CAST(substr(data, 1, 4) || X'63000000' || substr(data, 9) AS BLOB)"],
                "format version 99, this build reads"),
    # A state of version 2 (before the candidate pairs were kept in it): rebuilt, as any other version.
    "old version": (["UPDATE matcher_state SET data = CAST(substr(data, 1, 4) || X'02000000' || substr(data, 9) AS BLOB)"],
                    "format version 2, this build reads 3"),
    "cut": (["UPDATE matcher_state SET data = substr(data, 1, length(data) - 7)"], "fails its checksum"),
    "flipped": ([_flip_state], "snapshot of 1 states: the stored state fails its checksum"),
    "record damaged": ([_flip_records], r"the stored record of row \d+ fails its checksum"),
    "records swapped": ([lambda db: _flip_records(db, swap=True)], r"the stored record of row \d+ fails its checksum"),
    "records missing": (["DELETE FROM matcher_records WHERE row < (SELECT MAX(row) FROM matcher_records)"],
                        r"matcher state: no stored record at row \d+"),
}


@pytest.mark.parametrize("what", list(_SPOILT))
def test_a_missing_stale_foreign_or_damaged_stored_matcher_is_rebuilt_with_a_warning(tmp_path, what):
    """Each kind of damage is named by the warning, the matcher is rebuilt from
    the records and stored, and the adds give the works an intact file gives."""
    frame = _dblp_acm().iloc[:1200]
    path = tmp_path / "c.sqlite"
    with sm.Catalog(path) as cat:
        cat.add(frame.iloc[:1000])
    intact = tmp_path / "intact.sqlite"
    shutil.copy(path, intact)
    statements, named = _SPOILT[what]
    with sm.Catalog(path) as cat:
        for s in statements:
            s(cat._db) if callable(s) else cat._db.execute(s)
    with pytest.warns(MatcherStateWarning, match="rebuilt from the records") as caught:
        with sm.Catalog(path) as cat:
            cat.add(frame.iloc[1000:1100])
    assert any(re.search(named, str(w.message)) for w in caught), [str(w.message) for w in caught]
    with warnings.catch_warnings():
        warnings.simplefilter("error", MatcherStateWarning)  # the rebuilt matcher was stored
        with sm.Catalog(path) as cat:
            cat.add(frame.iloc[1100:1200])
            got = dict(zip(cat.records["key"], cat.records["work_id"]))
    with warnings.catch_warnings():
        warnings.simplefilter("error", MatcherStateWarning)
        with sm.Catalog(intact) as cat:
            cat.add(frame.iloc[1000:1100])
            cat.add(frame.iloc[1100:1200])
            expected = dict(zip(cat.records["key"], cat.records["work_id"]))
    assert got == expected


@pytest.mark.parametrize("table", ["matched", "clusters"])
def test_a_table_short_of_rows_is_refused_by_name_and_leaves_the_file(tmp_path, table):
    """What a rebuild and an add start from (a row per record in ``matched``
    and ``clusters``) is checked when the matcher is opened: an add refuses
    with the table named, and the catalogue keeps its content."""
    frame = _dblp_acm().iloc[:1100]
    path = tmp_path / "c.sqlite"
    with sm.Catalog(path) as cat:
        cat.add(frame.iloc[:1000])
        cat._db.execute(f"DELETE FROM {table} WHERE rowid IN (SELECT rowid FROM {table} LIMIT 3)")
    with sm.Catalog(path) as cat:
        with pytest.raises(ValueError, match=f"the {table} table has 997 rows for 1000 records"):
            cat.add(frame.iloc[1000:1100])
        assert len(cat) == 1000


def test_decisions_survive_reimports_and_are_applied_at_once(tmp_path):
    frame = _dblp_acm()
    cat = sm.Catalog(tmp_path / "c.sqlite")
    cat.add(frame)
    records = cat.records
    sizes = records.groupby("work_id")["key"].agg(list)
    pair = next(ks for ks in sizes if len(ks) >= 2)
    changes = cat.decide(pair[0], pair[1], same=False, note="checked")
    assert changes.split  # re-applied at once
    work = dict(zip(cat.records["key"], cat.records["work_id"]))
    assert work[pair[0]] != work[pair[1]]
    again = cat.add(frame)  # a re-import: nothing new, the decision kept
    assert again.added == 0 and again.skipped == len(frame)
    work = dict(zip(cat.records["key"], cat.records["work_id"]))
    assert work[pair[0]] != work[pair[1]]
    with pytest.raises(KeyError):
        cat.decide("nope", pair[0], same=True)


def test_contradictory_decisions_are_reported(tmp_path):
    frame = _dblp_acm().iloc[:600]
    cat = sm.Catalog(tmp_path / "c.sqlite")
    cat.add(frame)
    keys = cat.records["key"].tolist()
    a, b, c = keys[0], keys[1], keys[2]
    cat.decide(a, b, same=True)
    cat.decide(b, c, same=True)
    with pytest.warns(DecisionWarning):
        cat.decide(a, c, same=False)


def test_cli_add_show_diff(tmp_path, capsys):
    from scholarmerge.cli import bundled_seeds, main

    db = str(tmp_path / "c.sqlite")
    assert main(["catalog", "add", db, bundled_seeds()]) == 0
    assert "record(s) added" in capsys.readouterr().out
    assert main(["catalog", "add", db, bundled_seeds()]) == 0
    assert "0 record(s) added" in capsys.readouterr().out
    assert main(["catalog", "show", db, "--person", "Zhewei Yao"]) == 0
    shown = capsys.readouterr().out.splitlines()
    assert len(shown) > 10 and all(line.startswith("W") for line in shown[1:])
    assert main(["catalog", "diff", db, "--since", "1"]) == 0
    assert capsys.readouterr().out.splitlines()[0].startswith("2\t")


@pytest.mark.filterwarnings("error::scholarmerge.catalog.MatcherStateWarning")
@pytest.mark.parametrize("reopened", [False, True])
def test_incremental_adds_honour_the_decisions(tmp_path, reopened):
    """Also when the add is made by a catalogue opened afresh (the stored matcher restored)."""
    frame = _dblp_acm()
    cat = sm.Catalog(tmp_path / "c.sqlite")
    cat.add(frame.iloc[:2000], skip_stored=False)
    records = cat.records
    pair = next(ks for ks in records.groupby("work_id")["key"].agg(list) if len(ks) >= 2)
    apart = cat.decide(pair[0], pair[1], same=False)
    assert apart.split
    other = next(ks for ks in records.groupby("work_id")["key"].agg(list) if pair[0] not in ks and len(ks) == 1)
    cat.decide(pair[0], other[0], same=True)
    row = records.index[records["key"] == pair[1]][0]
    if reopened:
        cat.close()
        cat = sm.Catalog(tmp_path / "c.sqlite")
    # Another copy of the record decided apart, and more records: an add that does not refit.
    changes = cat.add(pd.concat([frame.iloc[[row]], frame.iloc[2000:2400]]), skip_stored=False)
    assert changes.added == 401
    assert '"refit"' not in cat._db.execute("SELECT detail FROM changes ORDER BY change DESC").fetchone()[0]
    work = dict(zip(cat.records["key"], cat.records["work_id"]))
    assert work[pair[0]] != work[pair[1]] and work[pair[0]] == work[other[0]]
    assert work[pair[1] + "#2"] == work[pair[1]]  # the copy joined the work it is a copy of


UNRELATED = ["lattice", "quorum", "sparrow", "glacier", "mosaic", "tundra", "velvet", "orbit", "saffron", "harbor",
             "prism", "thicket", "canyon", "ember", "fjord", "nebula"]


@settings(max_examples=5, deadline=None)
@given(st.lists(st.lists(st.sampled_from(UNRELATED), min_size=5, max_size=8, unique=True), min_size=1, max_size=6,
                unique_by=lambda ws: frozenset(ws)))
def test_added_unrelated_records_leave_the_catalogue_ids(tmp_path_factory, titles):
    frame = _dblp_acm().iloc[:1500]
    cat = sm.Catalog(tmp_path_factory.mktemp("c") / "c.sqlite")
    cat.add(frame)
    before = dict(zip(cat.records["key"], cat.records["work_id"]))
    unrelated = pd.DataFrame({"title": [" ".join(ws) for ws in titles], "authors": "Nobody Known", "year": 1850,
                              "source": "other.csv"})
    cat.add(unrelated)
    after = dict(zip(cat.records["key"], cat.records["work_id"]))
    assert {k: after[k] for k in before} == before
    assert len(after) == len(before) + len(titles)


def test_uncertain_names_stored_records_after_incremental_adds(tmp_path):
    frame = _dblp_acm()
    cat = sm.Catalog(tmp_path / "c.sqlite")
    cat.add(frame.iloc[:600])
    cat.add(frame.iloc[600:800])  # no refit: matched incrementally
    review = cat.uncertain(5)
    keys = set(cat.records["key"])
    assert len(review) == 5
    assert set(review["key_a"]) <= keys and set(review["key_b"]) <= keys
    assert review["probability"].between(0, 1).all()
