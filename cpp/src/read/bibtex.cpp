#include "read/bibtex.hpp"

#include <algorithm>
#include <cstring>
#include <map>

#include "details/json_input.hpp"  // bare_doi, bare_arxiv, set_date
#include "scholarmerge/names/match.hpp"
#include "scholarmerge/names/parse.hpp"
#include "text/lines.hpp"
#include "text/markup.hpp"
#include "text/ascii.hpp"

namespace scholarmerge {

namespace {

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = ascii::to_lower(c);
    return out;
}

// Entry types: letters, and Mendeley's "@web_page", "@book_section".
bool is_type_char(char c) { return ascii::is_alnum(c) || c == '_' || c == '-'; }

bool is_name_char(char c) {
    return ascii::is_alnum(c) || std::strchr("_-:.+/'", c) != nullptr ||
           static_cast<unsigned char>(c) >= 0x80;
}

// Thrown inside one entry only; the reader turns it into a diagnostic.
struct EntryError {
    std::string message;
};

class Parser {
public:
    Parser(std::string_view text, ReadContext& ctx) : t_(text), ctx_(ctx) {
        static const char* months[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                       "jul", "aug", "sep", "oct", "nov", "dec"};
        for (int i = 0; i < 12; ++i) macros_[months[i]] = std::to_string(i + 1);
    }

    void run() {
        parse();
        finish();
    }

private:
    // One entry as parsed: built into a work once the whole file is read,
    // since a crossref or xdata entry may come after the entries using it.
    struct Entry {
        int line;
        std::string type, key;
        std::vector<std::pair<std::string, std::string>> fields;
    };

    void parse() {
        bool any = false;
        while (true) {
            std::size_t at = t_.find('@', pos_);
            if (at == std::string_view::npos) break;
            pos_ = at + 1;
            std::size_t start = at;
            if (!starts_entry(at)) continue;  // an '@' in the text between entries
            any = true;
            try {
                entry(start);
            } catch (const EntryError& e) {
                int line = line_of(start);
                ctx_.warn(line, "unreadable BibTeX entry (" + e.message + "): '" +
                                    std::string(t_.substr(start, std::min<std::size_t>(60, t_.find('\n', start) - start))) +
                                    "'");
                // Resume at the next line that starts an entry.
                std::size_t next = start + 1;
                while ((next = t_.find('@', next)) != std::string_view::npos && !at_line_start(next)) ++next;
                pos_ = next == std::string_view::npos ? t_.size() : next;
            }
        }
        // Text between entries is BibTeX's comment; text with no entry at all
        // is most likely not BibTeX, and is said so rather than read as nothing.
        const std::size_t first = t_.find_first_not_of(" \t\r\n");
        if (!any && first != std::string_view::npos)
            ctx_.warn(line_of(first), "no BibTeX entry (@type{key, ...}) in this text: nothing read");
    }

    void finish();
    using Fields = std::map<std::string, std::string>;
    Fields resolved(std::size_t index);
    void inherit(Fields& f, std::size_t from, bool crossref, int depth, std::vector<std::size_t>& seen);

    // "@name{" or "@name(": BibTeX ignores everything else outside entries.
    bool starts_entry(std::size_t at) const {
        std::size_t i = at + 1;
        while (i < t_.size() && is_type_char(t_[i])) ++i;
        if (i == at + 1) return false;
        while (i < t_.size() && ascii::is_space(t_[i])) ++i;
        return i < t_.size() && (t_[i] == '{' || t_[i] == '(');
    }

    int line_of(std::size_t offset) {
        if (offset < counted_) counted_ = 0, line_ = 1;
        line_ += static_cast<int>(std::count(t_.begin() + static_cast<long>(counted_),
                                             t_.begin() + static_cast<long>(offset), '\n'));
        counted_ = offset;
        return line_;
    }

    void skip_space() {
        while (pos_ < t_.size() && ascii::is_space(t_[pos_])) ++pos_;
    }
    char peek() {
        skip_space();
        return pos_ < t_.size() ? t_[pos_] : '\0';
    }
    void expect(char c, const char* what) {
        if (peek() != c) throw EntryError{std::string("expected ") + what};
        ++pos_;
    }
    std::string name() {
        skip_space();
        std::size_t start = pos_;
        while (pos_ < t_.size() && is_name_char(t_[pos_])) ++pos_;
        if (start == pos_) throw EntryError{"expected a name"};
        return std::string(t_.substr(start, pos_ - start));
    }

