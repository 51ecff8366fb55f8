"""The deduplication engine: seeds, guards, invariants and the quality floors
on the public benchmarks (unsupervised, thresholds fixed for all data sets)."""

import os
import sys

import numpy as np
import pandas as pd
import pytest

import scholarmerge as sm
from scholarmerge import evaluate as ev
from scholarmerge.dedupe import dedupe_details

from conftest import BENCHMARKS, DATA, ROOT

sys.path.insert(0, str(ROOT / "bench"))
import robustness  # noqa: E402
import synthetic  # noqa: E402

needs_benchmarks = pytest.mark.skipif(not BENCHMARKS.is_dir(), reason="../shared/benchmarks not present")


def test_seed_duplicates_exactly(seeds_dir):
    corpus = sm.read(seeds_dir, year=2026)
    labels = sm.dedupe(corpus)
    key = [f"{os.path.basename(w.source)}:{w.source_line}" for w in corpus]
    expected = set()
    for line in (DATA / "seed_duplicates.txt").read_text().splitlines():
        if line and not line.startswith("#"):
            members = sorted(key.index(k) for k in line.split())
            expected |= {(a, b) for i, a in enumerate(members) for b in members[i + 1:]}
    assert ev.cluster_pairs(labels) == expected
    assert len(set(labels.tolist())) == 84


@pytest.mark.parametrize("family", [
    ["ZeroQuant: Efficient and Affordable Post-Training Quantization for Large-Scale Transformers",
     "ZeroQuant-V2: Efficient and Affordable Post-Training Quantization for Large-Scale Transformers",
     "ZeroQuant-FP: Efficient and Affordable Post-Training Quantization for Large-Scale Transformers",
     "ZeroQuant-HERO: Efficient and Affordable Post-Training Quantization for Large-Scale Transformers",
     "ZeroQuant(4+2): Efficient and Affordable Post-Training Quantization for Large-Scale Transformers"],
    ["HAWQ: Hessian Aware Quantization of Neural Networks", "HAWQ-V2: Hessian Aware Quantization of Neural Networks"],
    ["Learning Deep Structures, Part I", "Learning Deep Structures, Part II"],
    ["DeepSpeed-Chat: Easy and Fast Training of Chat Models", "DeepSpeed-VisualChat: Easy and Fast Training of Chat Models"],
    ["A Database Model for Object Dynamics", "Erratum: A Database Model for Object Dynamics"],
    # A number both titles share ("DB2", "C2P") does not answer for the other's part or version.
    ["An Overview of DB2 Parallel Edition", "An Overview of DB2 Parallel Edition II"],
    ["C2P: Clustering based on Closest Pairs", "C2P II: Clustering based on Closest Pairs"],
    ["SMART: Making DB2 (More) Autonomic", "SMART 2: Making DB2 (More) Autonomic"],
])
def test_version_and_part_markers_keep_works_apart(family):
    assert len(set(sm.dedupe(family).tolist())) == len(family)


def work(title, authors=(), year=None, venue="", source="s", **ids):
    w = sm.Work()
    w.title, w.source, w.venue = title, source, venue
    w.authors = [sm.parse_name(a) for a in authors]
    w.year = year
    w.ids = ids
    return w


def test_spelling_variants_merge():
    pairs = [("HAWQV3: Dyadic Neural Network Quantization", "HAWQ-V3: Dyadic Neural Network Quantization"),
             ("What's Hidden in a One-layer Randomly Weighted Transformer?",
              "What’s Hidden in a One-layer Randomly Weighted Transformer?"),
             ("On an adaptive preconditioned Crank-Nicolson MCMC algorithm for infinite dimensional Bayesian inferences",
              "On an adaptive preconditioned Crank–Nicolson MCMC algorithm for infinite dimensional Bayesian inference"),
             ("Q-ASR: Integer-only Zero-shot Quantization for Efficient Speech Recognition",
              "Integer-only Zero-shot Quantization for Efficient Speech Recognition")]
    for a, b in pairs:
        assert sm.dedupe([work(a, ["Z. Yao"], 2021), work(b, ["Zhewei Yao"], 2022, source="t")]).tolist() == [0, 0]


