#include "scholarmerge/cluster/clusters.hpp"

#include <algorithm>

#include "scholarmerge/cluster/union_find.hpp"

namespace scholarmerge {

std::vector<std::int64_t> cluster_edges(std::size_t n, std::vector<Edge> edges,
                                        const std::function<bool(std::uint32_t, std::uint32_t)>& linked,
                                        const std::function<void(std::uint32_t, std::uint32_t)>& merged) {
    std::sort(edges.begin(), edges.end(), [](const Edge& x, const Edge& y) {
        if (x.score != y.score) return x.score > y.score;
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

std::vector<std::int64_t> cluster_matches(const std::vector<MatchRecord>& records, std::vector<Edge> edges,
                                          const MatchPolicy& policy, bool chain_check) {
    std::vector<std::vector<std::uint32_t>> members(records.size());
    for (std::size_t i = 0; i < records.size(); ++i) members[i] = {static_cast<std::uint32_t>(i)};
    auto linked = [&](std::uint32_t a, std::uint32_t b) {
        if (!chain_check) return true;
        for (std::size_t i = 0; i < std::min(kChainCheck, members[a].size()); ++i)
            for (std::size_t j = 0; j < std::min(kChainCheck, members[b].size()); ++j)
                if (!compatible(records[members[a][i]], records[members[b][j]], policy)) return false;
        return true;
    };
    auto merged = [&](std::uint32_t into, std::uint32_t from) {
        if (members[into].size() < kChainCheck)
            members[into].insert(members[into].end(), members[from].begin(), members[from].end());
        std::vector<std::uint32_t>().swap(members[from]);
    };
    return cluster_edges(records.size(), std::move(edges), linked, merged);
}

}  // namespace scholarmerge
