#include "read/csl.hpp"

#include "details/json_input.hpp"
#include "scholarmerge/names/parse.hpp"
#include "text/markup.hpp"

namespace scholarmerge {

using namespace detail;

namespace {

bool read_name(od::value v, Author& out) {
    std::string given, family, literal, suffix, dropping, non_dropping;
    bool ok = each_field(v, [&](std::string_view k, od::value x) {
        if (detail::key_is(k, "given")) return get_text(x, given);
        if (detail::key_is(k, "family")) return get_text(x, family);
        if (detail::key_is(k, "literal")) return get_text(x, literal);
        if (detail::key_is(k, "suffix")) return get_text(x, suffix);
        if (detail::key_is(k, "dropping-particle")) return get_text(x, dropping);
        if (detail::key_is(k, "non-dropping-particle")) return get_text(x, non_dropping);
        return true;
    });
    if (!ok) return false;
    if (family.empty() && given.empty()) {
        out = corporate_author(literal);
        return true;
    }
    // "Ludwig van Beethoven": given "Ludwig", dropping "van", family "Beethoven";
    // "Vincent van Gogh": non-dropping "van" belongs to the surname.
    if (!dropping.empty()) given += " " + dropping;
    if (!non_dropping.empty()) family = non_dropping + " " + family;
    out = author_from_parts(given, family, suffix);
    return true;
}

std::string read_item(od::object obj, Work& w, ReadContext& ctx) {
    std::string problem = read_fields(obj, ctx, [&](std::string_view key, od::value x) {
        std::string s;
        bool ok = true;
        if (detail::key_is(key, "id")) {
            ok = get_id(x, s);
            if (!s.empty()) w.extra["citation_key"] = s;
        } else if (detail::key_is(key, "title")) {
            ok = get_text(x, w.title);
        } else if (detail::key_is(key, "container-title")) {
            ok = get_first_text(x, w.venue);
        } else if (detail::key_is(key, "type")) {
            ok = get_text(x, w.category);
        } else if (detail::key_is(key, "abstract")) {
            ok = get_text(x, w.abstract);
        } else if (detail::key_is(key, "DOI")) {
            ok = get_text(x, s);
            if (!s.empty()) w.ids["doi"] = bare_doi(s);
        } else if (detail::key_is(key, "URL")) {
            ok = get_text(x, s);
            if (!s.empty()) w.links["landing"] = s;
        } else if (detail::key_is(key, "issued")) {
            ok = get_date_parts(x, w);
        } else if (detail::key_is(key, "publisher") || detail::key_is(key, "volume") || detail::key_is(key, "issue") || detail::key_is(key, "page") || detail::key_is(key, "number")) {
            ok = get_id(x, s);
            if (!s.empty()) w.extra[std::string(key)] = s;
        } else if (detail::key_is(key, "author")) {
            ok = each_item(x, [&](od::value a) { return read_name(a, w.authors.emplace_back()); });
        } else if (detail::key_is(key, "custom")) {  // our own export keeps the identifiers CSL has no field for
            ok = each_field(x, [&](std::string_view k, od::value y) {
                std::string id;
                if (!get_id(y, id)) return false;
                if (!id.empty()) w.ids[std::string(k)] = id;
                return true;
            });
        }
        return ok;
    });
    if (!problem.empty()) return problem;
    // CSL's rich text is HTML-like (<i>, <sup>); braces and $ are literal, not LaTeX.
    w.title = text::squeeze_spaces(text::decode_entities(text::strip_tags(w.title)));
    return "";
}

}  // namespace

bool looks_like_csl(std::string_view text) {
    return looks_like_json_with(text, {"\"type\""}, {"\"issued\"", "\"container-title\"", "\"family\""});
}

void read_csl(std::string_view text, ReadContext& ctx) { read_json_records(text, ctx, {"items"}, read_item); }

}  // namespace scholarmerge
