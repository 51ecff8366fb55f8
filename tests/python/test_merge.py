"""merge(): works with provenance, conflicts, people and profile owners on the seeds."""

import json
import subprocess
import sys

import pytest

import scholarmerge as sm


@pytest.fixture(scope="module")
def merged():
    from conftest import SEEDS

    return sm.merge(sm.read(SEEDS, year=2026))


def test_works_are_the_deduplicated_seeds(merged):
    assert len(merged.works) == 84
    assert merged.works["n_sources"].sum() == 129  # every entry read is in exactly one work
    assert sorted(s for ss in merged.works["sources"] for s in ss) == sorted(
        f"{w.source}:{w.source_line}" for w in merged.corpus)


def test_merged_record_prefers_complete_values(merged):
    w = merged.works[merged.works["title"].str.startswith("HAWQ-V3") | merged.works["title"].str.startswith("HAWQV3")]
    assert len(w) == 1
    w = w.iloc[0]
    # The academicpages entry lists all eleven authors; the listing stops at "et al.".
    assert len(w["authors"]) == 11 and not w["authors_truncated"]
    assert w["venue"] == "ICML" and w["year"] == 2021  # the published record's year and venue
    assert w["provenance"]["venue"].endswith("003_3f4984e3fc10ae21.txt:48")
    assert w["ids"]["arxiv"] == "2011.10680"
    assert w["abstract"].startswith("Current low-precision quantization")


def test_conflicts_list_real_disagreements(merged):
    c = merged.conflicts
    hawq = merged.works[merged.works["title"].str.contains("Dyadic")].iloc[0]["work_id"]
    row = c[(c["work_id"] == hawq) & (c["field"] == "year")].iloc[0]
    assert sorted(row["values"]) == ["2020", "2021"]
    assert all(":" in s for s in row["sources"])


def test_people_join_name_variants_and_keep_namesakes_apart(merged):
    people = merged.people
    yao = people[people["name"] == "Zhewei Yao"].iloc[0]
    assert {"Z. Yao", "Zhewei Yao"} <= set(yao["variants"])
    # "Z. Zheng" on HAWQ-V3 is Zhangcheng Zheng (named on the same work elsewhere), not Zhen Zheng.
    zz = people[people["name"] == "Zhangcheng Zheng"].iloc[0]
    assert "Z. Zheng" in zz["variants"]
    assert "Z. Zheng" not in people[people["name"] == "Zhen Zheng"].iloc[0]["variants"]
    assert people[people["name"].isin(["Yuxiong He", "Yexiao He"])]["person_id"].nunique() == 2


def test_profiles_join_pages_of_one_owner(merged):
    p = merged.profiles.set_index("name")
    assert list(p.index) == ["Zhewei Yao", "Yuxiong He", "Xiaoxia Wu"]
    assert (p.loc["Zhewei Yao", "n_entries"], p.loc["Zhewei Yao", "n_works"]) == (99, 73)
    assert len(p.loc["Zhewei Yao", "sources"]) == 3 and not p.loc["Zhewei Yao", "inferred"]
    assert (p.loc["Xiaoxia Wu", "n_entries"], p.loc["Xiaoxia Wu", "n_works"]) == (15, 15)


def test_queries(merged):
    wu = merged.works_of("Xiaoxia Wu")
    assert "ZeroQuant-FP: A Leap Forward in LLMs Post-Training W4A8 Quantization Using Floating-Point Formats" in set(wu["title"])
    co = merged.coauthors("Z. Yao")
    assert co.iloc[0]["name"] == "M. W. Mahoney"
    assert "Zhewei Yao" in merged.summary()
    with pytest.raises(KeyError):
        merged.works_of("Nobody Atall")


def test_cli_profile_on_bundled_seeds():
    out = subprocess.run([sys.executable, "-m", "scholarmerge.cli", "profile", "--to", "json"],
                         capture_output=True, text=True, check=True).stdout
    report = json.loads(out)
    assert [r["name"] for r in report] == ["Zhewei Yao", "Yuxiong He", "Xiaoxia Wu"]
    yao = report[0]
    assert yao["n_entries"] == 99 and yao["n_works"] == 73
    assert yao["top_coauthors"][0]["name"] == "M. W. Mahoney"
    assert sum(yao["works_per_year"].values()) == 73
    text = subprocess.run([sys.executable, "-m", "scholarmerge.cli", "profile", "--person", "Xiaoxia Wu"],
                          capture_output=True, text=True, check=True).stdout
    assert "15 entries read from 1 page(s), 15 distinct works" in text and "top co-authors: Zhewei Yao" in text


def test_collaboration_graph_and_graphml(merged, tmp_path):
    import networkx as nx

    from scholarmerge.graph import collaboration_graph, write_graphml

    g = collaboration_graph(merged)
    assert g.number_of_nodes() == len(merged.people)
    yao = merged.person("Zhewei Yao")
    mahoney = merged.person("M. W. Mahoney")
    assert g[yao][mahoney]["weight"] == 31
    path = tmp_path / "coauthors.graphml"
    write_graphml(merged, path)
    back = nx.read_graphml(path)
    assert back.number_of_edges() == g.number_of_edges()
    assert back.nodes[str(yao)]["name"] == "Zhewei Yao"


def test_no_entry_is_lost(merged):
    """Every entry read is in exactly one merged work's provenance."""
    seen = [s for ss in merged.works["sources"] for s in ss]
    assert len(seen) == len(set(seen)) == len(merged.corpus)


def test_merged_works_carry_the_fields_dedupe_prepared():
    # The values matching read are the ones shown: the title proper without a
    # citation's author-year remnant, a year found only in the venue, and DOIs
    # compared bare (no conflict between a URL and the bare form).
    import pandas as pd

    df = pd.DataFrame({
        "title": ["Seung (1995). Learning from a population of hypotheses",
                  "Learning from a population of hypotheses",
                  "Boosting a weak learning algorithm by majority"],
        "authors": ["M. Kearns; H. S. Seung", "Michael Kearns; H. Sebastian Seung", "Yoav Freund"],
        "venue": ["Machine Learning", "Machine Learning", "Information and Computation 121(2), 1995"],
        "year": [None, 1995, None],
        "doi": ["https://doi.org/10.1023/A:1007", "10.1023/a:1007", ""],
    })
    merged = sm.merge(df)
    works = merged.works.set_index("title")
    assert len(works) == 2
    assert works.loc["Learning from a population of hypotheses", "year"] == 1995
    assert works.loc["Boosting a weak learning algorithm by majority", "year"] == 1995
    assert not (merged.conflicts["field"] == "ids.doi").any()
