// The "refs" reader: a reference list or CV in plain text or Markdown, cut
// into entries (see refs.hpp) and each entry split by split_reference.
#include "read/refs.hpp"

#include <string>
#include <vector>

#include "text/ascii.hpp"
#include "text/lines.hpp"
#include "text/markup.hpp"

namespace scholarmerge {

using text::trim;

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// "[12] ", "12. ", "(12) ", "12) ", "- ", "* ", "• ": length of the marker, 0 if none.
std::size_t marker_len(std::string_view s) {
    if (s.size() >= 2 && (s[0] == '-' || s[0] == '*' || s[0] == '+') && s[1] == ' ') return 2;
    if (s.compare(0, 4, "\xE2\x80\xA2 ") == 0) return 4;
    std::size_t i = 0;
    bool bracket = !s.empty() && (s[0] == '[' || s[0] == '(');
    if (bracket) ++i;
    std::size_t d = i;
    while (i < s.size() && is_digit(s[i])) ++i;
    std::size_t nd = i - d;
    if (nd == 0 || nd > 4 || i >= s.size()) return 0;
    if (bracket) {
        if (s[i] != ']' && s[i] != ')') return 0;
    } else if (nd == 4 || (s[i] != '.' && s[i] != ')')) {
        return 0;
    }
    ++i;
    if (i < s.size() && s[i] != ' ') return 0;
    return i;
}

bool has_year(std::string_view s) {
    for (std::size_t i = 0; i + 4 <= s.size(); ++i) {
        if ((s[i] == '1' && (s[i + 1] == '8' || s[i + 1] == '9')) || (s[i] == '2' && s[i + 1] == '0')) {
            if (is_digit(s[i + 2]) && is_digit(s[i + 3]) && (i == 0 || !is_digit(s[i - 1])) &&
                (i + 4 == s.size() || !is_digit(s[i + 4])))
                return true;
        }
    }
    return false;
}

std::size_t count_words(std::string_view s) {
    std::size_t n = 0;
    bool in = false;
    for (char c : s) {
        bool sp = c == ' ' || c == '\t';
        if (!sp && !in) ++n;
        in = !sp;
    }
    return n;
}

// Markdown heading marks and emphasis around a whole line: "## Books", "**2021**".
std::string_view heading_text(std::string_view t) {
    while (!t.empty() && t[0] == '#') t.remove_prefix(1);
    t = trim(t);
    while (t.size() >= 2 && (t.front() == '*' || t.front() == '_') && t.back() == t.front())
        t = trim(t.substr(1, t.size() - 2));
    if (!t.empty() && t.back() == ':') t = trim(t.substr(0, t.size() - 1));
    return t;
}

// "Journal articles", "2021", "## Conference papers": short, no sentence end,
// and no year inside unless it is the whole line.
bool heading(std::string_view raw) {
    if (!raw.empty() && raw[0] == '#') return true;
    std::string_view t = heading_text(raw);
    if (t.empty() || t.size() > 60) return false;
    if (t.size() == 4 && has_year(t)) return true;
    if (marker_len(raw)) return false;
    char last = t.back();
    if (last == '.' || last == ',' || last == ';') return false;
    if (has_year(t) || count_words(t) > 6) return false;
    for (char c : t)
        if (is_digit(c)) return false;
    unsigned char f = static_cast<unsigned char>(t[0]);
    return ascii::is_upper(f) || f >= 0x80;
}

// Emphasis markers and HTML tags out, entities decoded: the splitter reads words.
std::string plain(std::string_view s) {
    std::string t = text::decode_entities(text::strip_tags(s));
    std::string out;
    out.reserve(t.size());
    for (std::size_t i = 0; i < t.size(); ++i) {
        char c = t[i];
        if (c == '*') continue;
        if (c == '_') {
            bool left = i == 0 || t[i - 1] == ' ';
            bool right = i + 1 >= t.size() || t[i + 1] == ' ' || t[i + 1] == ',' || t[i + 1] == '.';
            if (left || right) continue;
        }
        out += c;
    }
    return out;
}

struct Entry {
    std::string text;
    int line = 0;
};

// Joins a wrapped line onto the entry: "gener-" + "alization" -> "generalization".
void join(std::string& into, std::string_view next) {
    if (into.empty()) {
        into = std::string(next);
        return;
    }
    unsigned char first = static_cast<unsigned char>(next.empty() ? ' ' : next[0]);
    if (into.size() >= 2 && into.back() == '-' && ascii::is_alpha(static_cast<unsigned char>(into[into.size() - 2])) &&
        ascii::is_lower(first)) {
        into.pop_back();
        into += next;
        return;
    }
    into += ' ';
    into += next;
}

bool ends_sentence(std::string_view s) {
    s = trim(s);
    if (s.empty()) return true;
    char c = s.back();
    return c == '.' || c == '?' || c == '!' || c == ')' || c == ']';
}

}  // namespace

bool looks_like_refs(std::string_view text) {
    auto lines = text::split_lines(text.substr(0, 1 << 16));
    std::size_t content = 0, refs = 0;
    for (const auto& l : lines) {
        std::string_view t = trim(l.text);
        if (t.empty() || heading(t)) continue;
        ++content;
        if ((has_year(t) && count_words(t) >= 4) || (marker_len(t) && count_words(t) >= 4)) ++refs;
    }
    return content > 0 && refs * 2 >= content;
}

void read_refs(std::string_view text, ReadContext& ctx) {
    auto lines = text::split_lines(text);
    bool numbered = false;
    for (const auto& l : lines)
        if (marker_len(trim(l.text))) {
            numbered = true;
            break;
        }
    std::vector<Entry> entries;
    std::vector<std::string> sections;
    std::string section;
    bool open = false;  // the last entry may take a wrapped line
    for (const auto& l : lines) {
        std::string_view t = trim(l.text);
        if (t.empty()) {
            open = false;
            continue;
        }
        if (!open || !numbered) {
            if (heading(t) && (!open || ends_sentence(entries.back().text))) {
                section = std::string(heading_text(t));
                open = false;
                continue;
            }
        }
        std::size_t m = marker_len(t);
        bool starts = !open || m > 0;
        if (!starts && !numbered) {
            // Unnumbered: a line continues the entry when that one has not ended
            // or the line starts lower-case.
            unsigned char f = static_cast<unsigned char>(t[0]);
            starts = ends_sentence(entries.back().text) && !ascii::is_lower(f);
        }
        if (starts) {
            entries.push_back({std::string(trim(t.substr(m))), l.number});
            sections.push_back(section);
            open = true;
        } else {
            join(entries.back().text, t);
        }
    }
    for (std::size_t i = 0; i < entries.size(); ++i) {
        Work& w = ctx.add_work(entries[i].line);
        std::string p = plain(entries[i].text);
        if (!split_reference(p, w))
            ctx.warn(entries[i].line, "refs: could not split the reference into fields; kept whole as the title");
        if (!sections[i].empty()) w.extra["section"] = sections[i];
    }
}

}  // namespace scholarmerge
