"""merged.works.work_id and merged.people.person_id are stable strings:
unchanged by shuffling the input or adding unrelated records."""

from __future__ import annotations

import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

import scholarmerge as sm

FRAME = pd.DataFrame({
    "title": ["Deep learning", "Deep Learning.", "Graph cuts in vision", "Graph cuts in computer vision",
              "Attention is all you need", "Attention Is All You Need"],
    "authors": ["Yann LeCun; Yoshua Bengio", "Y. LeCun; Y. Bengio", "Yuri Boykov; Olga Veksler",
                "Y. Boykov; O. Veksler", "Ashish Vaswani; Noam Shazeer", "A. Vaswani; N. Shazeer"],
    "year": [2015, 2015, 2001, 2001, 2017, 2017], "source": ["dblp", "acm", "dblp", "acm", "dblp", "acm"]})


def _ids(df):
    m = sm.merge(df)
    people = {p.name: p.person_id for p in m.people.itertuples()}
    return set(m.works["work_id"]), people, m


def test_ids_are_strings_and_the_tables_agree():
    works, people, m = _ids(FRAME)
    assert all(w.startswith("W") for w in works) and all(p.startswith("P") for p in people.values())
    assert {p for ps in m.works["person_ids"] for p in ps} == set(m.people["person_id"])
    assert len(m.works) == 3 and m.works["work_index"].dtype.kind == "i"  # the old ids, kept


@settings(max_examples=8, deadline=None)
@given(st.permutations(range(len(FRAME))))
def test_ids_do_not_change_under_shuffles(perm):
    works, people, _ = _ids(FRAME)
    works2, people2, _ = _ids(FRAME.iloc[list(perm)].reset_index(drop=True))
    assert works2 == works and people2 == people


@settings(max_examples=6, deadline=None)
@given(st.integers(0, len(FRAME)))
def test_ids_do_not_change_when_unrelated_records_are_added(at):
    works, people, _ = _ids(FRAME)
    extra = pd.DataFrame({"title": ["Quantum chromodynamics on the lattice"], "authors": ["Kenneth Wilson"],
                          "year": [1974], "source": ["dblp"]})
    grown = pd.concat([FRAME.iloc[:at], extra, FRAME.iloc[at:]], ignore_index=True)
    works2, people2, _ = _ids(grown)
    assert works <= works2 and len(works2) == len(works) + 1
    assert {k: v for k, v in people2.items() if k in people} == people
