#include "scholarmerge/dedupe.hpp"

#include <algorithm>
#include <stdexcept>
#include <thread>
#include <unordered_map>

#include "scholarmerge/cluster/clusters.hpp"
#include "scholarmerge/match/index.hpp"
#include "scholarmerge/match/key_hash.hpp"
#include "scholarmerge/names/parse.hpp"

namespace scholarmerge {

namespace {

// Runs f(i) for i in [0, n) over `threads` threads, interleaved so the cost of
// late (larger) records is shared.
template <class F>
void parallel_for(std::size_t n, int threads, F&& f) {
    if (threads <= 1 || n < 1024) {
        for (std::size_t i = 0; i < n; ++i) f(0, i);
        return;
    }
    std::vector<std::thread> pool;
    for (int t = 0; t < threads; ++t)
        pool.emplace_back([&, t] {
            for (std::size_t i = static_cast<std::size_t>(t); i < n; i += static_cast<std::size_t>(threads)) f(t, i);
        });
    for (auto& th : pool) th.join();
}

int thread_count(int requested) {
    if (requested > 0) return requested;
    return std::max(1u, std::thread::hardware_concurrency());
}

// Compare and cluster prepared records; source_of(i) names record i's source.
template <class SourceOf>
DedupeResult dedupe_records(std::vector<MatchRecord> records, SourceOf source_of, const DedupeOptions& options);

}  // namespace

DedupeResult dedupe_detailed(const std::vector<Work>& works, const DedupeOptions& options) {
    std::vector<MatchRecord> records(works.size());
    parallel_for(works.size(), thread_count(options.threads),
                 [&](int, std::size_t i) { records[i] = make_match_record(works[i]); });
    return dedupe_records(std::move(records), [&](std::size_t i) -> const std::string& { return works[i].source; },
                          options);
}

void check_columns(const WorkColumns& c) {
    const std::size_t n = c.titles.size();
    auto sized = [n](std::size_t m) { return m == 0 || m == n; };
    if (!sized(c.authors.size()) || !sized(c.years.size()) || !sized(c.venues.size()) || !sized(c.sources.size()) ||
        !sized(c.dois.size()) || !sized(c.arxivs.size()) || !sized(c.pages.size()) ||
        !sized(c.notes.size()))
        throw std::invalid_argument("dedupe_columns: every column needs one value per title");
}

MatchRecord match_record(const WorkColumns& c, std::size_t i) {
    MatchInput in;  // the row read in place; of the authors, only their surnames
    in.title = c.titles[i];
    std::vector<std::string> surnames;
    if (!c.authors.empty() && c.authors[i]) surnames = author_surnames(*c.authors[i]);
    in.authors.assign(surnames.begin(), surnames.end());
    if (!c.years.empty() && c.years[i]) in.year = static_cast<int>(*c.years[i]);
    if (!c.venues.empty()) in.venue = c.venues[i];
    if (!c.dois.empty()) in.doi = c.dois[i];
    if (!c.arxivs.empty()) in.arxiv = c.arxivs[i];
    if (!c.pages.empty()) in.pages = c.pages[i];
    if (!c.notes.empty()) in.note = c.notes[i];
    return make_match_record(in);
}

DedupeResult dedupe_columns(WorkColumns c, const DedupeOptions& options) {
    check_columns(c);
    const std::size_t n = c.titles.size();
    std::vector<MatchRecord> records(n);
    parallel_for(n, thread_count(options.threads), [&](int, std::size_t i) { records[i] = match_record(c, i); });
    // Only the sources are read from here on.
    std::vector<std::string>().swap(c.titles);
    std::vector<std::optional<std::string>>().swap(c.authors);
    static const std::string none;
    return dedupe_records(
        std::move(records),
        [&](std::size_t i) -> const std::string& { return c.sources.empty() ? none : c.sources[i]; }, options);
}

namespace {

template <class SourceOf>
DedupeResult dedupe_records(std::vector<MatchRecord> records, SourceOf source_of, const DedupeOptions& options) {
    const std::size_t n = records.size();
    const int threads = thread_count(options.threads);
    const MatchPolicy policy = match_policy(options.threshold);
    {
        std::unordered_map<std::uint64_t, std::uint32_t> seen;  // recurrence key -> records
        std::vector<std::uint64_t> keys(n);
        for (std::size_t i = 0; i < n; ++i)
            if ((keys[i] = recurrence_key(source_of(i), records[i]))) ++seen[keys[i]];
        for (std::size_t i = 0; i < n; ++i) records[i].recurring = keys[i] && seen[keys[i]] > 1;
    }

    // Compare: each thread verifies the candidates of its records and keeps its edges.
    std::vector<std::vector<Edge>> edges(static_cast<std::size_t>(threads));
    std::vector<std::size_t> compared(static_cast<std::size_t>(threads), 0);
    CandidateIndex index(options.brute_force ? std::vector<MatchRecord>{} : records, options.min_jaccard);
    std::vector<CandidateScratch> scratch(static_cast<std::size_t>(threads));
    parallel_for(n, threads, [&](int t, std::size_t i) {
        const auto x = static_cast<std::uint32_t>(i);
        const MatchRecord& rx = records[x];
        if (rx.title.empty() || (options.sample_every > 1 && i % options.sample_every != 0)) return;
        CachedIndel cached(rx.title);
        auto verify = [&](std::uint32_t y) {
            ++compared[static_cast<std::size_t>(t)];
            double s = match_score(rx, records[y], cached, policy);
            if (s >= 0) edges[static_cast<std::size_t>(t)].push_back({y, x, s});
        };
        if (options.brute_force) {
            for (std::uint32_t y = 0; y < x; ++y) verify(y);
        } else {
            index.candidates(x, scratch[static_cast<std::size_t>(t)], verify);
        }
    });

    DedupeResult result;
    std::vector<Edge> all;
    for (auto& e : edges) all.insert(all.end(), e.begin(), e.end());
    for (auto c : compared) result.candidates += c;
    result.matches = all.size();
    result.labels = cluster_matches(records, std::move(all), policy, options.chain_check);
    return result;
}

}  // namespace

std::vector<std::int64_t> dedupe(const std::vector<Work>& works, const DedupeOptions& options) {
    return dedupe_detailed(works, options).labels;
}

}  // namespace scholarmerge
