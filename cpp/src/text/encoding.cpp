#include "text/encoding.hpp"

#include <cstdint>

#include "utf8.hpp"

namespace scholarmerge::text {

Bom detect_bom(std::string_view s) {
    if (s.size() >= 3 && s.substr(0, 3) == "\xEF\xBB\xBF") return Bom::utf8;
    if (s.size() >= 2 && s[0] == '\xFF' && s[1] == '\xFE') return Bom::utf16le;
    if (s.size() >= 2 && s[0] == '\xFE' && s[1] == '\xFF') return Bom::utf16be;
    return Bom::none;
}

std::string utf16_to_utf8(std::string_view s, bool little_endian, std::size_t& replaced) {
    constexpr std::int32_t kReplacement = 0xFFFD;
    replaced = 0;
    std::string out;
    out.reserve(s.size());
    auto unit = [&](std::size_t i) {
        auto lo = static_cast<unsigned char>(s[little_endian ? i : i + 1]);
        auto hi = static_cast<unsigned char>(s[little_endian ? i + 1 : i]);
        return static_cast<std::int32_t>(hi << 8 | lo);
    };
    std::size_t i = 0;
    for (; i + 1 < s.size(); i += 2) {
        std::int32_t u = unit(i);
        if (u >= 0xD800 && u <= 0xDBFF && i + 3 < s.size()) {
            std::int32_t low = unit(i + 2);
            if (low >= 0xDC00 && low <= 0xDFFF) {
                detail::append_utf8(out, 0x10000 + ((u - 0xD800) << 10) + (low - 0xDC00));
                i += 2;
                continue;
            }
        }
        if (u >= 0xD800 && u <= 0xDFFF) {
            u = kReplacement;
            ++replaced;
        }
        detail::append_utf8(out, u);
    }
    if (i < s.size()) {
        detail::append_utf8(out, kReplacement);
        ++replaced;
    }
    return out;
}

}  // namespace scholarmerge::text
