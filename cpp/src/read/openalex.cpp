#include "read/openalex.hpp"
#include "read/csl.hpp"

#include <algorithm>
#include <cstring>
#include <iterator>

#include "details/json_input.hpp"
#include "scholarmerge/names/parse.hpp"
#include "text/lines.hpp"
#include "text/markup.hpp"

namespace scholarmerge {

using namespace detail;

namespace {

// Lists reused from record to record, so as not to allocate them for every
// record or author: one set per thread, looked up once per record.
struct Scratch {
    std::vector<Author> authors;
    std::vector<std::string_view> institutions, raw_affiliations;
    std::vector<std::pair<std::int64_t, std::string_view>> words;  // (position, word) of an abstract
    std::vector<std::string_view> at;                              // an abstract's words by position
};

Scratch& scratch() {
    thread_local Scratch s;
    return s;
}

// Strings are read as views into the parser's buffer (valid for this
// record) and copied once, into the Author added to `out`.
bool read_authorship(od::value v, std::vector<Author>& out, Scratch& scratch) {
    std::string_view display, raw, orcid, openalex_id;
    auto& institutions = scratch.institutions;
    auto& raw_affiliations = scratch.raw_affiliations;
    institutions.clear();
    raw_affiliations.clear();
    bool ok = each_field(v, [&](std::string_view key, od::value x) {
        if (detail::key_is(key, "raw_author_name")) return get_view(x, raw);
        if (detail::key_is(key, "raw_affiliation_strings")) return get_views(x, raw_affiliations);
        if (detail::key_is(key, "institutions"))
            return each_item(x, [&](od::value inst) {
                return each_field(inst, [&](std::string_view k, od::value y) {
                    if (!detail::key_is(k, "display_name")) return true;
                    std::string_view name;
                    if (!get_view(y, name)) return false;
                    if (!name.empty()) institutions.push_back(name);
                    return true;
                });
            });
        if (detail::key_is(key, "author"))
            return each_field(x, [&](std::string_view k, od::value y) {
                if (detail::key_is(k, "display_name")) return get_view(y, display);
                if (detail::key_is(k, "orcid")) return get_view(y, orcid);
                if (detail::key_is(k, "id")) return get_view(y, openalex_id);
                return true;
            });
        return true;
    });
    if (!ok) return false;
    Author& a = out.emplace_back();
    parse_name_into(display.empty() ? raw : display, a);  // parsed in place: no Author moved
    if (!raw.empty()) a.raw = raw;
    a.id = !orcid.empty() ? bare_url_id(orcid) : bare_url_id(openalex_id);
    const auto& affiliations = institutions.empty() ? raw_affiliations : institutions;
    a.affiliations.assign(affiliations.begin(), affiliations.end());
    return true;
}

// A word of an abstract copied to p, with room for 16 bytes: most words
// are short, and memcpy's call and size dispatch cost more than a fixed
// 16-byte copy. That copy reads past the word, which both places a word can
// be in allow: the record's text has padding after it, and the parser's
// string buffer (escaped words) slack after every string, which simdjson's
// own unescaping writes into.
inline void copy_word(char* p, std::string_view word) {
    if (word.size() <= 16)
        std::memcpy(p, word.data(), 16);  // a constant size: two moves, no call
    else
        std::memcpy(p, word.data(), word.size());
}

// A position as most are written: one to seven digits without a leading
// zero, then ',' ']' or a space; false for anything else (the caller then asks
// simdjson). Eight bytes at a time without branches on the digits, whose
// varying count made the digit loop mispredict: the token is followed by the
// rest of the record or the padding, so eight bytes can be read.
inline bool plain_position(std::string_view token, std::int64_t& pos) {
    constexpr std::uint64_t zeros = 0x3030303030303030, highs = 0x8080808080808080;
    std::uint64_t bytes;
    std::memcpy(&bytes, token.data(), 8);
    std::uint64_t d = bytes - zeros;  // a digit's byte becomes 0..9
    // A byte's high bit set where it is no digit: below '0' (borrow) or above '9'.
    std::uint64_t not_digit = ((d + 0x7676767676767676) | d | (bytes & highs)) & highs;
    if (!not_digit) return false;
    int n = __builtin_ctzll(not_digit) / 8;  // digits before the first other byte
    char after = token.data()[n];
    if (n == 0 || (n > 1 && token[0] == '0') || !(after == ',' || after == ']' || after == ' ')) return false;
    d <<= 8 * (8 - n);  // the digits right-aligned, zeros before them
    d = d * 10 + (d >> 8);
    pos = static_cast<std::int64_t>(
        (((d & 0x000000FF000000FF) * (100 + (1000000ULL << 32))) + (((d >> 16) & 0x000000FF000000FF) * (1 + (10000ULL << 32)))) >> 32);
    return true;
}

// {"word": [positions], ...} -> the words in position order. The words are
// views into the parser's string buffer, valid for this record.
bool read_inverted_abstract(od::value v, std::string& out, Scratch& scratch) {
    auto& words = scratch.words;
    auto& at = scratch.at;
    words.clear();
    std::int64_t last = -1;
    std::size_t room = 0;  // for every word and a space before it
    bool ok = each_field(v, [&](std::string_view word, od::value positions) {
        return each_item(positions, [&](od::value p) {
            std::int64_t pos;
            if (!plain_position(p.raw_json_token(), pos) && (p.get_int64().get(pos) || pos < 0)) return false;
            words.emplace_back(pos, word);
            last = std::max(last, pos);
            room += word.size() + 1;
            return true;
        });
    });
    if (!ok) return false;
    if (static_cast<std::size_t>(last) < 4 * words.size() + 64) {
        // Positions are dense (0..n-1): place each word, no sort.
        at.assign(static_cast<std::size_t>(last) + 1, std::string_view());
        for (const auto& [pos, word] : words) at[static_cast<std::size_t>(pos)] = word;
        // Joined with single spaces, written in place, then cut to size.
        std::size_t start = out.size();
        out.resize(start + room + 16);
        char* begin = out.data();
        char* p = begin + start;
        for (auto word : at) {
            if (word.empty()) continue;
            if (p != begin) *p++ = ' ';
            copy_word(p, word);
            p += word.size();
        }
        out.resize(static_cast<std::size_t>(p - begin));
    } else {
        std::sort(words.begin(), words.end());
        for (const auto& [pos, word] : words) (out.empty() ? out : out += ' ') += word;
    }
    return true;
}

bool read_location(od::value v, Work& w, bool primary) {
    return each_field(v, [&](std::string_view key, od::value x) {
        std::string_view s;
        if (detail::key_is(key, "source"))
            return each_field(x, [&](std::string_view k, od::value y) {
                if (!detail::key_is(k, "display_name") || !primary) return true;
                return get_text(y, w.venue);
            });
        if (detail::key_is(key, "landing_page_url") || detail::key_is(key, "pdf_url")) {
            if (!get_view(x, s)) return false;
            if (s.find("arxiv.org/") != std::string_view::npos) w.ids.emplace("arxiv", bare_arxiv(s));
            if (primary && !s.empty()) w.links.emplace(detail::key_is(key, "pdf_url") ? "pdf" : "landing", s);
        }
        return true;
    });
}

std::string read_work(od::object obj, Work& w, ReadContext& ctx) {
    Scratch& reused = scratch();
    std::string_view title, display_name;  // views into the parser's buffer, valid for this record
    std::optional<std::int64_t> year;
    std::string problem = read_fields(obj, ctx, [&](std::string_view key, od::value x) {
        std::string_view s;
        bool ok = true;
        if (detail::key_is(key, "id")) {
            ok = get_view(x, s);
            if (!s.empty()) w.ids["openalex"] = bare_url_id(s);
        } else if (detail::key_is(key, "doi")) {
            ok = get_view(x, s);
            if (!s.empty()) w.ids["doi"] = bare_doi(s);
        } else if (detail::key_is(key, "title")) {
            ok = get_view(x, title);
        } else if (detail::key_is(key, "display_name")) {
            ok = get_view(x, display_name);
        } else if (detail::key_is(key, "publication_year")) {
            ok = get_int(x, year);
        } else if (detail::key_is(key, "publication_date")) {
            ok = get_view(x, s);
            set_date(w, s);
        } else if (detail::key_is(key, "type")) {
            ok = get_text(x, w.category);
        } else if (detail::key_is(key, "language")) {
            ok = get_view(x, s);
            if (!s.empty()) w.extra["language"] = std::string(s);
        } else if (detail::key_is(key, "cited_by_count")) {
            std::optional<std::int64_t> n;
            ok = get_int(x, n);
            if (n) w.extra["citations"] = *n;
        } else if (detail::key_is(key, "authorships")) {
            // Read into a reused list, then moved: w.authors is allocated once, at its size.
            std::vector<Author>& authors = reused.authors;
            authors.clear();
            ok = each_item(x, [&](od::value a) { return read_authorship(a, authors, reused); });
            w.authors.reserve(w.authors.size() + authors.size());
            std::move(authors.begin(), authors.end(), std::back_inserter(w.authors));
        } else if (detail::key_is(key, "primary_location")) {
            ok = read_location(x, w, true);
        } else if (detail::key_is(key, "host_venue")) {  // the schema before 2023
            ok = each_field(x, [&](std::string_view k, od::value y) {
                return !detail::key_is(k, "display_name") || !w.venue.empty() || get_text(y, w.venue);
            });
        } else if (detail::key_is(key, "locations")) {
            ok = each_item(x, [&](od::value loc) { return read_location(loc, w, false); });
        } else if (detail::key_is(key, "ids")) {
            // Strings as views, not copies: the openalex and doi ids (URLs, too
            // long to be stored inline) are checked and dropped, the top-level
            // fields giving them; the others are copied once, bare.
            ok = each_field(x, [&](std::string_view k, od::value y) {
                std::string number;
                std::string_view id;
                if (!get_id_view(y, id, number)) return false;
                if (id.empty() || detail::key_is(k, "openalex") || detail::key_is(k, "doi")) return true;
                w.ids[std::string(k)] = detail::key_is(k, "mag") ? std::string(id) : bare_url_id(id);
                return true;
            });
        } else if (detail::key_is(key, "abstract_inverted_index")) {
            ok = read_inverted_abstract(x, w.abstract, reused);
        } else if (detail::key_is(key, "biblio")) {  // volume, issue, first_page, last_page: strings or numbers
            std::string first, last, v;
            ok = each_field(x, [&](std::string_view k, od::value y) {
                if (detail::key_is(k, "first_page")) return get_id(y, first);
                if (detail::key_is(k, "last_page")) return get_id(y, last);
                if (!detail::key_is(k, "volume") && !detail::key_is(k, "issue")) return true;
                if (!get_id(y, v)) return false;
                if (!v.empty()) w.extra[std::string(k)] = std::move(v);
                return true;
            });
            if (!first.empty()) {
                if (!last.empty() && last != first) first.append("-").append(last);  // "299-347"
                w.extra["pages"] = std::move(first);
            }
        }
        return ok;
    });
    if (!problem.empty()) return problem;
    w.title = text::clean_display(title.empty() ? display_name : title);
    reconcile_year(w, year);
    return "";
}

bool has_work_fields(std::string_view text) {
    return looks_like_json_with(text, {}, {"\"authorships\"", "\"abstract_inverted_index\"", "\"publication_year\""});
}

// What an OpenAlex response holds when it holds no works, by the id of its
// first record: an author (A...), institution (I...), source (S...), concept,
// topic, funder, publisher, or a keyword, field, subfield, domain ...
// ("https://openalex.org/keywords/..."). "" for works (W...) and for anything
// not from OpenAlex.
std::string entity_kind(std::string_view text) {
    if (has_work_fields(text)) return "";
    constexpr std::string_view base = "https://openalex.org/";
    std::string_view id = json_string_at(first_value_of(text, "id"));
    if (id.substr(0, base.size()) != base) return "";
    id.remove_prefix(base.size());
    if (id.empty()) return "";
    if (std::size_t slash = id.find('/'); slash != std::string_view::npos)
        return std::string(id.substr(0, slash));  // keywords, fields, subfields, domains, sdgs ...
    if (id.size() < 2 || id[1] < '0' || id[1] > '9') return "";
    switch (id.front()) {
        case 'A': return "authors";
        case 'I': return "institutions";
        case 'S': return "sources";
        case 'V': return "venues";
        case 'C': return "concepts";
        case 'T': return "topics";
        case 'F': return "funders";
        case 'P': return "publishers";
        default: return "";  // W: works
    }
}

}  // namespace

bool looks_like_openalex(std::string_view text) {
    if (has_work_fields(text)) return true;
    // An OpenAlex work id alone is also how CSL-JSON exported from OpenAlex names
    // its records; CSL's own fields (issued, family names) decide for CSL.
    if (looks_like_json_with(text, {"\"https://openalex.org/W"}) && !looks_like_csl(text)) return true;
    // Group-by counts (reported by the envelope reader) and other entities
    // (reported below) are OpenAlex's too, not left unrecognised.
    return looks_like_json_with(text, {"\"group_by\"", "\"meta\""}) || !entity_kind(text).empty();
}

void read_openalex(std::string_view text, ReadContext& ctx) {
    // Entities other than works share the works' envelope: reported at the
    // response's first line, never read as works.
    if (std::string kind = entity_kind(text); !kind.empty() && api_error_message(text).empty()) {
        std::size_t at = text.find_first_not_of(" \t\r\n");
        int line = 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<long>(
                                                       at == std::string_view::npos ? 0 : at), '\n'));
        ctx.diagnose(line, Severity::warning, "OpenAlex response of " + kind + " holds no works; nothing read");
        return;
    }
    read_json_records(text, ctx, {"results"}, read_work);
}

}  // namespace scholarmerge