    // {...} with nested braces, kept verbatim without the outer pair.
    std::string braced() {
        std::size_t start = ++pos_;
        int depth = 1;
        for (; pos_ < t_.size(); ++pos_) {
            char c = t_[pos_];
            if (c == '\\' && pos_ + 1 < t_.size()) {
                ++pos_;
            } else if (c == '{') {
                ++depth;
            } else if (c == '}' && --depth == 0) {
                return std::string(t_.substr(start, pos_++ - start));
            } else if (c == '@' && depth == 1 && at_line_start(pos_)) {
                break;  // the next entry: this value was never closed
            }
        }
        throw EntryError{"unbalanced braces"};
    }

    std::string quoted() {
        std::size_t start = ++pos_;
        int depth = 0;
        for (; pos_ < t_.size(); ++pos_) {
            char c = t_[pos_];
            if (c == '\\' && pos_ + 1 < t_.size()) ++pos_;
            else if (c == '{') ++depth;
            else if (c == '}') --depth;
            else if (c == '"' && depth == 0) return std::string(t_.substr(start, pos_++ - start));
            else if (c == '@' && at_line_start(pos_)) break;
        }
        throw EntryError{"unterminated quoted value"};
    }

    // Only blanks between the line start and p: looks back over blanks only,
    // so a huge one-line value full of '@' stays linear.
    bool at_line_start(std::size_t p) const {
        while (p > 0 && (t_[p - 1] == ' ' || t_[p - 1] == '\t')) --p;
        return p == 0 || t_[p - 1] == '\n' || t_[p - 1] == '\r';
    }

    // value := part ('#' part)*
    std::string value() {
        std::string out;
        while (true) {
            char c = peek();
            if (c == '{') {
                out += braced();
            } else if (c == '"') {
                out += quoted();
            } else if (ascii::is_digit(c)) {
                std::size_t start = pos_;
                while (pos_ < t_.size() && ascii::is_digit(t_[pos_])) ++pos_;
                out += t_.substr(start, pos_ - start);
            } else {
                std::string m = lower(name());
                auto it = macros_.find(m);
                if (it == macros_.end()) {
                    ctx_.warn(line_of(pos_), "undefined @string macro '" + m + "' kept as written");
                    out += m;
                } else {
                    out += it->second;
                }
            }
            if (peek() != '#') return out;
            ++pos_;
        }
    }

    void entry(std::size_t start) {
        std::string type = lower(name());
        char open = peek();
        if (open != '{' && open != '(') {
            if (type == "comment") return;  // "@comment text"
            throw EntryError{"expected '{' or '(' after @" + type};
        }
        char close = open == '{' ? '}' : ')';
        if (type == "comment") {
            if (open == '{') braced();
            else pos_ = t_.find(')', pos_) == std::string_view::npos ? t_.size() : t_.find(')', pos_) + 1;
            return;
        }
        ++pos_;
        if (type == "preamble") {
            value();
            expect(close, "end of @preamble");
            return;
        }
        if (type == "string") {
            std::string m = lower(name());
            expect('=', "'=' in @string");
            macros_[m] = value();
            expect(close, "end of @string");
            return;
        }
        skip_space();
        std::size_t key_start = pos_;
        while (pos_ < t_.size() && t_[pos_] != ',' && t_[pos_] != close && !ascii::is_space(t_[pos_]))
            ++pos_;
        std::string key(t_.substr(key_start, pos_ - key_start));
        std::vector<std::pair<std::string, std::string>> fields;
        while (true) {
            char c = peek();
            if (c == close) {
                ++pos_;
                break;
            }
            if (c != ',') throw EntryError{c == '\0' ? "the file ends inside the entry" : "expected ',' between fields"};
            ++pos_;
            if (peek() == close) continue;
            if (peek() == '@') throw EntryError{"the entry is not closed"};
            std::string field = lower(name());
            expect('=', "'=' after field name");
            fields.emplace_back(field, value());
        }
        entries_.push_back({line_of(start), type, key, std::move(fields)});
    }

