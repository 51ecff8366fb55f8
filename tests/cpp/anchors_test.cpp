#include <gtest/gtest.h>

#include <iterator>
#include <string>
#include <vector>

#include "match/anchors.hpp"
#include "dedupe_details.hpp"
#include "match/repair.hpp"
#include "scholarmerge/names/parse.hpp"

using namespace scholarmerge;

namespace {

MatchRecord at(const std::string& title, const std::string& venue, int year = 2000) {
    Work w;
    w.title = title;
    w.venue = venue;
    w.year = year;
    w.authors = parse_author_list("A. Writer, B. Other").authors;
    std::vector<MatchRecord> r{make_match_record(w)};
    repair_fields(r);
    return r[0];
}

// n anchors that join venue names x and y (distinct titles each).
void join(CorpusAnchors& v, const std::string& x, const std::string& y, int n, int from = 0) {
    for (int k = from; k < from + n; ++k) {
        const std::string t = "a study number " + std::to_string(k);
        v.add(at(t, x), at(t, y));
    }
}

}  // namespace

TEST(CorpusAnchors, NamesTheAnchorsJoinCorrespondAndWellAttestedOthersAreUnrelated) {
    CorpusAnchors v;
    join(v, "SIGMOD Conference", "International Conference on Management of Data", 30);
    join(v, "VLDB", "Very Large Data Bases", 30, 100);
    const MatchRecord sigmod = at("x", "SIGMOD Conference"), icmd = at("x", "International Conference on Management of Data"),
                      vldb = at("x", "VLDB"), vldb_long = at("x", "Very Large Data Bases"), rare = at("x", "Workshop W");
    EXPECT_EQ(v.level(sigmod, icmd), 1);
    EXPECT_EQ(v.level(vldb, vldb_long), 1);
    EXPECT_EQ(v.level(sigmod, at("y", "sigmod  conference")), 2);  // one name, however written
    EXPECT_EQ(v.level(sigmod, vldb_long), 0);
    EXPECT_EQ(v.level(icmd, vldb), 0);
    EXPECT_EQ(v.level(sigmod, rare), kUnknown);           // a name no anchor carries says nothing
    EXPECT_EQ(v.level(sigmod, at("x", "")), kUnknown);    // nor does a missing venue
    // A name seen too rarely is not told apart from another.
    CorpusAnchors few;
    join(few, "Conf A", "Conf A Long", 3);
    join(few, "Conf B", "Conf B Long", 3, 100);
    EXPECT_EQ(few.level(at("x", "Conf A"), at("x", "Conf B Long")), kUnknown);
}

TEST(CorpusAnchors, StateRoundTripsAndRejectsMalformedLists) {
    CorpusAnchors v;
    join(v, "SIGMOD Conference", "International Conference on Management of Data", 12);
    const CorpusAnchors back = CorpusAnchors::from_state(v.state());
    EXPECT_EQ(back.state().size(), v.state().size());
    EXPECT_EQ(back.level(at("x", "SIGMOD Conference"), at("x", "International Conference on Management of Data")), 1);
    EXPECT_THROW(CorpusAnchors::from_state({5, 1}), std::invalid_argument);
    std::vector<std::uint64_t> extra = v.state();
    extra.push_back(7);
    EXPECT_THROW(CorpusAnchors::from_state(extra), std::invalid_argument);
}

TEST(CorpusAnchors, DedupeKeepsTheSameTitleAtTwoVenuesApartWhenTheCorpusKnowsBoth) {
    // Two sources name two conferences each their own way; many papers are in
    // both sources. One tutorial was given at both conferences, under the same title.
    std::vector<Work> works;
    auto add = [&](const std::string& title, const std::string& venue, const std::string& source) {
        Work w;
        w.title = title;
        w.venue = venue;
        w.year = 2002;
        w.source = source;
        w.authors = parse_author_list("C. Mohan, D. Lee").authors;
        works.push_back(w);
    };
    // Titles of two words each from these, so that no two papers' titles are near.
    const char* words[] = {"indexing", "recovery", "logging", "caching", "joins", "streams", "replication", "locking",
                           "views", "triggers", "cubes", "spatial", "xml", "graphs", "text", "search", "mining",
                           "sampling", "sketches", "tuning", "storage", "queries", "ranking", "skyline", "privacy",
                           "provenance", "cleaning", "integration", "schemas", "mappings", "workflows", "clouds"};
    // Sixty papers at each conference: the tutorial's own pair is one anchor
    // among many, as in a real corpus.
    std::size_t papers = 0;
    for (std::size_t i = 0; i < std::size(words) && papers < 60; ++i)
        for (std::size_t j = i + 1; j < std::size(words) && papers < 60; j += 5, ++papers) {
            const std::string a = words[i], b = words[j];
            add(a + " and " + b + " for large database systems", "SIGMOD Conference", "dblp");
            add(a + " and " + b + " for large database systems", "International Conference on Management of Data", "acm");
            add(b + " with " + a + " in distributed stores", "VLDB", "dblp");
            add(b + " with " + a + " in distributed stores", "Very Large Data Bases", "acm");
        }
    const std::size_t tutorial = works.size();
    add("Application servers and associated technologies", "VLDB", "dblp");
    add("Tutorial: application servers and associated technologies", "International Conference on Management of Data", "acm");
    const DedupeDetails r = dedupe_prepared(prepare(works));
    for (std::size_t i = 0; i < tutorial; i += 2) EXPECT_EQ(r.labels[i], r.labels[i + 1]) << works[i].title;
    EXPECT_NE(r.labels[tutorial], r.labels[tutorial + 1]);
    ASSERT_TRUE(r.model->anchors);
    EXPECT_EQ(explain(r.records[tutorial], r.records[tutorial + 1], *r.model).evidence.level[7], 0);
}

