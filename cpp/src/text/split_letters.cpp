#include "text/split_letters.hpp"

#include <algorithm>

#include <utf8proc.h>

namespace scholarmerge::text {

std::string_view join_split_letters(std::string_view s, std::string& out) {
    if (std::all_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; })) return s;
    out.clear();
    out.reserve(s.size());
    std::size_t i = 0;
    while (i < s.size()) {
        // " X " with X one multi-byte character, after a letter and before one.
        if (s[i] == ' ' && i + 1 < s.size() && (static_cast<unsigned char>(s[i + 1]) & 0xC0) == 0xC0 && !out.empty() &&
            out.back() != ' ' && out.back() != ',') {
            std::size_t j = i + 2;
            while (j < s.size() && (static_cast<unsigned char>(s[j]) & 0xC0) == 0x80) ++j;
            if (j == s.size() || s[j] == ' ') {
                utf8proc_int32_t cp = -1;
                utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(s.data() + i + 1),
                                 static_cast<utf8proc_ssize_t>(j - i - 1), &cp);
                if (cp >= 0 && utf8proc_isupper(cp)) out += ' ';
                out.append(s.substr(i + 1, j - i - 1));
                i = (j < s.size() && j + 1 < s.size() && s[j + 1] != ',') ? j + 1 : j;
                continue;
            }
        }
        out += s[i++];
    }
    return out;
}

}  // namespace scholarmerge::text