    void build(const Entry& e, Fields& f);

    std::string_view t_;
    ReadContext& ctx_;
    std::size_t pos_ = 0;
    std::size_t counted_ = 0;
    int line_ = 1;
    std::map<std::string, std::string> macros_;
    std::vector<Entry> entries_;
    std::map<std::string, std::size_t> by_key_;  // lower-case key -> entry: BibTeX keys are case-insensitive
};

// Splits s, outside braces, where separator(s, i) gives a separator's length.
template <class Separator>
std::vector<std::string> split_outside_braces(std::string_view s, Separator separator) {
    std::vector<std::string> out;
    int depth = 0;
    std::size_t start = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '{') ++depth;
        else if (s[i] == '}') --depth;
        else if (std::size_t n = depth == 0 ? separator(s, i) : 0) {
            out.emplace_back(text::trim(s.substr(start, i - start)));
            start = i + n;
            i += n - 1;
        }
    }
    out.emplace_back(text::trim(s.substr(start)));
    return out;
}

// The names of an author field: " and " (any case) between them.
std::vector<std::string> split_and(std::string_view s) {
    auto space = [&](std::size_t i) { return ascii::is_space(s[i]); };
    std::vector<std::string> out = split_outside_braces(s, [&](std::string_view t, std::size_t i) -> std::size_t {
        bool and_word = i + 4 < t.size() && space(i) && space(i + 4) && ascii::to_lower(t[i + 1]) == 'a' &&
                        ascii::to_lower(t[i + 2]) == 'n' && ascii::to_lower(t[i + 3]) == 'd';
        return and_word ? 5 : 0;
    });
    out.erase(std::remove(out.begin(), out.end(), std::string()), out.end());
    return out;
}

// The parts of one name: "von Last, Jr, First" has three.
std::vector<std::string> split_commas(std::string_view s) {
    return split_outside_braces(s, [](std::string_view t, std::size_t i) -> std::size_t { return t[i] == ','; });
}

// "D.~E. Knuth", "a~study": a tie is a space; "\\~{n}" stays an accent.
std::string untie(std::string_view s) {
    std::string out(s);
    for (std::size_t i = 0; i < out.size(); ++i)
        if (out[i] == '~' && (i == 0 || out[i - 1] != '\\')) out[i] = ' ';
    return out;
}

// TeX's dash ligatures: "---" an em dash, "--" an en dash ("2015--2016").
std::string dashes(std::string s) {
    if (s.find("--") == std::string::npos) return s;
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s.compare(i, 3, "---") == 0) {
            out += "\u2014";
            i += 2;
        } else if (s.compare(i, 2, "--") == 0) {
            out += "\u2013";
            ++i;
        } else {
            out += s[i];
        }
    }
    return out;
}

// Dashes before braces go: "-{}-" is two hyphens, as TeX reads it.
std::string display(std::string_view s) {
    if (s.find('~') != std::string_view::npos) return text::squeeze_spaces(text::decode_latex(dashes(untie(s))));
    return text::squeeze_spaces(text::decode_latex(dashes(std::string(s))));
}

// True when one brace pair encloses all of s: "{Robert and Sons, Inc.}",
// "{{\"O}sterreichische Akademie}"; not "{A} and {B}".
bool outer_braced(std::string_view s) {
    if (s.size() < 3 || s.front() != '{' || s.back() != '}') return false;
    int depth = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '{') ++depth;
        else if (s[i] == '}' && --depth == 0 && i + 1 < s.size()) return false;
    }
    return depth == 0;
}

