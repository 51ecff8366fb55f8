#include <gtest/gtest.h>

#include <filesystem>

#include "scholarmerge/names/match.hpp"
#include "scholarmerge/names/parse.hpp"
#include "scholarmerge/read/read.hpp"

using namespace scholarmerge;

namespace {

// parse_name takes a shortcut for the common shapes ("Given Surname",
// initials, "Surname, Given"); parse_name_reference takes every step: both
// must give the same Author. Also tried: the name in lower and upper case, and its
// first two words alone (more plain names, of every case).
void expect_shortcut_agrees(const std::string& name) {
    std::string first_two = name.substr(0, name.find(' ', name.find(' ') + 1));
    std::string lower = name, upper = name;
    for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    for (const std::string& n : {name, first_two, lower, upper}) {
        Author a = parse_name(n), b = parse_name_reference(n);
        EXPECT_EQ(a.raw, b.raw) << n;
        EXPECT_EQ(a.display, b.display) << n;
        EXPECT_EQ(a.given, b.given) << n;
        EXPECT_EQ(a.surname, b.surname) << n;
        EXPECT_EQ(a.initials, b.initials) << n;
        EXPECT_EQ(a.suffix, b.suffix) << n;
        EXPECT_EQ(a.key, b.key) << n;
        EXPECT_EQ(a.equal_contribution, b.equal_contribution) << n;
        EXPECT_EQ(a.highlighted, b.highlighted) << n;
    }
}

}  // namespace

TEST(ParseName, MarkdownMarksAreUnderstoodAndStripped) {
    Author a = parse_name("**Z. Yao<sup>*</sup>**");
    EXPECT_EQ(a.display, "Z. Yao");
    EXPECT_EQ(a.surname, "Yao");
    EXPECT_EQ(a.initials, "Z");
    EXPECT_TRUE(a.highlighted);
    EXPECT_TRUE(a.equal_contribution);
    EXPECT_EQ(a.key, "yao z");
}

TEST(ParseName, Forms) {
    EXPECT_EQ(parse_name("M. W. Mahoney").initials, "MW");
    EXPECT_EQ(parse_name("Yao, Zhewei").given, "Zhewei");
    EXPECT_EQ(parse_name("Ludwig van Beethoven").surname, "van Beethoven");
    Author lower = parse_name("seung-won hwang");
    EXPECT_EQ(lower.surname, "Hwang");
    EXPECT_EQ(lower.display, "seung-won hwang");
}

TEST(SameAuthor, CompatibleAndIncompatible) {
    EXPECT_GE(same_author(parse_name("Z. Yao"), parse_name("Zhewei Yao")), kSameAuthorThreshold);
    EXPECT_GE(same_author(parse_name("K Keutzer"), parse_name("Kurt Keutzer")), kSameAuthorThreshold);
    EXPECT_LT(same_author(parse_name("Zhen Zheng"), parse_name("Zhangcheng Zheng")), kSameAuthorThreshold);
    EXPECT_LT(same_author(parse_name("Yuxiong He"), parse_name("Yexiao He")), kSameAuthorThreshold);
}

TEST(AuthorList, SeparatorsAndEtAl) {
    auto l = parse_author_list("Zhewei Yao, Reza Yazdani Aminabadi, Minjia Zhang et al.");
    ASSERT_EQ(l.authors.size(), 3u);
    EXPECT_TRUE(l.truncated);
    auto c = parse_author_list("Brodley, C. E. & Utgoff, P. E.");
    ASSERT_EQ(c.authors.size(), 2u);
    EXPECT_EQ(c.authors[1].surname, "Utgoff");
    auto d = parse_author_list("J. Chen, Y. Gai, **Z. Yao**, M. W. Mahoney, and J. E. GonZalez");
    ASSERT_EQ(d.authors.size(), 5u);
    EXPECT_EQ(d.authors[4].surname, "GonZalez");
}

// Bugs from the Cora/DBLP-ACM hand check (bench/NAMES_QUALITY.md).

