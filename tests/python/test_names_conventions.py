"""Names: suffixes in every position, titles and degrees, letters kept as written."""
import pytest

import scholarmerge as sm


@pytest.mark.parametrize("text, given, surname, suffix", [
    ("Ford, Jr., Henry", "Henry", "Ford", "Jr."),
    ("Doe, Jr, John", "John", "Doe", "Jr"),
    ("Smith Jr., John", "John", "Smith", "Jr."),
    ("Smith, John, Jr.", "John", "Smith", "Jr."),
    ("Caetano Traina, Jr.", "Caetano", "Traina", "Jr."),
    ("John Smith III", "John", "Smith", "III"),
    ("King, III, Martin", "Martin", "King", "III"),
    ("Arthur Gray, Jr., M.D.", "Arthur", "Gray", "Jr., M.D."),
    ("Arthur Gray Jr. MD", "Arthur", "Gray", "Jr., MD"),
])
def test_suffix_anywhere(text, given, surname, suffix):
    a = sm.parse_name(text)
    assert (a.given, a.surname, a.suffix) == (given, surname, suffix)


@pytest.mark.parametrize("text, given, surname, suffix", [
    ("Dr. John Smith", "John", "Smith", ""),
    ("Dr John Smith", "John", "Smith", ""),
    ("Prof. Dr. Hans Müller", "Hans", "Müller", ""),
    ("Dr. John Smith, PhD", "John", "Smith", "PhD"),
    ("Prof. Jane Doe MD", "Jane", "Doe", "MD"),
    ("Jane Doe, Ph.D.", "Jane", "Doe", "Ph.D."),
    ("Smith, Dr. John", "John", "Smith", ""),
    ("Smith, John, PhD", "John", "Smith", "PhD"),
    ("Mrs Ada Lovelace", "Ada", "Lovelace", ""),
    ("Dr Smith", "", "Smith", ""),
])
def test_honorifics_and_degrees_are_not_names(text, given, surname, suffix):
    a = sm.parse_name(text)
    assert (a.given, a.surname, a.suffix) == (given, surname, suffix)
    assert a.key.startswith(surname.lower().replace("ü", "u"))


# Plain-text names by class of convention: (text, given, surname).
_PLAIN = {
    # Names that look like titles or degrees, written as names.
    "titles": [
        ("Md Rahman", "Md", "Rahman"), ("Rahman, Md", "Md", "Rahman"), ("Jun Ma", "Jun", "Ma"),
        ("Jimmy Ba", "Jimmy", "Ba"), ("Ma, Jun", "Jun", "Ma"),
    ],
    "nicknames": [
        ("Robert 'Corky' Cartwright", "Robert", "Cartwright"),
        ("Dhabaleswar K (DK) Panda", "Dhabaleswar K", "Panda"),
        ('William "Bill" Gates', "William", "Gates"),
        ("Robert “Bob” Smith", "Robert", "Smith"),
        ("Cartwright, Robert 'Corky'", "Robert", "Cartwright"),
        ("Gerard 't Hooft", "Gerard", "'t Hooft"),
    ],
    "particles": [
        # BibTeX's von rule in plain text: the surname starts at the first lower-case particle.
        ("Charles Louis Xavier Joseph de la Vallée Poussin", "Charles Louis Xavier Joseph", "de la Vallée Poussin"),
        ("Wim de Leeuw van Weenen", "Wim", "de Leeuw van Weenen"),
        ("Andrea Del Sarto", "Andrea", "Del Sarto"),
        ("Jan Van den Bussche", "Jan", "Van den Bussche"),  # the particles before the first lower-case one too
        # A Spanish "y" joins two family names.
        ("José Ortega y Gasset", "José", "Ortega y Gasset"),
        ("Juan Velasquez y Garcia", "Juan", "Velasquez y Garcia"),
        ("Sen. Bob Dole", "Bob", "Dole"),
    ],
}


@pytest.mark.parametrize("text, given, surname",
                         [pytest.param(*case, id=f"{kind}-{case[0]}") for kind, cases in _PLAIN.items() for case in cases])
def test_plain_names_by_convention(text, given, surname):
    a = sm.parse_name(text)
    assert (a.given, a.surname) == (given, surname)


