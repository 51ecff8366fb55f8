// Native-order binary encoding of the catalogue matcher's state
// (incremental/state.cpp, and the field vocabulary's counts, repair.cpp): plain
// values and arrays appended to a string, read back with bounds checked (a cut
// or foreign blob is an error, never a crash).
#pragma once

#include <cstdint>
#include <cstring>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace scholarmerge::state_bytes {

template <class T>
void put(std::string& out, const T& v) {
    static_assert(std::is_trivially_copyable_v<T>);
    out.append(reinterpret_cast<const char*>(&v), sizeof(T));
}

template <class T>
void put_array(std::string& out, const std::vector<T>& v) {
    put<std::uint64_t>(out, v.size());
    if (!v.empty()) out.append(reinterpret_cast<const char*>(v.data()), v.size() * sizeof(T));
}

inline void put_string(std::string& out, std::string_view s) {
    put<std::uint32_t>(out, static_cast<std::uint32_t>(s.size()));
    out.append(s.data(), s.size());
}

inline void put_strings(std::string& out, const std::vector<std::string>& v) {
    put<std::uint32_t>(out, static_cast<std::uint32_t>(v.size()));
    for (const std::string& s : v) put_string(out, s);
}

[[noreturn]] inline void truncated() {
    throw std::invalid_argument("matcher state: the stored bytes end early (cut or not a matcher state)");
}

template <class T>
T get(std::string_view in, std::size_t& pos) {
    static_assert(std::is_trivially_copyable_v<T>);
    if (in.size() - pos < sizeof(T) || pos > in.size()) truncated();
    T v;
    std::memcpy(&v, in.data() + pos, sizeof(T));
    pos += sizeof(T);
    return v;
}

template <class T>
void get_array(std::string_view in, std::size_t& pos, std::vector<T>& v) {
    const auto n = get<std::uint64_t>(in, pos);
    if (n > (in.size() - pos) / sizeof(T)) truncated();
    v.resize(static_cast<std::size_t>(n));
    if (n) std::memcpy(v.data(), in.data() + pos, static_cast<std::size_t>(n) * sizeof(T));
    pos += static_cast<std::size_t>(n) * sizeof(T);
}

inline void get_string(std::string_view in, std::size_t& pos, std::string& s) {
    const auto n = get<std::uint32_t>(in, pos);
    if (n > in.size() - pos) truncated();
    s.assign(in.data() + pos, n);
    pos += n;
}

inline void get_strings(std::string_view in, std::size_t& pos, std::vector<std::string>& v) {
    const auto n = get<std::uint32_t>(in, pos);
    if (n > in.size() - pos) truncated();  // each string takes 4 bytes at least
    v.resize(n);
    for (std::string& s : v) get_string(in, pos, s);
}

// A 64-bit checksum of `s` (and `seed`) that finds damage: each step
// (x ^ word) * odd, rotated, is a bijection of a lane's state, so one changed
// word always changes the result. Four lanes run side by side: a 100 MB state
// is checked in tens of milliseconds, where key_hash's one chain takes 0.4 s.
inline std::uint64_t checksum(std::string_view s, std::uint64_t seed = 0) {
    constexpr std::uint64_t kOdd = 0x9fb21c651e98df25ULL;
    std::uint64_t lane[4] = {seed ^ 0x9e3779b97f4a7c15ULL, seed + 0xbf58476d1ce4e5b9ULL, ~seed, seed ^ s.size()};
    std::size_t i = 0;
    for (; i + 32 <= s.size(); i += 32)
        for (std::size_t k = 0; k < 4; ++k) {
            std::uint64_t w;
            std::memcpy(&w, s.data() + i + 8 * k, 8);
            const std::uint64_t x = (lane[k] ^ w) * kOdd;
            lane[k] = x << 31 | x >> 33;
        }
    for (std::size_t k = 0; i < s.size(); ++i, k = (k + 1) % 4)  // the last bytes one by one
        lane[k] = (lane[k] ^ static_cast<unsigned char>(s[i])) * kOdd;
    std::uint64_t h = 0;
    for (std::uint64_t x : lane) {  // the splitmix64 finaliser over the lanes in turn
        h ^= x;
        h ^= h >> 30, h *= 0xbf58476d1ce4e5b9ULL, h ^= h >> 27, h *= 0x94d049bb133111ebULL, h ^= h >> 31;
    }
    return h;
}

}  // namespace scholarmerge::state_bytes
