#include <gtest/gtest.h>

#include "scholarmerge/names/parse.hpp"
#include "scholarmerge/read/read.hpp"
#include "scholarmerge/write/bibtex.hpp"
#include "write/citation_keys.hpp"
#include "scholarmerge/write/csl.hpp"

using namespace scholarmerge;

namespace {

Work sample(const std::string& title, int year, std::vector<std::string> names) {
    Work w;
    w.title = title;
    w.year = year;
    w.date = std::to_string(year);
    for (const auto& n : names) w.authors.push_back(parse_name(n));
    return w;
}

void expect_same(const Work& a, const Work& b) {
    EXPECT_EQ(a.title, b.title);
    EXPECT_EQ(a.year, b.year);
    EXPECT_EQ(a.date, b.date);
    EXPECT_EQ(a.venue, b.venue);
    EXPECT_EQ(a.ids, b.ids);
    EXPECT_EQ(a.abstract, b.abstract);
    EXPECT_EQ(a.authors_truncated, b.authors_truncated);
    ASSERT_EQ(a.authors.size(), b.authors.size());
    for (std::size_t i = 0; i < a.authors.size(); ++i) {
        EXPECT_EQ(a.authors[i].surname, b.authors[i].surname);
        EXPECT_EQ(a.authors[i].given, b.authors[i].given);
        EXPECT_EQ(a.authors[i].suffix, b.authors[i].suffix);
    }
}

std::vector<Work> hard_works() {
    std::vector<Work> works;
    Work a = sample("ZeroQuant: 50% Faster & {Cheaper} $x_1$ Models", 2022, {"Zhewei Yao", "Reza Yazdani Aminabadi"});
    a.date = "2022-06-04";
    a.venue = "Advances in Neural Information Processing Systems";
    a.category = "inproceedings";
    a.ids = {{"doi", "10.5555/1234"}, {"arxiv", "2206.01861"}, {"openalex", "W42"}};
    a.abstract = "We study #quantization_of models.";
    a.authors_truncated = true;
    works.push_back(a);
    Work b = sample("Über Ähnlichkeit", 2019, {"Müller, Jörg", "José de la Cruz"});
    b.authors.push_back(author_from_parts("John", "Smith", "Jr."));
    b.venue = "Zeitschrift für Informatik";
    works.push_back(b);
    works.push_back(sample("Untitled preprint", 2020, {}));
    return works;
}

}  // namespace

TEST(CitationKeys, StableAndCollisionFree) {
    std::vector<Work> works = {sample("The ZeroQuant method", 2022, {"Zhewei Yao"}),
                               sample("ZeroQuant-V2", 2022, {"Zhewei Yao"}), sample("A study", 2021, {"Łukasz Kaiser"})};
    works[2].extra["citation_key"] = std::string("kaiser:study");
    auto keys = citation_keys(works);
    EXPECT_EQ(keys, (std::vector<std::string>{"yao2022zeroquant", "yao2022zeroquanta", "kaiser:study"}));
    EXPECT_EQ(citation_keys(works), keys);
    works[0].extra["citation_key"] = std::string("kaiser:study");  // taken by an earlier work: a new one
    EXPECT_EQ(citation_keys(works)[2], "kaiser2021study");
}

TEST(BibtexExport, RoundTrip) {
    auto works = hard_works();
    std::string bib = to_bibtex(works);
    EXPECT_NE(bib.find("{ZeroQuant:}"), std::string::npos);  // case protected
    EXPECT_NE(bib.find("50\\% Faster \\& \\{Cheaper\\}"), std::string::npos);
    Corpus back = read_text(bib, "export.bib");
    EXPECT_TRUE(back.diagnostics.empty());
    ASSERT_EQ(back.works.size(), works.size());
    for (std::size_t i = 0; i < works.size(); ++i) expect_same(works[i], back.works[i]);
}

TEST(CslExport, RoundTrip) {
    auto works = hard_works();
    Corpus back = read_text(to_csl_json(works), "export.json");
    EXPECT_TRUE(back.diagnostics.empty());
    ASSERT_EQ(back.works.size(), works.size());
    EXPECT_EQ(back.works[0].source_format, "csl");
    for (std::size_t i = 0; i < works.size(); ++i) {
        Work expected = works[i];
        expected.authors_truncated = false;  // CSL has no "and others"
        expect_same(expected, back.works[i]);
    }
    EXPECT_EQ(to_csl_json({}), "[]\n");
}

TEST(Export, VolumeIssueAndPagesCrossFormats) {
    // Read as CSL ("page", "issue"), written as BibTeX ("pages", "number"), and back.
    Work w = sample("Inference of Finite Automata Using Homing Sequences", 1993, {"Ronald L. Rivest"});
    w.extra["volume"] = std::string("103");
    w.extra["issue"] = std::string("2");
    w.extra["page"] = std::string("299-347");
    std::string bib = to_bibtex({w});
    EXPECT_NE(bib.find("pages = {299-347}"), std::string::npos) << bib;
    EXPECT_NE(bib.find("number = {2}"), std::string::npos) << bib;
    Corpus from_bib = read_text(bib, "export.bib");
    ASSERT_EQ(from_bib.works.size(), 1u);
    EXPECT_EQ(std::get<std::string>(from_bib.works[0].extra.at("pages")), "299-347");
    // And the BibTeX names written as CSL.
    std::string csl = to_csl_json(from_bib.works);
    EXPECT_NE(csl.find("\"page\":\"299-347\""), std::string::npos) << csl;
    EXPECT_NE(csl.find("\"issue\":\"2\""), std::string::npos) << csl;
    EXPECT_NE(csl.find("\"volume\":\"103\""), std::string::npos) << csl;
}
