"""Real fixtures (tests/data/real, SOURCES.md): files other projects recorded
from the APIs and users we read. Each file: no crash, every record read or
named by a diagnostic, and titles, DOIs and years as the raw file has them.
The expectations are computed from the raw file by its own parse (json, a
count of @entries), never written per record."""
import json
import re
from pathlib import Path

import pytest
import scholarmerge as sm

REAL = Path(__file__).resolve().parents[1] / "data" / "real"
FILES = sorted(p for p in REAL.rglob("*") if p.is_file() and p.suffix in (".json", ".bib"))
ENTRY = re.compile(r"^[ \t]*@[ \t]*([A-Za-z_]+)[ \t]*[{(]", re.M)
NOT_RECORDS = {"string", "preamble", "comment"}


def _ids(path):
    return str(path.relative_to(REAL))


def test_every_format_has_real_fixtures():
    assert {p.parent.name for p in FILES} >= {"crossref", "csl", "bibtex"}
    assert (REAL / "SOURCES.md").read_text().count("|") > 20


def crossref_message(p):
    doc = json.loads(p.read_bytes())
    return doc.get("message-type"), doc.get("message")


def crossref_works(p):
    kind, message = crossref_message(p)
    if kind == "work":
        return [message]
    if kind == "work-list":
        return message["items"]
    return None  # not works: funders, members, journals, ...


@pytest.mark.parametrize("path", [p for p in FILES if p.parent.name == "crossref"], ids=_ids)
def test_crossref_every_work_read_or_reported(path):
    c = sm.read(str(path))
    works = crossref_works(path)
    if works is None:
        assert len(c) == 0
        kind, _ = crossref_message(path)
        assert any(kind in d.message and d.severity == "warning" for d in c.diagnostics)
        return
    assert len(c) == len(works)
    assert {w.source_format for w in c} <= {"crossref"}
    for w, raw in zip(c, works):
        if raw.get("DOI"):
            assert w.ids.get("doi", "").lower() == raw["DOI"].lower()
        titles = raw.get("title") or []
        if titles and titles[0].strip() and "<" not in titles[0]:
            # The reader joins a subtitle with ": " and squeezes spaces.
            assert " ".join(w.title.split()).startswith(" ".join(titles[0].split())[:40])
        issued = (raw.get("issued") or {}).get("date-parts") or [[None]]
        if issued[0] and issued[0][0]:
            assert w.year == issued[0][0]


@pytest.mark.parametrize("path", [p for p in FILES if p.parent.name == "csl"], ids=_ids)
def test_csl_is_detected_by_structure_and_read(path):
    raw = json.loads(path.read_bytes())
    records = raw if isinstance(raw, list) else [raw]
    c = sm.read(str(path))  # auto-detected
    assert len(c) == len(records)
    for w, r in zip(c, records):
        assert w.source_format == "csl"
        assert w.ids.get("doi", "").lower() == r["DOI"].lower()
        assert w.title.startswith(r["title"])
        assert w.year == r["issued"]["date-parts"][0][0]
        assert [a.surname for a in w.authors] == [a["family"] for a in r["author"]]


def bibtex_entries(path):
    text = path.read_bytes().decode("utf-8", "replace")
    return [m for m in ENTRY.finditer(text) if m.group(1).lower() not in NOT_RECORDS]


@pytest.mark.parametrize("path", [p for p in FILES if p.parent.name == "bibtex"], ids=_ids)
def test_bibtex_every_entry_read_or_reported(path):
    c = sm.read(str(path))
    entries = bibtex_entries(path)
    reported = {d.line for d in c.diagnostics if "entry" in d.message or d.severity == "error"}
    assert len(c) <= len(entries)
    assert len(c) + len(reported) >= len(entries), (len(c), len(entries), reported)
    assert all(w.source_format == "bibtex" for w in c)


def _years_in_raw(path):
    """year = {...} / "..." / bare digits of each entry, from the raw text."""
    text = path.read_bytes().decode("utf-8", "replace")
    starts = [m.start() for m in bibtex_entries(path)] + [len(text)]
    out = []
    for a, b in zip(starts, starts[1:]):
        m = re.search(r"\byear\s*=\s*[{\"]?\s*(\d{4})\s*[}\"]?\s*[,}\n]", text[a:b], re.I)
        out.append(int(m.group(1)) if m else None)
    return out


@pytest.mark.parametrize("path", [p for p in FILES if p.parent.name == "bibtex" and len(bibtex_entries(p)) > 3],
                         ids=_ids)
def test_bibtex_years_as_written(path):
    c = sm.read(str(path))
    years = _years_in_raw(path)
    if len(c) != len(years):
        pytest.skip("entries reported rather than read: counted in the test above")
    pairs = [(w.year, y) for w, y in zip(c, years) if y]
    assert pairs
    assert sum(a == b for a, b in pairs) == len(pairs), [p for p in pairs if p[0] != p[1]][:5]


def test_crossref_bibtex_negotiation_keeps_the_doi():
    for path in (REAL / "bibtex").glob("test-content_negotation-*.bib"):
        text = path.read_text()
        doi = re.search(r"doi\s*=\s*\{([^}]*)\}", text, re.I)
        w = sm.read(str(path))[0]
        assert w.ids.get("doi", "").lower() == doi.group(1).lower()
        assert w.title


@pytest.mark.parametrize("path", [p for p in FILES if p.parent.name == "bibtex"], ids=_ids)
def test_bibtex_no_title_lost(path):
    """An entry reported untitled has no title in the raw file, or only braces."""
    lines = path.read_bytes().decode("utf-8", "replace").splitlines()
    for d in sm.read(str(path)).diagnostics:
        if "has no title" not in d.message:
            continue
        entry = []
        for line in lines[d.line - 1:]:
            if entry and ENTRY.match(line):
                break
            entry.append(line)
        m = re.search(r"\btitle\s*=\s*(.*)", "\n".join(entry), re.I)
        assert m is None or not re.sub(r"[{}\"\s,]", "", m.group(1).split("\n")[0]), (d.line, m.group(1))


def test_logo_macros_are_words_and_style_controls_no_works():
    w = sm.read_text("@article{k, title={{\\TUG} 2004 and \\ConTeXt{} in {\\em practice}}, year=2004}",
                     format="bibtex")[0]
    assert w.title == "TUG 2004 and ConTeXt in practice"
    c = sm.read_text("@IEEEtranBSTCTL{ctl, CTLuse_url = \"yes\"}\n@misc{m, title={T}}", format="bibtex")
    assert [x.title for x in c] == ["T"]
    assert any("ctl" in d.message and "control" in d.message for d in c.diagnostics)
