"""Structured sources and exports: OpenAlex, Semantic Scholar, Crossref, CSL-JSON, BibTeX;
round trips through the BibTeX and CSL-JSON exports; large files read in batches."""

import json
import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import scholarmerge as sm

SOURCES = {
    "openalex_page.json": "openalex", "openalex_works.jsonl": "openalex", "s2_batch.json": "s2",
    "s2_search.json": "s2", "crossref_work.json": "crossref", "crossref_list.json": "crossref",
    "zotero.csl.json": "csl", "refs.bib": "bibtex",
}


@pytest.fixture
def sources(request):
    from conftest import DATA
    return DATA / "sources"


@pytest.mark.parametrize("name,fmt", sorted(SOURCES.items()))
def test_each_sample_is_detected_and_matches_its_named_format(sources, name, fmt):
    auto = sm.read(sources / name)
    named = sm.read(sources / name, format=fmt)
    assert {w.source_format for w in auto} == {fmt}
    assert [w.to_json() for w in auto] == [w.to_json() for w in named]
    assert len(auto) > 0


def test_nothing_is_lost_in_the_damaged_samples(sources):
    # Every record in each sample is a work or a diagnostic with its line.
    expected = {"openalex_works.jsonl": (5, {3, 4, 5, 7}), "s2_batch.json": (2, {15, 17}),
                "crossref_list.json": (2, {4}), "zotero.csl.json": (3, {7}), "refs.bib": (6, {26, 53, 55})}
    for name, (works, lines) in expected.items():
        c = sm.read(sources / name)
        assert len(c) == works, name
        assert {d.line for d in c.diagnostics} == lines, name


def comparable(w):
    return (w.title, w.year, w.date, w.venue, w.ids, w.abstract,
            [(a.surname, a.given, a.suffix) for a in w.authors])


@pytest.mark.parametrize("export,fmt", [("to_bibtex", "bibtex"), ("to_csl_json", "csl")])
def test_round_trip_of_every_sample_and_the_seeds(sources, seeds_dir, export, fmt):
    corpus = sm.read([*sorted(sources.iterdir()), seeds_dir], year=2026)
    text = getattr(corpus, export)()
    back = sm.read_text(text, format=fmt, source="export")
    untitled = sum(1 for w in corpus if not w.title)  # said again on the way back in
    assert len(back.diagnostics) == untitled and all("no title" in d.message for d in back.diagnostics)
    assert len(back) == len(corpus)
    for a, b in zip(corpus, back):
        assert comparable(b) == comparable(a)


names = st.sampled_from(["Zhewei Yao", "Yao, Z.", "José de la Cruz", "Łukasz Kaiser", "Smith, Jr., John",
                         "Ludwig van Beethoven", "J. E. GonZalez", "Seung-won Hwang", "Kurt Keutzer"])
# Readers normalise whitespace in titles (NBSP, tabs, runs): generate single spaces only.
titles = st.text(st.characters(blacklist_categories=("Cs", "Cc", "Zs", "Zl", "Zp"), whitelist_characters=" "),
                 min_size=1, max_size=60).filter(
    lambda t: t.strip() == t and "  " not in t and t.strip())


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(titles, st.lists(names, max_size=4), st.one_of(st.none(), st.integers(1000, 2100)),
                          st.sampled_from(["", "ICML", "Journal of Names & Numbers"]),
                          st.fixed_dictionaries({}, optional={  # identifiers in their canonical (bare) forms
                              "doi": st.from_regex(r"10\.[0-9]{4,5}/[a-z0-9._-]{1,12}", fullmatch=True),
                              "arxiv": st.from_regex(r"[0-9]{4}\.[0-9]{4,5}", fullmatch=True),
                              "openalex": st.from_regex(r"W[0-9]{1,10}", fullmatch=True)})),
                min_size=1, max_size=5))
def test_exports_read_back_the_same_works(rows):
    corpus = sm.Corpus()
    works = []
    for title, authors, year, venue, ids in rows:
        w = sm.Work()
        w.title, w.year, w.venue, w.ids = title, year, venue, ids
        w.date = str(year) if year else None
        w.authors = [sm.parse_name(a) for a in authors]
        works.append(w)
    text = sm.read_text("".join(w.to_json() + "\n" for w in works), format="jsonl")
    for export, fmt in (("to_bibtex", "bibtex"), ("to_csl_json", "csl")):
        back = sm.read_text(getattr(text, export)(), format=fmt)
        assert not back.diagnostics, (export, back.diagnostics)
        assert [comparable(w) for w in back] == [comparable(w) for w in text], export


