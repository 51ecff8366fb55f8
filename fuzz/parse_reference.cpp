// Any bytes split into a Work, never a crash; valid UTF-8 in, valid UTF-8 out.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "read/refs.hpp"
#include "text/fold.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view s(reinterpret_cast<const char*>(data), size);
    scholarmerge::Work w = scholarmerge::parse_reference(s);
    using scholarmerge::text::valid_utf8;
    if (valid_utf8(s)) {
        if (!valid_utf8(w.title) || !valid_utf8(w.venue)) __builtin_trap();
        for (const auto& a : w.authors)
            if (!valid_utf8(a.display) || !valid_utf8(a.surname)) __builtin_trap();
        for (const auto& [k, v] : w.extra)
            if (const auto* t = std::get_if<std::string>(&v); t && !valid_utf8(*t)) __builtin_trap();
    }
    return 0;
}
