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

class CachedIndel {
public:
    explicit CachedIndel(std::string_view query);

    // Length of the longest common subsequence of the query and s.
    std::size_t lcs(std::string_view s) const;

    // 1 - (insertions + deletions) / (|query| + |s|), in [0, 1]; 1 for two empty strings.
    double similarity(std::string_view s) const;

    std::size_t size() const { return query_.size(); }

private:
    void build() const;

    std::string query_;
    std::size_t words_;
    // 256 * words_: bit i of byte c set where query[i] == c. Built on the first
    // comparison, not up front: most records of a dedupe are compared with
    // nothing. (So one CachedIndel is not to be shared between threads.)
    mutable std::vector<std::uint64_t> match_;
};

// One-off comparison (builds the cache for the shorter string).
double indel_similarity(std::string_view a, std::string_view b);

}  // namespace scholarmerge
