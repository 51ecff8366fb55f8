#include "anchors.hpp"

#include <algorithm>
#include <cstdint>
#include <stdexcept>

#include "match/key_hash.hpp"

namespace scholarmerge {

namespace {

// Names of one venue that anchors join at least this often, as a share of the
// anchors of the rarer name, correspond. Below kUnrelated of a name seen in at
// least kAttested anchors, they are two venues. In between: no evidence.
constexpr double kCorresponding = 0.1, kUnrelated = 0.02;
constexpr std::uint32_t kAttested = 10;

std::uint64_t pair_key(std::uint64_t a, std::uint64_t b) {
    if (a > b) std::swap(a, b);
    const std::uint64_t k = detail::mix64(a ^ detail::mix64(b));
    return k ? k : 1;
}

}  // namespace

bool is_anchor(const Evidence& e) {
    const auto& L = e.level;
    constexpr std::size_t title = 0, authors = 1, year = 2;
    // Near or equal titles (levels 4, 5; kUnknown is above them), years at
    // most one apart or unknown (kUnknown is above every level).
    return !e.guard && L[title] >= 4 && L[title] <= 5 && L[authors] == 3 && L[year] >= 2;
}

void CorpusAnchors::add(const MatchRecord& a, const MatchRecord& b) {
    if (a.source && a.source == b.source) within_.add(a.source);
    else {
        if (a.source) across_.add(a.source);
        if (b.source) across_.add(b.source);
    }
    if (!a.venue_name || !b.venue_name) return;
    names_.add(a.venue_name);
    if (b.venue_name != a.venue_name) {
        names_.add(b.venue_name);
        pairs_.add(pair_key(a.venue_name, b.venue_name));
    }
}

void CorpusAnchors::merge(const CorpusAnchors& other) {
    other.names_.for_each([&](std::uint64_t k, std::uint32_t n) { names_.add(k, n); });
    other.pairs_.for_each([&](std::uint64_t k, std::uint32_t n) { pairs_.add(k, n); });
    other.within_.for_each([&](std::uint64_t k, std::uint32_t n) { within_.add(k, n); });
    other.across_.for_each([&](std::uint64_t k, std::uint32_t n) { across_.add(k, n); });
}

std::vector<std::uint64_t> CorpusAnchors::names() const {
    std::vector<std::uint64_t> out;
    names_.for_each([&](std::uint64_t k, std::uint32_t) { out.push_back(k); });
    std::sort(out.begin(), out.end());
    return out;
}

std::uint8_t CorpusAnchors::level(std::uint64_t a, std::uint64_t b) const {
    if (!a || !b) return kUnknown;
    if (a == b) return 2;
    const std::uint32_t rarer = std::min(names_.get(a), names_.get(b));
    if (rarer == 0) return kUnknown;
    const double joined = static_cast<double>(pairs_.get(pair_key(a, b))) / rarer;
    if (joined >= kCorresponding) return 1;
    if (rarer >= kAttested && joined < kUnrelated) return 0;
    return kUnknown;
}

bool CorpusAnchors::lists_once(std::uint64_t source) const {
    // A catalogue's own duplicates are rare (DBLP lists a few papers twice):
    // at most one own anchor in kOwnShare of those shared with other sources.
    constexpr std::uint32_t kAcross = 20, kOwnShare = 50;
    const std::uint32_t across = source ? across_.get(source) : 0;
    return across >= kAcross && within_.get(source) * kOwnShare <= across;
}

std::vector<std::uint64_t> CorpusAnchors::state() const {
    std::vector<std::uint64_t> out;
    for (const details::FlatCounts* t : {&names_, &pairs_, &within_, &across_}) {
        const std::size_t at = out.size();
        out.push_back(0);
        t->for_each([&](std::uint64_t k, std::uint32_t n) { out.push_back(k), out.push_back(n), ++out[at]; });
    }
    return out;
}

CorpusAnchors CorpusAnchors::from_state(const std::vector<std::uint64_t>& state) {
    CorpusAnchors v;
    std::size_t i = 0;
    for (details::FlatCounts* t : {&v.names_, &v.pairs_, &v.within_, &v.across_}) {
        if (i >= state.size()) throw std::invalid_argument("venue names: truncated state");
        const std::uint64_t n = state[i++];
        if (n > (state.size() - i) / 2) throw std::invalid_argument("venue names: truncated state");
        for (std::uint64_t k = 0; k < n; ++k, i += 2) {
            if (!state[i] || state[i + 1] > UINT32_MAX) throw std::invalid_argument("venue names: bad entry");
            t->add(state[i], static_cast<std::uint32_t>(state[i + 1]));
        }
    }
    if (i != state.size()) throw std::invalid_argument("venue names: trailing state");
    return v;
}

std::uint64_t venue_name_key(const std::vector<std::uint64_t>& venue_words) {
    std::uint64_t k = 0;
    for (std::uint64_t w : venue_words) k = detail::mix64(k ^ w);
    return venue_words.empty() ? 0 : (k ? k : 1);
}

}  // namespace scholarmerge
