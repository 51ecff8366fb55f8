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

}  // namespace scholarmerge::state_bytes
