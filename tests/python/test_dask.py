"""scholarmerge.dask gives the labels, merged works and people of one
process, on a LocalCluster of two worker processes."""

import sys

import numpy as np
import pandas as pd
import pytest

from conftest import BENCHMARKS, ROOT

dask = pytest.importorskip("dask")
dd = pytest.importorskip("dask.dataframe")
distributed = pytest.importorskip("distributed")

import scholarmerge as sm  # noqa: E402
import scholarmerge.dask as smd  # noqa: E402
from scholarmerge import evaluate as ev  # noqa: E402

sys.path.insert(0, str(ROOT / "bench"))
import synthetic  # noqa: E402


@pytest.fixture(scope="module")
def client():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        with distributed.Client(cluster) as c:
            yield c


def frames():
    """Real data when the shared benchmarks are there, and always a synthetic
    corpus (perturbed duplicates, shared DOIs) and the seeds."""
    df = synthetic.make(3000, seed=5).drop(columns=["truth"])
    rng = np.random.default_rng(5)
    df["doi"] = np.where(rng.random(len(df)) < 0.1, [f"10.1000/book.{k}" for k in rng.integers(0, 20, len(df))], "")
    df["venue"] = rng.choice(["Proc. VLDB", "arXiv", "J. ACM", ""], size=len(df))
    out = {"synthetic": df}
    seeds = sm.read(str(ROOT / "seeds")).to_pandas()[["title", "authors", "year", "venue", "source"]]
    # Author lists as text: Dask turns object columns into strings (dataframe.convert-string).
    seeds["authors"] = seeds["authors"].map("; ".join)
    out["seeds"] = seeds
    if BENCHMARKS.is_dir():
        out["dblp-acm"] = ev.load_dblp_acm(str(BENCHMARKS))[0]
        out["cora"] = ev.load_cora(str(BENCHMARKS))[0]
    return out


# The decision model is fitted on the candidate pairs; on the benchmarks the
# distributed candidate generator meets other pairs than the index does, so
# the two fit different models. Known, reported on issue 15; the seeds and
# the synthetic corpus agree.
_KNOWN_DIFFERENT = pytest.mark.xfail(reason="distributed candidate pairs differ from the index's "
                                            "(issue 15)", strict=False)


@pytest.mark.parametrize("name", ["synthetic", "seeds",
                                  pytest.param("dblp-acm", marks=_KNOWN_DIFFERENT),
                                  pytest.param("cora", marks=_KNOWN_DIFFERENT)])
def test_dask_labels_equal_the_single_process_labels(client, name):
    data = frames()
    if name not in data:
        pytest.skip("../shared/benchmarks not present")
    df = data[name].reset_index(drop=True)
    single = sm.dedupe(df)
    assert len(set(single)) < len(df)  # there are duplicates to find
    for partitions in (1, 4):
        ddf = dd.from_pandas(df, npartitions=partitions)
        labels = smd.dedupe(ddf).compute()
        assert labels.index.equals(df.index)
        np.testing.assert_array_equal(labels.to_numpy(), single)


@pytest.mark.parametrize("name", ["seeds", pytest.param("dblp-acm", marks=_KNOWN_DIFFERENT)])
def test_dask_merge_equals_the_single_process_merge(client, name):
    data = frames()
    if name not in data:
        pytest.skip("../shared/benchmarks not present")
    df = data[name].reset_index(drop=True)
    single = sm.merge(df)
    # The Dask path has the row-numbered ids only (no record keys): compare on those.
    single.works = single.works.drop(columns=["work_id", "person_ids"]).rename(
        columns={"work_index": "work_id", "person_indexes": "person_ids"})[list(single.works.columns.drop(["work_index", "person_indexes"]))]
    single.people = single.people.drop(columns=["person_id", "work_ids"]).rename(
        columns={"person_index": "person_id", "work_indexes": "work_ids"})[list(single.people.columns.drop(["person_index", "work_indexes"]))]
    single.conflicts = single.conflicts.drop(columns=["work_id"]).rename(
        columns={"work_index": "work_id"})[list(single.conflicts.columns.drop(["work_index"]))]
    expected_works = single.works.sort_values("work_id").reset_index(drop=True)
    expected_people = single.people.sort_values("person_id").reset_index(drop=True)
    expected_conflicts = single.conflicts.sort_values(["work_id", "field"]).reset_index(drop=True)
    assert len(expected_works) < len(df)
    assert len(expected_people) < sum(map(len, expected_works["person_ids"]))  # mentions join into people
    assert single.profiles.empty  # a DataFrame has no profile pages
    for partitions in (1, 3):
        merged = smd.merge(dd.from_pandas(df, npartitions=partitions))
        works, people, conflicts = dask.compute(merged.works, merged.people, merged.conflicts)
        works = works.sort_values("work_id").reset_index(drop=True)
        pd.testing.assert_frame_equal(works, expected_works, check_dtype=False)
        people = people.sort_values("person_id").reset_index(drop=True)
        pd.testing.assert_frame_equal(people, expected_people, check_dtype=False)
        conflicts = conflicts.sort_values(["work_id", "field"]).reset_index(drop=True)
        pd.testing.assert_frame_equal(conflicts, expected_conflicts, check_dtype=False)
    assert not hasattr(merged, "profiles")


def test_dask_dedupe_needs_titles(client):
    with pytest.raises(ValueError, match="title"):
        smd.dedupe(dd.from_pandas(pd.DataFrame({"name": ["x"]}), npartitions=1))


def test_dask_honours_decisions_as_the_single_process_does(client):
    from scholarmerge.decisions import DecisionWarning
    from scholarmerge.ids import record_keys

    df = frames()["synthetic"].reset_index(drop=True)
    keys = record_keys(sm.Corpus.from_frame(df)._core)
    plain = sm.dedupe(df)
    groups = {}
    for i, label in enumerate(plain.tolist()):
        groups.setdefault(label, []).append(i)
    big = [g for g in groups.values() if len(g) >= 3]
    split, (a, b) = big[0], big[1][:1] + big[2][:1]  # a work to split, two works to join
    decisions = pd.DataFrame([[keys[split[0]], keys[split[1]], "different", ""],
                              [keys[a], keys[b], "same", ""],
                              ["nobody.csv|h:0", keys[0], "same", ""]])
    with pytest.warns(DecisionWarning):
        single = sm.dedupe(df, decisions=decisions)
    assert single[split[0]] != single[split[1]] and single[a] == single[b]
    for partitions in (1, 4):
        ddf = dd.from_pandas(df, npartitions=partitions)
        with pytest.warns(DecisionWarning, match="nobody.csv"):
            labels = smd.dedupe_labels(ddf, decisions=decisions)
        np.testing.assert_array_equal(labels, single)
        np.testing.assert_array_equal(smd.dedupe(ddf, decisions=decisions).compute().to_numpy(), single)
    works = smd.merge(dd.from_pandas(df, npartitions=3), decisions=decisions).works.compute()
    assert len(works) == len(set(single.tolist()))
