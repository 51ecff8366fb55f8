"""scholarmerge's JSON Lines: export then import gives the same works; damaged lines are reported."""

from hypothesis import given, settings
from hypothesis import strategies as st

import scholarmerge as sm


def fields(w):
    return (w.title, [(a.raw, a.display, a.given, a.surname, a.initials, a.suffix, a.key, a.highlighted,
                       a.equal_contribution) for a in w.authors],
            w.authors_truncated, w.year, w.date, w.venue, w.abstract, w.category, w.ids, w.links)


def test_seeds_round_trip(seeds_dir):
    corpus = sm.read(seeds_dir, year=2026)
    back = sm.read_text(corpus.to_jsonl(), source="export.jsonl")
    assert back[0].source_format == "jsonl" and not back.diagnostics
    assert [fields(w) for w in back] == [fields(w) for w in corpus]
    assert [w.extra["original_source"] for w in back] == [w.source for w in corpus]
    assert sm.dedupe(back).tolist() == sm.dedupe(corpus).tolist()


text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=40)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(text, st.lists(text, max_size=4), st.one_of(st.none(), st.integers(1000, 2100)),
                          text, st.dictionaries(st.sampled_from(["doi", "arxiv"]), text, max_size=2)),
                min_size=1, max_size=6))
def test_export_then_import_gives_the_same_works(rows):
    works = []
    for title, authors, year, venue, ids in rows:
        w = sm.Work()
        w.title, w.year, w.venue, w.ids, w.source, w.source_format, w.source_line = title, year, venue, ids, "s", "x", 1
        w.authors = [sm.parse_name(a) for a in authors]
        works.append(w)
    jsonl = "".join(w.to_json() + "\n" for w in works)
    back = sm.read_text(jsonl, format="jsonl")
    assert not back.diagnostics
    assert [fields(w) for w in back] == [fields(w) for w in works]


def test_damaged_lines_become_diagnostics(tmp_path):
    good = '{"title":"Fine","source_format":"x","year":2001,"authors":[{"display":"A. B"}],"extra":{"n":1.5}}'
    text = "\n".join([
        good,
        '{"title": "wrong type", "source_format": "x", "year": "2001"}',  # a string year
        '{"title": "truncated", "source_format": "x", "year": 20',       # truncated line
        "[" * 10000,                                                    # deeply nested
        '{"title": null, "venue": null, "year": null, "source_format": "x"}',  # nulls are fine
        '{"title": "bad INVALID utf8", "source_format": "x"}',
        good,
    ])
    path = tmp_path / "d.jsonl"
    path.write_bytes(text.encode().replace(b"INVALID", b"\xff"))
    corpus = sm.read(path, format="jsonl")
    assert [w.title for w in corpus] == ["Fine", "", "bad \ufffd utf8", "Fine"]
    assert corpus[0].extra["n"] == 1.5 and corpus[0].authors[0].display == "A. B"
    lines = sorted(d.line for d in corpus.diagnostics if d.severity == "warning" and "unreadable" in d.message)
    assert lines == [2, 3, 4]
