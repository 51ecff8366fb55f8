// The catalogue matcher's state as bytes: a snapshot (everything, the row
// lists flat, so that loading is a few copies) and deltas (what one add()
// changed, replayed as add() made it). The model travels separately (pickled
// by the catalogue). Byte order and sizes are the machine's: a state is read
// back where it was written, and a foreign one fails the header's checks.
#include <algorithm>
#include <stdexcept>
#include <thread>

#include "bytes.hpp"
#include "scholarmerge/incremental.hpp"
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

std::string vocabulary_inputs(const std::vector<Work>& works, const std::vector<MatchRecord>& prepared, int threads) {
    using namespace state_bytes;
    std::vector<char> changed(works.size(), 0);
    std::vector<MatchRecord> made(works.size());
    parallel_for(works.size(), threads, [&](std::size_t i) {
        MatchRecord m = make_match_record(works[i]);
        const MatchRecord& p = prepared[i];
        if (m.title != p.title || m.surnames != p.surnames || m.venue_words != p.venue_words) {
            changed[i] = 1;
            made[i] = std::move(m);
        }
    });
    std::string out;
    out.reserve(works.size());
    for (std::size_t i = 0; i < works.size(); ++i) {
        put<std::uint8_t>(out, changed[i]);
        if (!changed[i]) continue;
        put_string(out, made[i].title), put_strings(out, made[i].surnames), put_array(out, made[i].venue_words);
    }
    return out;
}

