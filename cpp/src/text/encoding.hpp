// Byte-level encodings met in the wild before any format is parsed.
#pragma once

#include <string>
#include <string_view>

namespace scholarmerge::text {

enum class Bom { none, utf8, utf16le, utf16be };

// The byte-order mark at the start of s, if any.
Bom detect_bom(std::string_view s);

// UTF-16 (BOM already removed) to UTF-8. Unpaired surrogates and a dangling
// odd byte become U+FFFD; returns how many were replaced through `replaced`.
std::string utf16_to_utf8(std::string_view s, bool little_endian, std::size_t& replaced);

}  // namespace scholarmerge::text