def test_generic_titles_need_corroboration():
    works = [work("Preface", ["A. Smith"], 2001), work("Preface", ["B. Jones"], 2001, source="t"),
             work("Preface", ["A. Smith"], 2003, source="u"), work("Preface", ["Alice Smith"], 2001, source="v")]
    assert sm.dedupe(works).tolist() == [0, 1, 2, 0]


def test_shared_doi_with_unrelated_titles_does_not_merge():
    works = [work("Chapter One: Foundations of Databases", doi="10.1000/book"),
             work("Query Optimisation in Practice", doi="10.1000/book", source="t"),
             work("Foundations of databases", doi="10.1000/BOOK", source="u")]
    assert sm.dedupe(works).tolist() == [0, 1, 0]


def test_preprint_and_published_version_merge_but_conference_and_journal_do_not():
    pre = work("Learning Sparse Experts at Scale", ["Ann Lee", "Bo Chen"], 2020, "arXiv", arxiv="2003.01234")
    pub = work("Learning sparse experts at scale", ["A. Lee", "B. Chen"], 2021, "Proc. ICML", source="t")
    jour = work("Learning Sparse Experts at Scale", ["A. Lee", "B. Chen"], 2022, "Journal of ML Research", source="u")
    assert sm.dedupe([pre, pub]).tolist() == [0, 0]
    assert sm.dedupe([pub, jour]).tolist() == [0, 1]


def test_pages_and_note_columns_are_evidence():
    import pandas as pd
    from scholarmerge.dedupe import _works_from_frame

    title = "Inference of Finite Automata Using Homing Sequences"
    df = pd.DataFrame({"title": [title] * 3, "authors": ["R. Rivest, R. Schapire"] * 3,
                       "year": [1993, 1997, 1989], "venue": ["Information and Computation", "", "Proc. STOC"],
                       "note": ["", "to appear in Information and Computation", ""],
                       "pages": ["299-347", "pp. 299-347", "411-420"]})
    # The same pages: one article whatever the years; the note makes the second a
    # journal paper, so the conference version stays apart.
    assert sm.dedupe(df).tolist() == [0, 0, 2]
    assert sm.dedupe(_works_from_frame(df)).tolist() == [0, 0, 2]
    # Without pages four years are two works.
    assert sm.dedupe(df.drop(columns=["pages"])).tolist()[:2] == [0, 1]
    # A journal paper by its note is not the conference paper; without the note it could be.
    pair = df.iloc[1:].drop(columns=["pages"]).assign(year=1993)
    assert sm.dedupe(pair).tolist() == [0, 1]
    assert sm.dedupe(pair.drop(columns=["note"])).tolist() == [0, 0]


def test_labels_identical_for_any_thread_count(seeds_dir):
    corpus = sm.read(seeds_dir, year=2026)
    one = sm.dedupe(corpus, threads=1)
    assert np.array_equal(one, sm.dedupe(corpus, threads=2))
    assert np.array_equal(one, sm.dedupe(corpus, threads=7))


def test_enormous_titles_are_bounded():
    huge = "a long title word " * 200_000
    labels = sm.dedupe([huge, huge + "tail", "something else entirely"])
    assert labels.tolist() == [0, 0, 2]


@needs_benchmarks
def test_dblp_acm_quality_floor():
    scores = ev.score_dblp_acm()
    assert scores.f1 >= 0.97, scores


@needs_benchmarks
def test_dirty_split_title_fields_holding_other_fields():
    # DeepMatcher's dirty DBLP-ACM: half the records carry authors, venue and
    # year inside the title field. Cut by the corpus's vocabulary (repair.hpp)
    # they are found and matched: 0.889 F1 clustered without the cut, 0.952 with,
    # 0.985 with the names listed by commas and a record's own author cut too.
    scores = ev.score_dblp_acm_split("dirty")
    assert scores.f1 >= 0.985, scores