def test_citation_keys_are_unique_and_stable(seeds_dir):
    corpus = sm.read(seeds_dir, year=2026)
    keys = [line.split("{", 1)[1].rstrip(",") for line in corpus.to_bibtex().splitlines() if line.startswith("@")]
    assert len(keys) == len(set(keys)) == len(corpus)
    assert corpus.to_bibtex() == sm.read(seeds_dir, year=2026).to_bibtex()
    items = json.loads(corpus.to_csl_json())
    assert [i["id"] for i in items] == keys


def openalex_line(i):
    return json.dumps({"id": f"https://openalex.org/W{i}", "title": f"Work {i}", "publication_year": 2000 + i % 20,
                       "authorships": [{"author": {"display_name": "Ada Lovelace"}}],
                       "abstract_inverted_index": {"word": [0], "another": [1]}})


def test_large_json_lines_in_batches_equal_the_whole_read(tmp_path):
    path = tmp_path / "works.jsonl"
    lines = [openalex_line(i) for i in range(20000)]
    lines[12345] = lines[12345][:40]  # one truncated line
    path.write_text("\n".join(lines) + "\n")
    whole = sm.read(path)
    batches = list(sm.read_batches(path, batch_mb=1, threads=2))
    assert len(batches) > 1
    assert sum(len(b) for b in batches) == len(whole) == 19999
    flat = [w for b in batches for w in b]
    assert [(w.title, w.source_line) for w in flat] == [(w.title, w.source_line) for w in whole]
    assert [d.line for b in batches for d in b.diagnostics] == [d.line for d in whole.diagnostics] == [12346]
    threaded = sm.read(path, threads=2, progress=False)
    assert [w.to_json() for w in threaded] == [w.to_json() for w in whole]


def test_progress_bar_reports_every_byte(tmp_path, capsys):
    path = tmp_path / "works.jsonl"
    path.write_text("\n".join(openalex_line(i) for i in range(2000)) + "\n")
    corpus = sm.read(path, progress=True)
    assert len(corpus) == 2000
    err = capsys.readouterr().err
    assert "reading" in err and "100%" in err


def run_cli(*args):
    return subprocess.run([sys.executable, "-m", "scholarmerge.cli", *args], capture_output=True, text=True)


@pytest.mark.parametrize("to,fmt", [("bibtex", "bibtex"), ("csl-json", "csl"), ("jsonl", "jsonl")])
def test_cli_exports_read_back(sources, to, fmt):
    out = run_cli("parse", str(sources / "refs.bib"), str(sources / "openalex_page.json"), "--to", to)
    assert out.returncode == 0
    assert "refs.bib:26" in out.stderr  # the broken entry, reported
    back = sm.read_text(out.stdout, format=fmt)
    assert [w.title for w in back] == [w.title for w in sm.read([sources / "refs.bib",
                                                                  sources / "openalex_page.json"])]


@pytest.mark.parametrize("wrap", [lambda r: r, lambda r: [r], lambda r: "\n".join([json.dumps(r)] * 2)])
def test_csl_json_from_openalex_is_read_as_csl(wrap):
    # CSL-JSON exported from OpenAlex names its records by OpenAlex work id:
    # the CSL fields, not the id, decide the format.
    record = {"id": "https://openalex.org/W2919115771", "type": "article-journal", "title": "Deep learning",
              "author": [{"family": "LeCun", "given": "Yann"}, {"family": "Bengio", "given": "Yoshua"}],
              "issued": {"date-parts": [[2015, 5]]}, "container-title": "Nature", "DOI": "10.1038/nature14539"}
    data = wrap(record)
    c = sm.read_text(data if isinstance(data, str) else json.dumps(data))
    assert len(c) >= 1 and not c.diagnostics
    w = c[0]
    assert (w.year, w.venue, [a.surname for a in w.authors]) == (2015, "Nature", ["LeCun", "Bengio"])
    openalex = {"id": "https://openalex.org/W2919115771", "title": "Deep learning", "publication_year": 2015}
    assert sm.read_text(json.dumps(openalex))[0].year == 2015


def test_csl_export_escapes_what_its_title_markup_would_eat():
    # Found by the round-trip property: a title "0<A>" came back "0" (CSL titles are rich text).
    c = sm.read_text("@article{k, title={0<A> & x}, journal={J}, year={2001}}", format="bibtex")
    back = sm.read_text(c.to_csl_json())
    assert [w.title for w in back] == ["0<A> & x"] and not back.diagnostics
