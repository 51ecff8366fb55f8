#include "read/crossref.hpp"

#include <gtest/gtest.h>

#include "source_helpers.hpp"

using namespace scholarmerge;
using samples::diagnostic_on;
using samples::read_source;

TEST(Crossref, SingleWorkMessage) {
    Corpus c = read_source("crossref_work.json");
    ASSERT_EQ(c.works.size(), 1u);
    const Work& w = c.works[0];
    EXPECT_EQ(w.source_format, "crossref");
    EXPECT_EQ(w.title, "The Cougar approach to in-network query processing in sensor networks");
    EXPECT_EQ(w.date, "2002-09");  // issued, not published-print
    EXPECT_EQ(w.venue, "ACM SIGMOD Record");
    EXPECT_EQ(w.ids.at("doi"), "10.1145/565117.565137");
    EXPECT_EQ(w.abstract, "The widespread distribution and availability of small-scale sensors.");
    ASSERT_EQ(w.authors.size(), 2u);
    EXPECT_EQ(w.authors[0].display, "Yong Yao");
    EXPECT_EQ(w.authors[0].affiliations, std::vector<std::string>{"Cornell University"});
    EXPECT_EQ(w.authors[1].id, "0000-0001-9283-3522");
    EXPECT_EQ(std::get<std::string>(w.extra.at("page")), "109-118");
}

TEST(Crossref, WorkListItemsSubtitlesEventsAndOrganisations) {
    Corpus c = read_source("crossref_list.json");
    ASSERT_EQ(c.works.size(), 2u);
    const Work& w = c.works[1];
    EXPECT_EQ(w.title, "Efficient Top-k Query Evaluation: A Probabilistic Approach");
    EXPECT_EQ(w.venue, "2007 IEEE 23rd International Conference on Data Engineering");
    EXPECT_EQ(w.date, "2007-04");  // date parts as strings, issued empty
    ASSERT_EQ(w.authors.size(), 2u);
    EXPECT_EQ(w.authors[0].suffix, "Jr.");
    EXPECT_EQ(w.authors[1].surname, "The PODS Consortium");
    EXPECT_EQ(w.authors[1].given, "");
    ASSERT_NE(diagnostic_on(c, 4), nullptr);
    EXPECT_NE(diagnostic_on(c, 4)->message.find("field 'issued'"), std::string::npos);
}
