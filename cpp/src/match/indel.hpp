// Indel similarity (insertions and deletions only, i.e. via the longest common
// subsequence), computed bit-parallel over bytes: 64 characters of the query
// per machine word (Hyyro 2004). CachedIndel preprocesses the query once for
// one-to-many comparisons.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace scholarmerge {

// Built in full by its constructor and never changed after: one const
// CachedIndel may be shared by any number of threads (the rapidfuzz-cpp
// cached-scorer shape).
class CachedIndel {
public:
    explicit CachedIndel(std::string_view query);

    // Length of the longest common subsequence of the query and s.
    std::size_t lcs(std::string_view s) const;

    // 1 - (insertions + deletions) / (|query| + |s|), in [0, 1]; 1 for two
    // empty strings. Below score_cutoff it is 0, and a length difference that
    // rules the cutoff out returns before any character is compared.
    double similarity(std::string_view s, double score_cutoff = 0.0) const;

    std::size_t size() const { return query_.size(); }

private:
    std::string query_;
    std::size_t words_;
    // 256 * words_: bit i of byte c set where query[i] == c.
    std::vector<std::uint64_t> match_;
};

// One-off comparison (builds the cache for the shorter string).
double indel_similarity(std::string_view a, std::string_view b, double score_cutoff = 0.0);

}  // namespace scholarmerge
