#include <algorithm>
#include <stdexcept>

#include "scholarmerge/cluster/clusters.hpp"
#include "scholarmerge/distributed.hpp"

namespace scholarmerge::distributed {

std::vector<std::int64_t> verify_and_cluster(const WorkColumns& rows, const std::vector<std::int64_t>& row_ids,
                                             const std::vector<bool>& recurring, const std::vector<RowPair>& pairs,
                                             double threshold) {
    check_columns(rows);
    const std::size_t n = rows.titles.size();
    if (row_ids.size() != n || recurring.size() != n)
        throw std::invalid_argument("verify_and_cluster: one row id and one recurrence flag per row");
    if (!std::is_sorted(row_ids.begin(), row_ids.end()))
        throw std::invalid_argument("verify_and_cluster: row ids must ascend");
    std::vector<MatchRecord> records(n);
    for (std::size_t i = 0; i < n; ++i) {
        records[i] = match_record(rows, i);
        records[i].recurring = recurring[i];
    }
    auto local = [&](std::int64_t id) {
        auto it = std::lower_bound(row_ids.begin(), row_ids.end(), id);
        if (it == row_ids.end() || *it != id) throw std::invalid_argument("verify_and_cluster: a pair names a row not given");
        return static_cast<std::uint32_t>(it - row_ids.begin());
    };
    // As dedupe() compares them: the later row against the earlier one, and a
    // row without a title looks for nobody.
    const MatchPolicy policy = match_policy(threshold);
    std::vector<Edge> edges;
    for (const auto& [a, b] : pairs) {
        const std::uint32_t y = local(std::min(a, b)), x = local(std::max(a, b));
        if (x == y || records[x].title.empty()) continue;
        CachedIndel cached(records[x].title);
        double s = match_score(records[x], records[y], cached, policy);
        if (s >= 0) edges.push_back({y, x, s});
    }
    std::vector<std::int64_t> labels = cluster_matches(records, std::move(edges), policy);
    for (auto& l : labels) l = row_ids[static_cast<std::size_t>(l)];
    return labels;
}

}  // namespace scholarmerge::distributed
