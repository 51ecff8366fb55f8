"""The profile report without a browser: its figures (a work's citations are
its versions' maximum, h-index, i10), its markup and the report command."""

import json
import re
import subprocess
import sys

import pytest

import scholarmerge as sm
from scholarmerge.report.bibliography import venue_kind
from scholarmerge.report.figures import h_index, i10_index
from scholarmerge.report.render import person_context
from conftest import DATA, SEEDS

# ZeroQuant as Semantic Scholar has it: more citations than OpenAlex counts (187).
S2_ZEROQUANT = json.dumps({
    "paperId": "zq", "title": "ZeroQuant: Efficient and Affordable Post-Training Quantization for Large-Scale Transformers",
    "year": 2022, "venue": "Neural Information Processing Systems", "citationCount": 250,
    "externalIds": {"ArXiv": "2206.01861"}, "publicationTypes": ["Conference"],
    "authors": [{"name": "Zhewei Yao"}, {"name": "Reza Yazdani Aminabadi"}, {"name": "Minjia Zhang"},
                {"name": "Xiaoxia Wu"}, {"name": "Conglong Li"}, {"name": "Yuxiong He"}]})


@pytest.fixture(scope="module")
def seeds_merged():
    return sm.merge(sm.read(SEEDS))


@pytest.fixture(scope="module")
def cited():
    corpus = sm.read([SEEDS, DATA / "sources" / "openalex_page.json"])
    corpus.extend(sm.read_text(S2_ZEROQUANT, format="s2", source="s2_zeroquant.json"))
    return sm.merge(corpus)


def test_h_index_and_i10():
    assert h_index([]) == 0
    assert h_index([0, 0]) == 0
    assert h_index([10, 8, 5, 4, 3]) == 4
    assert h_index([25, 8, 5, 3, 3]) == 3
    assert h_index([1]) == 1
    assert h_index([100] * 3) == 3
    assert i10_index([10, 9, 11, 0]) == 2


def test_a_works_citations_are_its_versions_maximum_not_their_sum(cited):
    ctx = person_context(cited, "Zhewei Yao")
    zq = [w for w in ctx["works"] if w.title.startswith("ZeroQuant: Efficient")]
    assert len(zq) == 1
    versions = {v.source_format: v.citations for v in zq[0].versions}
    assert versions["openalex"] == 187 and versions["s2"] == 250
    assert zq[0].citations == 250
    figures = {f.key: f.value for f in ctx["computed"]}
    counts = [w.citations for w in ctx["works"] if w.citations is not None]
    assert figures["citations"] == sum(counts) and 250 in counts and 437 not in counts
    assert figures["h_index"] == h_index(counts) and figures["i10"] == i10_index(counts)
    assert ctx["charts"]["citations"]  # citations per year drawn when counts are known


def test_no_citation_figures_without_counts(seeds_merged):
    keys = {f.key for f in person_context(seeds_merged, "Zhewei Yao")["computed"]}
    assert {"works", "entries", "pages", "sites", "coauthors", "close"} <= keys
    assert not keys & {"citations", "h_index", "i10"}


def test_printed_figures_keep_their_source(seeds_merged):
    printed = person_context(seeds_merged, "Xiaoxia Wu")["printed"]
    by_key = {f.key: f for f in printed}
    assert by_key["h_index"].value == 29 and by_key["citations"].value == 1313
    assert by_key["h_index"].note.startswith("004_4a576aff86a16f64.txt (metrics)")
    assert "entries" not in by_key  # reader bookkeeping is not a printed figure


def test_to_html_is_one_self_contained_page(seeds_merged):
    html = seeds_merged.to_html("Z. Yao")
    assert html._repr_html_() == str(html)
    assert html.count('class="work"') == 73 and html.count("data-work-id=") == 73
    assert 'data-person-id="' in html
    assert not re.search(r"<(script|link|img)[^>]+(src|href)=\"(https?:)?//", html)  # nothing fetched
    assert "<svg" in html and "<title" in html
    assert "Benchmarking Semi-supervised Federated Learning" in html
    assert 'class="equal"' in html  # equal contribution marked (Z. Yao<sup>*</sup>)
    assert 'class="flag"' in html   # a field the sources disagree on
    assert "Why these are one work" in html
    assert "<p>" in seeds_merged._repr_html_()


def test_venue_kinds():
    bib = sm.read_text("@article{a, title={A}, journal={Journal of Things}, year={2020}}\n"
                       "@inproceedings{b, title={B}, booktitle={Proc. of a Conference}, year={2021}}\n"
                       "@misc{c, title={C}, howpublished={arXiv preprint arXiv:2101.00001}, year={2021}}\n",
                       format="bibtex")
    assert [venue_kind(w) for w in bib][:2] == ["journal", "conference"]
    pages = sm.read(SEEDS / "003_3f4984e3fc10ae21.txt")
    kinds = {w.extra["type"]: venue_kind(w) for w in pages}
    assert kinds == {"Conference": "conference", "Journal": "journal", "Workshop": "workshop",
                     "Book Chapter": "book", "Preprint and Technical Report": "preprint"}


def test_cli_report_writes_the_site(tmp_path):
    out = subprocess.run([sys.executable, "-m", "scholarmerge.cli", "report", "--out", str(tmp_path / "site")],
                         capture_output=True, text=True, check=True).stdout
    index = tmp_path / "site" / "index.html"
    assert out.strip() == str(index)
    names = sorted(p.name for p in (tmp_path / "site").iterdir())
    assert names == sorted(["index.html", "zhewei-yao.html", "yuxiong-he.html", "xiaoxia-wu.html",
                            "zhewei-yao.bib", "yuxiong-he.bib", "xiaoxia-wu.bib",
                            "zhewei-yao.csl.json", "yuxiong-he.csl.json", "xiaoxia-wu.csl.json"])
    assert index.read_text().count("data-person-id=") == 3