std::size_t replay_vocabulary(std::string_view inputs, const std::vector<MatchRecord>& records, std::size_t first,
                              std::size_t count, FieldVocabulary& vocabulary) {
    using namespace state_bytes;
    std::size_t pos = 0;
    MatchRecord made;
    for (std::size_t r = first; r < first + count; ++r) {
        if (!get<std::uint8_t>(inputs, pos)) {
            vocabulary.add(records[r]);  // as made in the fields add() reads
            continue;
        }
        get_string(inputs, pos, made.title), get_strings(inputs, pos, made.surnames);
        get_array(inputs, pos, made.venue_words);
        vocabulary.add(made);
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
static_assert(sizeof(MatchRecord) == 352, "MatchRecord changed: encode its new fields in incremental/state.cpp");
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
}

void put_records(std::string& out, const std::vector<MatchRecord>& records, std::size_t first) {
    put<std::uint64_t>(out, records.size() - first);
    for (std::size_t r = first; r < records.size(); ++r) put_record(out, records[r]);
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

}  // namespace

std::string IncrementalMatcher::snapshot() const {
    std::string out;
    out.reserve(records_.size() * 320 + words_.size() * 16);
    put_header(out, {Kind::snapshot, 0, records_.size(), cutoff_, min_jaccard_});
    put_records(out, records_, 0);
    put_array(out, rkeys_);
    put<std::uint64_t>(out, vocabulary_log_.size());
    out += vocabulary_log_;
    put_array(out, labels_);
    put_array(out, words_), put_array(out, word_start_);
    postings_.write(out), groups_.write(out);
    return out;
}

void IncrementalMatcher::write_delta(std::size_t first, std::string_view vocabulary,
                                     const std::vector<std::pair<std::uint32_t, std::uint64_t>>& touched,
                                     const Update& update) {
    std::string& out = last_delta_;
    out.clear();
    put_header(out, {Kind::delta, first, records_.size(), cutoff_, min_jaccard_});
    put_records(out, records_, first);
    put_array(out, std::vector<std::uint64_t>(rkeys_.begin() + static_cast<long>(first), rkeys_.end()));
    put<std::uint64_t>(out, vocabulary.size());
    out += vocabulary;
    std::vector<std::uint32_t> rows;
    std::vector<std::uint64_t> keys;
    for (const auto& [row, key] : touched) rows.push_back(row), keys.push_back(key);
    put_array(out, rows), put_array(out, keys);
    put_array(out, update.rows), put_array(out, update.labels);
}

void IncrementalMatcher::read_snapshot(std::string_view in, std::size_t pos) {
    records_ = get_records(in, pos);
    const std::size_t n = records_.size();
    get_array(in, pos, rkeys_);
    const auto log_size = get<std::uint64_t>(in, pos);
    if (log_size > in.size() - pos) truncated();
    vocabulary_log_.assign(in.substr(pos, log_size));
    pos += log_size;
    get_array(in, pos, labels_);
    get_array(in, pos, words_), get_array(in, pos, word_start_);
    postings_.read(in, pos), groups_.read(in, pos);
    if (rkeys_.size() != n || labels_.size() != n || word_start_.size() != n + 1 || word_start_.front() != 0 ||
        word_start_.back() != words_.size() || !std::is_sorted(word_start_.begin(), word_start_.end()) ||
        pos != in.size())
        throw std::invalid_argument("matcher state: the snapshot's parts do not agree");
    for (std::size_t i = 0; i < n; ++i)
        if (labels_[i] < 0 || static_cast<std::size_t>(labels_[i]) > i)
            throw std::invalid_argument("matcher state: a label is not its cluster's first row");
    if (incremental::replay_vocabulary(vocabulary_log_, records_, 0, n, vocabulary_) != vocabulary_log_.size())
        throw std::invalid_argument("matcher state: the vocabulary inputs do not match the records");
    count_recurrence(0);
}

void IncrementalMatcher::replay_delta(std::string_view in, std::size_t pos) {
    const std::size_t first = records_.size();
    std::vector<MatchRecord> fresh = get_records(in, pos);
    std::vector<std::uint64_t> rkeys;
    get_array(in, pos, rkeys);
    const auto log_size = get<std::uint64_t>(in, pos);
    if (log_size > in.size() - pos) truncated();
    const std::string_view vocabulary = in.substr(pos, log_size);
    pos += log_size;
    std::vector<std::uint32_t> touched;
    std::vector<std::uint64_t> touched_keys;
    std::vector<std::int64_t> rows, labels;
    get_array(in, pos, touched), get_array(in, pos, touched_keys);
    get_array(in, pos, rows), get_array(in, pos, labels);
    if (rkeys.size() != fresh.size() || touched.size() != touched_keys.size() || rows.size() != labels.size() ||
        pos != in.size())
        throw std::invalid_argument("matcher state: the delta's parts do not agree");
    // As add() changed the state: the vocabulary, the recurrence counts, the
    // stored records that recur now, the new records indexed, the labels.
    if (incremental::replay_vocabulary(vocabulary, fresh, 0, fresh.size(), vocabulary_) != vocabulary.size())
        throw std::invalid_argument("matcher state: the vocabulary inputs do not match the records");
    rkeys_.insert(rkeys_.end(), rkeys.begin(), rkeys.end());
    count_recurrence(first);
    for (std::size_t k = 0; k < touched.size(); ++k) {
        if (touched[k] >= first) throw std::invalid_argument("matcher state: a delta marks a row it adds");
        records_[touched[k]].recurring = true, records_[touched[k]].recurrence = touched_keys[k];
    }
    append(std::move(fresh));
    for (std::size_t k = 0; k < rows.size(); ++k) {
        if (rows[k] < 0 || static_cast<std::size_t>(rows[k]) >= records_.size() || labels[k] < 0 ||
            labels[k] > rows[k])
            throw std::invalid_argument("matcher state: a delta's label is out of range");
        labels_[static_cast<std::size_t>(rows[k])] = labels[k];
    }
    vocabulary_log_ += vocabulary;
}

std::unique_ptr<IncrementalMatcher> IncrementalMatcher::restore(const std::vector<std::string_view>& states,
                                                                MatchModel model, double threshold,
                                                                double min_jaccard, int threads) {
    if (states.empty()) throw std::invalid_argument("matcher state: none given");
    std::unique_ptr<IncrementalMatcher> m(new IncrementalMatcher(std::move(model), threshold, min_jaccard, threads));
    for (std::size_t k = 0; k < states.size(); ++k) {
        std::size_t pos = 0;
        const Header h = get_header(states[k], pos);
        if (h.cutoff != m->cutoff_ || h.min_jaccard != m->min_jaccard_)
            throw std::invalid_argument("matcher state: made with another threshold or min_jaccard");
        if (h.kind != (k == 0 ? Kind::snapshot : Kind::delta))
            throw std::invalid_argument("matcher state: a snapshot first, then deltas");
        if (h.first != m->records_.size())
            throw std::invalid_argument("matcher state: a delta does not follow the state before it");
        if (k == 0)
            m->read_snapshot(states[k], pos);
        else
            m->replay_delta(states[k], pos);
        if (m->records_.size() != h.after) throw std::invalid_argument("matcher state: the record count is wrong");
    }
    return m;
}

}  // namespace scholarmerge
