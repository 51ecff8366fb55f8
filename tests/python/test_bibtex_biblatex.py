"""BibTeX and biblatex as reference managers write them: every entry read or reported."""
from pathlib import Path

import pytest

import scholarmerge as sm

DATA = Path(__file__).resolve().parents[1] / "data" / "bibtex"


def bib(text, **kw):
    return sm.read_text(text, format="bibtex", **kw)


def one(text):
    c = bib(text)
    assert len(c) == 1, [d.message for d in c.diagnostics]
    return c[0]


# --- dates and years
@pytest.mark.parametrize("field, year, date", [
    ("date = {2006}", 2006, "2006"), ("date = {2006-05-01}", 2006, "2006-05-01"), ("date = {2006-05}", 2006, "2006-05"),
    ("date = {2006-05-01/2006-05-03}", 2006, "2006-05-01"), ("date = 2006", 2006, "2006"),
    ("year = {June 1980}", 1980, "1980-06"), ("year = {c. 1875}", 1875, "1875"), ("year = {2006/2007}", 2006, "2006"),
    ("year = {1999a}", 1999, "1999"), ("year = {{2001}}", 2001, "2001"), ("year = 2020, month = sep", 2020, "2020-09"),
])
def test_year_from_date_and_free_text(field, year, date):
    w = one("@article{k, title={T}, %s}" % field)
    assert (w.year, w.date) == (year, date)


def test_year_that_is_no_year_is_reported():
    c = bib("@article{k, title={T}, year={in press}}")
    assert len(c) == 1 and c[0].year is None
    assert any("not a year" in d.message and d.line == 1 for d in c.diagnostics)


# --- identifiers
@pytest.mark.parametrize("field, key, value", [
    ("doi = {{10.1016/j.cell.2006.01.001}}", "doi", "10.1016/j.cell.2006.01.001"),
    ("doi = {10.1000/a\\_b}", "doi", "10.1000/a_b"),
    ("doi = {https://doi.org/10.1145/ABC}", "doi", "10.1145/abc"),
    ("eprint = {{2101.00001}}, eprinttype = {arXiv}", "arxiv", "2101.00001"),
    ("eprint = {12345678}, eprinttype = {pubmed}", "pmid", "12345678"),
    ("url = {https://doi.org/10.5555/xyz}", "doi", "10.5555/xyz"),
])
def test_identifiers_lose_their_braces(field, key, value):
    assert one("@article{k, title={T}, %s}" % field).ids[key] == value


# --- entry types and non-entries
@pytest.mark.parametrize("etype", ["web_page", "book_section", "newspaper_article", "Journal_Article", "conference-paper"])
def test_entry_types_with_underscores_are_read(etype):
    w = one("@%s{k,\n title = {{A Title}},\n year = {2018}\n}\n" % etype)
    assert w.title == "A Title" and w.category == etype.lower()


def test_containers_never_become_works():
    text = """@string{acm = {ACM Press}}
@preamble{"\\newcommand{\\x}{}"}
@comment{a note}
@xdata{pub, publisher = acm}
@book{b, title = {Real}, xdata = {pub}, year = 2000}
"""
    c = bib(text)
    assert [w.title for w in c] == ["Real"]
    assert "ACM Press" in (c[0].extra.get("publisher"), c[0].venue)
    assert not c.diagnostics


def test_mendeley_file():
    c = sm.read(str(DATA / "mendeley.bib"))
    assert [(w.category, w.title, w.year) for w in c] == [
        ("web_page", "Refactoring Databases", 2018), ("book_section", "Creational Patterns", 1995),
        ("newspaper_article", "Volcano erupts in Washington", 1980)]
    assert c[1].venue == "Design Patterns" and c[1].extra["editors"] == "Ralph Johnson"
    assert not c.diagnostics


# --- crossref and xdata
def test_crossref_inheritance_from_a_later_entry():
    c = sm.read(str(DATA / "jabref_crossref.bib"))
    assert [w.extra["citation_key"] for w in c] == ["Smith2011", "Doe2011", "SIGMOD2011", "Knuth1997"]
    for w in list(c)[:2]:
        assert w.year == 2011
        assert w.venue.startswith("Proceedings of the 2011 ACM SIGMOD")
        assert w.extra["editors"] == "Timos Sellis; Renée J. Miller"
        assert w.extra["series"] == "Lecture Notes in Computer Science"
    # the parent's own identity is not inherited
    assert c[0].ids["doi"] == "10.1145/1989323.1989325" and "doi" not in c[1].ids
    assert c[0].title == "Fast Set Similarity Joins"
    assert "Springer" in (c[3].extra.get("publisher"), c[3].venue)
    assert c[3].extra["address"] == "Heidelberg"
    assert not c.diagnostics


