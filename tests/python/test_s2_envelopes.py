"""Semantic Scholar envelopes and API error bodies: every record read, or a diagnostic."""
from pathlib import Path

import pytest

import scholarmerge as sm

DATA = Path(__file__).resolve().parents[1] / "data" / "s2"


def read(name, **kw):
    return sm.read(str(DATA / name), **kw)


@pytest.mark.parametrize("name, relation, n", [("citations_page.json", "citing", 3), ("references_page.json", "cited", 2)])
def test_citation_wrappers_read_the_wrapped_paper(name, relation, n):
    c = read(name)
    assert len(c) == n
    assert all(w.title for w in c)
    assert {w.extra["s2_relation"] for w in c} == {relation}
    assert all(w.source_format == "s2" for w in c)


def test_citing_paper_fields_and_context():
    w = read("citations_page.json")[0]
    assert w.title.startswith("BERT")
    assert w.year == 2019
    assert w.ids["arxiv"] == "1810.04805"
    assert [a.surname for a in w.authors][:2] == ["Devlin", "Chang"]
    assert w.extra["influential"] is True
    assert w.extra["intents"] == "background, methodology"
    assert w.extra["contexts"] == 2


def test_cited_paper_without_id_is_still_a_work():
    w = read("references_page.json")[1]
    assert w.title == "Rethinking the Inception Architecture for Computer Vision"
    assert "s2" not in w.ids


@pytest.mark.parametrize("name, n", [("recommendations.json", 2), ("author_papers_page.json", 2),
                                     ("author_search.json", 2), ("bulk_search_page.json", 1)])
def test_other_envelopes(name, n):
    c = read(name)
    assert len(c) == n and all(w.title for w in c)
    assert not [d for d in c.diagnostics if d.severity != "info"]


def test_same_envelope_with_explicit_format_and_as_text():
    text = (DATA / "recommendations.json").read_text()
    assert len(sm.read_text(text, format="s2")) == 2
    assert len(sm.read_text(text)) == 2


@pytest.mark.parametrize("name, more", [("citations_page.json", True), ("author_papers_page.json", True),
                                        ("bulk_search_page.json", True), ("references_page.json", False),
                                        ("author_search.json", False)])
def test_pagination_is_reported_when_pages_are_missing(name, more):
    notes = [d for d in read(name).diagnostics if "paginated" in d.message]
    assert bool(notes) == more
    for d in notes:
        assert d.severity == "info" and d.line == 1


def test_last_page_is_not_reported():
    # S2's search: next == total on the last page.
    text = '{"total": 2, "offset": 0, "next": 2, "data": [{"paperId": "a", "title": "A"}, {"paperId": "b", "title": "B"}]}'
    c = sm.read_text(text, format="s2")
    assert len(c) == 2 and not c.diagnostics


@pytest.mark.parametrize("name, words", [("error_not_found.json", "not found"), ("error_rate_limit.json", "Too Many Requests"),
                                         ("error_bad_fields.json", "Unrecognized")])
@pytest.mark.parametrize("fmt", ["auto", "s2"])
def test_error_bodies_are_diagnostics_not_works(name, words, fmt):
    c = read(name, format=fmt)
    assert len(c) == 0
    [d] = c.diagnostics
    assert d.severity == "error" and d.line == 1 and d.source.endswith(name)
    assert "API error" in d.message and words in d.message


@pytest.mark.parametrize("text, fmt, words", [
    ('{"error": "Invalid query parameters error.", "message": "title is not a valid filter"}', "openalex", "not a valid filter"),
    ('{"status": "failed", "message-type": "validation-failure", "message": [{"value": "rows", "message": "Integer specified as -1 but must be a positive integer", "type": "integer-not-valid"}]}',
     "crossref", "positive integer"),
    ('{"status": "failed", "message-type": "validation-failure", "message": [{"value": "rows", "message": "Integer specified as -1 but must be a positive integer", "type": "integer-not-valid"}]}',
     "auto", "positive integer"),
])
def test_other_apis_error_bodies(text, fmt, words):
    c = sm.read_text("\n" + text, format=fmt, source="resp.json")
    assert len(c) == 0
    [d] = c.diagnostics
    assert d.severity == "error" and d.line == 2 and words in d.message


