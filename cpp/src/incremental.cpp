#include "incremental.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string_view>

#include "incremental/state.hpp"
#include "match/anchors.hpp"
#include "cluster/clusters.hpp"
#include "dedupe_details.hpp"
#include "match/index.hpp"
#include "match/key_hash.hpp"
#include "scholarmerge/match/title.hpp"
#include "match/repair.hpp"
#include "match/title_keys.hpp"

namespace scholarmerge {

namespace {

constexpr auto kVenueName = static_cast<std::size_t>(Feature::venue_name);
constexpr std::size_t kNoCap = ~std::size_t{0};

}  // namespace

using incremental::source_of;

IncrementalMatcher::IncrementalMatcher(MatchModel model, double threshold, double min_jaccard, int threads)
    : vocabulary_(std::make_unique<FieldVocabulary>()), model_(std::move(model)),
      cutoff_(log_odds_cutoff(threshold)), min_jaccard_(min_jaccard), threads_(threads) {}

IncrementalMatcher::~IncrementalMatcher() = default;

IncrementalMatcher::IncrementalMatcher(const std::vector<Work>& works, std::vector<std::int64_t> labels,
                                       MatchModel model, double threshold, double min_jaccard, int threads)
    : vocabulary_(std::make_unique<FieldVocabulary>(works.size())), labels_(std::move(labels)),
      model_(std::move(model)), cutoff_(log_odds_cutoff(threshold)), min_jaccard_(min_jaccard), threads_(threads) {
    if (labels_.size() != works.size()) throw std::invalid_argument("IncrementalMatcher: one label per record");
    for (std::size_t i = 0; i < labels_.size(); ++i)
        if (labels_[i] < 0 || static_cast<std::size_t>(labels_[i]) > i)
            throw std::invalid_argument("IncrementalMatcher: a label is the index of its cluster's first row");
    std::vector<MatchRecord> prepared = prepare(works, threads, vocabulary_.get());  // as repair_fields: all of them
    rkeys_.reserve(prepared.size());
    for (std::size_t r = 0; r < prepared.size(); ++r) rkeys_.push_back(recurrence_key(source_of(works[r]), prepared[r]));
    records_.reserve(prepared.size());
    changed_.reserve(prepared.size());
    for (MatchRecord& m : prepared) {
        changed_.push_back(static_cast<std::uint32_t>(records_.size()));
        venue_names_.push_back(m.venue_name);
        records_.push_back(std::make_unique<MatchRecord>(std::move(m)));
    }
    build_index();
    count_recurrence(0);
    // Every record's pairs with the ones before it: the candidate pairs a dedupe of them all counts.
    std::vector<std::uint32_t> found;
    for (std::uint32_t x = 0; x < records_.size(); ++x) {
        candidates(x, found);
        pairs_of(x, found, pairs_);
    }
    for (Pair& p : pairs_) p.pattern = with_venue_level(p, model_.anchors.get());
    counts_.assign(kPatterns, 0);
    count(pairs_);
    // The delta of a construction is its whole state: the first thing a catalogue stores.
    last_delta_ = snapshot();
}

void IncrementalMatcher::pairs_of(std::uint32_t x, const std::vector<std::uint32_t>& found, std::vector<Pair>& out,
                                  CorpusAnchors* anchors) const {
    if (found.empty() || record(x).title.empty()) return;
    const CachedIndel cached(record(x).title);
    for (const std::uint32_t y : found) {
        // As compare_candidates() counts a batch's pairs: unguarded, the anchors among them.
        const Evidence e = compare(record(x), record(y), cached);
        if (e.guard) continue;
        if (anchors && is_anchor(e)) anchors->add(record(x), record(y));
        out.push_back({y, x, e.pattern()});
    }
}

std::uint32_t IncrementalMatcher::with_venue_level(const Pair& p, const CorpusAnchors* anchors) const {
    constexpr std::uint32_t kRadix = kLevels[kVenueName] + 1u;  // the venue name is the pattern's last digit
    const std::uint32_t base = p.pattern - p.pattern % kRadix;
    const std::uint8_t l = anchors ? anchors->level(venue_names_[p.a], venue_names_[p.b]) : kUnknown;
    return base + (l == kUnknown ? kLevels[kVenueName] : l);
}

void IncrementalMatcher::pair_again(std::uint32_t first, const CorpusAnchors* anchors, std::vector<Pair>& dropped,
                                    std::vector<Pair>& found) {
    const auto n = static_cast<std::uint32_t>(records_.size());
    std::vector<char> holds(n, 0);  // the stored records holding such a word
    std::vector<std::uint32_t> rows;
    for (const std::uint64_t w : turned_common_)
        postings_.find(w).each([&](std::uint32_t y) {
            if (y < first && !holds[y]) holds[y] = 1, rows.push_back(y);
            return true;
        });
    std::sort(rows.begin(), rows.end());
    std::vector<Pair> kept;
    kept.reserve(pairs_.size());
    for (const Pair& p : pairs_) (holds[p.a] || holds[p.b] ? dropped : kept).push_back(p);
    for (const Pair& p : dropped) --counts_[p.pattern];
    load(rows);
    // Per later row, its earlier partners: each pair once, compared as a batch compares it (later row first).
    std::vector<std::pair<std::uint32_t, std::uint32_t>> later_earlier;
    std::vector<std::uint32_t> near, needed;
    for (const std::uint32_t r : rows) {
        candidates(r, near, false);
        for (const std::uint32_t y : near) {
            if (y >= first || (holds[y] && y < r)) continue;  // new rows: paired already; two holders: once
            later_earlier.emplace_back(std::max(r, y), std::min(r, y));
            needed.push_back(y);
        }
    }
    load(std::move(needed));
    std::sort(later_earlier.begin(), later_earlier.end());
    std::vector<std::uint32_t> earlier;
    for (std::size_t k = 0; k < later_earlier.size();) {
        const std::uint32_t x = later_earlier[k].first;
        earlier.clear();
        for (; k < later_earlier.size() && later_earlier[k].first == x; ++k) earlier.push_back(later_earlier[k].second);
        pairs_of(x, earlier, found);
    }
    for (Pair& p : found) p.pattern = with_venue_level(p, anchors);
    count(found);
    kept.insert(kept.end(), found.begin(), found.end());
    pairs_ = std::move(kept);
}

void IncrementalMatcher::count(const std::vector<Pair>& pairs) {
    for (const Pair& p : pairs) ++counts_[p.pattern];
}

bool IncrementalMatcher::same(const MatchModel& m, std::uint32_t pattern) const {
    return static_cast<float>(m.log_odds(evidence_from_pattern(pattern))) >= cutoff_;
}

std::size_t IncrementalMatcher::refit(std::shared_ptr<const CorpusAnchors> anchors, std::size_t stored,
                                      const std::unordered_map<std::size_t, std::uint32_t>& was,
                                      std::vector<char>& take) {
    MatchModel fitted = fit_model(counts_);
    fitted.anchors = std::move(anchors);
    // Per pattern, decided by the model before (bit 0) and the refitted one (bit 1); 4: not yet known.
    std::vector<std::uint8_t> decided(kPatterns, 4);
    auto decide = [&](std::uint32_t p) {
        if (decided[p] == 4) decided[p] = static_cast<std::uint8_t>(same(model_, p) | same(fitted, p) << 1);
        return decided[p];
    };
    bool any = !was.empty();
    for (std::uint32_t p = 0; p < kPatterns && !any; ++p)
        if (counts_[p]) {
            const std::uint8_t d = decide(p);
            any = (d & 1) != (d >> 1);
        }
    std::size_t moved = 0;
    if (any)
        for (std::size_t k = 0; k < stored; ++k) {
            const Pair& p = pairs_[k];
            bool before = decide(p.pattern) & 1;
            if (!was.empty())
                if (const auto it = was.find(k); it != was.end()) before = decide(it->second) & 1;
            if (before == static_cast<bool>(decide(p.pattern) >> 1)) continue;
            take[static_cast<std::size_t>(labels_[p.a])] = take[static_cast<std::size_t>(labels_[p.b])] = 1;
            ++moved;
        }
    model_ = std::move(fitted);
    return moved;
}

void IncrementalMatcher::load(std::vector<std::uint32_t> rows) {
    rows.erase(std::remove_if(rows.begin(), rows.end(), [&](std::uint32_t r) { return records_[r] != nullptr; }),
               rows.end());
    std::sort(rows.begin(), rows.end());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    if (rows.empty()) return;
    if (!fetch_) throw std::logic_error("IncrementalMatcher: a record is not held and there is no fetch");
    const std::vector<std::string> bytes = fetch_(rows);
    if (bytes.size() != rows.size()) throw std::invalid_argument("matcher state: fetch gave another number of records");
    for (std::size_t k = 0; k < rows.size(); ++k) records_[rows[k]] = incremental::decode_record(bytes[k], rows[k]);
}

std::vector<std::pair<std::uint32_t, std::string>> IncrementalMatcher::take_changed_records() {
    std::sort(changed_.begin(), changed_.end());
    changed_.erase(std::unique(changed_.begin(), changed_.end()), changed_.end());
    std::vector<std::pair<std::uint32_t, std::string>> out;
    out.reserve(changed_.size());
    for (std::uint32_t r : changed_) out.emplace_back(r, incremental::encode_record(record(r), r));
    changed_.clear();
    return out;
}

void IncrementalMatcher::build_index() {
    // Document frequencies first: a record's set (and so its fragility) is the whole corpus's.
    std::vector<std::pair<std::uint64_t, std::uint32_t>> pairs;
    pairs.reserve(records_.size() * 10);
    std::vector<std::uint64_t> keys;
    words_.assign(records_.size(), 0), common_.assign(records_.size(), 0);
    for (std::uint32_t r = 0; r < records_.size(); ++r) {
        keys.clear();
        index_word_keys(record(r).title, keys);
        words_[r] = static_cast<std::uint16_t>(keys.size());
        for (std::uint64_t k : keys) pairs.emplace_back(k, r);
    }
    postings_.build(std::move(pairs), kNoCap);
    count_common();
    pairs.clear();
    pairs.reserve(records_.size() * 3);
    for (std::uint32_t r = 0; r < records_.size(); ++r) {
        keys.clear();
        group_keys(r, keys);
        for (std::uint64_t k : keys) pairs.emplace_back(k, r);
    }
    groups_.build(std::move(pairs), CandidateIndex::kMaxGroup);  // the first kMaxGroup records of a key
}

void IncrementalMatcher::count_recurrence(std::size_t from) {
    for (std::size_t r = from; r < rkeys_.size(); ++r)
        if (const std::uint64_t key = rkeys_[r])
            if (recurrence_[key]++ == 0) recurrence_first_[key] = static_cast<std::uint32_t>(r);
}

std::uint32_t IncrementalMatcher::df(std::uint64_t word) const {
    return static_cast<std::uint32_t>(postings_.count(word));
}

std::uint32_t IncrementalMatcher::set_size(std::uint32_t r) const {
    return static_cast<std::uint32_t>(words_[r] - common_[r]);
}

void IncrementalMatcher::count_common() {
    postings_.for_each_flat([&](std::uint64_t, RowLists::Span rows) {
        if (rows.size() > CandidateIndex::kMaxDocumentFrequency)
            for (const std::uint32_t* p = rows.begin; p != rows.end; ++p) ++common_[*p];
    });
}

void IncrementalMatcher::group_keys(std::uint32_t r, std::vector<std::uint64_t>& out) const {
    // As CandidateIndex::build_groups keys them.
    const MatchRecord& m = record(r);
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
    std::vector<std::uint64_t> keys;
    index_word_keys(record(r).title, keys);
    words_.push_back(static_cast<std::uint16_t>(keys.size()));
    common_.push_back(0);
    for (std::uint64_t k : keys) {
        postings_.append(k, r, kNoCap);
        const RowLists::Rows posting = postings_.find(k);
        if (posting.size() == CandidateIndex::kMaxDocumentFrequency + 1) {  // the word turns common
            posting.each([&](std::uint32_t y) { return ++common_[y], true; });
            turned_common_.push_back(k);
        }
        else if (posting.size() > CandidateIndex::kMaxDocumentFrequency)
            ++common_[r];
    }
    keys.clear();
    group_keys(r, keys);
    for (std::uint64_t k : keys) groups_.append(k, r, CandidateIndex::kMaxGroup);
}

void IncrementalMatcher::append(std::vector<MatchRecord> fresh) {
    const auto first = static_cast<std::uint32_t>(records_.size());
    for (MatchRecord& r : fresh) {
        venue_names_.push_back(r.venue_name);
        records_.push_back(std::make_unique<MatchRecord>(std::move(r)));
    }
    const auto n = static_cast<std::uint32_t>(records_.size());
    for (std::uint32_t x = first; x < n; ++x) {
        labels_.push_back(x);
        changed_.push_back(x);
        index(x);
    }
}

void IncrementalMatcher::candidates(std::uint32_t x, std::vector<std::uint32_t>& out, bool earlier_only) {
    out.clear();
    if (seen_.size() < records_.size()) seen_.resize(records_.size(), 0);
    ++pass_;
    const MatchRecord& rx = record(x);
    if (rx.title.empty()) return;
    const double t = min_jaccard_;
    const std::uint32_t sx = set_size(x);
    // Shared words per y (shared_[y], for the y in met_): over x's words that are
    // not common (CandidateIndex's word sets).
    if (shared_.size() < records_.size()) shared_.resize(records_.size(), 0);
    std::vector<std::uint64_t> words;
    index_word_keys(rx.title, words);
    for (std::uint64_t w : words) {
        const RowLists::Rows posting = postings_.find(w);
        if (posting.size() > CandidateIndex::kMaxDocumentFrequency) continue;
        posting.each([&](std::uint32_t y) {
            if (y == x) return true;
            if (y > x && earlier_only) return false;  // postings are in record order
            if (shared_[y]++ == 0) met_.push_back(y);
            return true;
        });
    }
    for (const std::uint32_t y : met_) {
        const std::uint32_t c = shared_[y];
        shared_[y] = 0;
        if (c < t * sx - 1e-9) continue;  // c <= |y|, so c >= t/(1+t)(|x|+|y|) needs c >= t|x|
        const std::uint32_t sy = set_size(y);
        if (CandidateIndex::fragile(sx, t) && CandidateIndex::fragile(sy, t)) continue;
        if (sx < t * sy || sy < t * sx) continue;
        if (static_cast<double>(c) + 1e-9 < t / (1.0 + t) * (sx + sy)) continue;
        seen_[y] = pass_;
        out.push_back(y);
    }
    met_.clear();
    std::vector<std::uint64_t> keys;
    group_keys(x, keys);
    for (std::uint64_t k : keys) {
        const RowLists::Rows members = groups_.find(k);
        // x meets its key's group only when it is among the first kMaxGroup.
        if (!members.contains(x)) continue;
        members.each([&](std::uint32_t y) {
            if (y == x) return true;
            if (y > x && earlier_only) return false;
            if (seen_[y] != pass_) seen_[y] = pass_, out.push_back(y);
            return true;
        });
    }
    std::sort(out.begin(), out.end());
}

IncrementalMatcher::Update IncrementalMatcher::add(const std::vector<Work>& works) {
    turned_common_.clear();
    const auto first = static_cast<std::uint32_t>(records_.size());
    // Repaired by the vocabulary of every record so far, as prepare() repairs a batch of all of them.
    // prepare() counts them into it first.
    const std::vector<MatchRecord> made = incremental::made_records(works, threads_);
    std::vector<MatchRecord> fresh = prepare(works, threads_, vocabulary_.get());
    const std::string vocabulary_inputs = incremental::vocabulary_inputs(made, fresh);
    std::vector<std::pair<std::uint32_t, std::uint64_t>> touched;  // stored records that recur now, with the key
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
        if (y < first)
            touched.emplace_back(y, key);
        else
            fresh[y - first].recurring = true, fresh[y - first].recurrence = key;
    }
    {
        std::vector<std::uint32_t> rows;
        rows.reserve(touched.size());
        for (const auto& [y, key] : touched) rows.push_back(y);
        load(std::move(rows));
        for (const auto& [y, key] : touched) {
            records_[y]->recurring = true, records_[y]->recurrence = key;
            changed_.push_back(y);
        }
    }
    append(std::move(fresh));
    const auto n = static_cast<std::uint32_t>(records_.size());
    // The clusters to take again: those of records a new one links to, of
    // records that recur now, and of stored pairs the refitted model moves.
    auto link = [&](std::uint32_t x, std::uint32_t y, Evidence& e) {
        if (model_.anchors) e.level[kVenueName] = model_.anchors->level(record(x), record(y));
        return static_cast<double>(static_cast<float>(model_.log_odds(e)));  // as dedupe() scores a pattern
    };
    std::vector<Pair> fresh_pairs;
    CorpusAnchors fresh_anchors;  // the new pairs' anchors: a batch of all records counts them too
    {
        std::vector<std::vector<std::uint32_t>> found_of(n - first);
        std::vector<std::uint32_t> needed;
        for (std::uint32_t x = first; x < n; ++x) {
            candidates(x, found_of[x - first]);
            needed.insert(needed.end(), found_of[x - first].begin(), found_of[x - first].end());
        }
        load(std::move(needed));
        for (std::uint32_t x = first; x < n; ++x) pairs_of(x, found_of[x - first], fresh_pairs, &fresh_anchors);
    }
    // The anchors grown by them.
    std::shared_ptr<const CorpusAnchors> anchors = model_.anchors;
    if (!fresh_anchors.empty()) {
        auto grown = std::make_shared<CorpusAnchors>(model_.anchors ? *model_.anchors : CorpusAnchors{});
        grown->merge(fresh_anchors);
        anchors = std::move(grown);
    }
    Update update;
    std::vector<char> take(n, 0);
    // A word turned common: the stored pairs of its records as a batch finds them now; the
    // clusters of those dropped that the model before joined are taken again.
    std::vector<Pair> dropped, regained;
    const bool paired_again = !turned_common_.empty();
    if (paired_again) {
        pair_again(first, anchors.get(), dropped, regained);
        for (const Pair& p : dropped)
            if (same(model_, p.pattern))
                take[static_cast<std::size_t>(labels_[p.a])] = take[static_cast<std::size_t>(labels_[p.b])] = 1;
    }
    // The stored pairs of the venue names the new anchors count, weighed again.
    std::unordered_map<std::size_t, std::uint32_t> was;  // stored pair -> its pattern before
    if (!fresh_anchors.empty()) {
        const std::vector<std::uint64_t> names = fresh_anchors.names();
        std::vector<char> weighed(n, 0);  // records whose venue name the new anchors count
        for (std::uint32_t r = 0; r < n; ++r)
            weighed[r] = venue_names_[r] && std::binary_search(names.begin(), names.end(), venue_names_[r]);
        for (std::size_t k = 0; k < pairs_.size(); ++k) {
            Pair& p = pairs_[k];
            if (!weighed[p.a] && !weighed[p.b]) continue;
            const std::uint32_t now = with_venue_level(p, anchors.get());
            if (now == p.pattern) continue;
            was.emplace(k, p.pattern);
            --counts_[p.pattern], ++counts_[now];
            p.pattern = now;
        }
    }
    for (Pair& p : fresh_pairs) p.pattern = with_venue_level(p, anchors.get());
    count(fresh_pairs);
    update.redecided = refit(anchors, pairs_.size(), was, take) + dropped.size();
    for (const Pair& p : regained)  // found again (at the end of pairs_): those the refitted model joins
        if (same(model_, p.pattern))
            take[static_cast<std::size_t>(labels_[p.a])] = take[static_cast<std::size_t>(labels_[p.b])] = 1;
    for (std::uint32_t x = first; x < n; ++x) take[x] = 1;
    for (const Pair& p : fresh_pairs)
        if (same(model_, p.pattern)) take[static_cast<std::size_t>(labels_[p.a])] = 1;
    pairs_.insert(pairs_.end(), fresh_pairs.begin(), fresh_pairs.end());
    for (const auto& [y, key] : touched) take[static_cast<std::size_t>(labels_[y])] = 1;
    for (std::uint32_t r = 0; r < n; ++r)
        if (take[static_cast<std::size_t>(labels_[r])]) update.rows.push_back(r);
    load(std::vector<std::uint32_t>(update.rows.begin(), update.rows.end()));
    // Their pairs, as dedupe() finds and decides them, clustered among themselves.
    std::vector<std::uint32_t> local(n, ~0u);
    std::vector<MatchRecord> subset;
    for (std::size_t k = 0; k < update.rows.size(); ++k) {
        local[static_cast<std::size_t>(update.rows[k])] = static_cast<std::uint32_t>(k);
        subset.push_back(record(static_cast<std::uint32_t>(update.rows[k])));
    }
    std::vector<Edge> edges;
    std::vector<std::uint32_t> found;
    for (std::int64_t row : update.rows) {
        const auto x = static_cast<std::uint32_t>(row);
        if (record(x).title.empty()) continue;
        candidates(x, found);
        CachedIndel cached(record(x).title);
        for (std::uint32_t y : found) {
            if (local[y] == ~0u) continue;
            Evidence e = compare(record(x), record(y), cached);
            if (e.guard) continue;
            const double s = link(x, y, e);
            if (s >= cutoff_)  // as dedupe() orders them
                edges.push_back({local[y], local[x], s + 0.01 * static_cast<double>(static_cast<float>(e.title))});
        }
    }
    std::vector<std::int64_t> found_labels =
        cluster_matches(subset, std::move(edges), MatchPolicy{}, true, model_.anchors.get());
    for (std::size_t k = 0; k < found_labels.size(); ++k) {
        const std::int64_t label = update.rows[static_cast<std::size_t>(found_labels[k])];
        labels_[static_cast<std::size_t>(update.rows[k])] = label;
        update.labels.push_back(label);
    }
    std::vector<std::uint64_t> repatterned;
    repatterned.reserve(was.size());
    for (const auto& [k, before] : was) repatterned.push_back(k);
    std::sort(repatterned.begin(), repatterned.end());
    write_delta(first, vocabulary_inputs, touched, update, fresh_pairs, repatterned, paired_again);
    return update;
}

}  // namespace scholarmerge