TEST(AuthorList, EtAlOnlyAsWords) {
    auto l = parse_author_list("Mehmet Altinel, Michael J. Franklin");
    ASSERT_EQ(l.authors.size(), 2u);
    EXPECT_FALSE(l.truncated);
    EXPECT_EQ(l.authors[0].surname, "Altinel");
    EXPECT_EQ(parse_author_list("Janet Allen, Bob Smith").authors.size(), 2u);
    for (const char* s : {"A. Smith, B. Jones et al", "A. Smith, B. Jones et al.", "A. Smith, B. Jones, et. al.",
                          "A. Smith, B. Jones and others"}) {
        auto t = parse_author_list(s);
        EXPECT_TRUE(t.truncated) << s;
        EXPECT_EQ(t.authors.size(), 2u) << s;
    }
}

TEST(AuthorList, SurnameGivenLowerCase) {
    auto l = parse_author_list("kearns, m. j., schapire, r. e., and sellie, l. m");
    ASSERT_EQ(l.authors.size(), 3u);
    EXPECT_EQ(l.authors[1].surname, "Schapire");
    EXPECT_EQ(l.authors[1].initials, "RE");
    EXPECT_EQ(l.authors[2].surname, "Sellie");
    auto one = parse_author_list("kearns, m");
    ASSERT_EQ(one.authors.size(), 1u);
    EXPECT_EQ(one.authors[0].surname, "Kearns");
    EXPECT_EQ(one.authors[0].initials, "M");
}

TEST(AuthorList, SurnameGivenFullNames) {
    auto l = parse_author_list("Kearns, Michael and Valiant, Leslie");
    ASSERT_EQ(l.authors.size(), 2u);
    EXPECT_EQ(l.authors[1].surname, "Valiant");
    EXPECT_EQ(l.authors[1].given, "Leslie");
    // Bare surnames stay apart: pairing them would leave "simard" alone.
    EXPECT_EQ(parse_author_list("drucker, schapire and simard").authors.size(), 3u);
}

TEST(AuthorList, SemicolonSeparated) {
    auto l = parse_author_list("kautz, henry a.; kearns, michael j.; and selman, bart");
    ASSERT_EQ(l.authors.size(), 3u);
    EXPECT_EQ(l.authors[1].surname, "Kearns");
    EXPECT_EQ(l.authors[1].initials, "MJ");
    EXPECT_EQ(parse_author_list("goldman, s.; rivest, r.; and schapire, r").authors.size(), 3u);
}

TEST(AuthorList, MixedOrder) {
    auto l = parse_author_list("schapire, r.e., and y. freund");
    ASSERT_EQ(l.authors.size(), 2u);
    EXPECT_EQ(l.authors[0].surname, "Schapire");
    EXPECT_EQ(l.authors[1].surname, "Freund");
    // One author without initials no longer turns pairing off for the list.
    auto k = parse_author_list("kautz, h. a., kearns, m. j., & selman");
    ASSERT_EQ(k.authors.size(), 3u);
    EXPECT_EQ(k.authors[2].surname, "Selman");
}

TEST(AuthorList, SuffixJoinsTheNameBefore) {
    auto l = parse_author_list("Christos Faloutsos, Bernhard Seeger, Agma Traina, Caetano Traina, Jr.");
    ASSERT_EQ(l.authors.size(), 4u);
    EXPECT_EQ(l.authors[3].surname, "Traina");
    EXPECT_EQ(l.authors[3].given, "Caetano");
    EXPECT_EQ(l.authors[3].suffix, "Jr");
    auto s = parse_author_list("Smith, J., Jr., and Doe, A.");
    ASSERT_EQ(s.authors.size(), 2u);
    EXPECT_EQ(s.authors[0].surname, "Smith");
    EXPECT_EQ(s.authors[0].suffix, "Jr");
    EXPECT_EQ(s.authors[1].surname, "Doe");
    EXPECT_EQ(parse_author_list("A. Jones, Joachim Thomas, III").authors.size(), 2u);
}