// BibTeX's case of a name word: its first letter at brace depth 0, or the
// letter a special character ("{\'e}cole") stands for; a word opening with
// another brace group has none. 1 upper, -1 lower, 0 caseless.
int word_case(std::string_view w) {
    int depth = 0;
    for (std::size_t i = 0; i < w.size(); ++i) {
        char c = w[i];
        if (c == '{') {
            if (depth == 0 && i + 1 < w.size() && w[i + 1] == '\\') {
                // A special character: the first letter after its command.
                std::size_t j = i + 2;
                while (j < w.size() && ascii::is_alpha(w[j])) ++j;  // the command ("\'", "\v", "\ss")
                std::string_view cmd = w.substr(i + 2, j - i - 2);
                if (!cmd.empty() && cmd.size() > 1) return ascii::is_upper(cmd[0]) ? 1 : -1;  // \ss, \OE, \aa
                while (j < w.size() && !ascii::is_alpha(w[j])) ++j;
                if (j < w.size()) return ascii::is_upper(w[j]) ? 1 : -1;
                return 0;
            }
            ++depth;
            continue;
        }
        if (c == '}') {
            --depth;
            continue;
        }
        if (depth > 0) {
            if (depth == 1 && i > 0 && w[i - 1] == '{') return 0;  // "{IEEE}": caseless
            continue;
        }
        if (ascii::is_alpha(c)) return ascii::is_upper(c) ? 1 : -1;
        auto u = static_cast<unsigned char>(c);
        if (u >= 0x80) return 1;  // "Édouard": a letter of its own case; names rarely start lower-case in UTF-8
    }
    return 0;
}

// biblatex's extended name format: "family=Doe, given=John, prefix=von, suffix=Jr".
bool extended_name(const std::vector<std::string>& parts, Author& out) {
    std::string family, given, prefix, suffix;
    for (const std::string& p : parts) {
        auto eq = p.find('=');
        if (eq == std::string::npos) return false;
        std::string key = lower(text::trim(std::string_view(p).substr(0, eq)));
        std::string value = display(text::trim(std::string_view(p).substr(eq + 1)));
        if (key == "family") family = value;
        else if (key == "given") given = value;
        else if (key == "prefix") prefix = value;
        else if (key == "suffix") suffix = value;
        else if (key != "useprefix" && key != "given-i" && key != "family-i" && key != "prefix-i") return false;
    }
    if (family.empty() && given.empty()) return false;
    // The parts are named: taken as they are, never split again.
    out = author_from_fixed_parts(given, prefix.empty() ? family : prefix + " " + family, suffix);
    return true;
}

// True when braces in s protect a space or comma: "{Bell, II}", "{von
// Neumann}", "{Garc{\'i}a M{\'a}rquez}". Such a part is one name part by
// BibTeX's rule, which a plain-text parse of its display would split.
bool protects_separator(std::string_view s) {
    int depth = 0;
    for (char c : s) {
        if (c == '{') ++depth;
        else if (c == '}') --depth;
        else if (depth > 0 && (c == ' ' || c == ',' || c == '~')) return true;
    }
    return false;
}

// A name from BibTeX's parts: as they are when braces protect a separator in
// one, else through the plain-text rules (case, initials, particles).
Author from_bibtex_parts(const std::string& given, const std::string& family, const std::string& suffix = {}) {
    if (protects_separator(given) || protects_separator(family) || protects_separator(suffix))
        return author_from_fixed_parts(display(given), display(family), display(suffix));
    return author_from_parts(display(given), display(family), display(suffix));
}

// "First von Last" by BibTeX's rule: the von part runs from the first
// lower-case word to the last one before the last word ("Charles Louis
// Xavier Joseph de la Vallée Poussin"); without one, the last word is the surname.
bool first_von_last(const std::string& raw, Author& out) {
    std::vector<std::string> words;
    for (const std::string& w : split_outside_braces(raw, [](std::string_view t, std::size_t i) -> std::size_t {
             return ascii::is_space(t[i]) || t[i] == '~' ? 1 : 0;
         }))
        if (!w.empty()) words.push_back(w);
    if (words.size() < 3) return false;
    // The von part and the last name both go into the surname: only the von part's start matters.
    std::size_t von = 0;
    for (std::size_t i = 1; i + 1 < words.size() && !von; ++i)
        if (word_case(words[i]) < 0) von = i;
    if (!von) return false;
    std::string given, surname;
    for (std::size_t i = 0; i < words.size(); ++i) {
        std::string& into = i < von ? given : surname;
        (into.empty() ? into : into += ' ') += words[i];
    }
    out = from_bibtex_parts(given, surname);
    return true;
}

