#include "text/fold.hpp"

#include <simdjson.h>

#include <utf8proc.h>

#include <array>
#include <cstdint>
#include <cstdlib>

#include "utf8.hpp"

namespace scholarmerge::text {

using detail::append_utf8;

// Letters that carry no decomposition in Unicode, so stripping marks cannot
// reach their base letter. The matching form spells them in ASCII.
static const char* base_letter(std::int32_t cp) {
    switch (cp) {
        case 0x0141: case 0x0142: return "l";   // Łł
        case 0x00D8: case 0x00F8: return "o";   // Øø
        case 0x0110: case 0x0111: return "d";   // Đđ
        case 0x00C6: case 0x00E6: return "ae";  // Ææ
        case 0x0152: case 0x0153: return "oe";  // Œœ
        case 0x0131: return "i";                // dotless ı
        case 0x00DE: case 0x00FE: return "th";  // Þþ
        case 0x00F0: return "d";                // ð
        default: return nullptr;
    }
}

namespace {

// The general path: utf8proc over the whole text.
std::string fold_unicode(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    utf8proc_uint8_t* mapped = nullptr;
    auto options = static_cast<utf8proc_option_t>(UTF8PROC_COMPAT | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD |
                                                  UTF8PROC_STRIPMARK | UTF8PROC_IGNORE);
    std::string repaired;
    if (!valid_utf8(s)) {
        repaired = std::string(s);
        repair_utf8(repaired);
        s = repaired;
    }
    utf8proc_ssize_t n = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(s.data()),
                                      static_cast<utf8proc_ssize_t>(s.size()), &mapped, options);
    if (n < 0) return std::string(s);  // cannot happen after repair; keep the text rather than lose it
    const utf8proc_uint8_t* p = mapped;
    const utf8proc_uint8_t* end = mapped + n;
    while (p < end) {
        utf8proc_int32_t cp = 0;
        utf8proc_ssize_t len = utf8proc_iterate(p, end - p, &cp);
        if (len <= 0) break;
        p += len;
        if (cp < 0x80) {
            out += static_cast<char>(cp);
            continue;
        }
        if (const char* b = base_letter(cp)) {
            out += b;
            continue;
        }
        switch (utf8proc_category(cp)) {
            case UTF8PROC_CATEGORY_PD: out += '-'; break;  // every dash
            case UTF8PROC_CATEGORY_PI:
            case UTF8PROC_CATEGORY_PF:  // curly quotes: single stay single
                out += (cp == 0x2018 || cp == 0x2019 || cp == 0x2039 || cp == 0x203A) ? '\'' : '"';
                break;
            case UTF8PROC_CATEGORY_ZS: out += ' '; break;
            default: append_utf8(out, cp);
        }
    }
    std::free(mapped);
    return out;
}

// U+0080..U+027F (Latin-1 Supplement, Latin Extended-A and -B, IPA): the
// non-ASCII letters of most names and titles, two UTF-8 bytes led by C2..C9.
constexpr std::int32_t kLatinFirst = 0x80, kLatinEnd = 0x280;

// Each of those characters folded once by the general path. With the marks
// stripped, none of them composes with a neighbour, so a text of them and
// ASCII folds character by character, without a utf8proc pass.
const std::array<std::string, kLatinEnd - kLatinFirst>& latin_folds() {
    static const auto table = [] {
        std::array<std::string, kLatinEnd - kLatinFirst> t;
        for (std::int32_t cp = kLatinFirst; cp < kLatinEnd; ++cp) {
            std::string c;
            append_utf8(c, cp);
            t[static_cast<std::size_t>(cp - kLatinFirst)] = fold_unicode(c);
        }
        return t;
    }();
    return table;
}

}  // namespace

std::string fold(std::string_view s) {
    // ASCII (most of most texts) lower-cased in a copy, up to the first other byte.
    std::string out(s);
    std::size_t i = 0;
    for (; i < s.size() && static_cast<unsigned char>(s[i]) < 0x80; ++i)
        if (s[i] >= 'A' && s[i] <= 'Z') out[i] = static_cast<char>(s[i] - 'A' + 'a');
    if (i == s.size()) return out;
    out.resize(i);
    for (; i < s.size(); ++i) {
        auto c = static_cast<unsigned char>(s[i]);
        if (c < 0x80) {
            out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : static_cast<char>(c);
        } else if (c >= 0xC2 && c <= 0xC9 && i + 1 < s.size() && (static_cast<unsigned char>(s[i + 1]) & 0xC0) == 0x80) {
            std::int32_t cp = ((c & 0x1F) << 6) | (static_cast<unsigned char>(s[i + 1]) & 0x3F);
            out += latin_folds()[static_cast<std::size_t>(cp - kLatinFirst)];
            ++i;
        } else {
            return fold_unicode(s);  // any other character (or a stray byte): the whole text the general way
        }
    }
    return out;
}

std::size_t first_invalid_utf8(std::string_view s) {
    // simdjson's SIMD validator answers the common case (valid) at memory
    // speed; utf8proc finds the offending byte when there is one.
    if (simdjson::validate_utf8(s.data(), s.size())) return std::string_view::npos;
    auto base = reinterpret_cast<const utf8proc_uint8_t*>(s.data());
    std::size_t i = 0;
    while (i < s.size()) {
        if (base[i] < 0x80) {
            ++i;
            continue;
        }
        utf8proc_int32_t cp;
        utf8proc_ssize_t len = utf8proc_iterate(base + i, static_cast<utf8proc_ssize_t>(s.size() - i), &cp);
        if (len <= 0) return i;
        i += static_cast<std::size_t>(len);
    }
    return std::string_view::npos;
}

bool valid_utf8(std::string_view s) { return first_invalid_utf8(s) == std::string_view::npos; }

std::size_t repair_utf8(std::string& s) {
    if (valid_utf8(s)) return 0;
    std::string out;
    out.reserve(s.size() + 16);
    std::size_t replaced = 0;
    auto p = reinterpret_cast<const utf8proc_uint8_t*>(s.data());
    utf8proc_ssize_t left = static_cast<utf8proc_ssize_t>(s.size());
    while (left > 0) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t len = utf8proc_iterate(p, left, &cp);
        if (len <= 0) {
            out += "\xEF\xBF\xBD";  // U+FFFD
            ++replaced;
            ++p;
            --left;
            continue;
        }
        out.append(reinterpret_cast<const char*>(p), static_cast<std::size_t>(len));
        p += len;
        left -= len;
    }
    s.swap(out);
    return replaced;
}

}  // namespace scholarmerge::text
