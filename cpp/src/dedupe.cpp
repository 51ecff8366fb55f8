#include "scholarmerge/dedupe.hpp"
#include "dedupe_details.hpp"
#include "dedupe_measure.hpp"

#include <algorithm>
#include <cmath>
#include <memory>
#include <optional>
#include <stdexcept>
#include <thread>
#include <unordered_map>


#include "match/details/flat_counts.hpp"
#include "match/anchors.hpp"
#include "cluster/clusters.hpp"
#include "match/index.hpp"
#include "match/key_hash.hpp"
#include "match/repair.hpp"
#include "scholarmerge/names/parse.hpp"
#include "text/split_letters.hpp"

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
    pool.reserve(static_cast<std::size_t>(threads));
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

template <class SourceOf>
void mark_recurring(std::vector<MatchRecord>& records, SourceOf source_of);

}  // namespace

std::vector<MatchRecord> prepare(const std::vector<Work>& works, int threads, FieldVocabulary* vocabulary) {
    std::vector<MatchRecord> records(works.size());
    parallel_for(works.size(), thread_count(threads), [&](int, std::size_t i) { records[i] = make_match_record(works[i]); });
    if (vocabulary) {
        for (const MatchRecord& r : records) vocabulary->add(r);
        vocabulary->repair(records);
    } else {
        repair_fields(records);
    }
    // A record re-read from an export keeps the source it was first read from:
    // that, not the export file, is the list that named it.
    std::vector<std::string_view> sources(works.size());
    for (std::size_t i = 0; i < works.size(); ++i) {
        std::string_view original = extra_text(works[i], {"original_source"});
        sources[i] = original.empty() ? std::string_view(works[i].source) : original;
    }
    for (std::size_t i = 0; i < works.size(); ++i)
        if (!sources[i].empty()) records[i].source = key_hash(sources[i]);
    mark_recurring(records, [&](std::size_t i) { return sources[i]; });
    return records;
}

DedupeResult dedupe_detailed(const std::vector<Work>& works, const DedupeOptions& options) {
    return dedupe_prepared(prepare(works, options.threads), options);
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
    if (!c.authors.empty() && c.authors[i]) {
        std::string joined;
        surnames = author_surnames(text::join_split_letters(*c.authors[i], joined));
    }
    in.authors.assign(surnames.begin(), surnames.end());
    if (!c.years.empty() && c.years[i]) in.year = static_cast<int>(*c.years[i]);
    if (!c.venues.empty()) in.venue = c.venues[i];
    if (!c.dois.empty()) in.doi = c.dois[i];
    if (!c.arxivs.empty()) in.arxiv = c.arxivs[i];
    if (!c.pages.empty()) in.pages = c.pages[i];
    if (!c.notes.empty()) in.note = c.notes[i];
    return make_match_record(in);
}

std::vector<MatchRecord> prepare(const WorkColumns& c, int threads) {
    check_columns(c);
    const std::size_t n = c.titles.size();
    std::vector<MatchRecord> records(n);
    parallel_for(n, thread_count(threads), [&](int, std::size_t i) { records[i] = match_record(c, i); });
    repair_fields(records);
    static const std::string none;
    if (!c.sources.empty())
        for (std::size_t i = 0; i < n; ++i)
            if (!c.sources[i].empty()) records[i].source = key_hash(c.sources[i]);
    mark_recurring(records, [&](std::size_t i) { return std::string_view(c.sources.empty() ? none : c.sources[i]); });
    return records;
}

DedupeResult dedupe_columns(const WorkColumns& c, const DedupeOptions& options) {
    return dedupe_prepared(prepare(c, options.threads), options);
}

