#include "scholarmerge/dedupe.hpp"

#include <algorithm>
#include <cmath>
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

// A candidate pair that no guard keeps apart: its evidence pattern and title
// similarity (which orders pairs of equal evidence).
struct Candidate {
    std::uint32_t a, b;
    std::uint32_t pattern;
    float title;
};

template <class SourceOf>
void mark_recurring(std::vector<MatchRecord>& records, SourceOf source_of) {
    const std::size_t n = records.size();
    std::unordered_map<std::uint64_t, std::uint32_t> seen;  // recurrence key -> records
    std::vector<std::uint64_t> keys(n);
    for (std::size_t i = 0; i < n; ++i)
        if ((keys[i] = recurrence_key(source_of(i), records[i]))) ++seen[keys[i]];
    for (std::size_t i = 0; i < n; ++i) records[i].recurring = keys[i] && seen[keys[i]] > 1;
}

// Block and compare: every candidate pair's evidence, the unguarded pairs kept
// with their pattern and every pattern counted (what the model is fitted on).
std::vector<Candidate> compare_candidates(const std::vector<MatchRecord>& records, const DedupeOptions& options,
                                          PatternCounts& counts, std::size_t& compared_total) {
    const std::size_t n = records.size();
    const int threads = thread_count(options.threads);
    const auto T = static_cast<std::size_t>(threads);
    std::vector<std::vector<Candidate>> kept(T);
    std::vector<PatternCounts> seen(T, PatternCounts(kPatterns, 0));
    std::vector<std::size_t> compared(T, 0);
    CandidateIndex index(options.brute_force ? std::vector<MatchRecord>{} : records, options.min_jaccard);
    std::vector<CandidateScratch> scratch(T);
    parallel_for(n, threads, [&](int t, std::size_t i) {
        const auto x = static_cast<std::uint32_t>(i);
        const MatchRecord& rx = records[x];
        if (rx.title.empty() || (options.sample_every > 1 && i % options.sample_every != 0)) return;
        CachedIndel cached(rx.title);
        const auto k = static_cast<std::size_t>(t);
        auto verify = [&](std::uint32_t y) {
            ++compared[k];
            const Evidence e = compare(rx, records[y], cached);
            if (e.guard) return;
            const std::uint32_t p = e.pattern();
            ++seen[k][p];
            kept[k].push_back({y, x, p, static_cast<float>(e.title)});
        };
        if (options.brute_force) {
            for (std::uint32_t y = 0; y < x; ++y) verify(y);
        } else {
            index.candidates(x, scratch[k], verify);
        }
    });
    counts.assign(kPatterns, 0);
    std::size_t total = 0;
    for (std::size_t k = 0; k < T; ++k) {
        for (std::uint32_t p = 0; p < kPatterns; ++p) counts[p] += seen[k][p];
        total += kept[k].size();
        compared_total += compared[k];
    }
    std::vector<Candidate> all;
    all.reserve(total);
    for (auto& v : kept) {
        all.insert(all.end(), v.begin(), v.end());
        std::vector<Candidate>().swap(v);
    }
    return all;
}

template <class SourceOf>
DedupeResult dedupe_records(std::vector<MatchRecord> records, SourceOf source_of, const DedupeOptions& options) {
    mark_recurring(records, source_of);
    DedupeResult result;
    PatternCounts counts;
    std::vector<Candidate> candidates = compare_candidates(records, options, counts, result.candidates);
    result.model = fit_model(counts);
    const std::vector<float> log_odds = pattern_log_odds(result.model);
    const double cutoff = log_odds_cutoff(options.threshold);
    std::vector<Edge> edges;
    for (const Candidate& c : candidates) {
        const double s = log_odds[c.pattern];
        // Of equal evidence, the closer titles join first.
        if (s >= cutoff) edges.push_back({c.a, c.b, s + 0.01 * c.title});
    }
    std::vector<Candidate>().swap(candidates);
    result.matches = edges.size();
    result.labels = cluster_matches(records, std::move(edges), MatchPolicy{}, options.chain_check);
    return result;
}

}  // namespace

std::vector<std::int64_t> dedupe(const std::vector<Work>& works, const DedupeOptions& options) {
    return dedupe_detailed(works, options).labels;
}

}  // namespace scholarmerge
