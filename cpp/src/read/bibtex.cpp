#include "scholarmerge/read/bibtex.hpp"

#include <algorithm>
#include <cstring>
#include <map>

#include "details/json_input.hpp"  // bare_doi, bare_arxiv, set_date
#include "scholarmerge/names/match.hpp"
#include "scholarmerge/names/parse.hpp"
#include "scholarmerge/text/lines.hpp"
#include "scholarmerge/text/markup.hpp"
#include "scholarmerge/text/ascii.hpp"

namespace scholarmerge {

namespace {

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = ascii::to_lower(c);
    return out;
}

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
        while (true) {
            std::size_t at = t_.find('@', pos_);
            if (at == std::string_view::npos) return;
            pos_ = at + 1;
            std::size_t start = at;
            if (!starts_entry(at)) continue;  // an '@' in the text between entries
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
    }

private:
    // "@name{" or "@name(": BibTeX ignores everything else outside entries.
    bool starts_entry(std::size_t at) const {
        std::size_t i = at + 1;
        while (i < t_.size() && ascii::is_alpha(t_[i])) ++i;
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
        build(start, type, key, fields);
    }

    void build(std::size_t start, const std::string& type, const std::string& key,
               const std::vector<std::pair<std::string, std::string>>& fields);

    std::string_view t_;
    ReadContext& ctx_;
    std::size_t pos_ = 0;
    std::size_t counted_ = 0;
    int line_ = 1;
    std::map<std::string, std::string> macros_;
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

std::string display(std::string_view s) { return text::squeeze_spaces(text::decode_latex(s)); }

Author bibtex_name(const std::string& raw) {
    std::vector<std::string> parts = split_commas(raw);
    Author a;
    if (parts.size() >= 3) {
        a = author_from_parts(display(parts[2]), display(parts[0]), display(parts[1]));
    } else if (parts.size() == 2) {
        a = author_from_parts(display(parts[1]), display(parts[0]));
    } else if (raw.size() > 2 && raw.front() == '{' && raw.back() == '}' &&
               raw.find('{', 1) == std::string::npos) {
        // {Barack Obama Foundation}: a corporate name, not a given name and surname.
        a = corporate_author(raw);
    } else {
        a = parse_name(display(raw));
    }
    a.raw = raw;
    return a;
}

std::string entry_venue(const std::map<std::string, std::string>& f) {
    for (const char* k : {"journal", "journaltitle", "booktitle", "howpublished", "school", "institution", "series",
                          "publisher"})
        if (auto it = f.find(k); it != f.end() && !it->second.empty()) return it->second;
    return "";
}

void Parser::build(std::size_t start, const std::string& type, const std::string& key,
                   const std::vector<std::pair<std::string, std::string>>& fields) {
    std::map<std::string, std::string> f;
    for (const auto& [k, v] : fields) {
        if (f.count(k)) ctx_.warn(line_of(start), "field '" + k + "' given twice in '" + key + "'; the first is kept");
        else f[k] = v;
    }
    Work& w = ctx_.add_work(line_of(start));
    w.category = f.count("category") ? f["category"] : type;
    if (!key.empty()) w.extra["citation_key"] = key;
    w.title = display(f["title"]);
    if (w.title.empty()) ctx_.warn(w.source_line, "entry '" + key + "' has no title");
    for (const std::string& name : split_and(f["author"])) {
        if (lower(name) == "others") w.authors_truncated = true;
        else w.authors.push_back(bibtex_name(name));
    }
    w.venue = display(entry_venue(f));
    if (std::string publisher = display(f["publisher"]); !publisher.empty() && publisher != w.venue)
        w.extra["publisher"] = publisher;
    if (!f["date"].empty()) detail::set_date(w, f["date"]);
    if (!w.year && !f["year"].empty()) {
        detail::set_date(w, text::trim(display(f["year"])));
        if (!w.year) ctx_.warn(w.source_line, "year '" + f["year"] + "' is not a year");
        std::string month_text = lower(display(f["month"]));
        std::string m(text::trim(month_text));
        if (w.year && !m.empty()) {
            int month = ascii::is_digit(m[0]) ? std::atoi(m.c_str()) : 0;
            static const char* names[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                          "jul", "aug", "sep", "oct", "nov", "dec"};
            for (int i = 0; i < 12 && month == 0; ++i)
                if (m.compare(0, 3, names[i]) == 0) month = i + 1;
            if (month >= 1 && month <= 12) detail::set_date(w, w.date + "-" + std::to_string(month));
        }
    }
    w.abstract = display(f["abstract"]);
    if (!f["doi"].empty()) w.ids["doi"] = detail::bare_doi(f["doi"]);
    std::string prefix = lower(f.count("archiveprefix") ? f["archiveprefix"] : f["eprinttype"]);
    if (!f["eprint"].empty() && (prefix == "arxiv" || prefix.empty())) w.ids["arxiv"] = detail::bare_arxiv(f["eprint"]);
    for (const char* id : {"pmid", "pmcid", "isbn", "openalex", "s2", "s2_corpus", "dblp", "mag", "acl"})
        if (!f[id].empty()) w.ids[id] = text::trim(f[id]);
    if (!f["url"].empty()) {
        w.links["landing"] = f["url"];
        if (f["url"].find("arxiv.org/") != std::string::npos && !w.ids.count("arxiv"))
            w.ids["arxiv"] = detail::bare_arxiv(f["url"]);
    }
    for (const char* k : {"volume", "number", "pages", "note", "keywords"})
        if (!f[k].empty()) w.extra[k] = display(f[k]);
}

}  // namespace

bool looks_like_bibtex(std::string_view text) {
    std::string_view head = text.substr(0, 8192);
    for (std::size_t at = head.find('@'); at != std::string_view::npos; at = head.find('@', at + 1)) {
        std::size_t i = at + 1;
        while (i < head.size() && ascii::is_alpha(head[i])) ++i;
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