def test_error_lines_in_json_lines_keep_their_line():
    text = '{"paperId": "a", "title": "A"}\n{"error": "Paper with id b not found"}\n{"paperId": "c", "title": "C"}\n'
    c = sm.read_text(text, format="s2")
    assert [w.title for w in c] == ["A", "C"]
    assert [(d.line, d.severity) for d in c.diagnostics] == [(2, "error")]


def test_crossref_ok_envelope_is_not_an_error():
    text = '{"status": "ok", "message-type": "work", "message": {"DOI": "10.1/x", "title": ["A work"]}}'
    c = sm.read_text(text, format="crossref")
    assert len(c) == 1 and c[0].title == "A work"


def test_author_records_without_papers_are_reported_not_works():
    text = '{"data": [{"authorId": "1741101", "name": "Oren Etzioni", "paperCount": 300},\n {"authorId": "2", "name": "B", "papers": [{"paperId": "x", "title": "X"}]}]}'
    c = sm.read_text(text, format="s2")
    assert [w.title for w in c] == ["X"]
    [d] = c.diagnostics
    assert d.line == 1 and "author record" in d.message


def test_datasets_api_lines_with_lower_case_keys():
    text = ('{"corpusid": 123, "externalids": {"DOI": "10.1/X", "CorpusId": "123"}, "title": "T", '
            '"authors": [{"authorId": "1", "name": "Ann Bee"}], "year": 2020, "publicationdate": "2020-03-01"}\n'
            '{"corpusid": 124, "externalids": null, "title": "U", "authors": [], "year": 2021, "publicationdate": null}\n')
    c = sm.read_text(text)
    assert [w.source_format for w in c] == ["s2", "s2"]
    assert c[0].ids == {"doi": "10.1/x", "s2_corpus": "123"} and c[0].date == "2020-03-01"
    assert c[1].ids == {"s2_corpus": "124"} and not c.diagnostics


def test_openalex_group_by_is_reported_not_silent():
    text = ('{"meta": {"count": 3, "page": 1, "per_page": 25, "groups_count": 3}, "results": [], "group_by": '
            '[{"key": "2020", "key_display_name": "2020", "count": 10}, {"key": "2021", "count": 5}, {"key": "2022", "count": 7}]}')
    c = sm.read_text(text, format="openalex")
    assert len(c) == 0
    [d] = c.diagnostics
    assert d.severity == "warning" and "group-by" in d.message and "3 groups" in d.message


@pytest.mark.parametrize("text, fmt, note", [
    ('{"meta": {"count": 120, "page": 2, "per_page": 2}, "results": [{"id": "https://openalex.org/W1", "title": "A"}, '
     '{"id": "https://openalex.org/W2", "title": "B"}]}', "openalex", "records 3-4 of 120"),
    ('{"status": "ok", "message-type": "work-list", "message": {"total-results": 50, "items-per-page": 1, '
     '"query": {"start-index": 10}, "items": [{"DOI": "10.1/a", "title": ["A"]}]}}', "crossref", "records 11-11 of 50"),
    ('{"total": 40, "offset": 20, "next": 21, "data": [{"paperId": "a", "title": "A"}]}', "s2", "records 21-21 of 40"),
])
def test_pages_of_other_apis(text, fmt, note):
    c = sm.read_text(text, format=fmt)
    assert len(c) == len([w for w in c if w.title])
    [d] = c.diagnostics
    assert d.severity == "info" and note in d.message


def test_empty_response_says_so():
    c = sm.read_text('{"meta": {"count": 0, "page": 1, "per_page": 25}, "results": []}', format="openalex")
    assert len(c) == 0 and [d.message for d in c.diagnostics] == ["the response holds no records"]
