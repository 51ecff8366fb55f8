#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <random>
#include <set>

#include "scholarmerge/cluster/union_find.hpp"
#include "scholarmerge/distributed.hpp"
#include "scholarmerge/match/index.hpp"

using namespace scholarmerge;
using namespace scholarmerge::distributed;

namespace {

// Rows with what dedupe has to get right: near-identical titles, versions,
// shared book DOIs, short titles recurring in one source, empty titles.
WorkColumns corpus(std::size_t n, unsigned seed) {
    const std::vector<std::string> titles = {
        "ZeroQuant: Efficient and Affordable Post-Training Quantization for Large-Scale Transformers",
        "ZeroQuant-V2: Exploring Post-training Quantization in LLMs from Comprehensive Study to Low Rank Compensation",
        "HAWQ-V3: Dyadic Neural Network Quantization", "HAWQV3: Dyadic Neural Network Quantization",
        "Q-ASR: Integer-only Zero-shot Quantization for Efficient Speech Recognition",
        "Integer-only Zero-shot Quantization for Efficient Speech Recognition",
        "Preface", "Book Review Column", "Introduction", "",
        "Learning Deep Representations for Graph Clustering", "Learning deep representation for graph clustering",
        "A Theory of Neural Network Compression, Part I", "A Theory of Neural Network Compression, Part II",
        "Query Optimization in Distributed Database Systems", "Query optimisation in distributed database system",
        "Crank-Nicolson schemes for approximate Bayesian inferences",
        "Crank–Nicolson schemes for approximate Bayesian inference"};
    const std::vector<std::string> authors = {"Z. Yao, R. Aminabadi, M. Zhang", "Zhewei Yao and Minjia Zhang",
                                              "A. Gholami; S. Kim; K. Keutzer", "J. Smith", ""};
    std::mt19937 rng(seed);
    WorkColumns c;
    for (std::size_t i = 0; i < n; ++i) {
        std::string t = titles[rng() % titles.size()];
        if (rng() % 4 == 0) t += " " + std::to_string(rng() % 50);  // a distinct work
        c.titles.push_back(t);
        std::string a = authors[rng() % authors.size()];
        c.authors.push_back(a.empty() ? std::nullopt : std::optional<std::string>(a));
        c.years.push_back(rng() % 5 == 0 ? std::nullopt : std::optional<std::int64_t>(2018 + rng() % 4));
        c.venues.push_back(rng() % 3 == 0 ? "Proceedings of ICML" : rng() % 2 ? "arXiv" : "Journal of ML Research");
        c.sources.push_back("site" + std::to_string(rng() % 3));
        c.dois.push_back(rng() % 6 == 0 ? "10.1000/book." + std::to_string(rng() % 4) : "");
        c.arxivs.push_back(rng() % 8 == 0 ? "2201.0000" + std::to_string(rng() % 5) : "");
    }
    return c;
}

WorkColumns rows_of(const WorkColumns& c, const std::vector<std::int64_t>& ids) {
    WorkColumns out;
    for (std::int64_t id : ids) {
        auto i = static_cast<std::size_t>(id);
        out.titles.push_back(c.titles[i]);
        out.authors.push_back(c.authors[i]);
        out.years.push_back(c.years[i]);
        out.venues.push_back(c.venues[i]);
        out.sources.push_back(c.sources[i]);
        out.dois.push_back(c.dois[i]);
        out.arxivs.push_back(c.arxivs[i]);
    }
    return out;
}

// The stages in one process, as an engine would run them over partitions
// and buckets (scholarmerge.dask does the same with Dask).
std::vector<std::int64_t> staged_dedupe(const WorkColumns& c, std::size_t partitions, std::size_t buckets) {
    const std::size_t n = c.titles.size();
    std::vector<std::int64_t> first_rows;
    std::vector<RowKeys> keys;
    for (std::size_t p = 0; p < partitions; ++p) {
        std::vector<std::int64_t> ids;
        for (std::size_t i = p * n / partitions; i < (p + 1) * n / partitions; ++i) ids.push_back(static_cast<std::int64_t>(i));
        first_rows.push_back(static_cast<std::int64_t>(p * n / partitions));
        keys.push_back(row_keys(rows_of(c, ids)));
    }
    // Global: document frequencies, recurrence counts, group pairs.
    std::map<std::uint64_t, std::uint64_t> df, recurrence;
    std::map<std::uint64_t, std::vector<std::int64_t>> group_rows;
    for (std::size_t p = 0; p < partitions; ++p) {
        for (std::uint64_t w : keys[p].words) ++df[w];
        for (std::size_t i = 0; i < keys[p].doi.size(); ++i) {
            const std::int64_t row = first_rows[p] + static_cast<std::int64_t>(i);
            if (keys[p].recurrence[i]) ++recurrence[keys[p].recurrence[i]];
            for (std::uint64_t k : {keys[p].doi[i], keys[p].arxiv[i], keys[p].title[i]})
                if (k) group_rows[k].push_back(row);
        }
    }
    std::vector<std::uint64_t> words, counts;
    for (auto [w, k] : df) words.push_back(w), counts.push_back(k);
    const WordRanks ranks = word_ranks(words, counts, n);
    std::vector<std::uint64_t> group_keys;
    std::vector<std::int64_t> group_members;
    for (auto& [k, rows] : group_rows)
        for (std::int64_t r : rows) group_keys.push_back(k), group_members.push_back(r);
    std::vector<RowPair> pairs = group_pairs(group_keys, group_members);
    // Shuffle postings by bucket, join each bucket.
    std::vector<std::vector<Postings>> by_bucket(buckets);
    for (std::size_t p = 0; p < partitions; ++p) {
        auto parts = prefix_postings(keys[p], first_rows[p], ranks, 0.35, buckets);
        for (std::size_t b = 0; b < buckets; ++b) by_bucket[b].push_back(std::move(parts[b]));
    }
    for (auto& parts : by_bucket) {
        auto found = prefix_join(parts, 0.35);
        pairs.insert(pairs.end(), found.begin(), found.end());
    }
    // Components of the candidate pairs; each verified and clustered on its own.
    UnionFind uf(n);
    for (auto [a, b] : pairs) uf.unite(static_cast<std::uint32_t>(a), static_cast<std::uint32_t>(b));
    std::map<std::uint32_t, std::vector<std::int64_t>> components;
    for (std::size_t i = 0; i < n; ++i) components[uf.find(static_cast<std::uint32_t>(i))].push_back(static_cast<std::int64_t>(i));
    std::vector<std::int64_t> labels(n);
    for (auto& [root, ids] : components) {
        std::vector<RowPair> inside;
        for (auto [a, b] : pairs)
            if (uf.find(static_cast<std::uint32_t>(a)) == root) inside.emplace_back(a, b);
        std::vector<bool> recurring;
        for (std::int64_t id : ids) {
            std::uint64_t key = 0;
            for (std::size_t p = 0; p < partitions; ++p)
                if (id >= first_rows[p] && (p + 1 == partitions || id < first_rows[p + 1]))
                    key = keys[p].recurrence[static_cast<std::size_t>(id - first_rows[p])];
            recurring.push_back(key && recurrence[key] > 1);
        }
        auto part = verify_and_cluster(rows_of(c, ids), ids, recurring, inside);
        for (std::size_t k = 0; k < ids.size(); ++k) labels[static_cast<std::size_t>(ids[k])] = part[k];
    }
    return labels;
}

}  // namespace

