"""Real fixtures (tests/data/real, SOURCES.md): files other projects recorded
from the APIs and users we read. Each file: no crash, every record read or
named by a diagnostic, and titles, DOIs and years as the raw file has them.
The expectations are computed from the raw file by its own parse (json, a
count of @entries), never written per record."""
import json
import re
import sys
from pathlib import Path

import pytest
import scholarmerge as sm

REAL = Path(__file__).resolve().parents[1] / "data" / "real"
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
from real_fixtures import about_items  # noqa: E402  (the bench counts a site the same way)

FILES = sorted(p for p in REAL.rglob("*") if p.is_file() and p.suffix in (".json", ".bib"))
ENTRY = re.compile(r"^[ \t]*@[ \t]*([A-Za-z_]+)[ \t]*[{(]", re.M)
NOT_RECORDS = {"string", "preamble", "comment"}


def _ids(path):
    return str(path.relative_to(REAL))


SITES = sorted(q for q in (REAL / "academicpages").glob("*") if (q / "_publications").is_dir())


def test_every_format_has_real_fixtures():
    assert {p.parent.name for p in FILES} >= {"crossref", "csl", "bibtex", "openalex", "s2"}
    assert SITES
    sources = (REAL / "SOURCES.md").read_text()
    assert sources.count("|") > 20
    for p in FILES + SITES:  # every fixture is named in SOURCES.md
        assert p.name.split("-")[0] in sources or p.name in sources, p


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
        # biblatex: date = {2012} or {2012-05-01} when there is no year field
        m = m or re.search(r"\bdate\s*=\s*[{\"]\s*(\d{4})[-}/\"]", text[a:b], re.I)
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


# --- Semantic Scholar: the envelopes the API sends, parsed here with json ---

def s2_papers(path):
    """The papers of an S2 response, unwrapped the way the API nests them."""
    doc = json.loads(path.read_bytes())
    if isinstance(doc, list):  # a batch: null for a paper not found
        records = [r for r in doc if r is not None]
    else:
        records = next((doc[k] for k in ("data", "recommendedPapers") if isinstance(doc.get(k), list)), [doc])
    return [r.get("citedPaper") or r.get("citingPaper") or r for r in records]


def _squeeze(text):
    return " ".join(text.split())


@pytest.mark.parametrize("path", [p for p in FILES if p.parent.name == "s2"], ids=_ids)
def test_s2_every_paper_read_with_its_title_and_ids(path):
    c = sm.read(str(path))  # auto-detected
    papers = s2_papers(path)
    assert len(c) == len(papers), [d.message for d in c.diagnostics][:3]
    assert {w.source_format for w in c} == {"s2"}
    # A paper asked for without its title (fields=authors) is read and named untitled.
    untitled = sum(not p.get("title") for p in papers)
    assert sum("has no title" in d.message for d in c.diagnostics) == untitled
    for w, raw in zip(c, papers):
        assert _squeeze(w.title) == _squeeze(raw.get("title") or "")
        if raw.get("paperId"):
            assert w.ids["s2"] == raw["paperId"]
        doi = (raw.get("externalIds") or {}).get("DOI")
        if doi:
            assert w.ids["doi"].lower() == doi.lower()
        if raw.get("year"):
            assert w.year == raw["year"]
        if raw.get("authors"):
            assert [a.display for a in w.authors] == [a["name"] for a in raw["authors"]]


# --- OpenAlex: a work as the API sends it, and an entity that is no work ---

def _openalex(path):
    return json.loads(path.read_bytes())


@pytest.mark.parametrize("path", [p for p in FILES if p.parent.name == "openalex"], ids=_ids)
def test_openalex_work_read_or_entity_reported(path):
    raw = _openalex(path)
    c = sm.read(str(path))
    if not re.search(r"openalex\.org/W\d+$", raw["id"]):
        # A keyword, author, source ... entity: no work, and a diagnostic that says so.
        assert len(c) == 0 and c.diagnostics, path
        return
    [w] = c
    assert w.source_format == "openalex"
    assert w.title == raw["title"]
    assert w.ids["doi"].lower() == raw["doi"].lower().removeprefix("https://doi.org/")
    assert w.year == raw["publication_year"]
    assert len(w.authors) == len(raw["authorships"])
    inverted = raw["abstract_inverted_index"]
    words = sorted((i, word) for word, places in inverted.items() for i in places)
    assert w.abstract == " ".join(word for _, word in words)
    for a, x in zip(w.authors, raw["authorships"]):
        assert a.display in (x["raw_author_name"], x["author"]["display_name"])
        if x["author"]["orcid"]:
            assert a.id == x["author"]["orcid"].rsplit("/", 1)[-1]
        assert a.affiliations == [i["display_name"] for i in x["institutions"]]
    assert w.venue == raw["primary_location"]["source"]["display_name"]
    assert w.ids["pmid"] == raw["ids"]["pmid"].rsplit("/", 1)[-1]


# --- BibTeX written by reference managers: titles, DOIs, years from the raw text ---

MANAGER_BIBS = [p for p in FILES
                if p.parent.name == "bibtex" and p.name.startswith(("jabref-", "zotero-", "googlescholar-"))]