@needs_benchmarks
def test_test_splits_with_each_table_as_its_source():
    # The two tables given as sources (a user merging them knows which is which):
    # structured 0.990, dirty 0.986 clustered.
    for kind, floor in (("structured", 0.985), ("dirty", 0.985)):
        scores = ev.score_dblp_acm_split(kind, with_source=True)
        assert scores.f1 >= floor, (kind, scores)


def _frame(rows, source=None):
    import pandas as pd

    df = pd.DataFrame(rows, columns=["title", "authors", "venue", "year"])
    if source:
        df["source"] = source
    return df


def test_a_later_part_is_another_work_even_where_the_other_title_names_no_part():
    base = ("Query Previews for Networked Information Systems", "Ben Shneiderman; Catherine Plaisant", "VLDB", 1997)
    for tail in (", Part II", " (Part 2)", ": Part 3", ", Chapter 2"):
        df = _frame([base, (base[0] + tail,) + base[1:]])
        assert sm.dedupe(df).tolist() == [0, 1], tail
    # A first part may be the whole title's only one; a journal volume leaked into a title is no part.
    for tail in (" (Part I)", ", Vol. 3"):
        assert sm.dedupe(_frame([base, (base[0] + tail,) + base[1:]])).tolist() == [0, 0], tail


def test_one_content_word_replaced_in_another_year_is_another_work():
    a = ("Concurrent Garbage Collection in Object Stores", "Laurent Amsaleg; Michael Franklin", "SIGMOD", 1997)
    other = ("Concurrent Incremental Collection in Object Stores",) + a[1:3] + (1999,)
    typo = ("Concurrent Garbage Colection in Object Stores",) + a[1:3] + (1998,)
    same_year = ("Concurrent Incremental Collection in Object Stores",) + a[1:]
    assert sm.dedupe(_frame([a, other])).tolist() == [0, 1]
    assert sm.dedupe(_frame([a, typo])).tolist() == [0, 0]  # a typo is no new word
    # The same year: no guard, the model weighs it. Under the documented
    # two-class priors it is one listing's edit; a corpus of two fitted with its
    # team class (another work of the same people) calls it that team's other work.
    assert sm.dedupe(_frame([a, same_year]), model=sm._core.MatchModel()).tolist() == [0, 0]
    short = ("Multiway Spatial Joins", "Nikos Mamoulis; Dimitris Papadias", "TODS", 2001)
    assert sm.dedupe(_frame([short, ("Dynamic Spatial Joins",) + short[1:3] + (2002,)])).tolist() == [0, 1]
    # A word of the same stem is the same word: "Querying" and "Queries".
    stem = ("Querying Spatial Joins",) + short[1:3] + (2002,)
    assert sm.dedupe(_frame([("Queries Spatial Joins",) + short[1:], stem])).tolist() == [0, 0]


def test_a_column_listed_twice_by_one_source_is_two_issues():
    notes = ("Editor's Notes", "Ling Liu", "SIGMOD Record", 2002)
    df = _frame([notes, notes, notes], source=["dblp", "dblp", "acm"])
    labels = sm.dedupe(df).tolist()
    assert labels[0] != labels[1]
    assert len(set(labels)) == 2  # the other source's copy joins one of them


def test_ocr_confusions_are_read_as_the_corpus_words_they_imitate():
    # A scanned copy's words misread ("Spatia1", "5tatus", "Databascs", "ü" for
    # "ti") are read as the corpus's words they are one confusion from.
    corpus = [("Spatial Joins for Object Databases", "Ming-Ling Lo; Chinya Ravishankar", "SIGMOD", 1996),
              ("A Status Report on Effective Query Databases", "Jim Melton", "SIGMOD Record", 2002),
              ("Spatial Indexing of Databases", "Hanan Samet", "VLDB", 1995),
              ("Effective Caching of Databases", "Mike Carey", "VLDB", 1994)]
    scanned = [("Spatia1 Joins for Object Databascs", "Ming-Ling Lo; Chinya Ravishankar", "SIGMOD", 1996),
               ("A 5tatus Report on Effecüve Query Databases", "Jim Melton", "SIGMOD Record", 2002)]
    assert sm.dedupe(_frame(corpus + scanned)).tolist() == [0, 1, 2, 3, 0, 1]
    # Without the clean word in the corpus a word with a digit stays a version marker.
    alone = [("Spatia1 Joins for Object Stores", "A. Lo", "SIGMOD", 1996),
             ("Spatia2 Joins for Object Stores", "A. Lo", "SIGMOD", 1996)]
    assert sm.dedupe(_frame(alone)).tolist() == [0, 1]