// "First Last" whose last word is a braced group with a space ("Gabriel
// {Garc{\'i}a M{\'a}rquez}"): that group is the surname.
bool first_braced_last(const std::string& raw, Author& out) {
    std::vector<std::string> words;
    for (const std::string& w : split_outside_braces(raw, [](std::string_view t, std::size_t i) -> std::size_t {
             return ascii::is_space(t[i]) || t[i] == '~' ? 1 : 0;
         }))
        if (!w.empty()) words.push_back(w);
    if (words.size() < 2 || !protects_separator(words.back())) return false;
    std::string given;
    for (std::size_t i = 0; i + 1 < words.size(); ++i) (given.empty() ? given : given += ' ') += words[i];
    out = from_bibtex_parts(given, words.back());
    return true;
}

Author bibtex_name(const std::string& raw) {
    std::vector<std::string> parts = split_commas(raw);
    Author a;
    if (parts.size() >= 2 && raw.find('=') != std::string::npos && extended_name(parts, a)) {
        // family=..., given=...
    } else if (parts.size() >= 3) {
        a = from_bibtex_parts(parts[2], parts[0], parts[1]);
    } else if (parts.size() == 2) {
        a = from_bibtex_parts(parts[1], parts[0]);
    } else if (outer_braced(raw)) {
        // {Barack Obama Foundation}: a corporate name, not a given name and surname.
        a = corporate_author(raw);
    } else if (!first_von_last(raw, a) && !first_braced_last(raw, a)) {
        a = parse_name(display(raw));
    }
    a.raw = raw;
    return a;
}

// The words of a LaTeX text with its braces and backslashes taken out: "{\uktug}" -> "uktug".
std::string macro_names(std::string_view s) {
    std::string out;
    for (char c : s)
        if (c != '{' && c != '}' && c != '\\') out += c;
    return text::squeeze_spaces(out);
}

// The fields a biblatex title joins: "Title: Subtitle. Addon" (no colon
// after a title that ends in its own punctuation).
std::string joined_title(const std::map<std::string, std::string>& f, const char* title, const char* subtitle,
                         const char* addon) {
    auto get = [&](const char* k) {
        auto it = f.find(k);
        return it == f.end() ? std::string() : display(it->second);
    };
    std::string out = get(title);
    auto join = [&](const std::string& part, const char* sep) {
        if (part.empty()) return;
        if (out.empty()) {
            out = part;
            return;
        }
        char last = out.back();
        out += std::strchr("?!:.;", last) ? std::string(" ") : std::string(sep);
        out += part;
    };
    join(get(subtitle), ": ");
    join(get(addon), ". ");
    return out;
}

std::string entry_venue(const std::map<std::string, std::string>& f) {
    std::string journal = joined_title(f, "journaltitle", "journalsubtitle", "journaltitleaddon");
    if (journal.empty()) journal = joined_title(f, "journal", "journalsubtitle", "journaltitleaddon");
    if (!journal.empty()) return journal;
    std::string book = joined_title(f, "booktitle", "booksubtitle", "booktitleaddon");
    if (!book.empty()) return book;
    for (const char* k : {"eventtitle", "howpublished", "school", "institution", "organization", "series",
                          "publisher"}) {
        auto it = f.find(k);
        if (it == f.end() || it->second.empty()) continue;
        // howpublished = {\url{https://...}}: where the work is, not a venue.
        std::string_view v = text::trim(it->second);
        if (text::starts_with(v, "\\url") || text::starts_with(v, "http")) continue;
        return display(it->second);
    }
    return "";
}

// An identifier as written in BibTeX: "{10.1016/j.x}", "10.1000/a\_b".
std::string identifier(std::string_view s) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '{' || s[i] == '}') continue;
        if (s[i] == '\\' && i + 1 < s.size() && std::strchr("_%&#$~", s[i + 1])) continue;
        out += s[i];
    }
    return std::string(text::trim(out));
}

