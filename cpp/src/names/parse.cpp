#include "scholarmerge/names/parse.hpp"

#include <algorithm>
#include <cctype>

#include "scholarmerge/names/match.hpp"
#include "scholarmerge/text/fold.hpp"
#include "scholarmerge/text/lines.hpp"
#include "scholarmerge/text/markup.hpp"

namespace scholarmerge {

namespace {

using text::trim;

std::vector<std::string> split_words(std::string_view s) {
    std::vector<std::string> words;
    std::string cur;
    for (char c : s) {
        if (c == ' ' || c == '\t') {
            if (!cur.empty()) words.push_back(std::move(cur));
            cur.clear();
        } else {
            cur += c;
        }
    }
    if (!cur.empty()) words.push_back(std::move(cur));
    return words;
}

// Calls f(word) for each word of s (split on spaces and tabs, as split_words
// does) without copying them; stops early, returning false, when f does.
template <class F>
bool each_word(std::string_view s, F f) {
    std::size_t i = 0;
    while (i < s.size()) {
        if (s[i] == ' ' || s[i] == '\t') {
            ++i;
            continue;
        }
        std::size_t j = i;
        while (j < s.size() && s[j] != ' ' && s[j] != '\t') ++j;
        if (!f(s.substr(i, j - i))) return false;
        i = j;
    }
    return true;
}

std::size_t word_count(std::string_view s) {
    std::size_t n = 0;
    each_word(s, [&](std::string_view) { return ++n; });
    return n;
}

// Folding leaves ASCII as long as it was: an ASCII word longer than every
// suffix or particle is none, and most words are asked.
bool long_ascii(std::string_view w, std::size_t longest) {
    return w.size() > longest && std::all_of(w.begin(), w.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

bool is_suffix(std::string_view w) {
    if (long_ascii(w, 5)) return false;  // "iii.," at most
    std::string f = text::fold(w);
    if (!f.empty() && f.back() == '.') f.pop_back();
    if (!f.empty() && f.back() == ',') f.pop_back();
    return f == "jr" || f == "sr" || f == "ii" || f == "iii" || f == "iv";
}

bool is_particle(std::string_view w) {
    static const char* particles[] = {"van", "von", "der", "den", "de", "la", "le", "du", "di", "da",
                                      "del", "della", "des", "dos", "das", "ten", "ter", "bin", "al", "el"};
    if (long_ascii(w, 5)) return false;  // "della" at most
    std::string f = text::fold(w);
    for (const char* p : particles)
        if (f == p) return true;
    return false;
}

// Upper-case letters only, at most three: "ZW" in PubMed's "Yao ZW".
bool is_initials_block(std::string_view w) {
    if (w.empty() || w.size() > 3) return false;
    return std::all_of(w.begin(), w.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

bool has_lower(std::string_view s) {
    return std::any_of(s.begin(), s.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}
bool has_upper(std::string_view s) {
    return std::any_of(s.begin(), s.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
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
        if (prev_letter || !(std::isalpha(c) || c >= 0xC0)) return false;
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
void unglue_initials(std::string_view word, std::vector<std::string>& out) {
    auto dot = word.rfind('.');
    if (dot != std::string_view::npos && dot + 2 < word.size()) {
        std::string_view head = word.substr(0, dot + 1), tail = word.substr(dot + 1);
        unsigned char first = static_cast<unsigned char>(tail[0]);
        bool name_follows = (std::isalpha(first) || first >= 0xC0) && tail.find('.') == std::string_view::npos;
        if (name_follows && is_dotted_initials(head)) {
            out.emplace_back(head);
            out.emplace_back(tail);
            return;
        }
    }
    out.emplace_back(word);
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
                out += static_cast<char>(std::toupper(c));
            } else {
                // A non-ASCII initial: its folded form's first letter.
                std::size_t len = (c >= 0xF0) ? 4 : (c >= 0xE0) ? 3 : 2;
                std::string f = text::fold(given.substr(i, len));
                // Initials are ASCII letters: "Ł" gives "L"; a letter with no
                // Latin form gives none rather than half a UTF-8 sequence.
                if (!f.empty() && std::isalpha(static_cast<unsigned char>(f[0])) && static_cast<unsigned char>(f[0]) < 0x80)
                    out += static_cast<char>(std::toupper(static_cast<unsigned char>(f[0])));
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

std::string join(const std::vector<std::string>& words, std::size_t from, std::size_t to) {
    std::string out;
    for (std::size_t i = from; i < to; ++i) {
        if (!out.empty()) out += ' ';
        out += words[i];
    }
    return out;
}

// Whether display_form(raw) is raw itself: ASCII with nothing to decode or
// strip, single spaces between words. Most names are.
bool plain_display(std::string_view raw) {
    for (std::size_t i = 0; i < raw.size(); ++i) {
        unsigned char c = static_cast<unsigned char>(raw[i]);
        if (c >= 0x80 || c == '<' || c == '&' || c == '*' || c == '\\' || c == '$' || c == '{' || c == '}') return false;
        if (c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') return false;
        if (c == ' ' && (i == 0 || i + 1 == raw.size() || raw[i + 1] == ' ')) return false;
    }
    return raw.empty() || !(std::isdigit(static_cast<unsigned char>(raw.back())) || raw.back() == ',');
}

// The display form of a trimmed written name: tags, entities, '*' marks,
// footnote digits and LaTeX removed. `starred`: a '*' was removed.
std::string display_form(const std::string& raw, bool& starred) {
    std::string s = text::decode_entities(text::strip_tags(raw));
    std::string cleaned;
    for (char c : s)
        if (c != '*') cleaned += c;
    starred = cleaned.size() < s.size();
    // "Z. Yao†" style marks and stray digits of affiliation footnotes.
    while (!cleaned.empty() && (std::isdigit(static_cast<unsigned char>(cleaned.back())) ||
                                cleaned.back() == ',')) {
        cleaned.pop_back();
    }
    return text::squeeze_spaces(text::decode_latex(cleaned));
}

struct NameParts {
    std::string given, surname, suffix;
    std::string_view name;  // the display form without a suffix set off by a comma
};

// Given name, surname and suffix of a display name ("Yao, Zhewei", "Z. Yao",
// "Yao ZW", "Caetano Traina, Jr."), title case where the input had no case.
NameParts split_display(std::string_view d) {
    NameParts n;
    std::string& given = n.given;
    std::string& surname = n.surname;
    auto comma = d.find(',');
    if (comma != std::string_view::npos && is_suffix(trim(d.substr(comma + 1)))) {
        // "Caetano Traina, Jr.": the comma only sets off the suffix.
        n.suffix = std::string(trim(d.substr(comma + 1)));
        d = trim(d.substr(0, comma));
        comma = std::string_view::npos;
    }
    n.name = d;
    if (comma != std::string_view::npos) {
        // "Surname, Given" or "Surname, Given, Jr."
        surname = std::string(trim(d.substr(0, comma)));
        std::string_view rest = trim(d.substr(comma + 1));
        if (auto c2 = rest.find(','); c2 != std::string_view::npos) {
            n.suffix = std::string(trim(rest.substr(c2 + 1)));
            rest = trim(rest.substr(0, c2));
        }
        given = std::string(rest);
    } else {
        std::vector<std::string> words;
        each_word(d, [&](std::string_view w) {
            unglue_initials(w, words);
            return true;
        });
        if (words.size() > 1 && n.suffix.empty() && is_suffix(words.back())) {
            n.suffix = words.back();
            words.pop_back();
        }
        // "Surname initials" ("Yao ZW", "rivest r.l.", "kearns m. j"): the
        // initials come last and the first word is not one.
        bool blocks = has_lower(d);
        std::size_t first_initial = words.size();
        while (first_initial > 1 && is_initial_word(words[first_initial - 1], blocks)) --first_initial;
        if (first_initial < words.size() && !is_initial_word(words.front(), blocks)) {
            given = join(words, first_initial, words.size());
            surname = join(words, 0, first_initial);
        } else if (!words.empty()) {
            std::size_t start = words.size() - 1;
            while (start > 1 && is_particle(words[start - 1])) --start;
            surname = join(words, start, words.size());
            given = join(words, 0, start);
        }
    }
    // All-lower or all-caps input says nothing about case: use title case.
    if ((!has_upper(surname) && has_lower(surname)) || (!has_lower(surname) && surname.size() > 3)) {
        std::string low = text::fold(surname);
        // Surnames raise each hyphenated part ("Cesa-Bianchi"); given names do not ("Seung-won").
        if (!has_lower(surname) || !has_upper(surname)) surname = capitalise_words(low, true);
    }
    if (!has_upper(given) && has_lower(given)) given = capitalise_words(given, false, true);
    return n;
}

}  // namespace

Author parse_name(std::string_view input) {
    Author a;
    a.raw = std::string(trim(input));
    const std::string& s = a.raw;
    if (s.find("**") != std::string::npos || s.find("<b>") != std::string::npos ||
        s.find("<strong>") != std::string::npos) {
        a.highlighted = true;
    }
    if (s.find("<sup>*</sup>") != std::string::npos || s.find("<sup>†</sup>") != std::string::npos) {
        a.equal_contribution = true;
    }
    bool starred = false;
    a.display = display_form(a.raw, starred);
    if (starred && !a.highlighted) a.equal_contribution = true;
    NameParts parts = split_display(a.display);
    a.given = std::move(parts.given);
    a.surname = std::move(parts.surname);
    a.suffix = std::move(parts.suffix);
    // Given names that are all initials: every capital of a PubMed block is
    // one ("Yao ZW" -> "ZW"), where initials_of would keep only "Z".
    const std::string& given = a.given;
    std::string initials_src;
    for (const auto& w : split_words(given)) {
        if (!is_initial_word(w, has_lower(parts.name))) {
            initials_src = given;
            break;
        }
        if (is_dotted_initials(w))
            initials_src += w + ' ';
        else
            for (char c : w) (initials_src += c) += ' ';
    }
    a.initials = initials_of(initials_src);
    a.key = name_key(a);
    return a;
}

Author author_from_parts(std::string_view given, std::string_view family, std::string_view suffix) {
    given = trim(given);
    family = trim(family);
    if (family.empty()) return parse_name(given);
    std::string written(family);
    if (!given.empty() || !suffix.empty()) written += ", " + std::string(given);
    if (!trim(suffix).empty()) written += ", " + std::string(trim(suffix));
    Author a = parse_name(written);
    std::string display = text::squeeze_spaces(text::decode_latex(std::string(given) + " " + std::string(family)));
    if (!a.suffix.empty()) display += " " + a.suffix;
    a.raw = display;
    a.display = display;
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
    // ASCII lower case, compared in place: it keeps byte offsets.
    auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
    auto letter = [&](std::size_t i) {
        if (i >= s.size()) return false;
        unsigned char c = static_cast<unsigned char>(lower(s[i]));
        return std::isalpha(c) || c >= 0x80;
    };
    auto at = [&](std::size_t pos, std::string_view marker) {
        if (pos + marker.size() > s.size()) return false;
        for (std::size_t k = 0; k < marker.size(); ++k)
            if (lower(s[pos + k]) != marker[k]) return false;
        return true;
    };
    static constexpr std::string_view markers[] = {"et al", "et. al", "and others"};
    for (std::size_t pos = 0; pos + 1 < s.size(); ++pos) {
        // Every marker starts "et" or "an": most positions end here.
        const char c = lower(s[pos]), next = lower(s[pos + 1]);
        if (!(c == 'e' && next == 't') && !(c == 'a' && next == 'n')) continue;
        for (std::string_view marker : markers)
            if (at(pos, marker) && (pos == 0 || !letter(pos - 1)) && !letter(pos + marker.size())) return pos;
    }
    return std::string_view::npos;
}

// Kinds of comma-separated parts, for re-pairing "Surname, Given" lists.
// Capitals blocks ("CE") count as initials in a part of their own.
bool initials_part(std::string_view p) {
    return word_count(p) > 0 && each_word(p, [](std::string_view w) { return is_initial_word(w, true); });
}
// Given names ending in initials: "Michael J.", "henry a.".
bool given_with_initials(std::string_view p) {
    std::string_view first, last;
    std::size_t n = 0;
    each_word(p, [&](std::string_view w) {
        if (n++ == 0) first = w;
        last = w;
        return true;
    });
    bool blocks = has_lower(p);
    return n >= 2 && !is_initial_word(first, blocks) && is_initial_word(last, blocks);
}
// Could be a bare surname: no initials in it ("kearns", "van der Berg"),
// unlike "m. kearns" or "kearns m.", which are whole names.
bool surname_like(std::string_view p) {
    bool blocks = has_lower(p);
    return word_count(p) > 0 && !is_suffix(p) &&
           each_word(p, [&](std::string_view w) { return !is_initial_word(w, blocks); });
}
bool one_word(std::string_view p) { return word_count(p) == 1 && surname_like(p); }

// An author list's names, each as written ("Kearns, Michael J." whole).
struct ListNames {
    std::vector<std::string> names;
    bool truncated = false;  // ended with "et al."
};

ListNames split_author_list(std::string_view input) {
    ListNames result;
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
    std::size_t start = 0;  // the part being read is s[start, end)
    bool hard = true;       // a separator other than ',' since the last part
    auto flush = [&](std::size_t end) {
        std::string_view t = trim(std::string_view(s).substr(start, end - start));
        while (!t.empty() && (t.back() == ',' || t.back() == ';' || t.back() == '.')) {
            // keep the dot of a final initial ("Schapire, R. E.")
            if (t.back() == '.' && t.size() >= 2 && std::isalpha(static_cast<unsigned char>(t[t.size() - 2])) &&
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
    };
    for (std::size_t i = 0; i < s.size(); ++i) {
        char c = s[i];
        if (c == ',' && !semicolons) {
            flush(i);
            start = i + 1;
            continue;
        }
        if (c == ';' || c == '&') {
            flush(i);
            hard = true;
            start = i + 1;
            continue;
        }
        if (c == ' ' && s.compare(i, 5, " and ") == 0) {
            flush(i);
            hard = true;
            i += 4;
            start = i + 1;
            continue;
        }
    }
    flush(s.size());

    // Decide per part whether it starts a name or continues the one before:
    // a suffix ("Jr."), or the given names of a bare surname ("kearns, m. j.",
    // "Kearns, Michael J."). Initials never stand alone as an author.
    enum class Role { Name, Given, Suffix };
    std::vector<Role> role(parts.size(), Role::Name);
    for (std::size_t i = 1; i < parts.size(); ++i) {
        if (!parts[i].after_comma) continue;
        const std::string& p = parts[i].text;
        if (is_suffix(p))
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

    std::vector<std::string>& names = result.names;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        if (role[i] == Role::Name || names.empty())
            names.push_back(std::move(parts[i].text));
        else
            names.back() += ", " + parts[i].text;
    }
    return result;
}

}  // namespace

AuthorList parse_author_list(std::string_view input) {
    ListNames list = split_author_list(input);
    AuthorList result;
    result.truncated = list.truncated;
    result.authors.reserve(list.names.size());  // an Author is large: no regrowth moves
    for (const auto& n : list.names) result.authors.push_back(parse_name(n));
    return result;
}

std::vector<std::string> author_surnames(std::string_view input) {
    std::vector<std::string> out;
    for (const auto& n : split_author_list(input).names) {
        // The steps of parse_name that lead to the display form and surname.
        std::string raw(trim(n));
        bool starred = false;
        std::string display = plain_display(raw) ? std::move(raw) : display_form(raw, starred);
        std::string surname = split_display(display).surname;
        out.push_back(surname.empty() ? std::move(display) : std::move(surname));
    }
    return out;
}

}  // namespace scholarmerge
