// ASCII character classes and case, the same in every locale. The C library's
// (std::isalpha, std::toupper, ...) follow the process's locale, which Python
// sets from the environment: in tr_TR toupper('i') is not 'I', and in a Latin-1
// locale the bytes of UTF-8 text count as letters. Bytes >= 0x80 are never
// letters, digits or spaces here; text beyond ASCII goes through utf8proc (fold.hpp).
#pragma once

namespace scholarmerge::ascii {

constexpr bool is_upper(unsigned char c) { return c >= 'A' && c <= 'Z'; }
constexpr bool is_lower(unsigned char c) { return c >= 'a' && c <= 'z'; }
constexpr bool is_alpha(unsigned char c) { return is_upper(c) || is_lower(c); }
constexpr bool is_digit(unsigned char c) { return c >= '0' && c <= '9'; }
constexpr bool is_alnum(unsigned char c) { return is_alpha(c) || is_digit(c); }
constexpr bool is_space(unsigned char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }
constexpr char to_lower(unsigned char c) { return static_cast<char>(is_upper(c) ? c + ('a' - 'A') : c); }
constexpr char to_upper(unsigned char c) { return static_cast<char>(is_lower(c) ? c - ('a' - 'A') : c); }

}  // namespace scholarmerge::ascii
