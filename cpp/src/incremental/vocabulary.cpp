#include "vocabulary.hpp"

#include <algorithm>
#include <stdexcept>
#include <unordered_set>

#include "bytes.hpp"
#include "../match/anchors.hpp"
#include "scholarmerge/match/key_hash.hpp"
#include "scholarmerge/match/title.hpp"

namespace scholarmerge::incremental {

namespace {

// A venue word no key_hash gives (in all likelihood): the synthetic venue
// sets below carry it, so that no repair ever asks for them.
constexpr std::uint64_t kMarker = 1;

void write_counts(std::string& out, const details::FlatCounts& c) {
    std::vector<std::pair<std::uint64_t, std::uint32_t>> pairs;  // in key order: equal counts, equal bytes
    pairs.reserve(c.size());
    c.for_each([&](std::uint64_t k, std::uint32_t n) { pairs.emplace_back(k, n); });
    std::sort(pairs.begin(), pairs.end());
    std::vector<std::uint64_t> keys;
    std::vector<std::uint32_t> counts;
    keys.reserve(c.size()), counts.reserve(c.size());
    for (const auto& [k, n] : pairs) keys.push_back(k), counts.push_back(n);
    state_bytes::put_array(out, keys), state_bytes::put_array(out, counts);
}

void read_counts(std::string_view in, std::size_t& pos, details::FlatCounts& c) {
    std::vector<std::uint64_t> keys;
    std::vector<std::uint32_t> counts;
    state_bytes::get_array(in, pos, keys), state_bytes::get_array(in, pos, counts);
    if (keys.size() != counts.size()) throw std::invalid_argument("matcher state: malformed vocabulary counts");
    c = details::FlatCounts(keys.size());
    for (std::size_t i = 0; i < keys.size(); ++i) {
        if (!keys[i]) throw std::invalid_argument("matcher state: malformed vocabulary counts");
        c.add(keys[i], counts[i]);
    }
}

}  // namespace

VocabularyCounts::VocabularyCounts(std::size_t expected) : title_(expected / 2), author_(expected / 2) {}

void VocabularyCounts::add(const MatchRecord& made) {
    title_word_keys(made.title, keys_);
    for (std::uint64_t k : keys_) title_.add(k);
    for (const std::string& s : made.surnames) author_.add(key_hash(s));
    for (std::uint64_t k : made.venue_words) venue_.add(k);
    if (made.venue_words.size() >= 2) {
        VenueSet& set = sets_[venue_name_key(made.venue_words)];
        if (!set.count++) set.words = made.venue_words;
    }
    ++records_;
}

void VocabularyCounts::fill(FieldVocabulary& out, const std::vector<MatchRecord>& made) const {
    // The words asked about, each with a spelling that hashes to it.
    std::unordered_map<std::uint64_t, std::string> asked;
    for (const MatchRecord& r : made) {
        const std::vector<std::string_view> words = title_words(r.title);
        for (std::size_t i = 0; i < words.size(); ++i) {
            std::string joined;
            for (std::size_t j = i; j < std::min(words.size(), i + 3); ++j) {
                joined += words[j];
                asked.emplace(key_hash(joined), joined);
            }
        }
    }
    // Per word its three counts; venue sets all of whose words are asked about.
    struct Want {
        std::string spelling;
        std::uint32_t title, author, venue;
    };
    std::vector<Want> want;
    std::uint32_t most = 0;
    for (auto& [k, spelling] : asked) {
        Want w{spelling, title_.get(k), author_.get(k), venue_.get(k)};
        if (w.title || w.author || w.venue) most = std::max({most, w.title, w.author}), want.push_back(std::move(w));
    }
    std::vector<const VenueSet*> sets;
    for (const auto& [key, set] : sets_)
        if (std::all_of(set.words.begin(), set.words.end(), [&](std::uint64_t k) { return asked.count(k) > 0; }))
            sets.push_back(&set);
    // A set's records count its words as venue words too: the rest of each word's venue count stands alone.
    std::unordered_map<std::uint64_t, std::uint32_t> in_sets;
    for (const VenueSet* s : sets)
        for (std::uint64_t k : s->words) in_sets[k] += s->count;
    std::vector<std::pair<std::uint64_t, std::uint32_t>> lone;  // venue word, records
    for (const Want& w : want) {
        const std::uint64_t k = key_hash(w.spelling);
        const std::uint32_t rest = w.venue - std::min(w.venue, in_sets.count(k) ? in_sets[k] : 0u);
        if (rest) lone.emplace_back(k, rest), most = std::max(most, rest);
    }
    // Synthetic records, the j-th naming every word whose count is j or more:
    // as many counts, far fewer records. Made from the largest j down, each
    // record is the one before with the words whose count is j added.
    auto by_count = [](auto& v) { std::sort(v.begin(), v.end(), [](const auto& a, const auto& b) { return a.first > b.first; }); };
    std::vector<std::pair<std::uint32_t, const std::string*>> titles, authors;
    for (const Want& w : want) {
        if (w.title) titles.emplace_back(w.title, &w.spelling);
        if (w.author) authors.emplace_back(w.author, &w.spelling);
    }
    std::vector<std::pair<std::uint32_t, std::uint64_t>> venues;
    for (const auto& [k, n] : lone) venues.emplace_back(n, k);
    by_count(titles), by_count(authors), by_count(venues);
    MatchRecord r;
    std::size_t added = 0, t = 0, a = 0, v = 0;
    bool marked = false;
    for (std::uint32_t j = most; j >= 1; --j, ++added) {
        for (; t < titles.size() && titles[t].first >= j; ++t)
            r.title += (r.title.empty() ? "" : " "), r.title += *titles[t].second;
        for (; a < authors.size() && authors[a].first >= j; ++a) r.surnames.push_back(*authors[a].second);
        for (; v < venues.size() && venues[v].first >= j; ++v) r.venue_words.push_back(venues[v].second);
        // Two venue words or more make a set no title asks about, with this one.
        if (r.venue_words.size() >= 2 && !marked) r.venue_words.push_back(kMarker), marked = true;
        out.add(r);
    }
    r = MatchRecord{};
    for (const VenueSet* s : sets) {
        r.venue_words = s->words;
        for (std::uint32_t j = 0; j < s->count; ++j, ++added) out.add(r);
    }
    // FieldVocabulary cuts only once it holds two records: as many as these counts hold, up to two.
    r = MatchRecord{};
    for (; added < std::min<std::size_t>(records_, 2); ++added) out.add(r);
}

void VocabularyCounts::write(std::string& out) const {
    using namespace state_bytes;
    put<std::uint64_t>(out, records_);
    write_counts(out, title_), write_counts(out, author_), write_counts(out, venue_);
    std::vector<std::uint64_t> keys;
    for (const auto& [key, set] : sets_) keys.push_back(key);
    std::sort(keys.begin(), keys.end());
    put<std::uint64_t>(out, sets_.size());
    for (std::uint64_t key : keys) put_array(out, sets_.at(key).words), put(out, sets_.at(key).count);
}

void VocabularyCounts::read(std::string_view in, std::size_t& pos) {
    using namespace state_bytes;
    records_ = static_cast<std::size_t>(get<std::uint64_t>(in, pos));
    read_counts(in, pos, title_), read_counts(in, pos, author_), read_counts(in, pos, venue_);
    const auto n = get<std::uint64_t>(in, pos);
    if (n > in.size() - pos) truncated();
    sets_.clear();
    sets_.reserve(static_cast<std::size_t>(n));
    for (std::uint64_t i = 0; i < n; ++i) {
        VenueSet set;
        get_array(in, pos, set.words);
        set.count = get<std::uint32_t>(in, pos);
        if (set.words.size() < 2) throw std::invalid_argument("matcher state: malformed venue sets");
        sets_[venue_name_key(set.words)] = std::move(set);
    }
}

}  // namespace scholarmerge::incremental
