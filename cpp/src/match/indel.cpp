#include "match/indel.hpp"

#include <algorithm>

namespace scholarmerge {

CachedIndel::CachedIndel(std::string_view query)
    : query_(query), words_((query.size() + 63) / 64), match_(256 * words_, 0) {
    for (std::size_t i = 0; i < query_.size(); ++i) {
        auto c = static_cast<unsigned char>(query_[i]);
        match_[c * words_ + i / 64] |= std::uint64_t{1} << (i % 64);
    }
}

std::size_t CachedIndel::lcs(std::string_view s) const {
    const std::size_t n = query_.size();
    if (n == 0 || s.empty()) return 0;
    // S starts all ones; for each character c of s: u = S & M[c]; S = (S + u) | (S - u).
    // The zeros of S (within the query's length) count the LCS. u is a subset of
    // S, so S - u never borrows and equals S & ~u; only the addition carries.
    if (words_ == 1) {
        std::uint64_t S = ~std::uint64_t{0};
        for (char ch : s) {
            std::uint64_t u = S & match_[static_cast<unsigned char>(ch)];
            S = (S + u) | (S - u);
        }
        std::uint64_t mask = n == 64 ? ~std::uint64_t{0} : ((std::uint64_t{1} << n) - 1);
        return static_cast<std::size_t>(__builtin_popcountll(~S & mask));
    }
    // The state on the stack for titles (at most 512 bytes: 8 words): no allocation per comparison.
    std::uint64_t small[8];
    std::vector<std::uint64_t> large;
    std::uint64_t* S = small;
    if (words_ > 8) {
        large.resize(words_);
        S = large.data();
    }
    std::fill(S, S + words_, ~std::uint64_t{0});
    for (char ch : s) {
        const std::uint64_t* m = &match_[static_cast<unsigned char>(ch) * words_];
        std::uint64_t carry = 0;
        for (std::size_t w = 0; w < words_; ++w) {
            std::uint64_t u = S[w] & m[w];
            std::uint64_t sum = S[w] + u;
            std::uint64_t c1 = sum < S[w];
            std::uint64_t sum2 = sum + carry;
            std::uint64_t c2 = sum2 < sum;
            carry = c1 | c2;
            S[w] = sum2 | (S[w] & ~u);
        }
    }
    std::size_t zeros = 0;
    for (std::size_t w = 0; w < words_; ++w) {
        std::uint64_t v = ~S[w];
        if (w == words_ - 1 && n % 64) v &= (std::uint64_t{1} << (n % 64)) - 1;
        zeros += static_cast<std::size_t>(__builtin_popcountll(v));
    }
    return zeros;
}

double CachedIndel::similarity(std::string_view s, double score_cutoff) const {
    const std::size_t total = query_.size() + s.size();
    if (total == 0) return 1.0;
    // The LCS is at most the shorter length: the best the lengths allow.
    const std::size_t shorter = std::min(query_.size(), s.size());
    if (2.0 * static_cast<double>(shorter) / static_cast<double>(total) < score_cutoff) return 0.0;
    const double sim = 2.0 * static_cast<double>(lcs(s)) / static_cast<double>(total);
    return sim >= score_cutoff ? sim : 0.0;
}

double indel_similarity(std::string_view a, std::string_view b, double score_cutoff) {
    return a.size() <= b.size() ? CachedIndel(a).similarity(b, score_cutoff) : CachedIndel(b).similarity(a, score_cutoff);
}

}  // namespace scholarmerge