TEST(ParseName, SurnameThenInitials) {
    for (const char* s : {"rivest r.l.", "Rivest R.L.", "Rivest RL", "rivest r. l."}) {
        Author a = parse_name(s);
        EXPECT_EQ(a.surname, "Rivest") << s;
        EXPECT_EQ(a.initials, "RL") << s;
    }
    auto l = parse_author_list("rivest r.l. and schapire r.e");
    ASSERT_EQ(l.authors.size(), 2u);
    EXPECT_EQ(l.authors[1].surname, "Schapire");
    // Initials first, or no initials: unchanged.
    EXPECT_EQ(parse_name("J. E. GonZalez").surname, "GonZalez");
    EXPECT_EQ(parse_name("Z. Yao").surname, "Yao");
    EXPECT_EQ(parse_name("Yao ZW").surname, "Yao");
    EXPECT_EQ(parse_name("seung-won hwang").surname, "Hwang");
}

TEST(ParseName, InitialGluedToSurname) {
    Author a = parse_name("y.mansour");
    EXPECT_EQ(a.surname, "Mansour");
    EXPECT_EQ(a.given, "Y.");
    EXPECT_EQ(parse_name("J.Smith").surname, "Smith");
    EXPECT_EQ(parse_name("Stanley Y.W. Su").initials, "SYW");
}

TEST(SameAuthor, LostCharacterMayStandForTwoLetters) {
    // DBLP-ACM writes "De?loch" where the other source has "Deßloch" (ß folds to "ss").
    EXPECT_GE(same_author(parse_name("Stefan De?loch"), parse_name("Stefan Deßloch")), kSameAuthorThreshold);
    EXPECT_GE(same_author(parse_name("Theo H?rder"), parse_name("Theo Härder")), kSameAuthorThreshold);
    EXPECT_LT(same_author(parse_name("Stefan De?loch"), parse_name("Stefan Deloch")), kSameAuthorThreshold);
    // '?' on both sides: either may stand for two letters, whatever the argument order.
    Author a = parse_name("R. ??"), b = parse_name("R. ??5");
    EXPECT_EQ(same_author(a, b), same_author(b, a));
    // Many lost characters: no exponential search, one letter each.
    std::string many(200, '?');
    EXPECT_LT(same_author(parse_name("A " + many), parse_name("A " + std::string(199, 'x'))), kSameAuthorThreshold);
}

TEST(SameAuthor, MononymsAndOrganisations) {
    EXPECT_GE(same_author(corporate_author("World Health Organization"), corporate_author("World Health Organization")),
              kSameAuthorThreshold);
    EXPECT_GE(same_author(parse_name("Mohan"), parse_name("Mohan")), kSameAuthorThreshold);
    EXPECT_LT(same_author(parse_name("Mohan"), parse_name("C. Mohan")), kSameAuthorThreshold);  // surname alone: weak
}

TEST(AuthorList, SurnamesAloneAreTheSurnamesOfTheWholeParse) {
    // author_surnames skips the rest of each Author; what it keeps must not differ.
    for (const char* list :
         {"Zhewei Yao, Reza Yazdani Aminabadi, Minjia Zhang et al.", "Brodley, C. E. & Utgoff, P. E.",
          "kearns, m., and valiant, l", "Kearns, Michael and Valiant, Leslie", "drucker, schapire and simard",
          "Christos Faloutsos, Bernhard Seeger, Agma Traina, Caetano Traina, Jr.", "Smith, J., Jr., and Doe, A.",
          "rivest r.l. and schapire r.e", "y.mansour; K.Selçuk Candan", "**Z. Yao<sup>*</sup>**, A. Gholami",
          "Ludwig van Beethoven & JOHN SMITH III", "Łukasz Kaiser, José {\\'E}mile 2, World Health Organization",
          "kautz, henry a.; selman, bart", "A. Jones, Joachim Thomas, III", ",, ; &", ""}) {
        std::vector<std::string> expected;
        for (const Author& a : parse_author_list(list).authors) expected.push_back(a.surname.empty() ? a.display : a.surname);
        EXPECT_EQ(author_surnames(list), expected) << list;
    }
}

