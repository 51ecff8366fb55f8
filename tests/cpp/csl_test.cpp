#include "read/csl.hpp"

#include <gtest/gtest.h>

#include "source_helpers.hpp"

using namespace scholarmerge;
using samples::diagnostic_on;
using samples::read_source;

TEST(Csl, ZoteroExportParticlesLiteralsAndDates) {
    Corpus c = read_source("zotero.csl.json");
    ASSERT_EQ(c.works.size(), 3u);
    const Work& w = c.works[0];
    EXPECT_EQ(w.source_format, "csl");
    EXPECT_EQ(w.date, "2019-05-17");
    EXPECT_EQ(w.venue, "Journal of Names");
    EXPECT_EQ(w.ids.at("doi"), "10.1000/xyz123");
    ASSERT_EQ(w.authors.size(), 3u);
    EXPECT_EQ(w.authors[0].surname, "Beethoven");  // dropping particle: not part of the surname
    EXPECT_EQ(w.authors[1].surname, "van Gogh");   // non-dropping particle: part of it
    EXPECT_EQ(w.authors[2].surname, "World Health Organization");
    EXPECT_EQ(std::get<std::string>(w.extra.at("citation_key")), "http://zotero.org/users/1/items/ABCD1234");
    EXPECT_EQ(c.works[1].year, 2020);  // {"raw": "2020"}
    EXPECT_EQ(std::get<std::string>(c.works[1].extra.at("citation_key")), "2");
    EXPECT_EQ(c.works[2].title, "No date at all");
    ASSERT_NE(diagnostic_on(c, 7), nullptr);
}
