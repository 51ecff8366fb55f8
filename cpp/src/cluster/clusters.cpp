#include "cluster/clusters.hpp"

#include <algorithm>

#include "cluster/union_find.hpp"
#include "match/indel.hpp"
#include "../match/anchors.hpp"

namespace scholarmerge {

std::vector<std::int64_t> cluster_edges(std::size_t n, std::vector<Edge> edges,
                                        const std::function<bool(std::uint32_t, std::uint32_t)>& linked,
                                        const std::function<void(std::uint32_t, std::uint32_t)>& merged) {
    std::sort(edges.begin(), edges.end(), [](const Edge& x, const Edge& y) {
        if (x.score != y.score) return x.score > y.score;
        if (x.support != y.support) return x.support > y.support;
        return x.a != y.a ? x.a < y.a : x.b < y.b;
    });
    UnionFind uf(n);
    std::vector<std::uint32_t> first(n);  // root -> smallest member
    for (std::size_t i = 0; i < n; ++i) first[i] = static_cast<std::uint32_t>(i);
    for (const Edge& e : edges) {
        std::uint32_t ra = uf.find(e.a), rb = uf.find(e.b);
        if (ra == rb) continue;
        std::uint32_t fa = first[ra], fb = first[rb];
        if (!linked(fa, fb)) continue;
        std::uint32_t m = std::min(fa, fb);
        first[uf.unite(ra, rb)] = m;
        merged(m, std::max(fa, fb));
    }
    std::vector<std::int64_t> labels(n);
    for (std::size_t i = 0; i < n; ++i) labels[i] = first[uf.find(static_cast<std::uint32_t>(i))];
    return labels;
}

std::vector<double> shared_neighbours(std::size_t n, const std::vector<Edge>& edges) {
    // Each record's neighbours, itself included, in one flat array: record i's
    // are nb[start[i] .. end[i]), sorted and distinct (a pair may come twice).
    std::vector<std::size_t> start(n + 1, 0);
    for (const Edge& e : edges) ++start[e.a + 1], ++start[e.b + 1];
    for (std::size_t i = 0; i < n; ++i) start[i + 1] += start[i] + 1;
    std::vector<std::size_t> end(start.begin(), start.end() - 1);
    std::vector<std::uint32_t> nb(start[n]);
    for (std::size_t i = 0; i < n; ++i) nb[end[i]++] = static_cast<std::uint32_t>(i);
    for (const Edge& e : edges) nb[end[e.a]++] = e.b, nb[end[e.b]++] = e.a;
    for (std::size_t i = 0; i < n; ++i) {
        auto first = nb.begin() + static_cast<long>(start[i]), last = nb.begin() + static_cast<long>(end[i]);
        std::sort(first, last);
        end[i] = start[i] + static_cast<std::size_t>(std::unique(first, last) - first);
    }
    std::vector<double> out;
    out.reserve(edges.size());
    for (const Edge& e : edges) {
        const std::uint32_t *a = nb.data() + start[e.a], *a_end = nb.data() + end[e.a];
        const std::uint32_t *b = nb.data() + start[e.b], *b_end = nb.data() + end[e.b];
        const auto total = static_cast<std::size_t>((a_end - a) + (b_end - b));
        std::size_t both = 0;
        while (a != a_end && b != b_end) {
            if (*a == *b) ++both, ++a, ++b;
            else if (*a < *b) ++a;
            else ++b;
        }
        out.push_back(static_cast<double>(both) / static_cast<double>(total - both));
    }
    return out;
}

std::vector<std::int64_t> cluster_matches(const std::vector<MatchRecord>& records, std::vector<Edge> edges,
                                          const MatchPolicy& policy, bool chain_check, const CorpusAnchors* anchors) {
    // A catalogue lists a work once: two of its records are one work only
    // when their titles are (its few real duplicates are copies).
    auto listed_apart = [&](const MatchRecord& x, const MatchRecord& y) {
        constexpr double kOneTitle = 0.95;
        return anchors && x.source && x.source == y.source && anchors->lists_once(x.source) &&
               indel_similarity(x.title, y.title) < kOneTitle;
    };
    std::vector<std::vector<std::uint32_t>> members(records.size());
    for (std::size_t i = 0; i < records.size(); ++i) members[i] = {static_cast<std::uint32_t>(i)};
    // Two records that disagree in year or venue kind are still one work when one
    // of them is the same printed article (the same pages) as a member of either
    // group that agrees with the other: its year or venue is the citation's mistake.
    auto printed_twin_agrees = [&](const MatchRecord& x, const MatchRecord& y, std::uint32_t a, std::uint32_t b) {
        if (!x.first_page) return false;
        for (std::uint32_t group : {a, b})
            for (std::size_t k = 0; k < std::min(kChainCheck, members[group].size()); ++k) {
                const MatchRecord& twin = records[members[group][k]];
                if (&twin != &x && same_pages(x, twin) && compatible(twin, y, policy)) return true;
            }
        return false;
    };
    auto linked = [&](std::uint32_t a, std::uint32_t b) {
        if (!chain_check) return true;
        for (std::size_t i = 0; i < std::min(kChainCheck, members[a].size()); ++i)
            for (std::size_t j = 0; j < std::min(kChainCheck, members[b].size()); ++j) {
                const MatchRecord &x = records[members[a][i]], &y = records[members[b][j]];
                if (listed_apart(x, y)) return false;
                if (compatible(x, y, policy)) continue;
                if (!compatible(x, y, policy, true) ||
                    !(printed_twin_agrees(x, y, a, b) || printed_twin_agrees(y, x, a, b)))
                    return false;
            }
        return true;
    };
    auto merged = [&](std::uint32_t into, std::uint32_t from) {
        if (members[into].size() < kChainCheck)
            members[into].insert(members[into].end(), members[from].begin(), members[from].end());
        std::vector<std::uint32_t>().swap(members[from]);
    };
    std::vector<double> support = shared_neighbours(records.size(), edges);
    for (std::size_t i = 0; i < edges.size(); ++i) edges[i].support = support[i];
    return cluster_edges(records.size(), std::move(edges), linked, merged);
}

}  // namespace scholarmerge