TEST(ParseName, PlainNamesTakeAShortcutToTheSameResult) {
    const char* given[] = {"Zhewei", "Łukasz", "José", "Hans-Jörg", "Seung-won", "O'Neil", "A", "Z.", "ZW", "zw",
                           "Jr", "Mary-", "-", "'", "Ærø", "İsmail", "ΑΒΓ", "张", "de", "Van", "AB"};
    const char* surname[] = {"Yao", "Marasović", "Ré", "Müller", "MÜLLER", "müller", "Cesa-Bianchi", "O'Brien",
                             "Jr", "jr.", "III", "Iv", "Sr", "A", "ZW", "Zw", "B-C", "van", "de", "Ødegård", "Şahin",
                             "ΔΕΖ", "张", "X'", "-", "DAVIS", "Le", "li", "NG"};
    for (const char* g : given)
        for (const char* s : surname) expect_shortcut_agrees(std::string(g) + " " + s);
    for (const char* n : {"Ann  Mary", "Ann\tMary", "Ann Mary ", "Ann Mary2", "Ann Mary,", "Ann Mary\u00a0",
                          "Ann\u00a0 Mary", "Ann \u00a0Mary", "Ann Mary Smith", "A.B Smith", "Ann &amp; Bob",
                          "Ann <b>Bob</b>", "Ann *Bob*", "M{\\\"u}ller Hans", "Smith, Ann", "Ann", "", " ", "Ann ",
                          " Ann", "Smith, A.", "Smith, J. A.", "smith, j.a.", "J. A. Smith", "J.-P. Smith",
                          "J.A. Smith", "y.mansour Smith", "Smith Jr., John", "Smith, Dr. John", "Smith, Jr.",
                          "Jan van Dyk", "Ann 'Bo' Lee", "Ann “Bo” Lee", "?zsu, M.", "M. Tamer ?zsu",
                          "Ann B. Smith PhD", "Dr. Ann Smith", "Yao Z. W.", "Smith,J.", "Smith , J.", "Smith, ",
                          ", Smith", "A. B. C.", "Ann Lee III"})
        expect_shortcut_agrees(n);
}

TEST(ParseName, PlainNamesOfTheBenchmarksTakeAShortcutToTheSameResult) {
    const std::string dir = SCHOLARMERGE_BENCHMARKS_DIR;
    if (!std::filesystem::is_directory(dir)) GTEST_SKIP() << dir << " not present";
    ReadOptions cora;
    cora.format = "csv";
    cora.params = {{"sep", "|"}, {"id", "Entity Id"}};
    std::size_t names = 0;
    for (const Corpus& c : {read_file(dir + "/dblp-acm/dblp.csv"), read_file(dir + "/dblp-acm/acm.csv"),
                            read_file(dir + "/cora/cora.csv", cora)})
        for (const Work& w : c.works)
            for (const Author& a : w.authors) {
                expect_shortcut_agrees(a.raw);
                ++names;
            }
    EXPECT_GT(names, 18000u);
}

// Issue 21: suffixes anywhere, titles and degrees, accented capitals kept.
TEST(ParseName, SuffixesTitlesAndAccents) {
    Author a = parse_name("Ford, Jr., Henry");
    EXPECT_EQ(a.given, "Henry");
    EXPECT_EQ(a.surname, "Ford");
    EXPECT_EQ(a.suffix, "Jr.");
    Author b = parse_name("Dr. John Smith, PhD");
    EXPECT_EQ(b.given, "John");
    EXPECT_EQ(b.surname, "Smith");
    EXPECT_EQ(b.suffix, "PhD");
    Author c = parse_name("řehůřek, radim");
    EXPECT_EQ(c.surname, "Řehůřek");
    EXPECT_EQ(c.key, "rehurek r");
}
