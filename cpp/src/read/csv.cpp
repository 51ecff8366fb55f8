#include "read/csv.hpp"

#include <algorithm>

#include "scholarmerge/error.hpp"
#include "scholarmerge/names/parse.hpp"
#include "text/fold.hpp"
#include "text/lines.hpp"
#include "text/markup.hpp"
#include "text/ascii.hpp"

namespace scholarmerge {

namespace {

struct Row {
    std::vector<std::string> fields;
    int line = 0;  // where the row starts
};

// Splits the text into rows of fields, honouring quotes; lines counted across
// quoted line breaks. CRLF, LF and lone CR end a row.
std::vector<Row> parse_rows(std::string_view s, char sep) {
    std::vector<Row> rows;
    Row row;
    std::string field;
    bool quoted = false, at_start = true;
    int line = 1;
    row.line = 1;
    auto end_field = [&] {
        row.fields.push_back(std::move(field));
        field.clear();
        at_start = true;
    };
    auto end_row = [&] {
        end_field();
        bool blank = row.fields.size() == 1 && row.fields[0].empty();
        if (!blank) rows.push_back(std::move(row));
        row = Row{};
        row.line = line;
    };
    for (std::size_t i = 0; i < s.size(); ++i) {
        char c = s[i];
        if (quoted) {
            if (c == '"') {
                if (i + 1 < s.size() && s[i + 1] == '"') {
                    field += '"';
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                if (c == '\n' || (c == '\r' && !(i + 1 < s.size() && s[i + 1] == '\n'))) ++line;
                field += c;
            }
            continue;
        }
        if (c == '"' && at_start) {
            quoted = true;
            at_start = false;
        } else if (c == sep) {
            end_field();
        } else if (c == '\n' || c == '\r') {
            if (c == '\r' && i + 1 < s.size() && s[i + 1] == '\n') ++i;
            ++line;
            end_row();
        } else {
            field += c;
            at_start = false;
        }
    }
    if (!field.empty() || !row.fields.empty()) end_row();
    return rows;
}

char guess_separator(std::string_view header) {
    const char candidates[] = {',', ';', '\t', '|', '%'};
    char best = ',';
    std::size_t most = 0;
    for (char c : candidates) {
        std::size_t n = static_cast<std::size_t>(std::count(header.begin(), header.end(), c));
        if (n > most) {
            most = n;
            best = c;
        }
    }
    return best;
}

std::string lower(std::string s) {
    for (auto& c : s) c = ascii::to_lower(c);
    return s;
}

}  // namespace

bool looks_like_csv(std::string_view text) {
    // A header naming a title column, and a separator.
    auto first = text::split_lines(text.substr(0, 4096));
    if (first.empty()) return false;
    std::string header = lower(std::string(first[0].text));
    char sep = guess_separator(header);
    if (header.find(sep) == std::string::npos) return false;
    auto rows = parse_rows(first[0].text, sep);
    if (rows.empty()) return false;
    for (const auto& f : rows[0].fields)
        if (lower(std::string(text::trim(f))) == "title") return true;
    return false;
}

void read_csv(std::string_view text, ReadContext& ctx) {
    const auto& p = ctx.options.params;
    auto opt = [&](const char* key, const std::string& fallback) {
        auto it = p.find(key);
        return it == p.end() ? fallback : it->second;
    };
    std::string_view header_line = text::split_lines(text.substr(0, 65536)).front().text;
    std::string sep_opt = opt("sep", "");
    if (sep_opt == "\\t" || sep_opt == "tab") sep_opt = "\t";
    if (sep_opt.size() > 1) throw Error(ErrorCode::bad_option, ctx.source, 0, "sep must be one character");
    char sep = sep_opt.empty() ? guess_separator(header_line) : sep_opt[0];
    auto rows = parse_rows(text, sep);
    if (rows.empty()) return;
    // Column positions by name (case-insensitive).
    std::vector<std::string> header;
    for (const auto& f : rows[0].fields) header.push_back(lower(std::string(text::trim(f))));
    auto column = [&](const char* key, std::vector<std::string> defaults, bool required) -> long {
        auto it = p.find(key);
        if (it != p.end()) defaults = {lower(it->second)};
        for (const auto& name : defaults)
            for (std::size_t i = 0; i < header.size(); ++i)
                if (header[i] == name) return static_cast<long>(i);
        if (required || it != p.end())
            throw Error(ErrorCode::bad_option, ctx.source, rows[0].line,
                        std::string("no '") + (it != p.end() ? it->second : defaults.front()) + "' column for " + key +
                            " (pass " + key + "=<column>)");
        return -1;
    };
    long title = column("title", {"title"}, true);
    long authors = column("authors", {"authors", "author"}, false);
    long year = column("year", {"year", "date"}, false);
    long venue = column("venue", {"venue", "journal", "booktitle"}, false);
    long id = column("id", {"id", "entity id"}, false);
    long doi = column("doi", {"doi"}, false);
    long arxiv = column("arxiv", {"arxiv"}, false);
    std::string author_sep = opt("author_sep", "");
    const std::vector<long> known = {title, authors, year, venue, id, doi, arxiv};

    for (std::size_t r = 1; r < rows.size(); ++r) {
        const Row& row = rows[r];
        Work& w = ctx.add_work(row.line);
        // Fewer fields than the header: the rest are empty. More: kept in extra, and reported.
        if (row.fields.size() > header.size() && !(row.fields.size() == header.size() + 1 && row.fields.back().empty())) {
            ctx.warn(row.line, "row has " + std::to_string(row.fields.size()) + " fields, the header " +
                                   std::to_string(header.size()) + "; the extra ones are kept in extra.unnamed");
            std::string rest;
            for (std::size_t c = header.size(); c < row.fields.size(); ++c) rest += (rest.empty() ? "" : "\t") + row.fields[c];
            w.extra["unnamed"] = rest;
        }
        auto field = [&](long c) -> std::string {
            if (c < 0 || static_cast<std::size_t>(c) >= row.fields.size()) return "";
            return std::string(text::trim(row.fields[static_cast<std::size_t>(c)]));
        };
        w.title = text::clean_display(field(title));
        if (w.title.empty()) ctx.warn(row.line, "row without a title");
        std::string names = text::decode_entities(field(authors));
        if (!author_sep.empty()) {
            std::size_t start = 0;
            while (start <= names.size()) {
                std::size_t end = names.find(author_sep, start);
                if (end == std::string::npos) end = names.size();
                std::string_view one = text::trim(std::string_view(names).substr(start, end - start));
                if (!one.empty()) w.authors.push_back(parse_name(one));
                start = end + author_sep.size();
            }
        } else if (!names.empty()) {
            AuthorList list = parse_author_list(names);
            w.authors = std::move(list.authors);
            w.authors_truncated = list.truncated;
        }
        // The first plausible year in the year (or date) column.
        std::string y = field(year);
        for (std::size_t i = 0; i + 4 <= y.size(); ++i) {
            if ((y.compare(i, 2, "19") == 0 || y.compare(i, 2, "20") == 0) &&
                std::all_of(y.begin() + static_cast<long>(i), y.begin() + static_cast<long>(i) + 4, ascii::is_digit) &&
                (i + 4 == y.size() || !ascii::is_digit(y[i + 4]))) {
                w.year = std::stoi(y.substr(i, 4));
                w.date = y.substr(i, 4);
                break;
            }
        }
        w.venue = text::clean_display(field(venue));
        if (!field(id).empty()) w.ids["id"] = field(id);
        if (!field(doi).empty()) w.ids["doi"] = field(doi);
        if (!field(arxiv).empty()) w.ids["arxiv"] = field(arxiv);
        for (std::size_t c = 0; c < header.size() && c < row.fields.size(); ++c) {
            if (std::find(known.begin(), known.end(), static_cast<long>(c)) != known.end() || header[c].empty()) continue;
            std::string v(text::trim(row.fields[c]));
            if (!v.empty()) w.extra[header[c]] = v;
        }
    }
}

}  // namespace scholarmerge