@needs_benchmarks
def test_robustness_set():
    # bench/robustness.py: DBLP records varied the way sources vary, and
    # look-alike distinct works (versions, parts, errata, sequels).
    # Without a source column the same-year issues of one column ("Editor's
    # Notes", 2002, by the same editor) cannot be told from copies: 0.904 then.
    frame = robustness.build()
    for with_source, floor in ((True, 0.965), (False, 0.91)):
        r = robustness.evaluate(frame, with_source)
        assert r["scores"].f1 >= floor, (with_source, r["scores"])
        assert r["looks_merged"] <= 0.03 * r["looks"], (with_source, r["looks_merged"])


@needs_benchmarks
def test_cora_quality_floor():
    scores = ev.score_cora()
    assert scores.f1 >= 0.90, scores  # 0.9011 now; the issue's floor


@needs_benchmarks
# Of the true pairs that brute force (every pair compared, under the same
# model) puts in one cluster, the index's clusters hold 14,664 of 14,718 on
# Cora (0.996). Brute force's own matches are not the measure: a quarter of
# them on Cora are wrong (pairs of unrelated titles no candidate key yields).
@pytest.mark.parametrize("loader", [ev.load_dblp_acm, ev.load_cora])
def test_index_recall_against_brute_force(loader):
    frame, truth = loader()
    details = dedupe_details(frame)
    # The same model decides both (brute force would fit one on all pairs).
    brute = dedupe_details(frame, brute_force=True, model=details.model)
    assert details.compared < brute.compared / 4
    found, found_all = ev.cluster_pairs(details.labels) & truth, ev.cluster_pairs(brute.labels) & truth
    assert len(found & found_all) / len(found_all) >= 0.99


def test_index_recall_against_brute_force_on_synthetic_titles():
    # Synthetic titles (bench/synthetic.py) keep two or three informative
    # words once the common ones are left out, and one typo there puts a
    # duplicate below the Jaccard bound: the word-out and title keys
    # (title_keys.hpp) find those. Every fifth row against all rows before it.
    df = synthetic.make(10000, seed=2)
    details = dedupe_details(df, sample_every=5)
    compared, matched = details.compared, details.matched
    compared_all, matched_all = dedupe_details(df, brute_force=True, sample_every=5, model=details.model)[1:3]
    assert compared < compared_all / 1000
    assert matched / matched_all >= 0.995  # 537 of 537; 529 (0.985) without those keys


@needs_benchmarks
def test_dataframe_columns_path_equals_the_works_path():
    # sm.dedupe(df) never builds a Work per row; it must decide exactly as the Work path does.
    from scholarmerge import evaluate as ev
    from scholarmerge.dedupe import _works_from_frame

    frame, _ = ev.load_dblp_acm()
    assert sm.dedupe(frame).tolist() == sm.dedupe(_works_from_frame(frame)).tolist()
    frame, _ = ev.load_cora()
    assert sm.dedupe(frame, threads=2).tolist() == sm.dedupe(_works_from_frame(frame), threads=1).tolist()


