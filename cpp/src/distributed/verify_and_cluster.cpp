#include <algorithm>
#include <cmath>
#include <memory>
#include <stdexcept>
#include <utility>

#include "cluster/clusters.hpp"
#include "scholarmerge/distributed.hpp"
#include "dedupe_details.hpp"
#include "match/key_hash.hpp"
#include "match/repair.hpp"
#include "../match/anchors.hpp"

namespace scholarmerge::distributed {

namespace {

constexpr auto kVenueName = static_cast<std::size_t>(Feature::venue_name);

// The rows as match records, and a way from a global row id to its place.
struct LocalRows {
    std::vector<MatchRecord> records;
    const std::vector<std::int64_t>& ids;
    std::uint32_t operator()(std::int64_t id) const {
        auto it = std::lower_bound(ids.begin(), ids.end(), id);
        if (it == ids.end() || *it != id) throw std::invalid_argument("verify_and_cluster: a pair names a row not given");
        return static_cast<std::uint32_t>(it - ids.begin());
    }
};

LocalRows local_rows(const WorkColumns& rows, const std::vector<std::int64_t>& row_ids,
                     const std::vector<std::uint64_t>& recurrence) {
    check_columns(rows);
    const std::size_t n = rows.titles.size();
    if (row_ids.size() != n || recurrence.size() != n)
        throw std::invalid_argument("verify_and_cluster: one row id and one recurrence key per row");
    if (!std::is_sorted(row_ids.begin(), row_ids.end()))
        throw std::invalid_argument("verify_and_cluster: row ids must ascend");
    LocalRows local{std::vector<MatchRecord>(n), row_ids};
    for (std::size_t i = 0; i < n; ++i) {
        local.records[i] = match_record(rows, i);
        local.records[i].recurring = recurrence[i] != 0;
        local.records[i].recurrence = recurrence[i];
        if (!rows.sources.empty() && !rows.sources[i].empty()) local.records[i].source = key_hash(rows.sources[i]);
    }
    // The bucket's own vocabulary: whole components, so a pair's records are together.
    repair_fields(local.records);
    return local;
}

// As dedupe() compares them: the later row against the earlier one, and a row
// without a title looks for nobody. visit(y, x, evidence) for unguarded pairs.
template <class Visit>
void compare_pairs(const LocalRows& local, const std::vector<RowPair>& pairs, Visit&& visit) {
    for (const auto& [a, b] : pairs) {
        const std::uint32_t y = local(std::min(a, b)), x = local(std::max(a, b));
        if (x == y || local.records[x].title.empty()) continue;
        CachedIndel cached(local.records[x].title);
        const Evidence e = compare(local.records[x], local.records[y], cached);
        if (!e.guard) visit(y, x, e);
    }
}

}  // namespace

std::vector<std::uint64_t> count_anchors(const WorkColumns& rows, const std::vector<std::int64_t>& row_ids,
                                             const std::vector<std::uint64_t>& recurrence,
                                             const std::vector<RowPair>& pairs) {
    const LocalRows local = local_rows(rows, row_ids, recurrence);
    CorpusAnchors venues;
    compare_pairs(local, pairs, [&](std::uint32_t y, std::uint32_t x, const Evidence& e) {
        if (is_anchor(e)) venues.add(local.records[x], local.records[y]);
    });
    return venues.state();
}

std::vector<std::uint64_t> merge_anchors(const std::vector<std::vector<std::uint64_t>>& states) {
    CorpusAnchors all;
    for (const auto& s : states) all.merge(CorpusAnchors::from_state(s));
    return all.state();
}

PatternCounts count_patterns(const WorkColumns& rows, const std::vector<std::int64_t>& row_ids,
                             const std::vector<std::uint64_t>& recurrence, const std::vector<RowPair>& pairs,
                             const std::vector<std::uint64_t>& anchors) {
    const LocalRows local = local_rows(rows, row_ids, recurrence);
    const CorpusAnchors venues = CorpusAnchors::from_state(anchors);
    PatternCounts counts(kPatterns, 0);
    compare_pairs(local, pairs, [&](std::uint32_t y, std::uint32_t x, Evidence e) {
        e.level[kVenueName] = venues.level(local.records[x], local.records[y]);
        ++counts[e.pattern()];
    });
    return counts;
}

std::shared_ptr<const MatchModel> fit(const std::vector<std::uint64_t>& counts,
                                      const std::vector<std::uint64_t>& anchors) {
    MatchModel model = fit_model(counts);
    set_anchor_state(model, anchors);
    return std::make_shared<const MatchModel>(std::move(model));
}

std::vector<std::int64_t> verify_and_cluster(const WorkColumns& rows, const std::vector<std::int64_t>& row_ids,
                                             const std::vector<std::uint64_t>& recurrence,
                                             const std::vector<RowPair>& pairs, const MatchModel& model, double threshold) {
    const LocalRows local = local_rows(rows, row_ids, recurrence);
    const double cutoff = log_odds_cutoff(threshold);
    std::vector<Edge> edges;
    compare_pairs(local, pairs, [&](std::uint32_t y, std::uint32_t x, Evidence e) {
        if (model.anchors) e.level[kVenueName] = model.anchors->level(local.records[x], local.records[y]);
        const double s = model.log_odds(e);
        if (s >= cutoff) edges.push_back({y, x, s + 0.01 * e.title});  // as dedupe() orders them
    });
    std::vector<std::int64_t> labels =
        cluster_matches(local.records, std::move(edges), MatchPolicy{}, true, model.anchors.get());
    for (auto& l : labels) l = row_ids[static_cast<std::size_t>(l)];
    return labels;
}

}  // namespace scholarmerge::distributed