// A year in a free-text field: "1980", "June 1980", "c. 1980", "2006/2007"
// (the first), "1980a"; 0 when there is none.
int year_in(std::string_view s, std::size_t& at) {
    for (std::size_t i = 0; i + 4 <= s.size(); ++i) {
        if (i > 0 && ascii::is_digit(s[i - 1])) continue;
        if (!(ascii::is_digit(s[i]) && ascii::is_digit(s[i + 1]) && ascii::is_digit(s[i + 2]) && ascii::is_digit(s[i + 3])))
            continue;
        if (i + 4 < s.size() && ascii::is_digit(s[i + 4])) continue;
        int y = std::atoi(std::string(s.substr(i, 4)).c_str());
        if (y < 1000 || y > 2999) continue;
        at = i;
        return y;
    }
    return 0;
}

// A month named or numbered: "jun", "June", "6", "06"; 0 when none.
int month_in(std::string_view s) {
    std::string m = lower(text::trim(s));
    if (m.empty()) return 0;
    if (ascii::is_digit(m[0])) {
        int n = std::atoi(m.c_str());
        return n >= 1 && n <= 12 ? n : 0;
    }
    static const char* names[] = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
    for (std::size_t i = 0; i + 3 <= m.size(); ++i) {
        if (i > 0 && ascii::is_alpha(m[i - 1])) continue;
        for (int k = 0; k < 12; ++k)
            if (m.compare(i, 3, names[k]) == 0) return k + 1;
    }
    return 0;
}

// Fields a child never takes from its crossref parent: the parent's own
// identity (its DOI would make every paper of a proceedings one work) and
// biblatex's non-inherited set.
bool inherited(const std::string& k) {
    static const char* own[] = {"doi", "url", "urldate", "eprint", "eprinttype", "eprintclass", "archiveprefix",
                                "primaryclass", "pmid", "pmcid", "isbn", "abstract", "file", "keywords", "openalex",
                                "s2", "s2_corpus", "dblp", "mag", "acl", "biburl", "bibsource", "timestamp", "ids",
                                "crossref", "xref", "xdata", "entryset", "entrysubtype", "execute", "label",
                                "options", "presort", "related", "relatedoptions", "relatedstring", "relatedtype",
                                "shorthand", "shorthandintro", "sortkey", "title", "subtitle", "titleaddon",
                                "shorttitle", "sorttitle", "indextitle", "pages", "note", "category"};
    return std::find_if(std::begin(own), std::end(own), [&](const char* o) { return k == o; }) == std::end(own);
}


void Parser::finish() {
    for (std::size_t i = 0; i < entries_.size(); ++i) by_key_.emplace(lower(entries_[i].key), i);
    for (std::size_t i = 0; i < entries_.size(); ++i) {
        // @xdata holds fields for other entries; it is no work of its own.
        if (entries_[i].type == "xdata") continue;
        // @IEEEtranBSTCTL sets options of IEEEtran.bst: reported, not a work.
        if (entries_[i].type == "ieeetranbstctl") {
            ctx_.diagnose(entries_[i].line, Severity::info,
                          "entry '" + entries_[i].key + "' is an IEEEtran style control entry, not a work");
            continue;
        }
        Fields f = resolved(i);
        build(entries_[i], f);
    }
}

// An entry's fields, its xdata and crossref parents' added where it has none.
Parser::Fields Parser::resolved(std::size_t index) {
    const Entry& e = entries_[index];
    Fields f;
    for (const auto& [k, v] : e.fields) {
        if (f.count(k)) ctx_.warn(e.line, "field '" + k + "' given twice in '" + e.key + "'; the first is kept");
        else f[k] = v;
    }
    std::vector<std::size_t> seen{index};
    inherit(f, index, false, 0, seen);
    return f;
}

