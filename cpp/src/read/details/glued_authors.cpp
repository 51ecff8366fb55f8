#include "glued_authors.hpp"

#include <utf8proc.h>

#include "text/fold.hpp"
#include "text/lines.hpp"
#include "../../text/words.hpp"

namespace scholarmerge::detail {

namespace {

using text::trim;

struct Cp {
    utf8proc_int32_t cp;
    std::size_t offset;
};

std::vector<Cp> codepoints(std::string_view s) {
    std::vector<Cp> out;
    auto p = reinterpret_cast<const utf8proc_uint8_t*>(s.data());
    std::size_t i = 0;
    while (i < s.size()) {
        utf8proc_int32_t cp = -1;
        utf8proc_ssize_t len = utf8proc_iterate(p + i, static_cast<utf8proc_ssize_t>(s.size() - i), &cp);
        if (len <= 0) len = 1;
        out.push_back({cp, i});
        i += static_cast<std::size_t>(len);
    }
    return out;
}

bool upper(utf8proc_int32_t cp) { return cp >= 0 && utf8proc_category(cp) == UTF8PROC_CATEGORY_LU; }
bool lower(utf8proc_int32_t cp) { return cp >= 0 && utf8proc_category(cp) == UTF8PROC_CATEGORY_LL; }

// "Zhewei", "Seung-won", "O'Neil": a capital, then lower-case letters; parts
// after a hyphen or apostrophe may start with either case.
bool capitalised(std::string_view w) {
    auto cps = codepoints(w);
    if (cps.size() < 2 || !upper(cps[0].cp)) return false;
    bool any_lower = false;
    for (std::size_t i = 1; i < cps.size(); ++i) {
        auto c = cps[i].cp;
        if (lower(c)) {
            any_lower = true;
        } else if ((c == '-' || c == '\'' || c == 0x2019) && i + 1 < cps.size() &&
                   (lower(cps[i + 1].cp) || upper(cps[i + 1].cp))) {
            ++i;  // the letter after the joiner may be either case
        } else {
            return false;
        }
    }
    return any_lower;
}

// "J.", "J", "J.E."
bool initial(std::string_view w) {
    auto cps = codepoints(w);
    if (cps.empty() || !upper(cps[0].cp)) return false;
    for (std::size_t i = 1; i < cps.size(); ++i)
        if (!(cps[i].cp == '.' || (upper(cps[i].cp) && cps[i - 1].cp == '.'))) return false;
    return true;
}

bool lowercase_word(std::string_view w) {
    auto cps = codepoints(w);
    if (cps.size() < 2) return false;
    for (auto c : cps)
        if (!(lower(c.cp) || c.cp == '-')) return false;
    return lower(cps.front().cp) && lower(cps.back().cp);
}

bool particle(std::string_view w) {
    static const char* ps[] = {"van", "von", "der", "den", "de", "da", "di", "del", "della", "la", "le", "du", "bin", "al", "ter", "ten"};
    for (const char* p : ps)
        if (w == p) return true;
    return false;
}

std::vector<std::string_view> words_of(std::string_view s) { return text::detail::space_words(s); }

// A personal name as listing pages print it: "Zhewei Yao", "Philip S. Yu",
// "Reza Yazdani Aminabadi", or all lower-case "seung-won hwang".
bool name_like(const std::vector<std::string_view>& w) {
    if (w.size() < 2 || w.size() > 5) return false;  // "Composability" alone is a title word
    bool all_lower = true;
    for (auto x : w) all_lower = all_lower && lowercase_word(x);
    if (all_lower) return w.size() >= 2 && w.size() <= 3;
    if (!(capitalised(w.front()) || initial(w.front()))) return false;
    for (std::size_t i = 1; i < w.size(); ++i)
        if (!(capitalised(w[i]) || initial(w[i]) || (particle(w[i]) && i + 1 < w.size()))) return false;
    return capitalised(w.back());
}

std::string join_words(const std::vector<std::string_view>& w) {
    std::string out;
    for (auto x : w) {
        if (!out.empty()) out += ' ';
        out += x;
    }
    return out;
}

struct Tail {
    std::string_view names;  // the author list without " et al." and " · org"
    bool truncated = false;
    std::string organisation;
};

Tail strip_tail(std::string_view line) {
    Tail t;
    line = trim(line);
    // " · organisation" (U+00B7 middle dot)
    if (auto dot = line.rfind(" \xC2\xB7 "); dot != std::string_view::npos) {
        t.organisation = std::string(trim(line.substr(dot + 4)));
        line = trim(line.substr(0, dot));
    }
    for (std::string_view suffix : {" et al.", " et al", " et. al."}) {
        if (text::ends_with(line, suffix)) {
            t.truncated = true;
            line = trim(line.substr(0, line.size() - suffix.size()));
            break;
        }
    }
    t.names = line;
    return t;
}

std::vector<std::string_view> split_commas(std::string_view s) {
    std::vector<std::string_view> out;
    std::size_t start = 0;
    for (std::size_t i = 0; i + 1 < s.size(); ++i) {
        if (s[i] == ',' && s[i + 1] == ' ') {
            out.push_back(trim(s.substr(start, i - start)));
            start = i + 2;
        }
    }
    out.push_back(trim(s.substr(start)));
    return out;
}

}  // namespace

std::vector<std::string> unambiguous_names(std::string_view line) {
    auto parts = split_commas(strip_tail(line).names);
    std::vector<std::string> out;
    for (std::size_t i = 1; i < parts.size(); ++i)
        if (name_like(words_of(parts[i]))) out.push_back(text::fold(parts[i]));
    return out;
}

GluedLine split_glued_line(std::string_view line, const std::unordered_set<std::string>& known) {
    GluedLine g;
    Tail tail = strip_tail(line);
    g.truncated = tail.truncated;
    g.organisation = tail.organisation;
    // A comma inside the title ("Easy, Fast and Affordable") is not a name
    // boundary: the title and first author are whatever precedes the first
    // comma after which everything is names.
    auto parts = split_commas(tail.names);
    std::size_t first_name_part = parts.size() - 1;
    while (first_name_part > 0 && name_like(words_of(parts[first_name_part]))) --first_name_part;
    // parts[first_name_part] holds the end of the title glued to the first author.
    std::string head;
    for (std::size_t i = 0; i <= first_name_part; ++i) {
        if (i) head += ", ";
        head += parts[i];
    }
    std::vector<std::string> rest;
    for (std::size_t i = first_name_part + 1; i < parts.size(); ++i) rest.emplace_back(parts[i]);

    auto words = words_of(head);
    int best_score = 0;
    std::size_t best_word = 0, best_offset = 0;
    // Try every seam: the name is the last m words, its first word glued to the title.
    for (std::size_t m = 2; m <= 5 && m <= words.size(); ++m) {
        std::string_view glued = words[words.size() - m];
        std::vector<std::string_view> tail_words(words.end() - static_cast<long>(m) + 1, words.end());
        auto cps = codepoints(glued);
        for (std::size_t k = 1; k < cps.size(); ++k) {
            std::string_view first = glued.substr(cps[k].offset);
            std::vector<std::string_view> name{first};
            name.insert(name.end(), tail_words.begin(), tail_words.end());
            int score = 0;
            if (known.count(text::fold(join_words(name)))) {
                score = 100;  // the page names this person elsewhere
            } else if (upper(cps[k].cp) && name_like(name) && !lowercase_word(name.front())) {
                score = 10 + (m == 2 ? 3 : m == 3 ? 2 : m == 4 ? 1 : 0);  // two-word names are the most common
            }
            if (score > best_score) {
                best_score = score;
                best_word = words.size() - m;
                best_offset = cps[k].offset;
            }
        }
    }
    if (best_score == 0) {
        g.split_found = false;
        g.title = head;
        g.authors = rest;
        return g;
    }
    // Rebuild the title: words before the glued one, then the glued word's front.
    std::string title;
    for (std::size_t i = 0; i < best_word; ++i) {
        title += words[i];
        title += ' ';
    }
    title += words[best_word].substr(0, best_offset);
    std::string first_author(words[best_word].substr(best_offset));
    for (std::size_t i = best_word + 1; i < words.size(); ++i) {
        first_author += ' ';
        first_author += words[i];
    }
    g.title = title;
    g.authors.push_back(first_author);
    g.authors.insert(g.authors.end(), rest.begin(), rest.end());
    return g;
}

}  // namespace scholarmerge::detail
