#include <gtest/gtest.h>

#include <algorithm>
#include <iterator>
#include <random>

#include "scholarmerge/cluster/clusters.hpp"
#include "scholarmerge/dedupe.hpp"
#include "scholarmerge/match/evidence.hpp"
#include "scholarmerge/match/index.hpp"
#include "scholarmerge/match/indel.hpp"
#include "scholarmerge/match/record.hpp"

using namespace scholarmerge;

static std::size_t naive_lcs(const std::string& a, const std::string& b) {
    std::vector<std::size_t> prev(b.size() + 1, 0), cur(b.size() + 1, 0);
    for (std::size_t i = 1; i <= a.size(); ++i) {
        for (std::size_t j = 1; j <= b.size(); ++j)
            cur[j] = a[i - 1] == b[j - 1] ? prev[j - 1] + 1 : std::max(prev[j], cur[j - 1]);
        std::swap(prev, cur);
    }
    return prev[b.size()];
}

TEST(Indel, MatchesTheTextbookLcsOnRandomStringsOfAllLengths) {
    std::mt19937 rng(42);
    for (int round = 0; round < 300; ++round) {
        auto make = [&](std::size_t n) {
            std::string s;
            for (std::size_t i = 0; i < n; ++i) s += static_cast<char>('a' + rng() % 4);
            return s;
        };
        std::string a = make(rng() % 200), b = make(rng() % 200);  // crosses the 64-character word size
        CachedIndel cached(a);
        ASSERT_EQ(cached.lcs(b), naive_lcs(a, b)) << a << " / " << b;
        EXPECT_DOUBLE_EQ(indel_similarity(a, b), indel_similarity(b, a));
    }
    EXPECT_DOUBLE_EQ(indel_similarity("", ""), 1.0);
    EXPECT_DOUBLE_EQ(indel_similarity("abc", ""), 0.0);
}

static MatchRecord record(const std::string& title, int year = 0, const std::string& venue = "") {
    Work w;
    w.title = title;
    w.year = year ? std::optional<int>(year) : std::nullopt;
    w.venue = venue;
    return make_match_record(w);
}

TEST(Evidence, GuardsAndVenueKinds) {
    EXPECT_NE(guard(record("ZeroQuant: Efficient Quantization"), record("ZeroQuant-V2: Efficient Quantization")), nullptr);
    EXPECT_NE(guard(record("ZeroQuant-FP: A Study"), record("ZeroQuant-HERO: A Study")), nullptr);
    EXPECT_NE(guard(record("Networks, Part I"), record("Networks, Part II")), nullptr);
    EXPECT_EQ(guard(record("HAWQV3: Dyadic Quantization"), record("HAWQ-V3: Dyadic Quantization")), nullptr);
    EXPECT_EQ(guard(record("TerraServer: A Data Warehouse"), record("Microsoft TerraServer: a data warehouse")), nullptr);
    EXPECT_EQ(guard(record("Results of 1992: a review of things"), record("Results of: a review of things")), nullptr);
    EXPECT_EQ(venue_kind("VLDB J."), VenueKind::journal);
    EXPECT_EQ(venue_kind("in proc. 21st acm symposium on theory of computing"), VenueKind::proceedings);
    EXPECT_EQ(venue_kind("arXiv"), VenueKind::preprint);
    MatchPolicy p;
    EXPECT_FALSE(compatible(record("A Title Here", 2001, "SIGMOD Conference"), record("A Title Here", 2002, "VLDB Journal"), p));
    EXPECT_FALSE(compatible(record("A Title Here", 1990), record("A Title Here", 1995), p));
    EXPECT_TRUE(compatible(record("A Title Here", 2020, "arXiv"), record("A Title Here", 2021, "Proc. ICML"), p));
}

TEST(Clusters, LabelsAreFirstRowsAndIndependentOfEdgeOrder) {
    std::vector<Edge> edges{{0, 2, 0.9}, {2, 5, 0.95}, {1, 3, 0.99}};
    auto yes = [](std::uint32_t, std::uint32_t) { return true; };
    auto none = [](std::uint32_t, std::uint32_t) {};
    auto a = cluster_edges(6, edges, yes, none);
    std::reverse(edges.begin(), edges.end());
    auto b = cluster_edges(6, edges, yes, none);
    EXPECT_EQ(a, b);
    EXPECT_EQ(a, (std::vector<std::int64_t>{0, 1, 0, 1, 4, 0}));
    // A refusal keeps groups apart.
    auto refuse = [](std::uint32_t x, std::uint32_t y) { return !(x == 0 && y == 2) && !(x == 2 && y == 0); };
    auto c = cluster_edges(6, edges, refuse, none);
    EXPECT_NE(c[0], c[2]);
}

TEST(Dedupe, ThreadCountDoesNotChangeLabels) {
    std::vector<Work> works;
    std::mt19937 rng(7);
    const char* words[] = {"deep", "learning", "quantization", "graph", "neural", "network", "efficient", "model"};
    for (int i = 0; i < 3000; ++i) {
        Work w;
        for (int k = 0; k < 5; ++k) w.title += std::string(words[rng() % 8]) + (k < 4 ? " " : "");
        w.title += " " + std::to_string(i % 900);
        works.push_back(w);
    }
    DedupeOptions one, two;
    one.threads = 1;
    two.threads = 2;
    EXPECT_EQ(dedupe(works, one), dedupe(works, two));
}

TEST(CandidateIndex, FindsExactlyThePairsReachingTheJaccardThreshold) {
    // The filters (sizes, signatures, positions) only skip work: the candidates
    // are the pairs a brute-force Jaccard over the title word sets finds.
    std::mt19937 rng(11);
    std::vector<MatchRecord> records;
    std::vector<std::vector<int>> sets;
    for (int i = 0; i < 1500; ++i) {
        std::vector<int> words;
        const int n = 1 + static_cast<int>(rng() % 12);
        for (int k = 0; k < n; ++k) words.push_back(static_cast<int>(rng() % (k % 3 == 0 ? 20 : 150)));
        Work w;
        for (int word : words) w.title += "w" + std::to_string(word) + " ";
        w.title += "x" + std::to_string(i);  // distinct titles: no title groups
        std::sort(words.begin(), words.end());
        words.erase(std::unique(words.begin(), words.end()), words.end());
        words.push_back(-1 - i);
        sets.push_back(words);
        records.push_back(make_match_record(w));
    }
    for (double t : {0.1, 0.35, 0.6}) {
        CandidateIndex index(records, t);
        CandidateScratch scratch;
        for (std::uint32_t x = 0; x < records.size(); ++x) {
            std::vector<std::uint32_t> got, expected;
            index.candidates(x, scratch, [&](std::uint32_t y) { got.push_back(y); });
            for (std::uint32_t y = 0; y < x; ++y) {
                std::vector<int> shared;
                std::set_intersection(sets[x].begin(), sets[x].end(), sets[y].begin(), sets[y].end(), std::back_inserter(shared));
                double j = static_cast<double>(shared.size()) / static_cast<double>(sets[x].size() + sets[y].size() - shared.size());
                if (j >= t - 1e-12) expected.push_back(y);
            }
            std::sort(got.begin(), got.end());
            ASSERT_EQ(got, expected) << "record " << x << " at " << t;
        }
    }
}
