"""Every seed read completely and exactly, through the public Python API."""

import json
import subprocess
import sys

import scholarmerge as sm
from scholarmerge.text import clean_display

from conftest import DATA


def test_auto_detects_every_seed_format(seeds_dir):
    corpus = sm.read(seeds_dir, year=2026)
    by_source = {}
    for w in corpus:
        by_source.setdefault(w.source.rsplit("/", 1)[-1], set()).add(w.source_format)
    assert by_source == {
        "000_602d7c1470f5eabb.txt": {"bzpeer"},
        "001_c744249fae11127d.txt": {"bzpeer"},
        "002_472301fbda57fcbe.txt": {"listing"},
        "003_3f4984e3fc10ae21.txt": {"academicpages"},
        "004_4a576aff86a16f64.txt": {"metrics"},
    }
    counts = [sum(1 for w in corpus if w.source.endswith(name)) for name in sorted(by_source)]
    assert counts == [13, 15, 50, 36, 15]
    assert [(p.name, p.inferred) for p in corpus.profiles] == [
        ("Zhewei Yao", False), ("Yuxiong He", False), ("Zhewei Yao", True), ("Zhewei Yao", False),
        ("Xiaoxia Wu", False)]


def test_cli_parses_all_seeds_to_129_records(seeds_dir):
    out = subprocess.run([sys.executable, "-m", "scholarmerge.cli", "parse", str(seeds_dir), "--to", "jsonl"],
                         capture_output=True, text=True, check=True).stdout
    records = [json.loads(line) for line in out.splitlines()]
    assert len(records) == 129
    assert {r["source_format"] for r in records} == {"bzpeer", "listing", "academicpages", "metrics"}
    assert all(r["source_line"] >= 1 and r["title"] for r in records)


def read_expected_splits():
    rows = []
    for line in (DATA / "listing_002_splits.tsv").read_text().splitlines():
        if line.startswith("#"):
            continue
        title, authors, et_al = line.split("\t")
        rows.append((title, authors.split("; "), et_al == "yes"))
    return rows


def test_expected_splits_are_consistent_with_the_seed(seed):
    """The expectation file, checked against the raw page without the reader:
    each glued line is exactly title + authors (+ et al.) (+ organisation)."""
    lines = seed(2).read_text().splitlines()
    glued = [lines[i + 1] for i in range(0, len(lines), 3)]
    expected = read_expected_splits()
    assert len(glued) == len(expected) == 50
    for raw, (title, authors, et_al) in zip(glued, expected):
        body = raw.split(" · ")[0]
        names = ", ".join(authors) + (" et al." if et_al else "")
        assert body.endswith(names), raw
        assert clean_display(body[: len(body) - len(names)]) == title, raw


def test_all_50_title_author_splits_of_the_listing(seed):
    corpus = sm.read(seed(2), year=2026)
    got = [(w.title, [a.raw for a in w.authors], w.authors_truncated) for w in corpus]
    assert got == read_expected_splits()


def test_listing_fields(seed):
    corpus = sm.read(seed(2), year=2025)
    w = corpus[5]  # "99.7LGApr 1Code"
    assert w.title == "Learning to Hint for Reinforcement Learning"
    assert (w.date, w.year, w.category) == ("2025-04-01", 2025, "LG")
    assert w.extra["score"] == 99.7 and w.extra["has_code"] is True and w.extra["year_from_capture"] is True
    stun = next(w for w in corpus if w.title.startswith("STUN"))
    assert stun.authors[1].raw == "seung-won hwang" and stun.authors[1].surname == "Hwang"
    r3 = next(w for w in corpus if "SQL: Ranking" in w.title)
    assert r3.title == "R³-SQL: Ranking Reward and Resampling for Text-to-SQL"


def test_academicpages_fields(seed):
    corpus = sm.read(seed(3))
    actnn = next(w for w in corpus if w.title.startswith("ActNN"))
    assert (actnn.venue, actnn.year, actnn.extra["note"]) == ("ICML", 2021, "Long Talk")
    assert actnn.ids == {"arxiv": "2104.14129"} and actnn.links == {"arxiv": "https://arxiv.org/pdf/2104.14129.pdf"}
    bench = next(w for w in corpus if w.title.startswith("Benchmarking Semi-supervised"))
    yao = bench.authors[1]
    assert (yao.raw, yao.display, yao.highlighted, yao.equal_contribution) == (
        "**Z. Yao<sup>*</sup>**", "Z. Yao", True, True)
    assert bench.links["code"].startswith("https://github.com/jhcknzzm/")
    assert [w.extra["type"] for w in corpus].count("Journal") == 5
    assert sorted(set(w.extra["type"] for w in corpus)) == [
        "Book Chapter", "Conference", "Journal", "Preprint and Technical Report", "Workshop"]
    gonzalez = next(w for w in corpus if w.title.startswith("A Statistical Framework")).authors[-1]
    assert gonzalez.display == "J. E. GonZalez" and gonzalez.surname.lower() == "gonzalez"


def test_metrics_and_bzpeer_profiles(seed):
    p = sm.read(seed(4)).profiles[0]
    assert p.name == "Xiaoxia Wu"
    assert {k: p.metrics[k] for k in ("h_index", "papers", "citations", "novelty", "ai_score", "category")} == {
        "h_index": 29, "papers": 15, "citations": 1313, "novelty": 49, "ai_score": 38, "category": "CL"}
    q = sm.read(seed(0)).profiles[0]
    assert q.metrics["trust_level"] == "Emerging" and q.metrics["verification_level"] == "L1"


def test_damaged_listing_is_read_with_diagnostics():
    corpus = sm.read(DATA / "damaged_listing.txt", year=2026)
    assert [w.title for w in corpus] == ["A Good Title", "all lower case title without authors", "Last One"]
    messages = [(d.line, d.message) for d in corpus.diagnostics if d.severity != "info"]
    assert messages and messages[0][0] == 5 and "first author" in messages[0][1]
