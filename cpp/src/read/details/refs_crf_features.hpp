// The refs tagger's token features, hashed (FNV-1a 64 of the feature string).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

namespace scholarmerge::detail {

using TokenSpans = std::vector<std::pair<std::size_t, std::size_t>>;

// The model's key of a feature string (feature_key in tools/train_refs_crf.py):
// FNV-1a's offset and prime over 8-byte little-endian words (the last one
// zero-padded), the length mixed in, then the high bits folded down. Eight
// bytes a step rather than FNV's one: hashing is most of the tagger's work.
// Fed in pieces, so a feature is hashed without being assembled.
class FeatureKey {
public:
    FeatureKey& add(std::string_view p) {
        for (unsigned char c : p) {
            word_ |= std::uint64_t(c) << (8 * fill_);
            if (++fill_ == 8) mix();
        }
        len_ += p.size();
        return *this;
    }
    std::uint64_t done() {
        if (fill_) mix();
        std::uint64_t h = (h_ ^ len_) * kPrime;
        return h ^ (h >> 32);
    }

private:
    static constexpr std::uint64_t kPrime = 0x100000001B3ull;
    void mix() {
        h_ = (h_ ^ word_) * kPrime;
        h_ ^= h_ >> 29;
        word_ = 0;
        fill_ = 0;
    }
    std::uint64_t h_ = 0xCBF29CE484222325ull, word_ = 0;
    unsigned fill_ = 0;
    std::uint64_t len_ = 0;
};

inline std::uint64_t feature_key(std::string_view s) { return FeatureKey().add(s).done(); }

// For token i the hashes of its features are hashes[offsets[i] .. offsets[i+1]).
void refs_crf_feature_hashes(std::string_view text, const TokenSpans& tokens, std::vector<std::uint64_t>& hashes,
                             std::vector<std::uint32_t>& offsets);

}  // namespace scholarmerge::detail
