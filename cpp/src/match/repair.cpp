#include "scholarmerge/match/repair.hpp"

#include <algorithm>
#include <string>

#include "scholarmerge/match/key_hash.hpp"
#include "scholarmerge/match/title.hpp"

namespace scholarmerge {

namespace {

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
    // Every word weighs the same: weights from this corpus's frequencies would
    // make a bucket of the distributed path decide otherwise than the whole
    // (and cost DBLP-ACM dirty nothing measurable: 0.918 with IDF, 0.914 without).
    for (MatchRecord& r : records) {
        collect_tokens(r);
        r.token_weights.assign(r.tokens.size(), 1.0f);
        r.token_total = static_cast<float>(r.tokens.size());
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