namespace {

// A candidate pair that no guard keeps apart: its evidence pattern and title
// similarity (which orders pairs of equal evidence).
struct Candidate {
    std::uint32_t a, b;
    std::uint32_t pattern;
    float title;
};

// A short title that recurs is a column or a series ("Book Review Column"),
// each issue's another work. Within one source any recurrence counts. Rows
// with no source (a plain table) are counted across the corpus, and a short
// title recurs when it is found more often than this corpus has copies of any
// long title (which names one work), so that a much-copied paper is no column.
template <class SourceOf>
void mark_recurring(std::vector<MatchRecord>& records, SourceOf source_of) {
    const std::size_t n = records.size();
    details::FlatCounts seen;  // recurrence key -> records
    std::vector<std::uint64_t> keys(n);
    for (std::size_t i = 0; i < n; ++i)
        if ((keys[i] = recurrence_key(source_of(i), records[i]))) seen.add(keys[i]);
    for (std::size_t i = 0; i < n; ++i)
        if (keys[i] && seen.get(keys[i]) > 1) records[i].recurring = true, records[i].recurrence = keys[i];

    constexpr std::uint32_t kShort = 6, kLong = 8;  // words
    details::FlatCounts copies(n / 2);  // title -> sourceless records
    std::vector<std::uint64_t> title(n);
    for (std::size_t i = 0; i < n; ++i)
        if (!keys[i] && !records[i].title.empty() && (records[i].word_count <= kShort || records[i].word_count >= kLong))
            copies.add(title[i] = key_hash(records[i].title));
    std::vector<std::uint32_t> long_counts;
    for (std::size_t i = 0; i < n; ++i)
        if (!keys[i] && records[i].word_count >= kLong && title[i]) long_counts.push_back(copies.get(title[i]));
    if (long_counts.empty()) return;
    auto p90 = long_counts.begin() + static_cast<long>(long_counts.size() * 9 / 10);
    std::nth_element(long_counts.begin(), p90, long_counts.end());
    const std::uint32_t usual = std::max<std::uint32_t>(2, *p90);
    // A much-copied paper's copies may differ in year by one (synthetic F1 0.995
    // when nine in ten long titles' copies set the bar, 0.999 with the most).
    const std::uint32_t most = std::max(usual, *std::max_element(long_counts.begin(), long_counts.end()));
    // Of a column, the records nothing tells apart (the same year, venue kind
    // and people) beyond that number are several issues ("Book Review Column",
    // 2002, by its one editor, eight times), which only pages or identifiers
    // could pair: they share a recurrence key, as the issues one source lists
    // twice do.
    details::FlatCounts alike;  // title, year, kind, people -> records
    std::vector<std::uint64_t> alike_key(n);
    for (std::size_t i = 0; i < n; ++i) {
        MatchRecord& r = records[i];
        if (!title[i] || r.word_count > kShort || copies.get(title[i]) <= most) continue;
        r.recurring = true;
        std::uint64_t k = key_hash(r.title, static_cast<std::uint64_t>(r.year) * 8 + static_cast<std::uint64_t>(r.venue));
        for (const std::string& s : r.surnames) k = key_hash(s, k);
        alike.add(alike_key[i] = k);
    }
    for (std::size_t i = 0; i < n; ++i)
        if (alike_key[i] && alike.get(alike_key[i]) > usual) records[i].recurrence = alike_key[i];
}

// Block and compare: every candidate pair's evidence, the unguarded pairs kept
// with their pattern and every pattern counted (what the model is fitted on).
std::vector<Candidate> compare_candidates(const std::vector<MatchRecord>& records, const DedupeOptions& options,
                                          const MeasureOptions& measure, PatternCounts& counts,
                                          std::size_t& compared_total, CorpusAnchors& venues) {
    const std::size_t n = records.size();
    const int threads = thread_count(options.threads);
    const auto T = static_cast<std::size_t>(threads);
    std::vector<std::vector<Candidate>> kept(T);
    std::vector<std::size_t> compared(T, 0);
    std::vector<CorpusAnchors> anchors(T);
    CandidateIndex index(measure.brute_force ? std::vector<MatchRecord>{} : records, options.min_jaccard);
    std::vector<CandidateScratch> scratch(T);
    parallel_for(n, threads, [&](int t, std::size_t i) {
        const auto x = static_cast<std::uint32_t>(i);
        const MatchRecord& rx = records[x];
        if (rx.title.empty() || (measure.sample_every > 1 && i % measure.sample_every != 0)) return;
        // Built at the first candidate: most records of a dedupe have none.
        std::optional<CachedIndel> cached;
        const auto k = static_cast<std::size_t>(t);
        auto verify = [&](std::uint32_t y) {
            ++compared[k];
            if (!cached) cached.emplace(rx.title);
            const Evidence e = compare(rx, records[y], *cached);
            if (e.guard) return;
            if (is_anchor(e)) anchors[k].add(rx, records[y]);
            kept[k].push_back({y, x, e.pattern(), static_cast<float>(e.title)});
        };
        if (measure.brute_force) {
            for (std::uint32_t y = 0; y < x; ++y) verify(y);
        } else {
            index.candidates(x, scratch[k], verify);
        }
    });
    std::size_t total = 0;
    for (std::size_t k = 0; k < T; ++k) {
        total += kept[k].size();
        compared_total += compared[k];
        venues.merge(anchors[k]);
    }
    std::vector<Candidate> all;
    all.reserve(total);
    for (auto& v : kept) {
        all.insert(all.end(), v.begin(), v.end());
        std::vector<Candidate>().swap(v);
    }
    // The venue-name level is the pattern's last digit, unknown (its radix's
    // top) when compared; now the corpus's names say.
    constexpr std::uint32_t kUnknownName = kLevels[static_cast<std::size_t>(Feature::venue_name)];
    std::vector<PatternCounts> seen(T, PatternCounts(kPatterns, 0));
    parallel_for(all.size(), threads, [&](int t, std::size_t k) {
        Candidate& c = all[k];
        const std::uint8_t l = venues.level(records[c.a], records[c.b]);
        if (l != kUnknown) c.pattern = c.pattern - kUnknownName + l;
        ++seen[static_cast<std::size_t>(t)][c.pattern];
    });
    counts.assign(kPatterns, 0);
    for (const PatternCounts& s : seen)
        for (std::uint32_t p = 0; p < kPatterns; ++p) counts[p] += s[p];
    return all;
}

}  // namespace