TEST(Distributed, StagesOverAnySplitGiveTheLabelsOfOneProcess) {
    for (auto [n, seed] : {std::pair<std::size_t, unsigned>{400, 1}, {400, 2}, {1500, 3}}) {  // 1500: groups over kMaxGroup
        const WorkColumns c = corpus(n, seed);
        const auto expected = dedupe_columns(c).labels;
        std::set<std::int64_t> clusters(expected.begin(), expected.end());
        ASSERT_LT(clusters.size(), c.titles.size() / 2) << "the corpus has duplicates to find";
        for (auto [partitions, buckets] : {std::pair<std::size_t, std::size_t>{1, 1}, {3, 2}, {7, 5}})
            EXPECT_EQ(staged_dedupe(c, partitions, buckets), expected)
                << "seed " << seed << ", " << partitions << " partitions, " << buckets << " buckets";
    }
}

TEST(Distributed, PrefixJoinReportsEachQualifyingPairOnce) {
    WorkColumns c;
    c.titles = {"alpha beta gamma delta", "alpha beta gamma epsilon", "alpha beta zeta eta theta iota", "kappa lambda"};
    const RowKeys keys = row_keys(c);
    std::map<std::uint64_t, std::uint64_t> df;
    for (std::uint64_t w : keys.words) ++df[w];
    std::vector<std::uint64_t> words, counts;
    for (auto [w, k] : df) words.push_back(w), counts.push_back(k);
    const WordRanks ranks = word_ranks(words, counts, c.titles.size());
    for (std::size_t buckets : {1u, 2u, 16u}) {
        std::vector<RowPair> pairs;
        for (auto& part : prefix_postings(keys, 0, ranks, 0.35, buckets)) {
            auto found = prefix_join({part}, 0.35);
            pairs.insert(pairs.end(), found.begin(), found.end());
        }
        std::sort(pairs.begin(), pairs.end());
        // Jaccard: rows 0 and 1 share 3 of 5 words; each shares 2 of 8 with row 2.
        EXPECT_EQ(pairs, (std::vector<RowPair>{{0, 1}})) << buckets << " buckets";
    }
}

TEST(Distributed, StagesRejectMalformedInput) {
    EXPECT_THROW(word_ranks({1, 2}, {3}, 10), std::invalid_argument);
    EXPECT_THROW(word_ranks({1, 1}, {3, 3}, 10), std::invalid_argument);
    EXPECT_THROW(group_pairs({1}, {}), std::invalid_argument);
    WorkColumns c;
    c.titles = {"a", "b"};
    EXPECT_THROW(verify_and_cluster(c, {1, 0}, {false, false}, {}), std::invalid_argument);
    EXPECT_THROW(verify_and_cluster(c, {0, 1}, {false, false}, {{0, 5}}), std::invalid_argument);
    EXPECT_THROW(prefix_postings(row_keys(c), 0, {}, 0.35, 0), std::invalid_argument);
}

TEST(Distributed, GroupPairsMeetTheFirstMembersOfEachKeyOnly) {
    std::vector<std::uint64_t> keys;
    std::vector<std::int64_t> rows;
    for (std::int64_t r = 99; r >= 0; --r) keys.push_back(7), rows.push_back(r);  // any arrival order
    keys.push_back(9), rows.push_back(500);                                       // a group of one
    const auto pairs = group_pairs(keys, rows);
    const std::size_t k = CandidateIndex::kMaxGroup;
    EXPECT_EQ(pairs.size(), k * (k - 1) / 2);
    for (auto [a, b] : pairs) EXPECT_TRUE(a < b && b < static_cast<std::int64_t>(k)) << a << "," << b;
}
