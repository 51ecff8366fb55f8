#include "scholarmerge/names/parse.hpp"

#include <utf8proc.h>

#include <algorithm>
#include <cstdint>
#include <cstring>

#include "scholarmerge/names/match.hpp"
#include "text/fold.hpp"
#include "text/lines.hpp"
#include "text/markup.hpp"
#include "text/ascii.hpp"
#include "../text/words.hpp"

namespace scholarmerge {

namespace {

using text::trim;

// Calls f(word) for each word of s (a view into it), split at spaces and
// tabs, until f returns false.
template <class F>
void each_word(std::string_view s, F&& f) {
    std::size_t start = 0;
    for (std::size_t i = 0; i <= s.size(); ++i) {
        if (i < s.size() && s[i] != ' ' && s[i] != '\t') continue;
        if (i > start && !f(s.substr(start, i - start))) return;
        start = i + 1;
    }
}

std::vector<std::string_view> split_words(std::string_view s) {
    std::vector<std::string_view> words;
    each_word(s, [&](std::string_view w) { return words.push_back(w), true; });
    return words;
}

// fold() keeps every ASCII character, lower-cased: a word with an ASCII
// character outside `chars` cannot fold into a word spelt with them. Spares
// fold's Unicode pass (most of a name's parse) for "Müller" and the like.
bool may_fold_into(std::string_view w, std::string_view chars) {
    for (char c : w) {
        if (static_cast<unsigned char>(c) >= 0x80) continue;
        char low = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
        // A loop, not find(): chars are a dozen letters, and memchr's call costs more than the search.
        bool in = false;
        for (char x : chars) in |= x == low;
        if (!in) return false;
    }
    return true;
}

bool is_suffix(std::string_view w) {
    if (!may_fold_into(w, "jrsiv.,")) return false;
    std::string f = text::fold(w);
    if (!f.empty() && f.back() == '.') f.pop_back();
    if (!f.empty() && f.back() == ',') f.pop_back();
    return f == "jr" || f == "sr" || f == "ii" || f == "iii" || f == "iv";
}

// Degrees and post-nominal letters, as written (case matters: "MD" is a
// degree, "Md" a given name): suffixes, never a given name or surname.
bool is_postnominal(std::string_view w) {
    if (w.size() < 2 || w.size() > 8) return false;
    if (w.back() == ',') w.remove_suffix(1);
    // Every one but "Esq." has two capitals; a surname rarely does ("McDonald").
    int capitals = 0;
    for (char c : w) capitals += ascii::is_upper(c);
    if (capitals < 2 && w.substr(0, 3) != "Esq") return false;
    static const char* letters[] = {"PhD", "Ph.D.", "Ph.D", "PHD", "MD", "M.D.", "M.D", "DPhil", "D.Phil.", "MSc",
                                    "M.Sc.", "MBA", "JD", "J.D.", "LLM", "LL.M.", "DDS", "D.D.S.", "FRS", "FRCP",
                                    "FRCS", "FACP", "FACS", "MPH", "Esq.", "Esq", "CPA", "DSc", "D.Sc.", "EdD",
                                    "PsyD", "MBBS", "DVM", "PharmD", "MPhil", "BSc", "B.Sc.", "M.A.", "B.A.",
                                    "RN", "FRSE", "FREng", "FBA", "FAAN", "FRSC", "DrPH", "ScD", "Sc.D."};
    for (const char* l : letters)
        if (w == l) return true;
    return false;
}

// Titles before a name: "Dr.", "Prof.", "Professor", "Mrs", "Sir". Asked of
// every given name: by length, lower-cased on the stack. ("Hon" is a given
// name as often as a title: not one.)
bool is_honorific(std::string_view w) {
    if (!w.empty() && w.back() == '.') w.remove_suffix(1);
    // Most given names are of a length no title has, or start with a letter none does.
    if (w.size() < 2 || w.size() == 7 || w.size() == 8 || w.size() > 9) return false;
    switch (ascii::to_lower(w[0])) {
        case 'd': case 'p': case 'm': case 's': case 'r': case 'a': break;
        default: return false;
    }
    char buf[9];
    for (std::size_t i = 0; i < w.size(); ++i) buf[i] = ascii::to_lower(w[i]);
    std::string_view l(buf, w.size());
    switch (w.size()) {
        case 2: return l == "dr" || l == "mr" || l == "ms" || l == "mx";
        case 3: return l == "mrs" || l == "sir" || l == "rev" || l == "mme" || l == "sen" || l == "rep";
        case 4: return l == "prof" || l == "miss" || l == "dame" || l == "revd" || l == "mlle" || l == "asst";
        case 5: return l == "assoc";
        case 6: return l == "doctor";
        case 9: return l == "professor";
        default: return false;
    }
}

// A nickname set off in quotes or parentheses: "'Corky'", "\"Bob\"", "(DK)",
// "“Bobby”". Kept apart from the given name ("'t Hooft" is no nickname).
bool is_nickname(std::string_view w) {
    if (w.size() < 3) return false;
    char a = w.front(), b = w.back();
    if ((a == '(' && b == ')') || (a == '"' && b == '"') || (a == '\'' && b == '\'')) return true;
    return (text::starts_with(w, "“") && text::ends_with(w, "”")) || (text::starts_with(w, "‘") && text::ends_with(w, "’"));
}

// Whether s has a character a nickname is set off with (quotes, '(', the
// lead byte of “ and ‘): one branch-free pass, before the words are looked at.
bool may_hold_nickname(std::string_view s) {
    unsigned char found = 0;
    for (char c : s) found |= static_cast<unsigned char>(c == '\'' || c == '"' || c == '(' || c == '\xE2');
    return found;
}

// Every word of a comma-separated part a suffix or post-nominal: "Jr.", "III", "M.D.", "PhD".
bool suffix_part(std::string_view p) {
    bool any = false, all = true;
    each_word(p, [&](std::string_view w) {
        any = true;
        if (!is_suffix(w) && !is_postnominal(w)) all = false;
        return all;
    });
    return any && all;
}

bool is_particle(std::string_view w) {
    static const char* particles[] = {"van", "von", "der", "den", "de", "la", "le", "du", "di", "da",
                                      "del", "della", "des", "dos", "das", "ten", "ter", "bin", "al", "el"};
    if (w == "'t" || w == "’t") return true;                // Dutch: Gerard 't Hooft
    if (!may_fold_into(w, "abdeilnorstuv")) return false;  // the particles' letters
    std::string f = text::fold(w);
    for (const char* p : particles)
        if (f == p) return true;
    return false;
}

// Where the surname of "Given ... Surname" starts. BibTeX's von rule: at the
// first lower-case particle after the first word ("Charles Louis Xavier
// Joseph de la Vallée Poussin", "Wim de Leeuw van Weenen"); else at the
// particles before the last word ("Andrea Del Sarto"), and a Spanish "y"
// joins two family names ("José Ortega y Gasset").
std::size_t surname_start(const std::vector<std::string_view>& words) {
    std::size_t start = words.size() - 1;
    for (std::size_t i = 1; i < start; ++i)
        if (ascii::is_lower(words[i][0]) && is_particle(words[i])) {
            while (i > 1 && is_particle(words[i - 1])) --i;  // "Jan Van den Bussche"
            return i;
        }
    if (start > 2 && words[start - 1] == "y") start -= 2;
    while (start > 1 && is_particle(words[start - 1])) --start;
    return start;
}

// Upper-case letters only, at most three: "ZW" in PubMed's "Yao ZW".
bool is_initials_block(std::string_view w) {
    if (w.empty() || w.size() > 3) return false;
    return std::all_of(w.begin(), w.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

bool non_ascii(std::string_view s) {
    return std::any_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
}

// Calls f(codepoint) for each character of UTF-8 s until f returns true.
template <class F>
bool any_codepoint(std::string_view s, F&& f) {
    const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(s.data());
    utf8proc_ssize_t left = static_cast<utf8proc_ssize_t>(s.size());
    while (left > 0) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t n = utf8proc_iterate(p, left, &cp);
        if (n <= 0) return false;
        if (f(cp)) return true;
        p += n;
        left -= n;
    }
    return false;
}

// Case in any script: "Řehůřek" has a capital, though not an ASCII one.
// One pass for ASCII (asked several times of every name); utf8proc only
// for text with other characters and no ASCII letter of that case.
__attribute__((noinline)) bool unicode_has_lower(std::string_view s) {
    return any_codepoint(s, [](utf8proc_int32_t cp) { return cp >= 0x80 && utf8proc_islower(cp); });
}
__attribute__((noinline)) bool unicode_has_upper(std::string_view s) {
    return any_codepoint(s, [](utf8proc_int32_t cp) { return cp >= 0x80 && utf8proc_isupper(cp); });
}
inline bool has_lower(std::string_view s) {
    unsigned char high = 0;
    for (char c : s) {
        if (c >= 'a' && c <= 'z') return true;
        high |= static_cast<unsigned char>(c) & 0x80;
    }
    return high && unicode_has_lower(s);
}
inline bool has_upper(std::string_view s) {
    unsigned char high = 0;
    for (char c : s) {
        if (c >= 'A' && c <= 'Z') return true;
        high |= static_cast<unsigned char>(c) & 0x80;
    }
    return high && unicode_has_upper(s);
}

// s lower-cased, its letters kept as written ("ŘEHŮŘEK" -> "řehůřek").
std::string lower_letters(std::string_view s) {
    std::string out;
    any_codepoint(s, [&](utf8proc_int32_t cp) {
        utf8proc_uint8_t buf[4];
        utf8proc_ssize_t n = utf8proc_encode_char(utf8proc_tolower(cp), buf);
        out.append(reinterpret_cast<char*>(buf), static_cast<std::size_t>(n));
        return false;
    });
    return out;
}

// Single letters joined by '.' or '-', in either case: "m", "R.", "r.l",
// "J.-P.". Two letters in a row make a word ("li", "ng"), not initials.
bool is_dotted_initials(std::string_view w) {
    bool any = false, prev_letter = false;
    for (std::size_t i = 0; i < w.size(); ++i) {
        unsigned char c = static_cast<unsigned char>(w[i]);
        if (c == '.' || c == '-') {
            prev_letter = false;
            continue;
        }
        if (c >= 0x80 && c < 0xC0) continue;  // UTF-8 continuation: same letter ("Ł.")
        if (prev_letter || !(ascii::is_alpha(c) || c >= 0xC0)) return false;
        any = prev_letter = true;
    }
    return any;
}

// An initials word: dotted initials, or (when the text has lower case
// elsewhere, so capitals mean something) a PubMed block such as "ZW".
bool is_initial_word(std::string_view w, bool blocks) {
    return is_dotted_initials(w) || (blocks && is_initials_block(w));
}

// "y.mansour", "K.Selçuk": a dotted initial glued to the next name. Split
// after the last dot when a name of two or more letters follows it;
// "Y.W." and "r.l" stay whole.
void unglue_initials(std::string_view word, std::vector<std::string_view>& out) {
    auto dot = word.rfind('.');
    if (dot == std::string_view::npos || dot + 2 >= word.size()) return out.push_back(word);
    std::string_view head = word.substr(0, dot + 1), tail = word.substr(dot + 1);
    unsigned char first = static_cast<unsigned char>(tail[0]);
    bool name_follows = (ascii::is_alpha(first) || first >= 0xC0) && tail.find('.') == std::string_view::npos;
    if (!name_follows || !is_dotted_initials(head)) return out.push_back(word);
    out.push_back(head);
    out.push_back(tail);
}

// First letter of each given-name part, upper-cased: "M. W." -> "MW", "Seung-won" -> "SW".
std::string initials_of(std::string_view given) {
    std::string out;
    bool at_start = true;
    for (std::size_t i = 0; i < given.size(); ++i) {
        unsigned char c = static_cast<unsigned char>(given[i]);
        if (c == ' ' || c == '.' || c == '-') {
            at_start = true;
            continue;
        }
        if (at_start) {
            if (c < 0x80) {
                out += ascii::to_upper(c);
            } else {
                // A non-ASCII initial: its folded form's first letter.
                std::size_t len = (c >= 0xF0) ? 4 : (c >= 0xE0) ? 3 : 2;
                std::string f = text::fold(given.substr(i, len));
                // Initials are ASCII letters: "Ł" gives "L"; a letter with no
                // Latin form gives none rather than half a UTF-8 sequence.
                if (!f.empty() && ascii::is_alpha(f[0]))
                    out += ascii::to_upper(f[0]);
                i += len - 1;
            }
            at_start = false;
        }
    }
    return out;
}

// "seung-won" -> "Seung-Won" is wrong for Korean names; only the first letter
// of each space-separated word is raised, the rest kept. Given names also
// raise the letter after a dot ("l.g." -> "L.G.").
std::string capitalise_words(std::string_view s, bool after_hyphen = false, bool after_dot = false) {
    if (non_ascii(s)) {
        // The same, by code point: "émile" -> "Émile", "řehůřek" -> "Řehůřek".
        std::string out;
        bool start = true;
        any_codepoint(s, [&](utf8proc_int32_t cp) {
            bool sep = cp == ' ' || (after_hyphen && (cp == '-' || cp == '\'')) || (after_dot && cp == '.');
            utf8proc_int32_t c = !sep && start ? utf8proc_toupper(cp) : cp;
            start = sep;
            utf8proc_uint8_t buf[4];
            utf8proc_ssize_t n = utf8proc_encode_char(c, buf);
            out.append(reinterpret_cast<char*>(buf), static_cast<std::size_t>(n));
            return false;
        });
        return out;
    }
    std::string out(s);
    bool start = true;
    for (char& c : out) {
        if (c == ' ' || (after_hyphen && (c == '-' || c == '\'')) || (after_dot && c == '.')) {
            start = true;
            continue;
        }
        if (start && c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
        start = false;
    }
    return out;
}

// The last steps of every parse, given and surname found: case, initials,
// key. `display` is the name's display text (less any suffix).
void finish_name(Author& a, std::string_view display) {
    // All-lower or all-caps input says nothing about case: use title case.
    std::string& surname = a.surname;
    if ((!has_upper(surname) && has_lower(surname)) || (!has_lower(surname) && surname.size() > 3)) {
        // Lower-cased, not folded: the letters stay as written (the key folds).
        std::string low = non_ascii(surname) ? lower_letters(surname) : text::fold(surname);
        // Surnames raise each hyphenated part ("Cesa-Bianchi"); given names do not ("Seung-won").
        if (!has_lower(surname) || !has_upper(surname)) surname = capitalise_words(low, true);
    }
    if (!has_upper(a.given) && has_lower(a.given)) a.given = capitalise_words(a.given, false, true);
    // Given names that are all initials: every capital of a PubMed block is
    // one ("Yao ZW" -> "ZW"), where initials_of would keep only "Z".
    std::string initials_src;
    bool all_initials = true;
    each_word(a.given, [&](std::string_view w) {
        if (!is_initial_word(w, has_lower(display))) {
            all_initials = false;
            return false;
        }
        if (is_dotted_initials(w))
            (initials_src += w) += ' ';
        else
            for (char c : w) (initials_src += c) += ' ';
        return true;
    });
    a.initials = initials_of(all_initials ? std::string_view(initials_src) : std::string_view(a.given));
    a.key = name_key(a);
}

// The shapes most names take: "Given Surname", "Given Middle Surname",
// "J. Smith", "J. A. Smith", "J.-P. Smith" and "Surname, Given",
// "Surname, J.", "Surname, J. A.". Words of letters (ASCII or not), hyphens,
// apostrophes and dots, one space between them, at most one comma (followed
// by its space). parse_name_reference's steps before finish_name leave such
// a name as written and cut it where this does, so they are skipped (most of
// a parse); any name whose words those steps would look at twice (titles,
// suffixes, degrees, particles, nicknames, initials last, glued initials) is
// left to them. Excluded: markup, entities, LaTeX, digits, other spaces
// (0xC2 leads U+00A0, the no-break space). tests/python/test_name_fast_path.py
// checks both agree on every benchmark name and a generated set.
// Byte classes for common_shape's scan, one table lookup a byte instead of a
// chain of comparisons whose outcome changes from letter to letter.
enum : std::uint8_t { kInWord = 1, kDot = 2, kSpace = 4, kComma = 8, kOther = 16, kWordStart = 32, kLower = 64, kHigh = 128 };
struct ShapeClasses {
    std::uint8_t of[256];
    constexpr ShapeClasses() : of() {
        for (int c = 0; c < 256; ++c) {
            // '?': a letter some export could not encode ("M. Tamer ?zsu"); 0xC2 leads U+00A0.
            bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= 0x80 && c != 0xC2) || c == '?';
            std::uint8_t k = letter || c == '-' || c == '\'' ? kInWord : c == '.' ? kDot : c == ' ' ? kSpace : c == ',' ? kComma : kOther;
            // A word starts with a letter: no nickname in quotes, no "'t", no lone dash, no continuation byte.
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0xC3 || c == '?') k |= kWordStart;
            if (c >= 'a' && c <= 'z') k |= kLower;
            if (c >= 0x80) k |= kHigh;
            of[c] = k;
        }
    }
};
constexpr ShapeClasses kShape;

// What common_shape finds: the name cut into given names and surname (views
// into it), and what its scan saw, so that the finish need not look again.
struct Shape {
    std::string_view given, surname;
    bool ascii = true;         // no byte >= 0x80
    bool ascii_lower = false;  // an ASCII lower-case letter
};

bool common_shape(std::string_view s, Shape& shape) {
    std::string_view& given = shape.given;
    std::string_view& surname = shape.surname;
    const std::size_t n = s.size();
    if (n < 3) return false;
    std::size_t comma = std::string_view::npos, last_space = std::string_view::npos, first_space = std::string_view::npos;
    const auto* u = reinterpret_cast<const unsigned char*>(s.data());
    if (!(kShape.of[u[0]] & kWordStart)) return false;
    std::uint8_t seen = 0;
    std::size_t spaces = 0;  // words - 1, single spaces only
    for (std::size_t i = 0; i < n; ++i) {
        std::uint8_t k = kShape.of[u[i]];
        seen |= k;
        if (!(k & (kSpace | kComma | kOther))) continue;
        if (k & kSpace) {
            // Not first (checked above), not last, not doubled; the next word starts with a letter.
            if (i + 1 == n || !(kShape.of[u[i + 1]] & kWordStart)) return false;
            if (first_space == std::string_view::npos) first_space = i;
            last_space = i;
            ++spaces;
        } else if (k & kComma) {
            if (comma != std::string_view::npos || i == 0 || i + 2 >= n || s[i + 1] != ' ' || s[i - 1] == ' ') return false;
            comma = i;
        } else {
            return false;
        }
    }
    if (last_space == std::string_view::npos) return false;
    const bool dots = seen & kDot;
    shape.ascii_lower = seen & kLower;
    shape.ascii = !(seen & kHigh);
    if (comma != std::string_view::npos) {
        // "Surname, Given": the given part no suffix ("Smith, Jr."), no title
        // before it ("Smith, Dr. John"), no nickname in it; the surname part
        // no suffix after it ("Smith Jr., John").
        std::string_view sur = s.substr(0, comma), giv = s.substr(comma + 2);
        if (suffix_part(giv)) return false;
        if (auto sp = sur.rfind(' '); sp != std::string_view::npos) {
            std::string_view last = sur.substr(sp + 1);
            if (is_suffix(last) || is_postnominal(last)) return false;
        }
        if (auto sp = giv.find(' '); sp != std::string_view::npos && is_honorific(giv.substr(0, sp))) return false;
        if (may_hold_nickname(giv)) {
            bool nickname = false;
            each_word(giv, [&](std::string_view w) { return !(nickname = is_nickname(w)); });
            if (nickname) return false;
        }
        given = giv;
        surname = sur;
        return true;
    }
    // "Given ... Surname". Dotted words are initials ending in a dot ("J.",
    // "J.A.", "J.-P."): "y.mansour" is two words glued, for the full steps.
    const std::size_t words = spaces + 1;
    if (dots) {
        bool ok = true;
        each_word(s, [&](std::string_view w) {
            if (w.find('.') != std::string_view::npos) ok = w.back() == '.' && is_dotted_initials(w);
            return ok;
        });
        if (!ok) return false;
    }
    given = s.substr(0, last_space);
    surname = s.substr(last_space + 1);
    std::string_view first = s.substr(0, first_space);
    if (is_honorific(first) || is_suffix(surname) || (words > 2 && is_postnominal(surname))) return false;
    // "Yao ZW", "Smith J.": initials last. An ASCII lower-case letter seen in the scan answers has_lower.
    if (is_initial_word(surname, (seen & kLower) || has_lower(s))) return false;
    if (words > 2) {
        // A particle or a Spanish "y" among the middle words starts or joins the
        // surname ("Jan van Dyk", "Wim de Leeuw van Weenen", "Ortega y Gasset"):
        // surname_start's rule, for the full steps.
        bool joined = false;
        each_word(given.substr(first_space + 1), [&](std::string_view w) { return !(joined = is_particle(w) || w == "y"); });
        if (joined) return false;
        if (may_hold_nickname(s)) {
            bool nickname = false;
            each_word(given.substr(first_space + 1), [&](std::string_view w) { return !(nickname = is_nickname(w)); });
            if (nickname) return false;
        }
    }
    return true;
}

// finish_name for an ASCII name the shortcut cut, written into a's strings
// in place (no temporaries): the same case rules, initials and key.
// `display_lower`: the display text has a lower-case letter (the scan saw it).
void finish_ascii_name(Author& a, bool display_lower) {
    // Whether s has an upper-case and a lower-case letter, in one pass.
    auto cases = [](std::string_view s, bool& up, bool& low) {
        unsigned u = 0, l = 0;
        for (char c : s) {
            u |= ascii::is_upper(c);
            l |= ascii::is_lower(c);
        }
        up = u, low = l;
    };
    std::string& surname = a.surname;
    bool su, sl;
    cases(surname, su, sl);
    if ((!su && sl) || (!sl && surname.size() > 3)) {
        // Title case, each hyphenated or apostrophised part raised ("Cesa-Bianchi", "O'Brien").
        bool start = true;
        for (char& c : surname) {
            c = ascii::to_lower(c);
            if (c == ' ' || c == '-' || c == '\'') {
                start = true;
                continue;
            }
            if (start) c = ascii::to_upper(c);
            start = false;
        }
    }
    std::string& given = a.given;
    bool gu, gl;
    cases(given, gu, gl);
    if (!gu && gl) {
        bool start = true;  // raised after a space or a dot ("l.g." -> "L.G."), not a hyphen ("Seung-won")
        for (char& c : given) {
            if (c == ' ' || c == '.') {
                start = true;
                continue;
            }
            if (start) c = ascii::to_upper(c);
            start = false;
        }
    }
    // Initials: every capital of PubMed blocks when the given names are all
    // initials ("ZW"), else the first letter of each part. Built on the
    // stack and assigned once: a name has fewer initials than letters.
    char buf[256];
    std::size_t k = 0;
    const bool small = given.size() < sizeof buf && surname.size() + 2 < sizeof buf;
    if (small) {
        // One pass: each word's first letters, and whether every word is an
        // initials word; a PubMed block among all-initials words then gives
        // all its capitals, so the pass is redone only for names with a block.
        bool all_initials = true, block = false;
        // The capital opening each part of a word ("Jean-Paul", "J.-P.").
        auto take_initials = [&](std::string_view w) {
            bool at_start = true;
            for (char c : w) {
                if (c == '.' || c == '-') {
                    at_start = true;
                    continue;
                }
                if (at_start) buf[k++] = ascii::to_upper(c);
                at_start = false;
            }
        };
        each_word(given, [&](std::string_view w) {
            if (all_initials) {
                bool dotted = is_dotted_initials(w);
                all_initials = dotted || (display_lower && is_initials_block(w));
                block |= all_initials && !dotted;
            }
            take_initials(w);
            return true;
        });
        if (all_initials && block) {
            k = 0;
            each_word(given, [&](std::string_view w) {
                if (!is_dotted_initials(w)) {
                    for (char c : w) buf[k++] = c;  // a block: capitals already
                    return true;
                }
                take_initials(w);
                return true;
            });
        }
        a.initials.assign(buf, k);
    } else {
        bool all_initials = true;
        each_word(given, [&](std::string_view w) { return all_initials = is_initial_word(w, display_lower); });
        a.initials.clear();
        each_word(given, [&](std::string_view w) {
            if (all_initials && !is_dotted_initials(w)) {
                a.initials += w;  // a block: capitals already
                return true;
            }
            bool at_start = true;
            for (char c : w) {
                if (c == '.' || c == '-') {
                    at_start = true;
                    continue;
                }
                if (at_start) a.initials += ascii::to_upper(c);
                at_start = false;
            }
            return true;
        });
    }
    // The key: the surname lower-cased without separators, a space and the first initial.
    const char first = a.initials.empty() ? 0 : ascii::to_lower(a.initials[0]);
    if (small) {
        k = 0;
        for (char c : surname) {
            buf[k] = ascii::to_lower(c);
            k += !(c == ' ' || c == '-' || c == '\'' || c == '.' || c == ',');
        }
        if (first) buf[k++] = ' ', buf[k++] = first;
        a.key.assign(buf, k);
        return;
    }
    a.key.clear();
    for (char c : surname)
        if (!(c == ' ' || c == '-' || c == '\'' || c == '.' || c == ',')) a.key += ascii::to_lower(c);
    if (first) {
        a.key += ' ';
        a.key += first;
    }
}

}  // namespace

void parse_name_into(std::string_view input, Author& a) {
    Shape shape;
    if (!common_shape(input, shape)) {
        a = parse_name_reference(input);
        return;
    }
    // Assigned, not constructed: a reused Author keeps its strings' room.
    a.raw.assign(input);
    a.display.assign(input);
    a.given.assign(shape.given);
    a.surname.assign(shape.surname);
    a.suffix.clear();
    a.id.clear();
    a.affiliations.clear();
    a.equal_contribution = a.highlighted = false;
    if (!shape.ascii)
        finish_name(a, input);
    else
        finish_ascii_name(a, shape.ascii_lower);
}

bool parse_name_takes_shortcut(std::string_view input) {
    Shape shape;
    return common_shape(input, shape);
}

Author parse_name(std::string_view input) {
    Author a;
    parse_name_into(input, a);
    return a;
}

Author parse_name_reference(std::string_view input) {
    Author a;
    a.raw = std::string(trim(input));
    // Markup and marks removed step by step; most names need none of the
    // steps, and are not copied until one changes them.
    std::string_view t = a.raw;
    std::string changed;
    auto has = [&t](char c) { return t.find(c) != std::string_view::npos; };
    if (has('*') || has('<')) {
        if (t.find("**") != std::string_view::npos || t.find("<b>") != std::string_view::npos ||
            t.find("<strong>") != std::string_view::npos || t.find("<u>") != std::string_view::npos) {
            a.highlighted = true;
        }
        if (t.find("<sup>*</sup>") != std::string_view::npos || t.find("<sup>†</sup>") != std::string_view::npos) {
            a.equal_contribution = true;
        }
    }
    if (has('<')) t = changed = text::strip_tags(t);
    if (has('&')) t = changed = text::decode_entities(t);
    if (has('*')) {
        std::string starless;
        for (std::size_t k = 0; k < t.size(); ++k)  // "Williams\*": Markdown's escaped star, the same mark
            if (t[k] != '*' && !(t[k] == '\\' && k + 1 < t.size() && t[k + 1] == '*')) starless += t[k];
        t = changed = std::move(starless);
        if (!a.highlighted) a.equal_contribution = true;
    }
    // "_Z. Yao_", "__Z. Yao__", "**_Z. Yao_**": Markdown emphasis by
    // underscores, how some pages mark their owner.
    if (t.size() > 2 && t.front() == '_' && t.back() == '_') {
        while (!t.empty() && t.front() == '_') t.remove_prefix(1);
        while (!t.empty() && t.back() == '_') t.remove_suffix(1);
        t = changed = std::string(trim(t));
        a.highlighted = true;
    }
    // "Z. Yao†" style marks and stray digits of affiliation footnotes.
    while (!t.empty() && (ascii::is_digit(t.back()) || t.back() == ',')) t.remove_suffix(1);
    a.display = text::squeeze_spaces(text::decode_latex(t));
    std::string_view d = a.display;

    std::string given, surname;
    // Suffixes and degrees, wherever they stand, in the order written.
    auto add_suffix = [&a](std::string_view sfx) {
        if (!sfx.empty()) (a.suffix.empty() ? a.suffix : a.suffix += ", ") += sfx;
    };
    // Comma-separated parts: the name's, and suffix parts anywhere after the
    // first ("Ford, Jr., Henry", "Arthur Gray, Jr., M.D.", "Smith, John, PhD").
    thread_local std::vector<std::string_view> kept;
    kept.clear();
    if (d.find(',') != std::string_view::npos) {
        std::size_t start = 0;
        for (std::size_t i = 0; i <= d.size(); ++i) {
            if (i < d.size() && d[i] != ',') continue;
            std::string_view part = trim(d.substr(start, i - start));
            start = i + 1;
            if (part.empty()) continue;
            // "Utembe, SR": capitals alone as the whole given part are initials (S. R.), not "Sr".
            bool initials_only = kept.size() == 1 && i == d.size() && part.size() == 2 &&
                                 ascii::is_upper(part[0]) && ascii::is_upper(part[1]);
            if (!kept.empty() && !initials_only && suffix_part(part)) add_suffix(part);
            else kept.push_back(part);
        }
    }
    if (kept.size() >= 2) {
        // "Surname, Given" or "Surname, Given, more": the more is a suffix.
        // Views are cut, not words split and joined: most names need neither step.
        std::string_view sur = kept[0];
        std::string trailing;  // "Smith Jr., John": the suffix written with the surname
        for (auto sp = sur.rfind(' '); sp != std::string_view::npos; sp = sur.rfind(' ')) {
            std::string_view last = sur.substr(sp + 1);
            if (!is_suffix(last) && !is_postnominal(last)) break;
            trailing = trailing.empty() ? std::string(last) : std::string(last).append(" ").append(trailing);
            sur = trim(sur.substr(0, sp));
        }
        surname = std::string(sur);
        if (!trailing.empty()) {
            std::string more = a.suffix;
            a.suffix = trailing;
            add_suffix(more);
        }
        for (std::size_t i = 2; i < kept.size(); ++i) add_suffix(kept[i]);
        // "Smith, Dr. John": titles are no given name.
        std::string_view giv = kept[1];
        for (auto sp = giv.find(' '); sp != std::string_view::npos && is_honorific(giv.substr(0, sp)); sp = giv.find(' '))
            giv = trim(giv.substr(sp + 1));
        // "Cartwright, Robert 'Corky'": nor are nicknames.
        if (may_hold_nickname(giv)) {
            thread_local std::vector<std::string_view> words;
            words.clear();
            each_word(giv, [&](std::string_view w) { return words.push_back(w), true; });
            words.erase(std::remove_if(words.begin(), words.end(), is_nickname), words.end());
            given = text::detail::join_words(words, 0, words.size());
        } else {
            given = std::string(giv);
        }
    } else {
        if (!kept.empty()) d = kept[0];
        thread_local std::vector<std::string_view> words;  // views into a.display; reused, one allocation
        words.clear();
        each_word(d, [&](std::string_view w) { return unglue_initials(w, words), true; });
        // "Dr. John Smith", "Prof. Dr. Hans Müller": titles are no given name.
        std::size_t titles = 0;
        while (titles + 1 < words.size() && is_honorific(words[titles])) ++titles;
        if (titles) words.erase(words.begin(), words.begin() + static_cast<long>(titles));
        // "Robert 'Corky' Cartwright", "Dhabaleswar K (DK) Panda": the nickname is neither name.
        if (words.size() > 2 && may_hold_nickname(d))
            words.erase(std::remove_if(words.begin() + 1, words.end() - 1, is_nickname), words.end() - 1);
        // "Jane Doe MD", "John Smith Jr.", "Arthur Gray Jr. MD": trailing suffixes and degrees.
        std::string trailing;
        while ((words.size() > 1 && is_suffix(words.back())) || (words.size() > 2 && is_postnominal(words.back()))) {
            trailing = trailing.empty() ? std::string(words.back()) : std::string(words.back()).append(", ").append(trailing);
            words.pop_back();
        }
        if (!trailing.empty()) {
            std::string more = a.suffix;
            a.suffix = trailing;
            add_suffix(more);
        }
        // "Surname initials" ("Yao ZW", "rivest r.l.", "kearns m. j"): the
        // initials come last and the first word is not one.
        bool blocks = has_lower(d);
        std::size_t first_initial = words.size();
        while (first_initial > 1 && is_initial_word(words[first_initial - 1], blocks)) --first_initial;
        if (first_initial < words.size() && !is_initial_word(words.front(), blocks)) {
            given = text::detail::join_words(words, first_initial, words.size());
            surname = text::detail::join_words(words, 0, first_initial);
        } else if (!words.empty()) {
            std::size_t start = surname_start(words);
            surname = text::detail::join_words(words, start, words.size());
            given = text::detail::join_words(words, 0, start);
        }
    }
    a.given = std::move(given);
    a.surname = std::move(surname);
    finish_name(a, d);
    return a;
}

Author author_from_parts(std::string_view given, std::string_view family, std::string_view suffix) {
    given = trim(given);
    family = trim(family);
    suffix = trim(suffix);
    if (family.empty()) return parse_name(given);
    // Parts in the places other writers put them (Google Scholar's BibTeX):
    // "III, Berrien Moore" (the suffix where the family name goes) and
    // "Moore, B, III" (Last, First, Jr rather than BibTeX's Last, Jr, First).
    if (is_suffix(family) && suffix.empty() && split_words(given).size() >= 2) {
        std::string written(given);
        return parse_name(written.append(" ").append(family));
    }
    if (!suffix.empty() && is_suffix(given) && !is_suffix(suffix) && !is_postnominal(suffix)) std::swap(given, suffix);
    // "Family, Given, Suffix", appended in place (no temporaries).
    std::string written;
    written.reserve(family.size() + given.size() + suffix.size() + 4);
    written.append(family);
    if (!given.empty() || !suffix.empty()) written.append(", ").append(given);
    if (std::string_view sfx = trim(suffix); !sfx.empty()) written.append(", ").append(sfx);
    Author a = parse_name(written);
    std::string joined;  // "Given Family"
    joined.reserve(given.size() + family.size() + 1);
    joined.append(given).append(" ").append(family);
    std::string display = text::squeeze_spaces(text::decode_latex(joined));
    // The suffix once: "Moore III, Berrien" already ends in it.
    if (!a.suffix.empty() && (display.size() < a.suffix.size() + 1 ||
                              display.compare(display.size() - a.suffix.size() - 1, std::string::npos, " " + a.suffix) != 0))
        display.append(" ").append(a.suffix);
    a.raw = display;
    a.display = std::move(display);
    return a;
}

Author author_from_fixed_parts(std::string_view given, std::string_view family, std::string_view suffix) {
    Author a;
    a.given = text::squeeze_spaces(trim(given));
    a.surname = text::squeeze_spaces(trim(family));
    a.suffix = text::squeeze_spaces(trim(suffix));
    std::string display = a.given.empty() ? a.surname : a.given + " " + a.surname;
    a.raw = a.suffix.empty() ? display : display + " " + a.suffix;
    a.display = a.raw;
    finish_name(a, display);
    return a;
}

Author corporate_author(std::string_view name) {
    Author a;
    a.raw = std::string(trim(name));
    a.display = text::squeeze_spaces(text::decode_latex(a.raw));
    a.surname = a.display;
    a.key = name_key(a);
    return a;
}

namespace {

// Where "et al", "et. al" or "and others" stands as words (not inside
// "Mehmet Altinel"); npos if nowhere.
std::size_t et_al_position(std::string_view s) {
    std::string low(s);  // ASCII lower case keeps byte offsets
    for (char& c : low)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    auto letter = [&](std::size_t i) {
        if (i >= low.size()) return false;
        unsigned char c = static_cast<unsigned char>(low[i]);
        return ascii::is_alpha(c) || c >= 0x80;
    };
    std::size_t best = std::string::npos;
    for (std::string_view marker : {"et al", "et. al", "and others"}) {
        for (auto pos = low.find(marker); pos != std::string::npos && pos < best; pos = low.find(marker, pos + 1)) {
            if ((pos == 0 || !letter(pos - 1)) && !letter(pos + marker.size())) {
                best = pos;
                break;
            }
        }
    }
    return best;
}

// Kinds of comma-separated parts, for re-pairing "Surname, Given" lists.
// Capitals blocks ("CE") count as initials in a part of their own.
bool initials_part(std::string_view p) {
    auto words = split_words(p);
    return !words.empty() && std::all_of(words.begin(), words.end(), [](std::string_view w) { return is_initial_word(w, true); });
}
// Given names ending in initials: "Michael J.", "henry a.".
bool given_with_initials(std::string_view p) {
    auto words = split_words(p);
    bool blocks = has_lower(p);
    return words.size() >= 2 && !is_initial_word(words.front(), blocks) && is_initial_word(words.back(), blocks);
}
// Could be a bare surname: no initials in it ("kearns", "van der Berg"),
// unlike "m. kearns" or "kearns m.", which are whole names.
// "A.Narang" is a whole name too: an initial glued to the surname.
bool glued_initial(std::string_view w) {
    std::vector<std::string_view> parts;
    unglue_initials(w, parts);
    return parts.size() == 2;
}
bool surname_like(std::string_view p) {
    auto words = split_words(p);
    bool blocks = has_lower(p);
    return !words.empty() && !is_suffix(p) && std::none_of(words.begin(), words.end(), [&](std::string_view w) {
        return is_initial_word(w, blocks) || glued_initial(w);
    });
}
bool one_word(std::string_view p) { return surname_like(p) && split_words(p).size() == 1; }

}  // namespace

AuthorList parse_author_list(std::string_view input) {
    AuthorList result;
    std::string s = text::squeeze_spaces(input);
    // "et al." ends the list wherever it stands.
    if (auto pos = et_al_position(s); pos != std::string::npos) {
        result.truncated = true;
        s.resize(pos);
    }
    // Separators: ';', '&' and ' and ' always; ',' too unless ';' separates
    // the authors, in which case commas are inside names ("kautz, henry a.; ...").
    const bool semicolons = s.find(';') != std::string::npos;
    struct Part {
        std::string text;
        bool after_comma;  // only a ',' separates it from the part before
    };
    std::vector<Part> parts;
    std::string cur;
    bool hard = true;  // a separator other than ',' since the last part
    auto flush = [&] {
        std::string_view t = trim(cur);
        while (!t.empty() && (t.back() == ',' || t.back() == ';' || t.back() == '.')) {
            // keep the dot of a final initial ("Schapire, R. E.")
            if (t.back() == '.' && t.size() >= 2 && ascii::is_alpha(t[t.size() - 2]) &&
                (t.size() == 2 || t[t.size() - 3] == ' ' || t[t.size() - 3] == '.'))
                break;
            t.remove_suffix(1);
            t = trim(t);
        }
        if (t.rfind("and ", 0) == 0) {  // left by ",and" or a leading "and"
            t.remove_prefix(4);
            hard = true;
        }
        if (!t.empty()) {
            parts.push_back({std::string(t), !hard});
            hard = false;
        }
        cur.clear();
    };
    for (std::size_t i = 0; i < s.size(); ++i) {
        char c = s[i];
        if (c == ',' && !semicolons) {
            flush();
            continue;
        }
        if (c == ';' || c == '&') {
            flush();
            hard = true;
            continue;
        }
        if (c == ' ' && s.compare(i, 5, " and ") == 0) {
            flush();
            hard = true;
            i += 4;
            continue;
        }
        cur += c;
    }
    flush();

    // Decide per part whether it starts a name or continues the one before:
    // a suffix ("Jr."), or the given names of a bare surname ("kearns, m. j.",
    // "Kearns, Michael J."). Initials never stand alone as an author.
    enum class Role { Name, Given, Suffix };
    std::vector<Role> role(parts.size(), Role::Name);
    for (std::size_t i = 1; i < parts.size(); ++i) {
        if (!parts[i].after_comma) continue;
        const std::string& p = parts[i].text;
        if (suffix_part(p))
            role[i] = Role::Suffix;
        else if (role[i - 1] == Role::Name && surname_like(parts[i - 1].text) && (initials_part(p) || given_with_initials(p)))
            role[i] = Role::Given;
    }
    // A lone full given name ("Kearns, Michael") looks just like a surname
    // ("drucker, schapire and simard"). Read such pairs as "Surname, Given"
    // only if that leaves no bare one-word author in the list.
    std::vector<bool> full_given(parts.size(), false);
    for (std::size_t i = 1; i < parts.size(); ++i)
        full_given[i] = parts[i].after_comma && role[i] == Role::Name && role[i - 1] == Role::Name &&
                        !full_given[i - 1] && one_word(parts[i - 1].text) && one_word(parts[i].text);
    bool bare_left = false;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        bool has_given = i + 1 < parts.size() && (role[i + 1] == Role::Given || full_given[i + 1]);
        if (role[i] == Role::Name && !full_given[i] && !has_given && one_word(parts[i].text)) bare_left = true;
    }
    for (std::size_t i = 0; i < parts.size(); ++i)
        if (full_given[i] && !bare_left) role[i] = Role::Given;

    std::vector<std::string> names;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        if (role[i] == Role::Name || names.empty())
            names.push_back(parts[i].text);
        else
            names.back() += ", " + parts[i].text;
    }
    result.authors.reserve(names.size());  // an Author is large: no regrowth moves
    for (const auto& n : names) result.authors.push_back(parse_name(n));
    return result;
}

std::vector<std::string> author_surnames(std::string_view text) {
    std::vector<std::string> out;
    for (Author& a : parse_author_list(text).authors) out.push_back(a.surname.empty() ? std::move(a.display) : std::move(a.surname));
    return out;
}

}  // namespace scholarmerge
