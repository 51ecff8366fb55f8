"""Classes of references the splitter once cut wrong, each on constructed
references (not core.xml lines): the rule-based splitter alone
(_parse_references_rules) and the default (the tagger over the rules' cut)."""

import pytest

import scholarmerge as sm


def rules(text):
    return list(sm.Corpus(sm._core._parse_references_rules([text], "<test>")))[0]


def surnames(w):
    return [a.surname for a in w.authors]


BOTH = pytest.mark.parametrize("split", [rules, sm.parse_reference], ids=["rules", "default"])


@BOTH
def test_one_word_comma_piece_is_no_person(split):
    w = split("A. B. Carter, Rivers, Roads, and Cities of the North (Boston: Beacon Press, 1971).")
    assert surnames(w) == ["Carter"]
    w = split("Narvaez, Jean-Paul, Illusions, Paris, Editions du Seuil, 2001.")
    assert surnames(w) == ["Narvaez"]


@BOTH
def test_inverted_names_with_initials_or_ampersand_go_on(split):
    w = split("Smith, J., Jones, K., and Brown, L. Counting the trees of a forest. Journal of Forestry, 3, 1-2.")
    assert surnames(w) == ["Smith", "Jones", "Brown"]
    w = split("Lopez, Maria, & Chen, Wei. 2002. Bilingual babbling in twins. In B. Day (Ed.), Proceedings of the "
              "Child Language Meeting (pp. 1-10). Somerville, MA: Cascadilla Press.")
    assert surnames(w) == ["Lopez", "Chen"]
    assert w.title == "Bilingual babbling in twins"


@BOTH
def test_country_abbreviation_opens_a_corporate_author(split):
    w = split("U.S. Department of Energy. Annual energy outlook for the coming decade. Technical report, 2015.")
    assert w.title == "Annual energy outlook for the coming decade"
    assert len(w.authors) == 1 and "Energy" in w.authors[0].display
    assert w.year == 2015


@BOTH
def test_apa_elided_names(split):
    w = split("Adams, A., Baker, B., Clark, C., Dunn, D., Evans, E., Frank, F., ... Young, Y. (2010). "
              "Sleep and memory in older adults. Journal of Sleep Research, 19(2), 1-12.")
    assert surnames(w) == ["Adams", "Baker", "Clark", "Dunn", "Evans", "Frank", "Young"]
    assert w.title == "Sleep and memory in older adults"
    assert w.venue == "Journal of Sleep Research"


@BOTH
def test_quote_closed_before_a_colon_continues_the_title(split):
    w = split("Moreau, Anne. \u201cReading the Map\u201d: Cartography and Power in Early Modern Europe\u201d, "
              "Imago Mundi, 12 (1999), 33-50.")
    assert w.title == "Reading the Map\u201d: Cartography and Power in Early Modern Europe"
    assert w.venue == "Imago Mundi"


def test_booktitle_before_its_editors_is_the_container():
    w = rules("Brown, A. Counting trees. In Handbook of Forest Mensuration, R. Graham and L. Lovasz, Eds., "
              "vol. 2. Elsevier, 1995, pp. 1-20.")
    assert w.venue == "Handbook of Forest Mensuration"
    assert w.extra["editors"] == "R. Graham and L. Lovasz"
    # inverted editors first ("Farkas, Donka, ...") are no book title
    w = rules("Remy, Jane E. (1978). Some notes on relevance. In Farkas, Donka, and Todrys, Karol W., editors, "
              "Papers from the Regional Meeting, pages 1-10. Chicago.")
    assert not w.venue.startswith("Farkas")


def test_default_chapter_in_after_a_quoted_title():
    w = sm.parse_reference("Berry, Wendell. \u201cThe Quiet Field.\u201d In A Harvest of Essays: Notes on Farming. "
                           "New York: Harper, 1972, 63\u201370.")
    assert w.title == "The Quiet Field"
    assert w.venue == "A Harvest of Essays: Notes on Farming"
    assert w.year == 1972


def test_default_edited_volume_keeps_its_title():
    # the tagger may read the whole of an edited volume's head as editors:
    # the rules' cut fills the title then
    w = sm.parse_reference("Tester, Keith, ed. The Walker in the City. London: Routledge, 1994.")
    assert w.title == "The Walker in the City"
    assert w.year == 1994


@BOTH
def test_same_authors_dash_is_followed_by_the_title(split):
    for dash in ("\u2014\u2014\u2014.", "---.", "______."):
        w = split(f"{dash} The Harbour at Night. Boston: Riverside Press, 1921.")
        assert w.title == "The Harbour at Night", dash
        assert w.authors == [] and w.year == 1921


def test_default_quoted_title_ends_at_its_closing_quote():
    w = sm.parse_reference("Hale, Mary. \u201cRivers of the North: A Short History.\u201d Studies in Northern "
                           "Geography: Essays since 1950. Toronto: Lakeside Press, 2004.")
    assert w.title == "Rivers of the North: A Short History"
    assert w.year == 2004
