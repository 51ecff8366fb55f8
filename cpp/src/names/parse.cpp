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

bool is_suffix(std::string_view w) {
    std::string f = text::fold(w);
    if (!f.empty() && f.back() == '.') f.pop_back();
    if (!f.empty() && f.back() == ',') f.pop_back();
    return f == "jr" || f == "sr" || f == "ii" || f == "iii" || f == "iv";
}

bool is_particle(std::string_view w) {
    static const char* particles[] = {"van", "von", "der", "den", "de", "la", "le", "du", "di", "da",
                                      "del", "della", "des", "dos", "das", "ten", "ter", "bin", "al", "el"};
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
// of each space-separated word is raised, the rest kept.
std::string capitalise_words(std::string_view s, bool after_hyphen = false) {
    std::string out(s);
    bool start = true;
    for (char& c : out) {
        if (c == ' ' || (after_hyphen && (c == '-' || c == '\''))) {
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

}  // namespace

Author parse_name(std::string_view input) {
    Author a;
    a.raw = std::string(trim(input));
    std::string s = a.raw;
    if (s.find("**") != std::string::npos || s.find("<b>") != std::string::npos ||
        s.find("<strong>") != std::string::npos) {
        a.highlighted = true;
    }
    if (s.find("<sup>*</sup>") != std::string::npos || s.find("<sup>†</sup>") != std::string::npos) {
        a.equal_contribution = true;
    }
    s = text::decode_entities(text::strip_tags(s));
    std::string cleaned;
    for (char c : s)
        if (c != '*') cleaned += c;
    if (cleaned.size() < s.size() && !a.highlighted) a.equal_contribution = true;
    // "Z. Yao†" style marks and stray digits of affiliation footnotes.
    while (!cleaned.empty() && (std::isdigit(static_cast<unsigned char>(cleaned.back())) ||
                                cleaned.back() == ',')) {
        cleaned.pop_back();
    }
    a.display = text::squeeze_spaces(text::decode_latex(cleaned));
    std::string_view d = a.display;

    std::string given, surname;
    if (auto comma = d.find(','); comma != std::string_view::npos) {
        // "Surname, Given" or "Surname, Given, Jr."
        surname = std::string(trim(d.substr(0, comma)));
        std::string_view rest = trim(d.substr(comma + 1));
        if (auto c2 = rest.find(','); c2 != std::string_view::npos) {
            a.suffix = std::string(trim(rest.substr(c2 + 1)));
            rest = trim(rest.substr(0, c2));
        }
        given = std::string(rest);
    } else {
        auto words = split_words(d);
        if (!words.empty() && words.size() > 1 && is_suffix(words.back())) {
            a.suffix = words.back();
            words.pop_back();
        }
        if (words.size() >= 2 && is_initials_block(words.back()) && !is_initials_block(words.front()) &&
            has_lower(words.front())) {
            // PubMed style "Yao ZW"
            given = words.back();
            surname = join(words, 0, words.size() - 1);
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
    if (!has_upper(given) && has_lower(given)) given = capitalise_words(given);
    a.given = given;
    a.surname = surname;
    a.initials = initials_of(given);
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

AuthorList parse_author_list(std::string_view input) {
    AuthorList result;
    std::string s = text::squeeze_spaces(input);
    // "et al." ends the list wherever it stands.
    std::string folded = text::fold(s);
    if (auto pos = folded.find("et al"); pos != std::string::npos && folded.size() == s.size()) {
        result.truncated = true;
        s = s.substr(0, pos);
    } else if (auto pos2 = s.find("et al"); pos2 != std::string::npos) {
        result.truncated = true;
        s = s.substr(0, pos2);
    }
    // Separators: ';' and '&' and ' and ' always; ',' between names.
    std::vector<std::string> parts;
    std::string cur;
    auto flush = [&] {
        std::string_view t = trim(cur);
        while (!t.empty() && (t.back() == ',' || t.back() == ';' || t.back() == '.')) {
            // keep the dot of a final initial ("Schapire, R. E.")
            if (t.back() == '.' && t.size() >= 2 && std::isalpha(static_cast<unsigned char>(t[t.size() - 2])) &&
                (t.size() == 2 || t[t.size() - 3] == ' ' || t[t.size() - 3] == '.'))
                break;
            t.remove_suffix(1);
            t = trim(t);
        }
        if (!t.empty()) parts.emplace_back(t);
        cur.clear();
    };
    for (std::size_t i = 0; i < s.size(); ++i) {
        char c = s[i];
        if (c == ';' || c == '&' || c == ',') {
            flush();
            continue;
        }
        if (c == ' ' && s.compare(i, 5, " and ") == 0) {
            flush();
            i += 4;
            continue;
        }
        cur += c;
    }
    flush();
    // Drop a leading "and" left by ", and".
    for (auto& p : parts)
        if (p.rfind("and ", 0) == 0) p = p.substr(4);
    // "Surname, Given" lists: after splitting on ',', every other part is
    // initials only ("Brodley", "C. E.", "Utgoff", "P. E."). Re-pair them.
    auto initials_only = [](const std::string& p) {
        bool any = false;
        for (std::size_t i = 0; i < p.size(); ++i) {
            char c = p[i];
            if (c == '.' || c == ' ' || c == '-') continue;
            if (!(c >= 'A' && c <= 'Z')) return false;
            any = true;
        }
        return any && p.size() <= 8;
    };
    bool paired = parts.size() >= 2 && parts.size() % 2 == 0;
    for (std::size_t i = 1; paired && i < parts.size(); i += 2)
        if (!initials_only(parts[i]) || initials_only(parts[i - 1])) paired = false;
    if (paired) {
        for (std::size_t i = 0; i < parts.size(); i += 2)
            result.authors.push_back(parse_name(parts[i] + ", " + parts[i + 1]));
    } else {
        for (const auto& p : parts) result.authors.push_back(parse_name(p));
    }
    return result;
}

}  // namespace scholarmerge
