#include "read/bibtex.hpp"

#include <gtest/gtest.h>

#include "source_helpers.hpp"

using namespace scholarmerge;
using samples::diagnostic_on;
using samples::read_source;

namespace {

const Work* find(const Corpus& c, const std::string& key) {
    for (const auto& w : c.works) {
        auto it = w.extra.find("citation_key");
        if (it != w.extra.end() && std::get<std::string>(it->second) == key) return &w;
    }
    return nullptr;
}

}  // namespace

TEST(Bibtex, MacrosConcatenationAndSurnameFirstNames) {
    Corpus c = read_source("refs.bib");
    const Work* w = find(c, "yao2021hawq");
    ASSERT_NE(w, nullptr);
    EXPECT_EQ(w->source_format, "bibtex");
    EXPECT_EQ(w->source_line, 6);
    EXPECT_EQ(w->category, "inproceedings");
    EXPECT_EQ(w->title, "HAWQ-V3: Dyadic Neural Network Quantization");
    EXPECT_EQ(w->venue, "International Conference on Machine Learning (PMLR)");
    EXPECT_EQ(w->date, "2021-07");
    EXPECT_EQ(w->ids.at("arxiv"), "2011.10680");
    ASSERT_EQ(w->authors.size(), 11u);
    EXPECT_EQ(w->authors[9].display, "Michael W. Mahoney");
    EXPECT_EQ(w->authors[9].initials, "MW");
}

TEST(Bibtex, LatexAccentsParticlesOthersAndCorporateNames) {
    Corpus c = read_source("refs.bib");
    const Work* w = find(c, "Muller:2019");
    ASSERT_NE(w, nullptr);
    EXPECT_EQ(w->title, "Über die Berechnung von Ähnlichkeiten");
    EXPECT_EQ(w->venue, "Zeitschrift für Informatik");
    EXPECT_EQ(w->ids.at("doi"), "10.1000/zfi.2019.7");
    EXPECT_TRUE(w->authors_truncated);  // "and others"
    ASSERT_EQ(w->authors.size(), 5u);
    EXPECT_EQ(w->authors[0].display, "Jörg Müller");
    EXPECT_EQ(w->authors[1].display, "François Lefèvre");
    EXPECT_EQ(w->authors[2].surname, "Kaiser");
    EXPECT_EQ(w->authors[2].given, "Łukasz");
    EXPECT_EQ(w->authors[3].surname, "de la Cruz");

    const Work* misc = find(c, "smith2020preprint");
    ASSERT_NE(misc, nullptr);
    ASSERT_EQ(misc->authors.size(), 3u);
    EXPECT_EQ(misc->authors[0].surname, "World Health Organization");
    EXPECT_EQ(misc->authors[1].surname, "Smith");
    EXPECT_EQ(misc->authors[1].suffix, "Jr.");
    EXPECT_EQ(misc->authors[1].given, "John");
    EXPECT_EQ(misc->ids.at("arxiv"), "2001.00001");
    EXPECT_EQ(misc->venue, "arXiv preprint");

    const Work* book = find(c, "knuth1984");
    ASSERT_NE(book, nullptr);
    EXPECT_EQ(book->title, "The TeXbook");
    EXPECT_EQ(book->date, "1984-01-15");
    EXPECT_EQ(book->venue, "Addison-Wesley");  // a book's publisher is where it appeared
}

TEST(Bibtex, BrokenEntryIsReportedAndReadingResumes) {
    Corpus c = read_source("refs.bib");
    EXPECT_EQ(c.works.size(), 6u);
    ASSERT_NE(diagnostic_on(c, 26), nullptr);
    EXPECT_NE(diagnostic_on(c, 26)->message.find("broken2020"), std::string::npos);
    EXPECT_NE(find(c, "parens2001"), nullptr);          // @article( ... )
    ASSERT_NE(diagnostic_on(c, 53), nullptr);           // undefined macro, kept as written
    EXPECT_EQ(find(c, "parens2001")->venue, "undefinedmacro");
    const Work* noyear = find(c, "nokey_noyear");
    ASSERT_NE(noyear, nullptr);
    EXPECT_FALSE(noyear->year.has_value());
    ASSERT_NE(diagnostic_on(c, 55), nullptr);
}

TEST(Bibtex, TruncatedFileKeepsTheCompleteEntries) {
    Corpus c = read_text("@article{a, title={One}, year=2000}\n@article{b, title={Two", "t.bib");
    ASSERT_EQ(c.works.size(), 1u);
    EXPECT_EQ(c.works[0].title, "One");
    ASSERT_EQ(c.diagnostics.size(), 1u);
    EXPECT_EQ(c.diagnostics[0].line, 2);
}

TEST(Bibtex, DetectedOnlyForEntriesAtLineStart) {
    EXPECT_TRUE(looks_like_bibtex("% refs\n@Article{x,\n title={T}}\n"));
    EXPECT_FALSE(looks_like_bibtex("mail me at someone@example.org {please}\n"));
}

// Issue 21: biblatex fields, crossref/xdata, LaTeX to Unicode.
TEST(BibTeX, CrossrefXdataAndBiblatexFields) {
    Corpus c = read({std::string(SCHOLARMERGE_TEST_DATA_DIR) + "/bibtex/jabref_crossref.bib"});
    ASSERT_EQ(c.works.size(), 4u);
    EXPECT_EQ(c.works[1].year, 2011);
    EXPECT_EQ(c.works[1].ids.count("doi"), 0u);
    EXPECT_TRUE(c.diagnostics.empty());
    Corpus z = read({std::string(SCHOLARMERGE_TEST_DATA_DIR) + "/bibtex/biblatex_zotero.bib"});
    ASSERT_EQ(z.works.size(), 3u);
    EXPECT_EQ(z.works[0].authors[0].surname, "Önnudóttir");
    EXPECT_EQ(z.works[0].ids.at("doi"), "10.1016/j.jphys.2019.03.004");
    EXPECT_EQ(z.works[2].title, "Bounds ≤ O(n log n) for sorting/searching");
}
