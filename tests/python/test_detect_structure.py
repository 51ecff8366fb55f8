"""Detection by a record's structure: Crossref's own JSON writes title and
container-title as arrays, CSL-JSON as strings, whatever other keys they share;
Crossref responses that hold no works are reported, not read."""
import json

import scholarmerge as sm

SHARED = {"DOI": "10.1/x", "reference-count": 3, "is-referenced-by-count": 1, "publisher": "P",
          "issued": {"date-parts": [[2001]]}, "author": [{"given": "A", "family": "Bee"}], "type": "journal-article"}


def test_csl_with_crossref_counts_is_csl():
    c = sm.read_text(json.dumps({**SHARED, "title": "T", "container-title": "J"}))
    assert [w.source_format for w in c] == ["csl"]
    assert c[0].title == "T" and c[0].year == 2001


def test_bare_crossref_record_is_crossref():
    c = sm.read_text(json.dumps({**SHARED, "title": ["T"], "container-title": ["J"]}))
    assert [w.source_format for w in c] == ["crossref"]
    assert c[0].title == "T" and c[0].year == 2001


def test_csl_list_is_never_openalex_or_crossref():
    items = [{**SHARED, "id": "https://openalex.org/W1", "title": "T"}, {**SHARED, "title": "U"}]
    c = sm.read_text(json.dumps(items))
    assert {w.source_format for w in c} == {"csl"} and len(c) == 2


def test_non_work_message_is_reported():
    body = {"status": "ok", "message-type": "funder-list", "message": {"items": [{"id": "1", "name": "F"}]}}
    c = sm.read_text(json.dumps(body))
    assert len(c) == 0
    assert [d.severity for d in c.diagnostics] == ["warning"]
    assert "funder-list" in c.diagnostics[0].message


def test_work_list_is_read():
    body = {"status": "ok", "message-type": "work-list",
            "message": {"items": [{**SHARED, "title": ["T"]}, {**SHARED, "DOI": "10.1/y", "title": ["U"]}]}}
    c = sm.read_text(json.dumps(body))
    assert [w.title for w in c] == ["T", "U"]


def test_openalex_entities_and_group_by_are_reported_not_unrecognised():
    author = {"id": "https://openalex.org/A5023888391", "display_name": "Jason Priem", "works_count": 5}
    keyword = {"id": "https://openalex.org/keywords/cardiac-imaging", "display_name": "Cardiac Imaging"}
    group_by = {"meta": {"count": 5, "groups_count": 1}, "results": [],
                "group_by": [{"key": "2020", "key_display_name": "2020", "count": 5}]}
    for doc, kind in [({"meta": {"count": 1}, "results": [author]}, "authors"), (keyword, "keywords"),
                      (group_by, "group-by response (1 groups")]:
        c = sm.read_text(json.dumps(doc))
        assert len(c) == 0
        assert [d.severity for d in c.diagnostics] == ["warning"] and kind in c.diagnostics[0].message
    # A work whose first id is an author's is still a work.
    work = {"authorships": [{"author": {"id": "https://openalex.org/A1", "display_name": "A Bee"}}],
            "id": "https://openalex.org/W1", "title": "T", "publication_year": 2020}
    c = sm.read_text(json.dumps(work))
    assert [w.source_format for w in c] == ["openalex"] and c[0].title == "T"
