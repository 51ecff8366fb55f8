"""Reviewed decisions (issue 17): must-links join works, cannot-links split
them, contradictions and unknown keys are reported."""

import os
import warnings

import pandas as pd
import pytest

import scholarmerge as sm
from scholarmerge.decisions import DecisionWarning, load_decisions
from scholarmerge.ids import record_keys

ROOT = os.path.join(os.path.dirname(__file__), "..", "..")
SEEDS = sm.read(os.path.join(ROOT, "seeds"))
KEYS = record_keys(SEEDS._core)
LABELS = sm.dedupe(SEEDS).tolist()


def _a_cluster(size_at_least):
    groups = {}
    for i, label in enumerate(LABELS):
        groups.setdefault(label, []).append(i)
    return next(rows for rows in groups.values() if len(rows) >= size_at_least)


def _write(tmp_path, rows):
    path = tmp_path / "decisions.tsv"
    path.write_text("# key\tkey\tverdict\tnote\n" + "".join("\t".join(r) + "\n" for r in rows))
    return path


def test_cannot_link_splits_the_work_that_holds_both(tmp_path):
    a, b = _a_cluster(2)[:2]
    labels = sm.dedupe(SEEDS, decisions=_write(tmp_path, [(KEYS[a], KEYS[b], "different", "two papers")]))
    assert labels[a] != labels[b]
    others = [i for i in range(len(LABELS)) if LABELS[i] not in (LABELS[a],)]
    assert [labels[i] for i in others] == [LABELS[i] for i in others]  # nothing else moves
    ids = sm.dedupe(SEEDS, ids=True, decisions=_write(tmp_path, [(KEYS[a], KEYS[b], "different", "")]))
    assert ids[a] != ids[b]


def test_must_link_joins_two_works(tmp_path):
    firsts = sorted(set(LABELS))
    a, b = firsts[0], firsts[-1]
    labels = sm.dedupe(SEEDS, decisions=pd.DataFrame([[KEYS[a], KEYS[b], "same"]]))
    assert labels[a] == labels[b]
    assert len(set(labels.tolist())) == len(firsts) - 1


def test_contradiction_and_unknown_keys_are_reported(tmp_path):
    firsts = sorted(set(LABELS))
    a, b, c = firsts[:3]
    rows = [(KEYS[a], KEYS[b], "same", ""), (KEYS[b], KEYS[c], "same", ""), (KEYS[a], KEYS[c], "different", ""),
            ("nowhere|doi:10.0/none", KEYS[a], "same", "")]
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        labels = sm.dedupe(SEEDS, decisions=_write(tmp_path, rows))
    messages = [str(w.message) for w in caught if issubclass(w.category, DecisionWarning)]
    assert any("contradicts" in m for m in messages) and any("no record has key" in m for m in messages)
    assert any(":5:" in m for m in messages)  # the unknown key's line
    assert labels[a] != labels[c]  # the cannot-link holds


def test_malformed_decisions_name_their_line(tmp_path):
    path = _write(tmp_path, [("k1", "k2", "same"), ("k1", "k3", "maybe")])
    with pytest.raises(ValueError, match=r"decisions.tsv:3: 'maybe'"):
        load_decisions(path)


def test_merge_honours_decisions(tmp_path):
    a, b = _a_cluster(2)[:2]
    plain = sm.merge(SEEDS)
    decided = sm.merge(SEEDS, decisions=_write(tmp_path, [(KEYS[a], KEYS[b], "different", "")]))
    assert len(decided.works) == len(plain.works) + 1
    assert decided.work_of[a] != decided.work_of[b]


def test_uncertain_lists_the_pairs_nearest_the_boundary_with_their_explanation():
    merged = sm.merge(SEEDS)
    review = merged.uncertain(6)
    assert len(review) == 6
    distance = [abs(p - 0.5) for p in review["probability"]]
    assert distance == sorted(distance)
    first = review.iloc[0]
    assert first.explanation.probability == pytest.approx(first.probability)
    assert first.key_a == KEYS[first.a] and first.key_b == KEYS[first.b]
    one_thread = sm.merge(SEEDS, threads=1).uncertain(6)
    assert review.drop(columns="explanation").equals(one_thread.drop(columns="explanation"))
    # Deciding the nearest pair the other way moves it.
    verdict = "different" if first.same_work else "same"
    decided = sm.merge(SEEDS, decisions=pd.DataFrame([[first.key_a, first.key_b, verdict]]))
    assert (decided.work_of[first.a] == decided.work_of[first.b]) != bool(first.same_work)