TEST(Evidence, AReorderedTitleIsContainedEvidence) {
    MatchRecord a = at("Query optimization for distributed database systems", "");
    MatchRecord b = at("Distributed database systems: query optimization", "");
    MatchRecord c = at("Distributed query processing in database systems", "");
    EXPECT_EQ(compare(a, b, CachedIndel(a.title)).level[0], 2);
    EXPECT_LT(compare(a, c, CachedIndel(a.title)).level[0], 2);  // other words, not the same ones reordered
    // A hyphenated compound is its parts too: "abstract-object" reordered as "abstract objects".
    Work d, e;
    d.title = "An Open Storage System for Abstract Objects";
    e.title = "An Open Abstract-Object Storage System";
    EXPECT_EQ(compare(make_match_record(d), make_match_record(e), CachedIndel(make_match_record(d).title)).level[0], 2);
}

TEST(CorpusAnchors, ASourceWhoseCopiesAreElsewhereListsEachWorkOnce) {
    // Two catalogues of the same papers; in each, two demos of one system by
    // the same people in the same year, under near titles.
    std::vector<Work> works;
    auto add = [&](const std::string& title, const std::string& source) {
        Work w;
        w.title = title;
        w.year = 1997;
        w.source = source;
        w.venue = "SIGMOD Conference";
        w.authors = parse_author_list("M. Livny, R. Ramakrishnan").authors;
        works.push_back(w);
    };
    const char* words[] = {"indexing", "recovery", "logging", "caching", "joins", "streams", "replication", "locking",
                           "views", "triggers", "cubes", "spatial", "xml", "graphs", "text", "search"};
    for (std::size_t i = 0; i < std::size(words); ++i)
        for (std::size_t j = i + 1; j < std::size(words); j += 3) {
            const std::string t = std::string(words[i]) + " and " + words[j] + " for large database systems";
            add(t, "dblp");
            add(t, "acm");
        }
    const std::size_t demos = works.size();
    add("DEVise: Integrated Querying and Visualization of Large Datasets", "dblp");
    add("DEVise: Integrated Querying and Visual Exploration of Large Datasets (Demo Abstract)", "dblp");
    add("DEVise: integrated querying and visualization of large datasets", "acm");
    add("DEVise (demo abstract): integrated querying and visual exploration of large datasets", "acm");
    const DedupeDetails r = dedupe_prepared(prepare(works));
    ASSERT_TRUE(r.model->anchors);
    EXPECT_TRUE(r.model->anchors->lists_once(r.records[0].source));
    // One catalogue's two records are two works, each with one copy in the other.
    EXPECT_NE(r.labels[demos], r.labels[demos + 1]);
    EXPECT_NE(r.labels[demos + 2], r.labels[demos + 3]);
    for (std::size_t k = demos; k < demos + 2; ++k)
        EXPECT_TRUE(r.labels[k] == r.labels[demos + 2] || r.labels[k] == r.labels[demos + 3]);
    // One source alone lists its own copies: nothing tells it is a catalogue.
    std::vector<Work> one(works.begin() + static_cast<long>(demos), works.begin() + static_cast<long>(demos) + 2);
    for (Work& w : one) w.source = "cv.bib";
    one.push_back(one[0]);
    one.back().title = "DEVise: integrated querying and visualisation of large datasets";
    const DedupeDetails alone = dedupe_prepared(prepare(one));
    EXPECT_FALSE(alone.model->anchors->lists_once(alone.records[0].source));
    EXPECT_EQ(alone.labels[0], alone.labels[2]);
}