@pytest.mark.parametrize("text, given, surname, key", [
    ("Radim Řehůřek", "Radim", "Řehůřek", "rehurek r"),
    ("Řehůřek, Radim", "Radim", "Řehůřek", "rehurek r"),
    ("řehůřek, radim", "Radim", "Řehůřek", "rehurek r"),
    ("ŘEHŮŘEK, Radim", "Radim", "Řehůřek", "rehurek r"),
    ("Önnudóttir, Helga", "Helga", "Önnudóttir", "onnudottir h"),
    ("Ángel Álvarez", "Ángel", "Álvarez", "alvarez a"),
    ("émile zola", "Émile", "Zola", "zola e"),
    ("Łukasz Żak", "Łukasz", "Żak", "zak l"),
    ("Ørsted, Hans", "Hans", "Ørsted", "orsted h"),
])
def test_accented_capitals_keep_their_letters(text, given, surname, key):
    a = sm.parse_name(text)
    assert (a.given, a.surname, a.key) == (given, surname, key)


def test_batch_agrees_with_single():
    texts = ["Ford, Jr., Henry", "Dr. John Smith, PhD", "Radim Řehůřek"]
    batch = sm.parse_names(texts)
    assert list(batch.surname) == [sm.parse_name(t).surname for t in texts]
    assert list(batch.given) == [sm.parse_name(t).given for t in texts]


def test_author_list_keeps_degrees_with_their_name():
    authors, truncated = sm.parse_author_list("Smith, John, PhD; Doe, Jane, MD")
    assert [(a.surname, a.given, a.suffix) for a in authors] == [("Smith", "John", "PhD"), ("Doe", "Jane", "MD")]
    assert not truncated


@pytest.mark.parametrize("field, given, surname, suffix", [
    ("{Bell, II}, Alexander", "Alexander", "Bell, II", ""),
    ("Gabriel {Garc{\\'i}a M{\\'a}rquez}", "Gabriel", "García Márquez", ""),
    ("{von Neumann}, John", "John", "von Neumann", ""),
    ("family=Ortega y Gasset, given=José", "José", "Ortega y Gasset", ""),
    ("Doe, Jr., John", "John", "Doe", "Jr."),
])
def test_bibtex_braces_keep_a_part_whole(field, given, surname, suffix):
    w = sm.read_text("@article{k, author = {" + field + "}, title = {T}}", format="bibtex")[0]
    a = w.authors[0]
    assert (a.given, a.surname, a.suffix) == (given, surname, suffix)


def test_google_scholar_suffix_placements():
    """Scholar writes the suffix with the family name, last, or in the family's place."""
    for written in ("Moore III, Berrien", "III, Berrien Moore"):
        [a] = sm.read_text("@article{k, title={T}, author={%s}, year=2000}" % written, format="bibtex")[0].authors
        assert (a.given, a.surname, a.suffix, a.display) == ("Berrien", "Moore", "III", "Berrien Moore III"), written
    [a] = sm.read_text("@article{k, title={T}, author={Moore, B, III}, year=2000}", format="bibtex")[0].authors
    assert (a.given, a.surname, a.suffix) == ("B", "Moore", "III")
    # BibTeX's own order stays: Last, Jr, First.
    [a] = sm.read_text("@article{k, title={T}, author={Ford, Jr., Henry}, year=2000}", format="bibtex")[0].authors
    assert (a.given, a.surname, a.suffix) == ("Henry", "Ford", "Jr.")


def test_capital_initials_are_not_senior_or_junior():
    a = sm.parse_name("Utembe, SR")
    assert (a.given, a.surname, a.suffix) == ("SR", "Utembe", "")
    assert sm.parse_name("Doe, Jr").suffix == "Jr"


def _publication(authors):
    text = "---\ntitle: 'T'\ncollection: publications\ndate: 2020-01-01\nauthors: '%s'\n---\n" % authors
    [w] = sm.read_text(text, format="academicpages")
    return w.authors


def test_initials_glued_to_surnames_in_a_list():
    names = [a.surname for a in _publication("A. Sahai, V. Subramanian, A.Narang, V.Muthukumar")]
    assert names == ["Sahai", "Subramanian", "Narang", "Muthukumar"]


def test_markdown_escaped_star_marks_equal_contribution():
    a, b = _publication("M. Williams\\*, M. Carroll")  # Markdown: M. Williams\*
    assert a.display == "M. Williams" and a.equal_contribution and not b.equal_contribution
