// Unicode folding for matching (never for display): NFKC, case folding,
// diacritics removed, punctuation and dash variants unified. Built on utf8proc.
#pragma once

#include <string>
#include <string_view>

namespace scholarmerge::text {

// "Łukasz" -> "lukasz", "What’s" -> "what's", "Crank–Nicolson" -> "crank-nicolson".
std::string fold(std::string_view s);

// Byte offset of the first invalid UTF-8 sequence, or npos.
std::size_t first_invalid_utf8(std::string_view s);

// True when s is valid UTF-8.
bool valid_utf8(std::string_view s);

// Replaces each invalid UTF-8 sequence with U+FFFD; returns how many were replaced.
std::size_t repair_utf8(std::string& s);

}  // namespace scholarmerge::text
