#include "scholarmerge/match/repair.hpp"

#include <algorithm>
#include <cmath>
#include <string>
#include <unordered_map>

#include "scholarmerge/match/key_hash.hpp"
#include "scholarmerge/match/title.hpp"

namespace scholarmerge {

namespace {

constexpr std::size_t kMaxVenueWords = 8;
constexpr std::size_t kMinTitleWords = 4;  // a title keeps at least this many words

struct VenueSeen {
    std::uint32_t records = 0;
    VenueKind kind = VenueKind::unknown;
};

// The venue at the end of r's title, cut off: true when one was found.
bool cut_venue(MatchRecord& r, const std::unordered_map<std::uint64_t, VenueSeen>& venues) {
    const std::vector<std::string_view> words = title_words(r.title);
    if (words.size() <= kMinTitleWords) return false;
    const std::size_t most = std::min(kMaxVenueWords, words.size() - kMinTitleWords);
    for (std::size_t k = most; k >= 1; --k) {
        const std::size_t from = static_cast<std::size_t>(words[words.size() - k].data() - r.title.data());
        const std::string_view tail = std::string_view(r.title).substr(from);
        auto it = venues.find(key_hash(tail));
        if (it == venues.end() || it->second.records < 2) continue;
        r.venue_key = it->first;
        title_word_keys(tail, r.venue_words);
        if (r.venue == VenueKind::unknown) r.venue = it->second.kind;
        r.title.resize(from - 1);
        return true;
    }
    return false;
}

void collect_tokens(MatchRecord& r) {
    std::vector<std::uint64_t> t;
    title_word_keys(r.title, t);
    for (const std::string& s : r.surnames) t.push_back(key_hash(s));
    t.insert(t.end(), r.venue_words.begin(), r.venue_words.end());
    if (r.year) t.push_back(key_hash(std::to_string(r.year)));
    std::sort(t.begin(), t.end());
    t.erase(std::unique(t.begin(), t.end()), t.end());
    r.tokens = std::move(t);
}

}  // namespace

void repair_fields(std::vector<MatchRecord>& records) {
    std::unordered_map<std::uint64_t, VenueSeen> venues;
    for (const MatchRecord& r : records)
        if (r.venue_key) {
            VenueSeen& v = venues[r.venue_key];
            ++v.records;
            v.kind = r.venue;
        }
    for (MatchRecord& r : records) {
        if (!r.venue_key && !venues.empty() && cut_venue(r, venues)) {
            std::vector<std::string_view> words = title_words(r.title);
            std::sort(words.begin(), words.end());
            r.word_count = static_cast<std::uint32_t>(std::unique(words.begin(), words.end()) - words.begin());
        }
        collect_tokens(r);
    }
    std::unordered_map<std::uint64_t, std::uint32_t> df;
    for (const MatchRecord& r : records)
        for (std::uint64_t t : r.tokens) ++df[t];
    const double n = static_cast<double>(records.size()) + 1.0;
    for (MatchRecord& r : records) {
        r.token_weights.resize(r.tokens.size());
        r.token_total = 0;
        for (std::size_t k = 0; k < r.tokens.size(); ++k) {
            r.token_weights[k] = static_cast<float>(std::log(n / df[r.tokens[k]]));
            r.token_total += r.token_weights[k];
        }
    }
}

double token_overlap(const MatchRecord& a, const MatchRecord& b) {
    if (a.tokens.empty() || b.tokens.empty()) return -1.0;
    double both = 0;
    std::size_t i = 0, j = 0;
    while (i < a.tokens.size() && j < b.tokens.size()) {
        if (a.tokens[i] == b.tokens[j]) {
            both += a.token_weights[i];
            ++i, ++j;
        } else if (a.tokens[i] < b.tokens[j]) {
            ++i;
        } else {
            ++j;
        }
    }
    const double either = static_cast<double>(a.token_total) + b.token_total - both;
    return either > 0 ? both / either : 0.0;
}

}  // namespace scholarmerge