DedupeDetails dedupe_prepared(std::vector<MatchRecord> records, const DedupeOptions& options) {
    return dedupe_prepared(std::move(records), options, MeasureOptions{});
}

DedupeDetails dedupe_prepared(std::vector<MatchRecord> records, const DedupeOptions& options,
                              const MeasureOptions& measure) {
    DedupeDetails result;
    auto venues = std::make_shared<CorpusAnchors>();
    std::vector<Candidate> candidates =
        compare_candidates(records, options, measure, result.pattern_counts, result.candidates, *venues);
    MatchModel model = options.model ? *options.model : fit_model(result.pattern_counts);
    model.anchors = venues;
    const std::vector<float> log_odds = pattern_log_odds(model);
    const double cutoff = log_odds_cutoff(options.threshold);
    std::vector<Edge> edges;
    for (const Candidate& c : candidates) {
        const double s = log_odds[c.pattern];
        // Of equal evidence, the closer titles join first.
        if (s >= cutoff) edges.push_back({c.a, c.b, s + 0.01 * c.title});
    }
    std::vector<Candidate>().swap(candidates);
    result.matches = edges.size();
    result.labels = cluster_matches(records, std::move(edges), MatchPolicy{}, measure.chain_check, venues.get());
    result.model = std::make_shared<const MatchModel>(std::move(model));
    result.records = std::move(records);
    return result;
}

std::vector<BoundaryPair> nearest_boundary(const std::vector<Work>& works, std::size_t n,
                                           const DedupeOptions& options) {
    std::vector<MatchRecord> records = prepare(works, options.threads);
    PatternCounts counts;
    std::size_t compared = 0;
    CorpusAnchors venues;
    const std::vector<Candidate> candidates = compare_candidates(records, options, MeasureOptions{}, counts, compared, venues);
    const MatchModel model = options.model ? *options.model : fit_model(counts);
    const std::vector<float> log_odds = pattern_log_odds(model);
    const double cutoff = log_odds_cutoff(options.threshold);
    std::vector<std::pair<double, std::size_t>> distance;
    distance.reserve(candidates.size());
    for (std::size_t k = 0; k < candidates.size(); ++k)
        distance.emplace_back(std::abs(log_odds[candidates[k].pattern] - cutoff), k);
    const std::size_t m = std::min(n, distance.size());
    // Ties (equal evidence) in row order, so the list does not depend on threads.
    auto nearer = [&](const auto& x, const auto& y) {
        if (x.first != y.first) return x.first < y.first;
        const Candidate &cx = candidates[x.second], &cy = candidates[y.second];
        return std::minmax(cx.a, cx.b) < std::minmax(cy.a, cy.b);
    };
    std::partial_sort(distance.begin(), distance.begin() + static_cast<std::ptrdiff_t>(m), distance.end(), nearer);
    std::vector<BoundaryPair> out;
    out.reserve(m);
    for (std::size_t k = 0; k < m; ++k) {
        const Candidate& c = candidates[distance[k].second];
        const double lo = log_odds[c.pattern];
        out.push_back({std::min(c.a, c.b), std::max(c.a, c.b), 1.0 / (1.0 + std::exp(-lo))});
    }
    return out;
}

std::vector<std::int64_t> dedupe(const std::vector<Work>& works, const DedupeOptions& options) {
    return dedupe_detailed(works, options).labels;
}

}  // namespace scholarmerge
