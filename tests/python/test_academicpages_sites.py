"""academicpages as a family: the _publications collection, the owner in _config.yml, marked names."""
from pathlib import Path

import pytest

import scholarmerge as sm

DATA = Path(__file__).resolve().parents[1] / "data" / "academicpages"


def test_site_folder_reads_every_publication():
    c = sm.read(str(DATA / "site_a"))
    assert sorted(w.title for w in c) == [
        "Dialect Identification with Character N-grams: A Replication",
        "Morphological Tagging for Low-Resource Romance Varieties",
        "Syntax in the Margins",
    ]
    assert {w.source_format for w in c} == {"academicpages"}
    # The About page without a list is reported as skipped, not silently dropped.
    assert [d.severity for d in c.diagnostics] == ["info"] and c.diagnostics[0].source.endswith("about.md")


def test_front_matter_fields():
    by_title = {w.title: w for w in sm.read(str(DATA / "site_a"))}
    w = by_title["Morphological Tagging for Low-Resource Romance Varieties"]
    assert (w.year, w.date, w.venue, w.category) == (2019, "2019-06-02", "Proceedings of NAACL-HLT 2019", "conferences")
    assert w.links["paper"] == "https://aclanthology.org/N19-1001.pdf"
    assert w.extra["excerpt"].startswith("We tag Mirandese")
    assert [a.surname for a in w.authors] == ["Fernández-Oliveira", "Silva"]
    d = by_title["Dialect Identification with Character N-grams: A Replication"]
    assert d.ids["arxiv"] == "2103.01234"
    assert [a.surname for a in d.authors if a.highlighted] == ["Fernández-Oliveira"]
    t = by_title["Syntax in the Margins"]  # the older form: link and citation in the body
    assert t.links["paper"].endswith("thesis.pdf") and [a.surname for a in t.authors] == ["Fernández-Oliveira"]
    assert "doctoral thesis" in t.abstract


@pytest.mark.parametrize("site, owner", [("site_a", "María Fernández-Oliveira"), ("site_b", "Kenji Watanabe")])
def test_owner_from_config(site, owner):
    c = sm.read(str(DATA / site))
    assert {p.name for p in c.profiles} == {owner}
    m = sm.merge(c)
    assert list(m.profiles.name) == [owner]
    assert int(m.profiles.n_entries.iloc[0]) == len(c)


def test_single_publication_file_finds_its_site_owner():
    c = sm.read(str(DATA / "site_b" / "_publications" / "paper1.md"))
    assert len(c) == 1 and c.profiles[0].name == "Kenji Watanabe"


@pytest.mark.parametrize("name, marked", [("paper1.md", "K. Watanabe"), ("paper2.md", "K. Watanabe"),
                                          ("paper3.md", "Kenji Watanabe")])
def test_own_name_bold_bold_italic_and_underscores(name, marked):
    [w] = sm.read(str(DATA / "site_b" / "_publications" / name))
    assert [a.display for a in w.authors if a.highlighted] == [marked]


def test_publication_text_without_site_infers_owner_from_marked_name():
    text = ("---\ntitle: \"Scaling Laws for Sparse Models\"\ncollection: publications\ndate: 2024-01-02\n"
            "venue: 'ICLR'\ncitation: 'B. Ode, **C. Mara**, \"Scaling laws for sparse models,\" in ICLR, 2024.'\n---\n")
    c = sm.read_text(text, source="pub.md")
    assert len(c) == 1 and c[0].title == "Scaling Laws for Sparse Models" and c[0].year == 2024
    assert c.profiles[0].name == "C. Mara"


@pytest.mark.parametrize("citation, authors, title, venue, year", [
    ("Your Name, You. (2009). &quot;Paper Title Number 1.&quot; <i>Journal 1</i>. 1(1).", "Your Name, You.",
     "Paper Title Number 1", "Journal 1", 2009),
    ("A. Rossi, ***K. Watanabe***, and L. Chen, &quot;Tactile servoing,&quot; in <i>Proc. IEEE ICRA</i>, 2022.",
     "A. Rossi, ***K. Watanabe***, and L. Chen", "Tactile servoing", "Proc. IEEE ICRA", 2022),
    ("Doe, J., **Smith, A.**, & Lee, K. (2020). Title of the paper. <i>Journal of X</i>, 3(2), 1-10.",
     "Doe, J., **Smith, A.**, & Lee, K.", "Title of the paper", "Journal of X", 2020),
    ("L. Chen and _K. Watanabe_, “Learning to fold,” in Proc. CoRL, 2023.", "L. Chen and _K. Watanabe_",
     "Learning to fold", "Proc. CoRL", 2023),
])
def test_citation_styles(citation, authors, title, venue, year):
    text = "---\ntitle: ''\ncollection: publications\ncitation: '%s'\n---\n" % citation.replace("'", "''")
    [w] = sm.read_text(text, source="pub.md")
    assert (w.title, w.venue, w.year) == (title, venue, year)
    assert w.extra["citation"]


def test_about_page_items_with_quoted_titles():
    text = ("---\ntitle: \"\"\n---\n\nAbout Me\n======\nAnn Smith is a researcher.\n\nPublications\n======\n## Papers\n"
            "* <span>Spanned One</span>.\\\\\nA. Smith\\\\\n\n"
            "* B. Jones, ***A. Smith***, \"Quoted Two,\" in Proc. of Things, 2021.\\\\\n[pdf](https://x.org/p.pdf)\\\\\n")
    c = sm.read_text(text, source="about.md")
    assert [w.title for w in c] == ["Spanned One", "Quoted Two"]
    w = c[1]
    assert [a.display for a in w.authors] == ["B. Jones", "A. Smith"] and w.authors[1].highlighted
    assert w.year == 2021 and w.links["pdf"] == "https://x.org/p.pdf"
    assert not c.diagnostics


def test_unclosed_front_matter_is_reported():
    c = sm.read_text("---\ntitle: \"A\"\ncollection: publications\nvenue: X\n", source="pub.md")
    assert len(c) == 1 and c[0].title == "A"
    assert any("not closed" in d.message for d in c.diagnostics)


def test_about_page_variants():
    c = sm.read(str(DATA / "about_variants.md"))
    assert {w.source_format for w in c} == {"academicpages"}
    assert [w.title for w in c] == ["Soil microbes under drought", "Root traits across a rainfall gradient",
                                    "Leaf litter decomposition rates", "Mycorrhizal networks revisited",
                                    "Field Robots for Soil Sampling"]
    assert [w.year for w in c] == [2022, 2020, 2019, 2023, 2021]
    assert [w.venue for w in c][:3] == ["Ecology Letters", "Oecologia", "Functional Ecology"]
    assert c[0].links == {"pdf": "https://example.org/soil.pdf", "code": "https://github.com/praman/soil"}
    assert [a.display for a in c[0].authors if a.highlighted] == ["P. Raman"]
    assert [a.display for a in c[2].authors if a.highlighted] == ["P. Raman"]
    assert c[0].extra["type"] == "Journal articles"
    assert [w.source_line for w in c] == [16, 17, 18, 26, 36]  # the BibTeX entries at their own lines
    assert [p.name for p in c.profiles] == ["Priya Raman"]
    assert not c.diagnostics  # the teaching list is no publication; the boxes' HTML repeats the BibTeX
