// A 64-bit hash of a string that is the same in every process on every
// (little-endian) machine: title words, identifiers and title groups are
// known by it, so a distributed run and a single process agree on them.
#pragma once

#include <cstdint>
#include <cstring>
#include <string_view>

namespace scholarmerge {

namespace detail {
// The splitmix64 finaliser: every input bit reaches every output bit.
inline std::uint64_t mix64(std::uint64_t x) {
    x ^= x >> 30;
    x *= 0xbf58476d1ce4e5b9ULL;
    x ^= x >> 27;
    x *= 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}
}  // namespace detail

// Never 0: 0 means "no key" in the columns that carry these.
inline std::uint64_t key_hash(std::string_view s, std::uint64_t seed = 0) {
    std::uint64_t h = detail::mix64(seed ^ 0x9e3779b97f4a7c15ULL ^ s.size());
    std::size_t i = 0;
    for (; i + 8 <= s.size(); i += 8) {
        std::uint64_t w;
        std::memcpy(&w, s.data() + i, 8);
        h = detail::mix64(h ^ w);
    }
    if (i < s.size()) {
        std::uint64_t w = 0;
        std::memcpy(&w, s.data() + i, s.size() - i);
        h = detail::mix64(h ^ w ^ 0xff);
    }
    return h ? h : 1;
}

// Which kind of group key: the same text as a DOI and as a title are different keys.
enum class GroupKey : std::uint64_t { doi = 1, arxiv = 2, title = 3 };

inline std::uint64_t group_key(std::string_view s, GroupKey kind) {
    return key_hash(s, static_cast<std::uint64_t>(kind));
}

}  // namespace scholarmerge
