#include "scholarmerge/incremental.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string_view>

#include "incremental/state.hpp"
#include "match/anchors.hpp"
#include "scholarmerge/cluster/clusters.hpp"
#include "scholarmerge/dedupe.hpp"
#include "scholarmerge/match/index.hpp"
#include "scholarmerge/match/key_hash.hpp"
#include "scholarmerge/match/title.hpp"
#include "scholarmerge/match/title_keys.hpp"

namespace scholarmerge {

namespace {

constexpr auto kVenueName = static_cast<std::size_t>(Feature::venue_name);
constexpr std::size_t kNoCap = ~std::size_t{0};

}  // namespace

using incremental::source_of;

IncrementalMatcher::IncrementalMatcher(MatchModel model, double threshold, double min_jaccard, int threads)
    : model_(std::move(model)), cutoff_(log_odds_cutoff(threshold)), min_jaccard_(min_jaccard), threads_(threads) {}

IncrementalMatcher::IncrementalMatcher(const std::vector<Work>& works, std::vector<std::int64_t> labels,
                                       MatchModel model, double threshold, double min_jaccard, int threads)
    : vocabulary_(works.size()), labels_(std::move(labels)), model_(std::move(model)),
      cutoff_(log_odds_cutoff(threshold)), min_jaccard_(min_jaccard), threads_(threads) {
    if (labels_.size() != works.size()) throw std::invalid_argument("IncrementalMatcher: one label per record");
    for (std::size_t i = 0; i < labels_.size(); ++i)
        if (labels_[i] < 0 || static_cast<std::size_t>(labels_[i]) > i)
            throw std::invalid_argument("IncrementalMatcher: a label is the index of its cluster's first row");
    records_ = prepare(works, threads, &vocabulary_);
    vocabulary_log_ = incremental::vocabulary_inputs(works, records_, threads);
    rkeys_.reserve(records_.size());
    for (std::size_t r = 0; r < records_.size(); ++r) rkeys_.push_back(recurrence_key(source_of(works[r]), records_[r]));
    std::vector<std::uint64_t> keys;
    words_.reserve(records_.size() * 8);
    for (std::size_t r = 0; r < records_.size(); ++r) {
        keys.clear();
        index_word_keys(records_[r].title, keys);
        words_.insert(words_.end(), keys.begin(), keys.end());
        word_start_.push_back(words_.size());
    }
    build_index();
    count_recurrence(0);
    // The delta of a construction is its whole state: the first thing a catalogue stores.
    last_delta_ = snapshot();
}

void IncrementalMatcher::build_index() {
    // Document frequencies first: a record's set (and so its fragility) is the whole corpus's.
    std::vector<std::pair<std::uint64_t, std::uint32_t>> pairs;
    pairs.reserve(words_.size());
    for (std::uint32_t r = 0; r < records_.size(); ++r)
        for (std::size_t k = word_start_[r]; k < word_start_[r + 1]; ++k) pairs.emplace_back(words_[k], r);
    postings_.build(std::move(pairs), kNoCap);
    pairs.clear();
    pairs.reserve(records_.size() * 3);
    std::vector<std::uint64_t> keys;
    for (std::uint32_t r = 0; r < records_.size(); ++r) {
        keys.clear();
        group_keys(r, keys);
        for (std::uint64_t k : keys) pairs.emplace_back(k, r);
    }
    groups_.build(std::move(pairs), CandidateIndex::kMaxGroup);  // the first kMaxGroup records of a key
}

void IncrementalMatcher::count_recurrence(std::size_t from) {
    if (from == 0) recurrence_.reserve(rkeys_.size() / 2 + 16), recurrence_first_.reserve(rkeys_.size() / 2 + 16);
    for (std::size_t r = from; r < rkeys_.size(); ++r)
        if (const std::uint64_t key = rkeys_[r])
            if (recurrence_[key]++ == 0) recurrence_first_[key] = static_cast<std::uint32_t>(r);
}

std::uint32_t IncrementalMatcher::df(std::uint64_t word) const {
    return static_cast<std::uint32_t>(postings_.count(word));
}

std::uint32_t IncrementalMatcher::set_size(std::uint32_t r) const {
    std::uint32_t m = 0;
    for (std::size_t k = word_start_[r]; k < word_start_[r + 1]; ++k)
        m += df(words_[k]) <= CandidateIndex::kMaxDocumentFrequency;
    return m;
}

void IncrementalMatcher::group_keys(std::uint32_t r, std::vector<std::uint64_t>& out) const {
    // As CandidateIndex::build_groups keys them.
    const MatchRecord& m = records_[r];
    if (!m.doi.empty()) out.push_back(group_key(m.doi, GroupKey::doi));
    if (!m.arxiv.empty()) out.push_back(group_key(m.arxiv, GroupKey::arxiv));
    if (m.title.empty()) return;
    const std::string title = print_skeleton(m.title);
    if (CandidateIndex::fragile(set_size(r), min_jaccard_)) {
        std::vector<std::uint64_t> word_out;  // word_out_keys clears what it is given
        word_out_keys(title, word_out);
        out.insert(out.end(), word_out.begin(), word_out.end());
    }
    out.push_back(title_key(title));
    if (!m.name.empty()) out.push_back(title_key(print_skeleton(m.name)));
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
}

void IncrementalMatcher::index(std::uint32_t r) {
    for (std::size_t k = word_start_[r]; k < word_start_[r + 1]; ++k) postings_.append(words_[k], r, kNoCap);
    std::vector<std::uint64_t> keys;
    group_keys(r, keys);
    for (std::uint64_t k : keys) groups_.append(k, r, CandidateIndex::kMaxGroup);
}

void IncrementalMatcher::append(std::vector<MatchRecord> fresh) {
    const auto first = static_cast<std::uint32_t>(records_.size());
    std::vector<std::uint64_t> keys;
    for (MatchRecord& r : fresh) {
        keys.clear();
        index_word_keys(r.title, keys);
        words_.insert(words_.end(), keys.begin(), keys.end());
        word_start_.push_back(words_.size());
        records_.push_back(std::move(r));
    }
    const auto n = static_cast<std::uint32_t>(records_.size());
    for (std::uint32_t x = first; x < n; ++x) {
        labels_.push_back(x);
        index(x);
    }
}

void IncrementalMatcher::candidates(std::uint32_t x, std::vector<std::uint32_t>& out) {
    out.clear();
    if (seen_.size() < records_.size()) seen_.resize(records_.size(), 0);
    ++pass_;
    const MatchRecord& rx = records_[x];
    if (rx.title.empty()) return;
    const double t = min_jaccard_;
    const std::uint32_t sx = set_size(x);
    // Shared words per y: over x's words that are not common (CandidateIndex's word sets).
    std::unordered_map<std::uint32_t, std::uint32_t> shared;
    for (std::size_t k = word_start_[x]; k < word_start_[x + 1]; ++k) {
        const RowLists::Rows posting = postings_.find(words_[k]);
        if (posting.size() > CandidateIndex::kMaxDocumentFrequency) continue;
        posting.each([&](std::uint32_t y) {
            if (y >= x) return false;  // postings are in record order
            return ++shared[y], true;
        });
    }
    for (const auto& [y, c] : shared) {
        if (c < t * sx - 1e-9) continue;  // c <= |y|, so c >= t/(1+t)(|x|+|y|) needs c >= t|x|
        const std::uint32_t sy = set_size(y);
        if (CandidateIndex::fragile(sx, t) && CandidateIndex::fragile(sy, t)) continue;
        if (sx < t * sy || sy < t * sx) continue;
        if (static_cast<double>(c) + 1e-9 < t / (1.0 + t) * (sx + sy)) continue;
        seen_[y] = pass_;
        out.push_back(y);
    }
    std::vector<std::uint64_t> keys;
    group_keys(x, keys);
    for (std::uint64_t k : keys) {
        const RowLists::Rows members = groups_.find(k);
        // x meets its key's group only when it is among the first kMaxGroup.
        if (!members.contains(x)) continue;
        members.each([&](std::uint32_t y) {
            if (y >= x) return false;
            if (seen_[y] != pass_) seen_[y] = pass_, out.push_back(y);
            return true;
        });
    }
    std::sort(out.begin(), out.end());
}

IncrementalMatcher::Update IncrementalMatcher::add(const std::vector<Work>& works) {
    const auto first = static_cast<std::uint32_t>(records_.size());
    std::vector<MatchRecord> fresh = prepare(works, threads_, &vocabulary_);
    const std::string vocabulary = incremental::vocabulary_inputs(works, fresh, threads_);
    std::vector<std::uint32_t> touched;  // stored records whose evidence changed: they recur now
    std::vector<std::pair<std::uint32_t, std::uint64_t>> recurring_now;  // ... with their key (the delta)
    for (std::size_t i = 0; i < fresh.size(); ++i) {
        MatchRecord& r = fresh[i];
        const std::uint64_t key = recurrence_key(source_of(works[i]), r);
        rkeys_.push_back(key);
        if (!key) continue;  // a sourceless record: prepare's rule, within this batch
        // Recurrence within a source over all records, not this batch alone (as prepare counted it).
        r.recurring = false, r.recurrence = 0;
        const std::uint32_t before = recurrence_[key]++;
        if (before == 0) {
            recurrence_first_[key] = first + static_cast<std::uint32_t>(i);
            continue;
        }
        r.recurring = true, r.recurrence = key;
        if (before > 1) continue;
        const std::uint32_t y = recurrence_first_[key];  // the one record that had the key: it recurs now
        if (y < first) {
            records_[y].recurring = true, records_[y].recurrence = key;
            touched.push_back(y);
            recurring_now.emplace_back(y, key);
        } else {
            fresh[y - first].recurring = true, fresh[y - first].recurrence = key;
        }
    }
    append(std::move(fresh));
    const auto n = static_cast<std::uint32_t>(records_.size());
    // The clusters to take again: those of records a new one links to, and of records that recur now.
    auto link = [&](std::uint32_t x, std::uint32_t y, Evidence& e) {
        if (model_.anchors) e.level[kVenueName] = model_.anchors->level(records_[x], records_[y]);
        return model_.log_odds(e);
    };
    std::vector<char> take(n, 0);
    std::vector<std::uint32_t> found;
    for (std::uint32_t x = first; x < n; ++x) {
        take[x] = 1;
        candidates(x, found);
        if (records_[x].title.empty()) continue;
        CachedIndel cached(records_[x].title);
        for (std::uint32_t y : found) {
            if (take[static_cast<std::size_t>(labels_[y])]) continue;
            Evidence e = compare(records_[x], records_[y], cached);
            if (!e.guard && link(x, y, e) >= cutoff_) take[static_cast<std::size_t>(labels_[y])] = 1;
        }
    }
    for (std::uint32_t y : touched) take[static_cast<std::size_t>(labels_[y])] = 1;
    Update update;
    for (std::uint32_t r = 0; r < n; ++r)
        if (take[static_cast<std::size_t>(labels_[r])]) update.rows.push_back(r);
    // Their pairs, as dedupe() finds and decides them, clustered among themselves.
    std::vector<std::uint32_t> local(n, ~0u);
    std::vector<MatchRecord> subset;
    for (std::size_t k = 0; k < update.rows.size(); ++k) {
        local[static_cast<std::size_t>(update.rows[k])] = static_cast<std::uint32_t>(k);
        subset.push_back(records_[static_cast<std::size_t>(update.rows[k])]);
    }
    std::vector<Edge> edges;
    for (std::int64_t row : update.rows) {
        const auto x = static_cast<std::uint32_t>(row);
        if (records_[x].title.empty()) continue;
        candidates(x, found);
        CachedIndel cached(records_[x].title);
        for (std::uint32_t y : found) {
            if (local[y] == ~0u) continue;
            Evidence e = compare(records_[x], records_[y], cached);
            if (e.guard) continue;
            const double s = link(x, y, e);
            if (s >= cutoff_) edges.push_back({local[y], local[x], s + 0.01 * e.title});  // as dedupe() orders them
        }
    }
    std::vector<std::int64_t> found_labels =
        cluster_matches(subset, std::move(edges), MatchPolicy{}, true, model_.anchors.get());
    for (std::size_t k = 0; k < found_labels.size(); ++k) {
        const std::int64_t label = update.rows[static_cast<std::size_t>(found_labels[k])];
        labels_[static_cast<std::size_t>(update.rows[k])] = label;
        update.labels.push_back(label);
    }
    write_delta(first, vocabulary, recurring_now, update);
    vocabulary_log_ += vocabulary;
    return update;
}

}  // namespace scholarmerge