void Parser::inherit(Fields& f, std::size_t from, bool crossref, int depth, std::vector<std::size_t>& seen) {
    const Entry& e = entries_[from];
    if (depth > 0) {
        // The parent's own fields first, then what it inherits itself.
        bool book_like = e.type == "proceedings" || e.type == "book" || e.type == "collection" ||
                         e.type == "mvbook" || e.type == "mvproceedings" || e.type == "mvcollection" ||
                         e.type == "reference" || e.type == "mvreference";
        for (const auto& [k, v] : e.fields) {
            if (crossref) {
                // biblatex: the parent's title is the child's booktitle (journaltitle from a periodical).
                if (k == "title" || k == "subtitle" || k == "titleaddon") {
                    std::string to = (e.type == "periodical" ? "journal" : "book") + k;
                    if (e.type == "periodical" && k == "title") to = "journaltitle";
                    if (book_like || e.type == "periodical") f.emplace(to, v);
                    continue;
                }
                if (!inherited(k)) continue;
            }
            f.emplace(k, v);
        }
    }
    if (depth > 8) return;
    auto follow = [&](const std::string& key, bool via_crossref) {
        auto it = by_key_.find(lower(text::trim(key)));
        if (it == by_key_.end()) {
            ctx_.warn(e.line, std::string(via_crossref ? "crossref" : "xdata") + " '" + std::string(text::trim(key)) +
                                  "' of '" + e.key + "' is not in this file; its fields are not inherited");
            return;
        }
        if (std::find(seen.begin(), seen.end(), it->second) != seen.end()) return;  // a cycle
        seen.push_back(it->second);
        inherit(f, it->second, via_crossref || crossref, depth + 1, seen);
    };
    for (const auto& [k, v] : e.fields) {
        if (k == "xdata")
            for (const std::string& key : split_commas(v))
                if (!key.empty()) follow(key, false);
    }
    for (const auto& [k, v] : e.fields)
        if (k == "crossref" && !text::trim(v).empty()) follow(v, true);
}

