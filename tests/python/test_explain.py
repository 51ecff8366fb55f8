"""sm.explain and the CLI give the decision dedupe makes; any pandas dtype is taken."""

import numpy as np
import pandas as pd
import pytest

import scholarmerge as sm
from scholarmerge.cli import main
from scholarmerge.dedupe import score_pairs


def _frame():
    return pd.DataFrame({
        "title": ["ZeroQuant: Efficient and Affordable Post-Training Quantization",
                  "ZeroQuant: efficient and affordable post-training quantization",
                  "ZeroQuant-V2: Exploring Post-Training Quantization in LLMs",
                  "A Study of Unrelated Things in Databases"],
        "authors": ["Z. Yao; R. Aminabadi", "Zhewei Yao, Reza Aminabadi", "Z. Yao", "J. Smith"],
        "year": pd.array([2022, None, 2023, 2001], dtype="Int64"),
    })


def test_explain_names_evidence_and_guards():
    df = _frame()
    same = sm.explain(df.iloc[0], df.iloc[1])
    assert same.same and same.probability > 0.5
    assert list(same.evidence["evidence"])[:3] == ["title", "authors", "year"]
    assert same.evidence.set_index("evidence").loc["year", "value"] == "unknown"  # NA year says nothing
    version = sm.explain(df.iloc[0], df.iloc[2])
    assert not version.same and version.probability == 0.0
    assert version.guards == ["different version or part markers"]
    assert "guard: different version" in str(version)


def test_pairs_alone_agree_with_clustering_here():
    df = _frame()
    labels = sm.dedupe(df)
    probs = score_pairs(df, [(0, 1), (0, 2), (0, 3)])
    assert [p >= 0.5 for p in probs] == [labels[0] == labels[1], labels[0] == labels[2], labels[0] == labels[3]]
    assert labels[0] == labels[1] != labels[2]


@pytest.mark.parametrize("years", [
    pd.array([2022, None, 2023, 2001], dtype="Int64"),
    pd.array([2022.0, None, 2023.0, 2001.0], dtype="Float64"),
    pd.array(["2022", None, "June 2023", "2001"], dtype="string"),
    np.array([2022.0, np.nan, 2023.0, 2001.0]),
    pd.Series(["2022.0", "n/a", None, 2001], dtype=object),
])
def test_any_year_dtype(years):
    df = _frame()
    df["year"] = years
    labels = sm.dedupe(df)
    assert labels[0] == labels[1] and labels[2] != labels[0]


def test_merged_explain_and_cli(capsys):
    merged = sm.merge(_frame())
    assert merged.model is not None
    assert merged.explain(0, 1).same and not merged.explain(0, 3).same


def test_cli_explain_on_seeds(capsys, tmp_path):
    assert main(["explain", "seeds", "--pair", "0", "1"]) == 0
    out = capsys.readouterr().out
    assert "probability" in out and "clustered:" in out
    with pytest.raises(SystemExit):
        main(["explain", "seeds", "--pair", "0"])


def _two_conferences():
    """Sixty papers each in two sources that name two conferences their own way,
    and one tutorial given at both under one title."""
    words = ("indexing recovery logging caching joins streams replication locking views triggers cubes spatial "
             "xml graphs text search mining sampling sketches tuning").split()
    rows = []
    pairs = [(a, b) for i, a in enumerate(words) for b in words[i + 1:]][:60]
    for a, b in pairs:
        rows += [(f"{a} and {b} for large database systems", "SIGMOD Conference", "dblp"),
                 (f"{a} and {b} for large database systems", "International Conference on Management of Data", "acm"),
                 (f"{b} with {a} in distributed stores", "VLDB", "dblp"),
                 (f"{b} with {a} in distributed stores", "Very Large Data Bases", "acm")]
    rows += [("Application servers and associated technologies", "VLDB", "dblp"),
             ("Tutorial: application servers and associated technologies",
              "International Conference on Management of Data", "acm")]
    df = pd.DataFrame(rows, columns=["title", "venue", "source"])
    df["authors"], df["year"] = "C. Mohan, D. Lee", 2002
    return df