def _field(entry, name):
    """A field's braced value, outer braces stripped, read from the raw entry text."""
    m = re.search(r"^\s*" + name + r"\s*=\s*\{(.*)\},?\s*$", entry, re.M | re.I)
    return m.group(1) if m else None


@pytest.mark.parametrize("path", MANAGER_BIBS, ids=_ids)
def test_reference_manager_bibtex_fields(path):
    text = path.read_bytes().decode("utf-8")
    starts = [m.start() for m in bibtex_entries(path)] + [len(text)]
    entries = [text[a:b] for a, b in zip(starts, starts[1:])]
    c = sm.read(str(path))
    assert len(c) == len(entries)
    for w, entry in zip(c, entries):
        title = _field(entry, "title")
        if "\\" not in title.replace("\\LaTeX", ""):  # LaTeX commands: checked by the markup tests
            expected = re.sub(r"[{}]", "", title).replace("\\LaTeX", "LaTeX")
            assert w.title == expected.replace("---", "\u2014").replace("--", "\u2013")  # TeX's dashes
        year = _field(entry, "year") or (_field(entry, "date") or "")[:4]
        assert w.year == (int(year) if year else None)
        names = [n.strip() for n in re.split(r"\s+and\s+", _field(entry, "author") or "")]
        people = [n for n in names if n and n != "others"]
        assert len(w.authors) == len(people)
        assert w.authors_truncated == ("others" in names)
        for a, n in zip(w.authors, people):
            family = n.split(",")[0].strip()
            if "," in n and " " not in family and not re.search(r"[{}\\]", n) and family not in ("Jr", "II", "III"):
                assert a.surname.lower() == family.lower(), (a.surname, n)  # all-capitals names are re-cased
            assert a.display.count(a.suffix) <= 1 if a.suffix else True, a.display
        doi = _field(entry, "doi")
        if doi:
            assert w.ids["doi"].lower() == doi.lower()
        m = re.search(r"arXiv:(\d{4}\.\d{4,5})", _field(entry, "journal") or "")
        if m:  # Google Scholar's "arXiv preprint arXiv:1011.1508"
            assert w.ids["arxiv"] == m.group(1)
        venue = _field(entry, "journaltitle") or _field(entry, "journal") or _field(entry, "booktitle")
        if venue and "\\" not in venue:
            assert w.venue == re.sub(r"[{}]", "", venue)


# --- academicpages: other people's sites, read as a folder ---

def _front_matter(md):
    text = md.read_text(encoding="utf-8")
    head = text.split("---", 2)[1]
    out = {}
    for line in head.splitlines():
        m = re.match(r"^(\w+):\s*(.*?)\s*$", line)
        if m:
            out[m.group(1)] = m.group(2).strip("'\"")
    return out


def _config_names(site):
    """The site's name and its author's name, as _config.yml writes them."""
    text = (site / "_config.yml").read_text(encoding="utf-8")
    names = set(re.findall(r'^\s*name\s*:\s*(?:&\w+\s+)?"([^"]+)"', text, re.M))
    return names


@pytest.mark.parametrize("site", SITES, ids=_ids)
def test_academicpages_site_every_publication_and_the_owner(site):
    pubs = sorted((site / "_publications").glob("*.md"))
    about = about_items(site / "_pages" / "about.md")
    c = sm.read(str(site))
    assert len(c) == len(pubs) + len(about)
    assert {w.source_format for w in c} == {"academicpages"}
    by_source = {}
    for w in c:
        by_source.setdefault(Path(w.source).name, []).append(w)
    for md in pubs:
        fm = _front_matter(md)
        [w] = by_source[md.name]
        if "title" in fm:
            assert w.title == fm["title"]
        else:  # the title the citation quotes
            assert w.title and "&quot;" + w.title + "&quot;" in fm["citation"]
        year = fm.get("year") or fm["date"][:4]
        assert w.year == int(year)
        assert w.date == fm["date"]
        if fm.get("venue"):
            assert w.venue == fm["venue"]
        if fm.get("authors"):
            assert [a.display for a in w.authors] == [x.strip() for x in fm["authors"].split(",")]
        for key, value in fm.items():  # paperurl, arxivurl ...: every link kept
            if key.endswith("url") and value:
                assert value in w.links.values()
                if "arxiv.org/abs/" in value:
                    assert w.ids["arxiv"] == value.rsplit("/", 1)[1]
    # The About page's list: each item's quoted title, its arXiv link.
    listed = by_source.get("about.md", [])
    assert len(listed) == len(about)
    for w, item in zip(listed, about):
        assert '"' + w.title + '."' in item or '"' + w.title + '"' in item
        m = re.search(r"arxiv\.org/abs/([\d.]+)", item)
        if m:
            assert w.ids["arxiv"] == m.group(1)
    # One profile per publication file, all naming the owner _config.yml names.
    owners = {p.name for p in c.profiles}
    assert len(owners) == 1 and owners <= _config_names(site), owners
    assert list(sm.merge(c).profiles.name) == list(owners)
    # Where an author's name is the owner's, the owner is marked among the authors.
    [owner] = owners
    for w in c:
        named = [a for a in w.authors if a.display == owner]
        assert all(a.highlighted for a in named)
    # Pages without a publication list are reported, not dropped in silence.
    assert all(d.severity == "info" for d in c.diagnostics)
    assert len(c.diagnostics) == (0 if about else 1)
