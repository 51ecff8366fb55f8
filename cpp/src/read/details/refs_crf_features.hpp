// The refs tagger's token features, hashed (FNV-1a 64 of the feature string).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

namespace scholarmerge::detail {

using TokenSpans = std::vector<std::pair<std::size_t, std::size_t>>;

constexpr std::uint64_t kFnvOffset = 0xCBF29CE484222325ull;
constexpr std::uint64_t kFnvPrime = 0x100000001B3ull;

inline std::uint64_t fnv1a64(std::string_view s) {
    std::uint64_t h = kFnvOffset;
    for (unsigned char c : s) h = (h ^ c) * kFnvPrime;
    return h;
}

// For token i the hashes of its features are hashes[offsets[i] .. offsets[i+1]).
void refs_crf_feature_hashes(std::string_view text, const TokenSpans& tokens, std::vector<std::uint64_t>& hashes,
                             std::vector<std::uint32_t>& offsets);

}  // namespace scholarmerge::detail