def test_missing_crossref_is_reported_at_its_entry():
    c = bib("@article{a, title={A}, year=2000}\n\n@inproceedings{b, title={B}, crossref={nowhere}}\n")
    assert len(c) == 2
    [d] = c.diagnostics
    assert d.line == 3 and "nowhere" in d.message


def test_crossref_cycle_terminates():
    c = bib("@inproceedings{a, title={A}, crossref={b}}\n@proceedings{b, title={B}, crossref={a}, year=1990}\n")
    assert [w.year for w in c] == [1990, 1990]


# --- titles
@pytest.mark.parametrize("fields, title", [
    ("title={The Dynamics of Change}, subtitle={Lessons Learned}", "The Dynamics of Change: Lessons Learned"),
    ("title={Why?}, subtitle={Because}", "Why? Because"),
    ("title={Main}, titleaddon={Extended Abstract}", "Main. Extended Abstract"),
    ("title={Main}, subtitle={Sub}, titleaddon={Addon}", "Main: Sub. Addon"),
])
def test_subtitle_and_titleaddon_join_the_title(fields, title):
    assert one("@book{k, %s, year=2000}" % fields).title == title


def test_journaltitle_and_subtitle_are_the_venue():
    w = one("@article{k, title={T}, journaltitle={Annals}, journalsubtitle={Series B}, date={2001}}")
    assert w.venue == "Annals: Series B"


@pytest.mark.parametrize("raw, text", [
    (r"A \textendash{} B", "A – B"), (r"A \textemdash{} B", "A — B"), (r"4\,K", "4\u2009K"),
    (r"a~study", "a study"), (r"Pe\~{n}a and Pe\~na", "Peña and Peña"), (r"90$^\circ$ turn", "90° turn"),
    (r"90^\circ{} turn", "90° turn"), (r"$^{\circ}$C", "°C"), (r"$\gamma$-rays", "γ-rays"),
    (r"$\alpha\beta$ and $\Omega$", "αβ and Ω"), (r"x $\leq$ 3 and y $\geq$ 4", "x ≤ 3 and y ≥ 4"),
    (r"and{$\slash$}or", "and/or"), (r"$O(n \log n)$ time", "O(n log n) time"), (r"$\mathcal{O}(1)$", "O(1)"),
    (r"\ldots{} and so on", "… and so on"), (r"Caf\'{e} \& Bar", "Café & Bar"), (r"$10^3$ nodes", "10³ nodes"),
    (r"H$_2$O", "H₂O"), (r"Pareto\-optimal", "Paretooptimal"), (r"x $\rightarrow$ y", "x → y"),
    (r"\textit{In vivo} studies", "In vivo studies"), (r"Na\"{\i}ve", "Naïve"),
])
def test_latex_in_titles_becomes_unicode(raw, text):
    assert one("@article{k, title={%s}, year=2000}" % raw).title == text


def test_zotero_biblatex_file():
    c = sm.read(str(DATA / "biblatex_zotero.bib"))
    assert len(c) == 3 and not c.diagnostics
    w = c[0]
    assert w.title == "Ultrafast γ-ray emission at 4\u2009K and 90° – a study of Peña's model"
    assert w.ids["doi"] == "10.1016/j.jphys.2019.03.004" and w.date == "2019-03-15" and w.venue == "Journal of Physics"
    assert [a.surname for a in w.authors] == ["Önnudóttir", "Sweıg", "Řehůřek"]
    assert [a.display for a in w.authors][0] == "Helga Önnudóttir"
    assert c[1].title == "The Dynamics of Change: Lessons from Seventy Years. A Retrospective"
    assert c[2].ids["arxiv"] == "2011.01234" and c[2].links["landing"] == "https://example.org/~stein/bounds"