def test_venue_names_learned_from_the_corpus_decide_and_explain_alike():
    import pickle

    df = _two_conferences()
    merged = sm.merge(df)
    labels = sm.dedupe(df)
    n = len(df) - 2
    assert all(labels[i] == labels[i + 1] for i in range(0, n, 2))
    assert labels[n] != labels[n + 1]
    # The fitted model carries the corpus's venue names: explain decides as dedupe did.
    e = sm.explain(df.iloc[n], df.iloc[n + 1], model=merged.model)
    assert not e.same
    assert e.evidence.set_index("evidence").loc["venue name", "value"] == "unrelated names"
    # Without a corpus the names say nothing.
    assert sm.explain(df.iloc[n], df.iloc[n + 1]).evidence.set_index("evidence").loc["venue name", "value"] == "unknown"
    # Pickled and back (a Dask worker's copy), the names come along.
    back = pickle.loads(pickle.dumps(merged.model))
    assert not sm.explain(df.iloc[n], df.iloc[n + 1], model=back).same
    # A model pickled before venue names existed (m, u, prior) still loads.
    old = sm.MatchModel() if hasattr(sm, "MatchModel") else sm._core.MatchModel()
    state = old.__getstate__()
    m7 = [list(r) for r in state[0][:7]]
    u7 = [list(r) for r in state[1][:7]]
    restored = type(old).__new__(type(old))
    restored.__setstate__((m7, u7, state[2]))
    assert restored.prior == old.prior
    # One pickled before the record overlap was weighed per title group (six
    # levels a row) has its record levels in every group.
    six = [list(r)[:6] for r in state[0]], [list(r)[:6] for r in state[1]]
    narrow = type(old).__new__(type(old))
    narrow.__setstate__((six[0], six[1], state[2], state[3]))
    record = [r for r in narrow.weights() if r[0] == "record"]
    assert len(record) == 30
    assert all([r[4] for r in record[:5]] == [r[4] for r in record[k:k + 5]] for k in range(5, 30, 5))
    # One pickled before the groups of no authors (fifteen record levels) has its
    # three title groups again for records without authors.
    fitted = merged.model.__getstate__()
    fifteen = type(old).__new__(type(old))
    fifteen.__setstate__(([list(r)[:15] for r in fitted[0]], [list(r)[:15] for r in fitted[1]], fitted[2], fitted[3]))
    record = [r for r in fifteen.weights() if r[0] == "record"]
    assert [r[2] for r in record[:15]] == [r[2] for r in record[15:]] == list(fitted[0][6][:15])
    assert fifteen.team == 0  # and two classes: the team class came after
    assert back.team == merged.model.team and list(back.t[0]) == list(merged.model.t[0])
    with pytest.raises(ValueError):
        type(old).__new__(type(old)).__setstate__((state[0], state[1], state[2], [9, 1]))


def test_names_split_at_accented_letters_are_read_alike_by_dedupe_merge_and_pairs():
    # A tokenised export writes "daniel barbar á": the table path of dedupe and
    # the Corpus that merge and score_pairs build read it as "Daniel Barbará",
    # so all three weigh the same evidence.
    df = pd.DataFrame({
        "title": ["Sleepers and workaholics: caching strategies in mobile environments",
                  "sleepers and workaholics : caching strategies in mobile environments ( extended version )"],
        "authors": ["Tomasz Imielinski, Daniel Barbará", "daniel barbar á , tomasz imieli ń ski"],
        "venue": ["VLDB J.", "the vldb journal"],
        "year": [1995, 1995],
    })
    merged = sm.merge(df)
    authors = merged.explain(0, 1).evidence.set_index("evidence").loc["authors", "value"]
    assert authors == "all shared"
    labels = sm.dedupe(df)
    assert (labels[0] == labels[1]) == merged.explain(0, 1).same == (score_pairs(df, [(0, 1)])[0] >= 0.5)
    assert [a.surname for a in sm.Corpus.from_frame(df)[1].authors] == ["Barbará", "Imieliński"]


def test_weights_against_the_team_class_read_its_own_table():
    from scholarmerge.evaluate import load_dblp_acm

    try:
        frame, _ = load_dblp_acm()
    except FileNotFoundError:
        pytest.skip("../shared/benchmarks not present")
    model = sm.fit(frame.drop(columns=["side", "id", "source"]))
    assert model.team > 0
    unrelated, team = model.weights(), model.weights(against="team")
    assert [r[:3] for r in unrelated] == [r[:3] for r in team]  # the same levels, the same m
    for (feature, level, m, u, w), (_, _, _, t, wt) in zip(unrelated, team):
        assert w == pytest.approx(np.log(m / u)) and wt == pytest.approx(np.log(m / t))
    # Shared authors tell a work from an unrelated one, not from its team's other work.
    shared = [{r[1]: r[4] for r in rows if r[0] == "authors"}["all shared"] for rows in (unrelated, team)]
    assert shared[0] > shared[1]
    with pytest.raises(ValueError, match="no team class"):
        sm._core.MatchModel().weights(against="team")
    with pytest.raises(ValueError, match="'unrelated' or 'team'"):
        model.weights(against="teams")
