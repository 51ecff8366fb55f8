"""Stable IDs (issue 17): a record's key comes from the record, a work's ID
from its members, so neither moves with the input order, the thread count or
unrelated additions."""

import os
import random
import sys

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import scholarmerge as sm
from scholarmerge.ids import record_key, record_keys, work_ids

ROOT = os.path.join(os.path.dirname(__file__), "..", "..")
sys.path.insert(0, os.path.join(ROOT, "bench"))
import synthetic  # noqa: E402

SEEDS = sm.read(os.path.join(ROOT, "seeds"))
WORKS = list(SEEDS)
IDS = sm.dedupe(SEEDS, ids=True)


def test_keys_come_from_the_records_own_ids_else_their_content():
    bib = sm.read_text("@article{k1, title={A}, year={2001}}\n@article{k2, title={A}, year={2001}}",
                       source="/some/where/lib.bib")
    assert record_keys(bib) == ["lib.bib|bibtex:k1", "lib.bib|bibtex:k2"]
    doi = sm.read_text('[{"DOI": "10.1/ABC", "type": "article-journal", "title": "T", "issued": {"date-parts": [[2001]]}}]',
                       source="x.json")
    assert record_key(doi[0]) == "x.json|doi:10.1/abc"
    a, b = sm.Corpus.from_frame(pd.DataFrame({"title": ["Deep learning", "Deep  Learning"], "year": [2015, 2015],
                                              "source": ["s", "s"]}))
    assert record_key(a) == record_key(b) and record_key(a).startswith("s|h:")  # same normalised content
    assert record_keys([a, b]) == [record_key(a), record_key(a) + "#2"]


def test_work_ids_follow_the_partition():
    assert len(set(IDS)) == len(set(sm.dedupe(SEEDS).tolist()))
    assert all(i.startswith("W") and len(i) == 17 for i in IDS)
    with pytest.raises(ValueError):
        work_ids(["a", "b"], [0])


@settings(max_examples=8, deadline=None)
@given(st.permutations(range(len(WORKS))))
def test_ids_do_not_change_under_shuffles(perm):
    shuffled = sm.dedupe([WORKS[i] for i in perm], ids=True)
    assert [shuffled[k] for k in range(len(perm))] == [IDS[i] for i in perm]


@settings(max_examples=6, deadline=None)
@given(st.integers(1000, 2400), st.sampled_from([0.1, 0.3, 0.6]), st.integers(0, 2**32), st.integers(2, 8))
def test_ids_do_not_change_with_the_thread_count(n, dup_rate, seed, threads):
    """Generated corpora (bench/synthetic.py: works repeated with typos, casing,
    initials, reordered authors; from a few sources) with the seeds, shuffled:
    over 1,024 records, the size from which the core splits its work over
    threads. The thread count drawn."""
    rng = random.Random(seed)
    frame = synthetic.make(n, dup_rate=dup_rate, seed=seed).drop(columns="truth")
    frame["source"] = [rng.choice(["dblp.bib", "acm.csv", ""]) for _ in range(n)]
    works = WORKS + list(sm.Corpus.from_frame(frame))
    rng.shuffle(works)
    assert sm.dedupe(works, ids=True, threads=threads).tolist() == sm.dedupe(works, ids=True, threads=1).tolist()


WORDS = ["lattice", "quorum", "sparrow", "glacier", "mosaic", "tundra", "velvet", "orbit", "saffron", "harbor",
         "prism", "thicket", "canyon", "ember", "fjord", "nebula"]


@settings(max_examples=6, deadline=None)
@given(st.lists(st.lists(st.sampled_from(WORDS), min_size=5, max_size=8, unique=True), min_size=1, max_size=6,
                unique_by=lambda ws: frozenset(ws)),
       st.integers(0, len(WORKS)))
def test_ids_do_not_change_when_unrelated_records_are_added(titles, at):
    extra = list(sm.Corpus.from_frame(pd.DataFrame({
        "title": [" ".join(t) + " in zoological surveys" for t in titles],
        "authors": [f"Q. Unrelated{k}" for k in range(len(titles))], "year": [1901] * len(titles),
        "source": ["added"] * len(titles)})))
    grown = sm.dedupe(WORKS[:at] + extra + WORKS[at:], ids=True).tolist()
    assert grown[:at] + grown[at + len(extra):] == IDS.tolist()
