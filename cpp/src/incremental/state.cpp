// The catalogue matcher's state as bytes: a snapshot (the index, the row
// lists flat so that loading is a few copies, the labels and the vocabulary
// counts, the candidate pairs by pattern), deltas (what one add() changed,
// its new pairs among it, replayed as add() made it) and the
// records one by one, fetched as an add needs them. The model travels
// separately (pickled by the catalogue). Byte order and sizes are the machine's: a state is read
// back where it was written, and a foreign one fails the header's checks.
#include <algorithm>
#include <stdexcept>
#include <thread>

#include "../match/details/bytes.hpp"
#include "incremental.hpp"
#include "match/repair.hpp"
#include "state.hpp"

namespace scholarmerge {

namespace incremental {

std::string_view source_of(const Work& w) {
    std::string_view original = extra_text(w, {"original_source"});
    return original.empty() ? std::string_view(w.source) : original;
}

namespace {

template <class F>
void parallel_for(std::size_t n, int threads, F&& f) {
    const std::size_t t = std::min<std::size_t>(
        n / 2048 + 1, threads > 0 ? static_cast<std::size_t>(threads) : std::max(1u, std::thread::hardware_concurrency()));
    if (t <= 1) {
        for (std::size_t i = 0; i < n; ++i) f(i);
        return;
    }
    std::vector<std::thread> pool;
    for (std::size_t k = 0; k < t; ++k)
        pool.emplace_back([&, k] {
            for (std::size_t i = k; i < n; i += t) f(i);
        });
    for (auto& th : pool) th.join();
}

}  // namespace

std::vector<MatchRecord> made_records(const std::vector<Work>& works, int threads) {
    std::vector<MatchRecord> made(works.size());
    parallel_for(works.size(), threads, [&](std::size_t i) { made[i] = make_match_record(works[i]); });
    return made;
}

std::string vocabulary_inputs(const std::vector<MatchRecord>& made, const std::vector<MatchRecord>& prepared) {
    using namespace state_bytes;
    std::string out;
    out.reserve(made.size());
    for (std::size_t i = 0; i < made.size(); ++i) {
        const MatchRecord &m = made[i], &p = prepared[i];
        const bool changed = m.title != p.title || m.surnames != p.surnames || m.venue_words != p.venue_words;
        put<std::uint8_t>(out, changed);
        if (changed) put_string(out, m.title), put_strings(out, m.surnames), put_array(out, m.venue_words);
    }
    return out;
}

std::size_t replay_vocabulary(std::string_view inputs, const std::vector<MatchRecord>& prepared,
                              FieldVocabulary& counts) {
    using namespace state_bytes;
    std::size_t pos = 0;
    MatchRecord made;
    for (const MatchRecord& p : prepared) {
        if (!get<std::uint8_t>(inputs, pos)) {
            counts.add(p);  // as made in the fields counted
            continue;
        }
        get_string(inputs, pos, made.title), get_strings(inputs, pos, made.surnames);
        get_array(inputs, pos, made.venue_words);
        counts.add(made);
    }
    return pos;
}

}  // namespace incremental

namespace {

using namespace state_bytes;

constexpr std::uint32_t kMagic = 0x534d4953;  // "SIMS": scholarmerge incremental matcher state
enum class Kind : std::uint8_t { snapshot = 1, delta = 2 };

// Every field of MatchRecord, in order: a field added there must be added here
// (the size check below fails until it is).
#if defined(__GLIBCXX__) && __SIZEOF_POINTER__ == 8  // the size where it was counted
static_assert(sizeof(MatchRecord) == 376, "MatchRecord changed: encode its new fields in incremental/state.cpp");
#endif

void put_record(std::string& out, const MatchRecord& r) {
    put_string(out, r.title);
    put(out, r.title_begin), put(out, r.title_length);
    put_string(out, r.name), put_string(out, r.core);
    put(out, r.word_count);
    put_array(out, r.title_stems);
    put_strings(out, r.markers), put_strings(out, r.surnames);
    put(out, static_cast<std::int32_t>(r.year));
    put_string(out, r.doi), put_string(out, r.arxiv);
    put(out, static_cast<std::uint8_t>(r.venue));
    put(out, r.first_page), put(out, r.last_page);
    const auto flags = static_cast<std::uint8_t>(r.generic | r.correction << 1 | r.damaged << 2 | r.year_cut << 3 |
                                                 r.recurring << 4);
    put(out, flags);
    put(out, r.recurrence);
    put_array(out, r.venue_words);
    put(out, r.venue_name), put(out, r.source);
    put_array(out, r.tokens);
    put_array(out, r.commas);
}

void get_record(std::string_view in, std::size_t& pos, MatchRecord& r) {
    get_string(in, pos, r.title);
    r.title_begin = get<std::uint32_t>(in, pos), r.title_length = get<std::uint32_t>(in, pos);
    get_string(in, pos, r.name), get_string(in, pos, r.core);
    r.word_count = get<std::uint32_t>(in, pos);
    get_array(in, pos, r.title_stems);
    get_strings(in, pos, r.markers), get_strings(in, pos, r.surnames);
    r.year = get<std::int32_t>(in, pos);
    get_string(in, pos, r.doi), get_string(in, pos, r.arxiv);
    const auto venue = get<std::uint8_t>(in, pos);
    if (venue > static_cast<std::uint8_t>(VenueKind::thesis)) throw std::invalid_argument("matcher state: a bad venue kind");
    r.venue = static_cast<VenueKind>(venue);
    r.first_page = get<std::uint32_t>(in, pos), r.last_page = get<std::uint32_t>(in, pos);
    const auto flags = get<std::uint8_t>(in, pos);
    r.generic = flags & 1, r.correction = flags & 2, r.damaged = flags & 4, r.year_cut = flags & 8,
    r.recurring = flags & 16;
    r.recurrence = get<std::uint64_t>(in, pos);
    get_array(in, pos, r.venue_words);
    r.venue_name = get<std::uint64_t>(in, pos), r.source = get<std::uint64_t>(in, pos);
    get_array(in, pos, r.tokens);
    get_array(in, pos, r.commas);
}

void put_records(std::string& out, const std::vector<std::unique_ptr<MatchRecord>>& records, std::size_t first) {
    put<std::uint64_t>(out, records.size() - first);
    for (std::size_t r = first; r < records.size(); ++r) put_record(out, *records[r]);
}

std::vector<MatchRecord> get_records(std::string_view in, std::size_t& pos) {
    const auto n = get<std::uint64_t>(in, pos);
    if (n > (in.size() - pos) / 16) truncated();  // a record takes more bytes than that
    std::vector<MatchRecord> records(static_cast<std::size_t>(n));
    for (MatchRecord& r : records) get_record(in, pos, r);
    return records;
}

struct Header {
    Kind kind;
    std::uint64_t first, after;  // rows before and after the state
    double cutoff, min_jaccard;
};

void put_header(std::string& out, const Header& h) {
    put(out, kMagic), put(out, IncrementalMatcher::kStateVersion), put(out, static_cast<std::uint8_t>(h.kind));
    put(out, h.first), put(out, h.after), put(out, h.cutoff), put(out, h.min_jaccard);
}

Header get_header(std::string_view in, std::size_t& pos) {
    if (in.size() < 8 || get<std::uint32_t>(in, pos) != kMagic)
        throw std::invalid_argument("matcher state: not a scholarmerge matcher state");
    const auto version = get<std::uint32_t>(in, pos);
    if (version != IncrementalMatcher::kStateVersion)
        throw std::invalid_argument("matcher state: format version " + std::to_string(version) + ", this build reads " +
                                    std::to_string(IncrementalMatcher::kStateVersion));
    Header h;
    h.kind = static_cast<Kind>(get<std::uint8_t>(in, pos));
    h.first = get<std::uint64_t>(in, pos), h.after = get<std::uint64_t>(in, pos);
    h.cutoff = get<double>(in, pos), h.min_jaccard = get<double>(in, pos);
    return h;
}

constexpr std::size_t kChecksum = sizeof(std::uint64_t);

// Pairs whose later row is in [first, n), the earlier one below it, of a pattern there is.
void check_pairs(const std::vector<IncrementalMatcher::Pair>& pairs, std::size_t first, std::size_t n) {
    for (const IncrementalMatcher::Pair& p : pairs)
        if (p.a >= p.b || p.b < first || p.b >= n || p.pattern >= kPatterns)
            throw std::invalid_argument("matcher state: a candidate pair out of range");
}

}  // namespace

namespace incremental {

std::string encode_record(const MatchRecord& r, std::uint32_t row) {
    std::string out;
    out.reserve(r.title.size() + r.core.size() + 8 * (r.tokens.size() + r.title_stems.size()) + 96);
    put_record(out, r);
    put<std::uint64_t>(out, checksum(out, row));
    return out;
}

std::unique_ptr<MatchRecord> decode_record(std::string_view bytes, std::uint32_t row) {
    std::size_t pos = bytes.size() - std::min(bytes.size(), kChecksum);
    const std::string_view body = bytes.substr(0, pos);
    if (bytes.size() < kChecksum || get<std::uint64_t>(bytes, pos) != checksum(body, row))
        throw std::invalid_argument("matcher state: the stored record of row " + std::to_string(row) +
                                    " fails its checksum (damaged, or another row's)");
    auto r = std::make_unique<MatchRecord>();
    pos = 0;
    get_record(body, pos, *r);
    if (pos != body.size()) throw std::invalid_argument("matcher state: a record's bytes do not end where it does");
    return r;
}

void seal(std::string& state) { put<std::uint64_t>(state, checksum(state)); }

std::string_view unsealed(std::string_view state) {
    std::size_t pos = state.size() - std::min(state.size(), kChecksum);
    const std::string_view body = state.substr(0, pos);
    if (state.size() < kChecksum || get<std::uint64_t>(state, pos) != checksum(body))
        throw std::invalid_argument("matcher state: the stored state fails its checksum (damaged or cut)");
    return body;
}

}  // namespace incremental

std::string IncrementalMatcher::snapshot() const {
    std::string out;
    out.reserve(records_.size() * 100);
    put_header(out, {Kind::snapshot, 0, records_.size(), cutoff_, min_jaccard_});
    put_array(out, labels_);
    std::vector<std::uint32_t> rows;  // the records whose title recurs in its source: few
    std::vector<std::uint64_t> keys;
    for (std::size_t r = 0; r < rkeys_.size(); ++r)
        if (rkeys_[r]) rows.push_back(static_cast<std::uint32_t>(r)), keys.push_back(rkeys_[r]);
    put_array(out, rows), put_array(out, keys);
    postings_.write(out), groups_.write(out);
    vocabulary_->write(out);
    put_array(out, venue_names_), put_array(out, pairs_);
    incremental::seal(out);
    return out;
}

void IncrementalMatcher::write_delta(std::size_t first, std::string_view made,
                                     const std::vector<std::pair<std::uint32_t, std::uint64_t>>& touched,
                                     const Update& update, const std::vector<Pair>& fresh_pairs,
                                     const std::vector<std::uint64_t>& repatterned, bool paired_again) {
    std::string& out = last_delta_;
    out.clear();
    put_header(out, {Kind::delta, first, records_.size(), cutoff_, min_jaccard_});
    put_records(out, records_, first);
    put_array(out, std::vector<std::uint64_t>(rkeys_.begin() + static_cast<long>(first), rkeys_.end()));
    put<std::uint64_t>(out, made.size());
    out += made;
    std::vector<std::uint32_t> rows;
    std::vector<std::uint64_t> keys;
    for (const auto& [row, key] : touched) rows.push_back(row), keys.push_back(key);
    put_array(out, rows), put_array(out, keys);
    put_array(out, fresh_pairs);
    // The stored pairs made again (a word turned common): all of them; else those the grown
    // anchors weighed otherwise, with their pattern now.
    put<std::uint8_t>(out, paired_again);
    if (paired_again) {
        put_array(out, std::vector<Pair>(pairs_.begin(), pairs_.end() - static_cast<long>(fresh_pairs.size())));
    } else {
        std::vector<std::uint32_t> patterns;
        patterns.reserve(repatterned.size());
        for (const std::uint64_t k : repatterned) patterns.push_back(pairs_[k].pattern);
        put_array(out, repatterned), put_array(out, patterns);
    }
    put_array(out, update.rows), put_array(out, update.labels);
    incremental::seal(out);
}

void IncrementalMatcher::read_snapshot(std::string_view in, std::size_t pos, std::size_t n) {
    get_array(in, pos, labels_);
    std::vector<std::uint32_t> rows;
    std::vector<std::uint64_t> keys;
    get_array(in, pos, rows), get_array(in, pos, keys);
    postings_.read(in, pos), groups_.read(in, pos);
    vocabulary_->read(in, pos);
    get_array(in, pos, venue_names_), get_array(in, pos, pairs_);
    if (labels_.size() != n || venue_names_.size() != n || rows.size() != keys.size() || pos != in.size())
        throw std::invalid_argument("matcher state: the snapshot's parts do not agree");
    for (std::size_t i = 0; i < n; ++i)
        if (labels_[i] < 0 || static_cast<std::size_t>(labels_[i]) > i)
            throw std::invalid_argument("matcher state: a label is not its cluster's first row");
    records_.resize(n);  // fetched as needed
    rkeys_.assign(n, 0);
    for (std::size_t k = 0; k < rows.size(); ++k) {
        if (rows[k] >= n) throw std::invalid_argument("matcher state: a row out of range");
        rkeys_[rows[k]] = keys[k];
    }
    count_recurrence(0);
    check_pairs(pairs_, 0, n);
    counts_.assign(kPatterns, 0);
    count(pairs_);
    // Each record's word counts from the postings.
    words_.assign(n, 0), common_.assign(n, 0);
    postings_.for_each_flat([&](std::uint64_t, RowLists::Span s) {
        for (const std::uint32_t* p = s.begin; p != s.end; ++p) {
            if (*p >= n) throw std::invalid_argument("matcher state: a posting out of range");
            ++words_[*p];
        }
    });
    groups_.for_each_flat([&](std::uint64_t, RowLists::Span s) {
        if (s.size() && s.end[-1] >= n) throw std::invalid_argument("matcher state: a group member out of range");
    });
    count_common();
}

void IncrementalMatcher::replay_delta(std::string_view in, std::size_t pos) {
    const std::size_t first = records_.size();
    std::vector<MatchRecord> fresh = get_records(in, pos);
    std::vector<std::uint64_t> rkeys;
    get_array(in, pos, rkeys);
    const auto made_size = get<std::uint64_t>(in, pos);
    if (made_size > in.size() - pos) truncated();
    const std::string_view made = in.substr(pos, made_size);
    pos += made_size;
    std::vector<std::uint32_t> touched;
    std::vector<std::uint64_t> touched_keys;
    std::vector<std::int64_t> rows, labels;
    get_array(in, pos, touched), get_array(in, pos, touched_keys);
    std::vector<Pair> fresh_pairs;
    get_array(in, pos, fresh_pairs);
    std::vector<std::uint64_t> repatterned;
    std::vector<std::uint32_t> patterns;
    std::vector<Pair> stored_pairs;
    const bool paired_again = get<std::uint8_t>(in, pos) != 0;
    if (paired_again)
        get_array(in, pos, stored_pairs);
    else
        get_array(in, pos, repatterned), get_array(in, pos, patterns);
    get_array(in, pos, rows), get_array(in, pos, labels);
    if (rkeys.size() != fresh.size() || touched.size() != touched_keys.size() || rows.size() != labels.size() ||
        repatterned.size() != patterns.size() || pos != in.size())
        throw std::invalid_argument("matcher state: the delta's parts do not agree");
    // As add() changed the state: the vocabulary, the recurrence counts, the
    // stored records that recur now, the new records indexed, the labels.
    if (incremental::replay_vocabulary(made, fresh, *vocabulary_) != made.size())
        throw std::invalid_argument("matcher state: the vocabulary inputs do not match the records");
    rkeys_.insert(rkeys_.end(), rkeys.begin(), rkeys.end());
    count_recurrence(first);
    for (std::size_t k = 0; k < touched.size(); ++k) {
        if (touched[k] >= first) throw std::invalid_argument("matcher state: a delta marks a row it adds");
        // A record not held is fetched as it is stored now, marked already.
        if (MatchRecord* r = records_[touched[k]].get()) r->recurring = true, r->recurrence = touched_keys[k];
    }
    append(std::move(fresh));
    check_pairs(fresh_pairs, first, records_.size());
    if (paired_again) {
        check_pairs(stored_pairs, 0, first);
        pairs_ = std::move(stored_pairs);
        counts_.assign(kPatterns, 0);
        count(pairs_);
    }
    for (std::size_t k = 0; k < repatterned.size(); ++k) {
        if (repatterned[k] >= pairs_.size() || patterns[k] >= kPatterns)
            throw std::invalid_argument("matcher state: a delta changes a pair out of range");
        Pair& p = pairs_[static_cast<std::size_t>(repatterned[k])];
        --counts_[p.pattern], ++counts_[patterns[k]];
        p.pattern = patterns[k];
    }
    count(fresh_pairs);
    pairs_.insert(pairs_.end(), fresh_pairs.begin(), fresh_pairs.end());
    for (std::size_t k = 0; k < rows.size(); ++k) {
        if (rows[k] < 0 || static_cast<std::size_t>(rows[k]) >= records_.size() || labels[k] < 0 ||
            labels[k] > rows[k])
            throw std::invalid_argument("matcher state: a delta's label is out of range");
        labels_[static_cast<std::size_t>(rows[k])] = labels[k];
    }
}

std::unique_ptr<IncrementalMatcher> IncrementalMatcher::restore(const std::vector<std::string_view>& states,
                                                                Fetch fetch, MatchModel model, double threshold,
                                                                double min_jaccard, int threads) {
    if (states.empty()) throw std::invalid_argument("matcher state: none given");
    std::unique_ptr<IncrementalMatcher> m(new IncrementalMatcher(std::move(model), threshold, min_jaccard, threads));
    m->fetch_ = std::move(fetch);
    for (std::size_t k = 0; k < states.size(); ++k) try {
        std::size_t pos = 0;
        const Header h = get_header(states[k], pos);  // first: another version's bytes are told as such
        const std::string_view state = incremental::unsealed(states[k]);
        if (h.cutoff != m->cutoff_ || h.min_jaccard != m->min_jaccard_)
            throw std::invalid_argument("matcher state: made with another threshold or min_jaccard");
        if (h.kind != (k == 0 ? Kind::snapshot : Kind::delta))
            throw std::invalid_argument("matcher state: a snapshot first, then deltas");
        if (h.first != m->records_.size())
            throw std::invalid_argument("matcher state: a delta does not follow the state before it");
        if (k == 0)
            m->read_snapshot(state, pos, static_cast<std::size_t>(h.after));
        else
            m->replay_delta(state, pos);
        if (m->records_.size() != h.after) throw std::invalid_argument("matcher state: the record count is wrong");
    } catch (const std::invalid_argument& e) {  // which state: the message names it
        constexpr std::string_view kPrefix = "matcher state: ";
        std::string_view what = e.what();
        if (what.substr(0, kPrefix.size()) == kPrefix) what.remove_prefix(kPrefix.size());
        throw std::invalid_argument(std::string(kPrefix) + (k ? "delta " + std::to_string(k) : std::string("snapshot")) +
                                    " of " + std::to_string(states.size()) + " states: " + std::string(what));
    }
    m->changed_.clear();  // every record held is stored already
    return m;
}

}  // namespace scholarmerge