def test_arrow_string_columns_read_as_lists_are():
    # Arrow-backed string columns reach the core as buffers, not lists; the
    # answer must not depend on that. Missing values, non-ASCII text, a slice.
    import pandas as pd
    pa = pytest.importorskip("pyarrow")
    rows = [("Deep Learning for Graphs", "Łukasz Kaiser, Anna Smith", "Proc. ICML", "10.1/A"),
            ("Deep learning for graphs.", "L. Kaiser; Smith, Anna", None, "10.1/a"),
            (None, None, "arXiv", None),
            ("Grafos: aprendizaje profundo", "José Pérez", "J. ACM", ""),
            ("Deep Learning for Graphs", "Kaiser L", "Journal of ML", None)] * 3
    frame = pd.DataFrame(rows, columns=["title", "authors", "venue", "doi"]).assign(year=[2020, 2021, 2020, 2019, 2020] * 3)
    arrow = frame.astype({c: pd.ArrowDtype(pa.large_string()) for c in ("title", "authors", "venue", "doi")})
    arrow = arrow.astype({c: pd.StringDtype("pyarrow") for c in ("title", "authors", "venue", "doi")})
    plain = frame.astype({c: object for c in ("title", "authors", "venue", "doi")})
    assert sm.dedupe(arrow).tolist() == sm.dedupe(plain).tolist()
    assert sm.dedupe(arrow.iloc[3:]).tolist() == sm.dedupe(plain.iloc[3:]).tolist()
    assert sm.dedupe(arrow.iloc[:0]).tolist() == []


def test_names_split_at_accented_letters_are_joined_again():
    # Tokenised exports split a name at each accented letter: "sch ö ning",
    # "m. tamer Ö zsu" (a capital begins the word it is glued to). A generic
    # title merges only with the same people, so the names decide.
    for joined, split in (("M. Tamer Özsu", "m. tamer Ö zsu"), ("Harald Schöning", "harald sch ö ning")):
        rows = [("Editorial", joined, "VLDB J.", 1999), ("Editorial", split, "VLDB J.", 1999),
                ("Editorial", "A. Other", "VLDB J.", 1999)]
        assert sm.dedupe(_frame(rows)).tolist() == [0, 0, 2], split


def test_labelled_pairs_refine_the_model():
    rows = [("Learning Deep Structures", "A. Smith; B. Jones", "ICML", 2001),
            ("Learning deep structures", "Alice Smith; Bob Jones", "ICML", 2001),
            ("Learning Shallow Structures", "A. Smith; B. Jones", "ICML", 2001),
            ("Unrelated Work on Databases", "C. Date", "VLDB", 1990)]
    df = _frame(rows)
    plain = sm.fit(df)
    refined = sm.fit(df, labels=[(0, 1, "same"), (0, 2, False), (1, 2, "different")])
    assert refined.m != plain.m and refined.u != plain.u and refined.prior == plain.prior
    assert sm.dedupe(df, labels=pd.DataFrame({"a": [0], "b": [1], "same": [True]})).tolist()[:2] == [0, 0]
    with pytest.raises(ValueError, match="neither"):
        sm.fit(df, labels=[(0, 1, "maybe")])
    with pytest.raises(IndexError, match="outside"):
        sm.fit(df, labels=[(0, 9, True)])
    with pytest.raises(ValueError, match="triple"):
        sm.fit(df, labels=[(0, 1)])


@needs_benchmarks
def test_train_split_labels_keep_the_test_split_quality():
    # Supervised refinement on DBLP-ACM's train split, scored on its test split:
    # structured 0.977 (0.981 unsupervised), dirty 0.957 (0.953).
    for kind, floor in (("structured", 0.97), ("dirty", 0.95)):
        scores = ev.score_dblp_acm_split(kind, trained=True)
        assert scores.f1 >= floor, (kind, scores)


def test_copies_with_a_typo_stay_in_the_same_work_class():
    # A generated corpus (bench/synthetic.py) whose teams write many works: EM's
    # team class once took the copies with a one-letter typo (title "near") for
    # the team's other works (recall 0.949 on 20,000 records); a team class
    # whose titles are near is no team class, and the fit keeps two classes.
    from scholarmerge.evaluate import cluster_pairs, pairwise_scores

    df = synthetic.make(20000, seed=1)
    labels = list(sm.dedupe(df.drop(columns=["truth"])))
    scores = pairwise_scores(cluster_pairs(labels), cluster_pairs(df["truth"].tolist()))
    assert scores.recall >= 0.99 and scores.precision >= 0.999, scores