# --- names keep their letters
@pytest.mark.parametrize("raw, surname, given", [
    (r"{\"O}nnud\'{o}ttir, Helga", "Önnudóttir", "Helga"), (r"Helga {\"O}nnud{\'o}ttir", "Önnudóttir", "Helga"),
    (r"Swe\i g, Hans", "Sweıg", "Hans"), (r"Y{\i}ld{\i}z, Ay{\c{s}}e", "Yıldız", "Ayşe"),
    (r"Ř{e}hůřek, Radim", "Řehůřek", "Radim"), (r"{\v{R}}eh{\r{u}}{\v{r}}ek, Radim", "Řehůřek", "Radim"),
    (r"M{\"u}ller, J{\"o}rg", "Müller", "Jörg"), (r"D.~E. Knuth", "Knuth", "D. E."), (r"Ford, Jr., Henry", "Ford", "Henry"),
])
def test_names_keep_accents(raw, surname, given):
    a = one("@article{k, title={T}, author={%s}, year=2000}" % raw).authors[0]
    assert (a.surname, a.given) == (surname, given)
    assert a.key.isascii()


def test_dotless_i_folds_in_the_key():
    a = one(r"@article{k, title={T}, author={Swe\i g, Hans}, year=2000}").authors[0]
    assert a.key == "sweig h"


def test_tilde_round_trips_through_the_writer():
    c = sm.read_text('[{"type": "article", "title": "Costs of ~100 nodes at 2^10", "issued": {"date-parts": [[2020]]}}]', format="csl")
    back = bib(c.to_bibtex())
    assert back[0].title == "Costs of ~100 nodes at 2^10"


@pytest.mark.parametrize("raw, given, surname", [
    (r"Charles Louis Xavier Joseph de la Vall{\'e}e Poussin", "Charles Louis Xavier Joseph", "de la Vallée Poussin"),
    ("Ludwig van Beethoven", "Ludwig", "van Beethoven"),
    ("Maria da Silva Santos", "Maria", "da Silva Santos"),
    ("Jean de La Fontaine", "Jean", "de La Fontaine"),
    ("Donald E. Knuth", "Donald E.", "Knuth"),
    ("family=Doe, given=John, prefix=von, useprefix=true", "John", "von Doe"),
    ("family={Leeuw van Weenen}, given=Andrea, prefix=de", "Andrea", "de Leeuw van Weenen"),
    ("given={Jean Paul}, family=Sartre", "Jean Paul", "Sartre"),
    ("{Robert and Sons, Inc.}", "", "Robert and Sons, Inc."),
    (r"{{\"O}sterreichische Akademie der Wissenschaften}", "", "Österreichische Akademie der Wissenschaften"),
])
def test_bibtex_name_rules(raw, given, surname):
    c = bib("@article{k, title={T}, year=2000, author={%s and Other, Ann}}" % raw)
    a = c[0].authors[0]
    assert (a.given, a.surname) == (given, surname)
    assert len(c[0].authors) == 2


def test_howpublished_url_is_a_link_not_a_venue():
    w = one(r"@misc{k, title={A Page}, howpublished={\url{https://example.org/page}}, note={Accessed 2020}, year=2020}")
    assert w.venue == "" and w.links["landing"] == "https://example.org/page"
    w = one("@misc{k, title={A Talk}, howpublished={Invited talk at the Workshop on Things}, year=2020}")
    assert w.venue == "Invited talk at the Workshop on Things"


def test_text_with_no_bibtex_entry_is_reported_not_read_as_nothing():
    c = sm.read_text("hello world, this is not a bibliography", format="bibtex")
    assert len(c) == 0
    assert any("no BibTeX entry" in str(d) for d in c.diagnostics)
    # Comments around entries stay comments: nothing to report.
    c = sm.read_text("% exported\n@article{k, title={T}, year={2001}}\n", format="bibtex")
    assert len(c) == 1 and not c.diagnostics


def test_tex_dash_ligatures_and_page_ranges():
    """Google Scholar's "2015--2016" is an en dash, as TeX and reference managers read it;
    pages become a plain range; "-{}-" stays two hyphens, and the writer keeps them so."""
    c = sm.read_text("@article{k, title={The 2015--2016 cycle---seen -{}- again}, pages={71--80}, year=2019}",
                     format="bibtex")
    [w] = c
    assert w.title == "The 2015\u20132016 cycle\u2014seen -- again" and w.extra["pages"] == "71-80"
    back = sm.read_text(c.to_bibtex(), format="bibtex")
    assert back[0].title == w.title