void Parser::build(const Entry& e, Fields& f) {
    const std::string& type = e.type;
    const std::string& key = e.key;
    Work& w = ctx_.add_work(e.line);
    w.category = f.count("category") ? f["category"] : type;
    if (!key.empty()) w.extra["citation_key"] = key;
    w.title = joined_title(f, "title", "subtitle", "titleaddon");
    if (w.title.empty()) {
        // A title of macros only ("{\uktug}", a user's own): their names
        // are the title, which decoding them as formatting would lose.
        if (auto it = f.find("title"); it != f.end() && !macro_names(it->second).empty()) {
            w.title = macro_names(it->second);
            ctx_.diagnose(w.source_line, Severity::info,
                          "entry '" + key + "': title of unknown macros only, kept as their names: '" + w.title + "'");
        } else {
            ctx_.warn(w.source_line, "entry '" + key + "' has no title");
        }
    }
    for (const std::string& name : split_and(f["author"])) {
        if (lower(name) == "others") w.authors_truncated = true;
        else w.authors.push_back(bibtex_name(name));
    }
    w.venue = entry_venue(f);
    if (std::string publisher = display(f["publisher"]); !publisher.empty() && publisher != w.venue)
        w.extra["publisher"] = publisher;
    // biblatex's date ("2006", "2006-05-01", "2006-05/2006-07") wins over year and month.
    if (std::string date = identifier(f["date"]); !date.empty()) {
        detail::set_date(w, date);
        if (!w.year) ctx_.warn(w.source_line, "date '" + f["date"] + "' is not a date");
    }
    if (!w.year && !f["year"].empty()) {
        std::string year_text = display(f["year"]);
        std::size_t at = 0;
        if (int y = year_in(year_text, at)) {
            detail::set_date(w, std::to_string(y));
            // "June 1980": the month named beside the year, else the month field.
            int month = month_in(f["month"].empty() ? year_text.substr(0, at) : display(f["month"]));
            if (month >= 1 && month <= 12) detail::set_date(w, w.date + "-" + std::to_string(month));
        } else {
            ctx_.warn(w.source_line, "year '" + f["year"] + "' is not a year");
        }
    }
    w.abstract = display(f["abstract"]);
    if (std::string doi = identifier(f["doi"]); !doi.empty()) w.ids["doi"] = detail::bare_doi(doi);
    std::string eprint = identifier(f["eprint"]);
    std::string prefix = lower(identifier(f.count("archiveprefix") ? f["archiveprefix"] : f["eprinttype"]));
    if (!eprint.empty()) {
        if (prefix == "arxiv" || prefix.empty()) w.ids["arxiv"] = detail::bare_arxiv(eprint);
        else if (prefix == "pubmed") w.ids.emplace("pmid", eprint);
        else if (prefix == "doi") w.ids.emplace("doi", detail::bare_doi(eprint));
        else w.ids.emplace(prefix, eprint);  // hdl, jstor, googlebooks
    }
    if (auto it = f.find("eprintclass"); it != f.end() && !it->second.empty()) w.extra["eprintclass"] = identifier(it->second);
    else if (auto pc = f.find("primaryclass"); pc != f.end() && !pc->second.empty()) w.extra["eprintclass"] = identifier(pc->second);
    for (const char* id : {"pmid", "pmcid", "isbn", "openalex", "s2", "s2_corpus", "dblp", "mag", "acl"})
        if (std::string v = identifier(f[id]); !v.empty()) w.ids[id] = v;
    if (f["url"].empty()) {
        // Google Scholar and Mendeley give a web page's address as howpublished = {\url{...}}.
        std::string_view how = text::trim(f["howpublished"]);
        if (text::starts_with(how, "\\url")) how.remove_prefix(4);
        std::string address = identifier(how);
        if (text::starts_with(address, "http")) f["url"] = address;
    }
    if (std::string url = identifier(f["url"]); !url.empty()) {
        w.links["landing"] = url;
        if (url.find("arxiv.org/") != std::string::npos && !w.ids.count("arxiv"))
            w.ids["arxiv"] = detail::bare_arxiv(url);
        if (!w.ids.count("doi")) {
            if (auto d = url.find("doi.org/10."); d != std::string::npos) w.ids["doi"] = detail::bare_doi(url.substr(d + 8));
        }
    }
    // Google Scholar names an arXiv paper only in its venue: journal = {arXiv preprint arXiv:1011.1508}.
    if (!w.ids.count("arxiv")) {
        for (const char* field : {"journal", "journaltitle", "note", "howpublished"}) {
            std::string v = display(f[field]);
            auto at = v.find("arXiv:");
            if (at == std::string::npos) continue;
            std::size_t end = at + 6;
            while (end < v.size() && !ascii::is_space(v[end]) && v[end] != ',' && v[end] != ';' && v[end] != ')') ++end;
            std::string id = detail::bare_arxiv(std::string_view(v).substr(at, end - at));
            if (id.size() >= 9 && ascii::is_digit(id[0]) && id[4] == '.') {  // 1011.1508, 2504.17074
                w.ids["arxiv"] = id;
                break;
            }
        }
    }
    // Editors (often a crossref parent's), as display names.
    std::string editors;
    for (const std::string& name : split_and(f["editor"]))
        if (lower(name) != "others") (editors.empty() ? editors : editors += "; ") += bibtex_name(name).display;
    if (!editors.empty()) w.extra["editors"] = editors;
    if (std::string place = display(f.count("location") ? f["location"] : f["address"]); !place.empty())
        w.extra["address"] = place;
    for (const char* k : {"volume", "number", "pages", "note", "keywords", "series", "edition"}) {
        if (f[k].empty()) continue;
        std::string v = display(f[k]);
        if (std::strcmp(k, "pages") == 0)  // a range as the other readers write it: "71-80", not "71--80"
            for (auto at = v.find("\u2013"); at != std::string::npos; at = v.find("\u2013", at + 1)) v.replace(at, 3, "-");
        w.extra[k] = std::move(v);
    }
}

}  // namespace

bool looks_like_bibtex(std::string_view text) {
    std::string_view head = text.substr(0, 8192);
    for (std::size_t at = head.find('@'); at != std::string_view::npos; at = head.find('@', at + 1)) {
        std::size_t i = at + 1;
        while (i < head.size() && is_type_char(head[i])) ++i;
        while (i < head.size() && head[i] == ' ') ++i;
        if (i > at + 1 && i < head.size() && (head[i] == '{' || head[i] == '(')) {
            std::size_t bol = head.rfind('\n', at);
            bol = bol == std::string_view::npos ? 0 : bol + 1;
            if (text::trim(head.substr(bol, at - bol)).empty()) return true;
        }
    }
    return false;
}

void read_bibtex(std::string_view text, ReadContext& ctx) { Parser(text, ctx).run(); }

}  // namespace scholarmerge
