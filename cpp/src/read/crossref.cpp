#include "read/crossref.hpp"

#include <algorithm>

#include "details/json_input.hpp"
#include "scholarmerge/names/parse.hpp"
#include "text/markup.hpp"

namespace scholarmerge {

using namespace detail;

namespace {

bool read_author(od::value v, Author& out) {
    // Views into the parser's buffer, valid for this record: copied once, into the Author.
    std::string_view given, family, name, suffix, orcid;
    std::vector<std::string_view> affiliations;
    bool ok = each_field(v, [&](std::string_view k, od::value x) {
        if (detail::key_is(k, "given")) return get_view(x, given);
        if (detail::key_is(k, "family")) return get_view(x, family);
        if (detail::key_is(k, "name")) return get_view(x, name);  // organisations
        if (detail::key_is(k, "suffix")) return get_view(x, suffix);
        if (detail::key_is(k, "ORCID")) return get_view(x, orcid);
        if (detail::key_is(k, "affiliation"))
            return each_item(x, [&](od::value a) {
                return each_field(a, [&](std::string_view ak, od::value y) {
                    if (!detail::key_is(ak, "name")) return true;
                    std::string_view s;
                    if (!get_view(y, s)) return false;
                    if (!s.empty()) affiliations.push_back(s);
                    return true;
                });
            });
        return true;
    });
    if (!ok) return false;
    out = family.empty() && given.empty() ? corporate_author(name) : author_from_parts(given, family, suffix);
    out.id = orcid.empty() ? "" : bare_url_id(orcid);
    out.affiliations.assign(affiliations.begin(), affiliations.end());
    return true;
}

std::string read_work(od::object obj, Work& w, ReadContext& ctx) {
    std::string subtitle, short_venue, event;
    Work issued, published_print, published_online;
    std::string problem = read_fields(obj, ctx, [&](std::string_view key, od::value x) {
        std::string s;
        bool ok = true;
        if (detail::key_is(key, "DOI")) {
            ok = get_text(x, s);
            if (!s.empty()) w.ids["doi"] = bare_doi(s);
        } else if (detail::key_is(key, "title")) {
            ok = get_first_text(x, w.title);
        } else if (detail::key_is(key, "subtitle")) {
            ok = get_first_text(x, subtitle);
        } else if (detail::key_is(key, "container-title")) {
            ok = get_first_text(x, w.venue);
        } else if (detail::key_is(key, "short-container-title")) {
            ok = get_first_text(x, short_venue);
        } else if (detail::key_is(key, "event")) {
            ok = each_field(x, [&](std::string_view k, od::value y) { return !detail::key_is(k, "name") || get_text(y, event); });
        } else if (detail::key_is(key, "issued")) {
            ok = get_date_parts(x, issued);
        } else if (detail::key_is(key, "published-print")) {
            ok = get_date_parts(x, published_print);
        } else if (detail::key_is(key, "published-online")) {
            ok = get_date_parts(x, published_online);
        } else if (detail::key_is(key, "type")) {
            ok = get_text(x, w.category);
        } else if (detail::key_is(key, "abstract")) {
            ok = get_text(x, w.abstract);
        } else if (detail::key_is(key, "URL")) {
            ok = get_text(x, s);
            if (!s.empty()) w.links["landing"] = s;
        } else if (detail::key_is(key, "publisher") || detail::key_is(key, "volume") || detail::key_is(key, "issue") || detail::key_is(key, "page")) {
            ok = get_text(x, s);
            if (!s.empty()) w.extra[std::string(key)] = s;
        } else if (detail::key_is(key, "is-referenced-by-count")) {
            std::optional<std::int64_t> n;
            ok = get_int(x, n);
            if (n) w.extra["citations"] = *n;
        } else if (detail::key_is(key, "author")) {
            ok = each_item(x, [&](od::value a) { return read_author(a, w.authors.emplace_back()); });
        }
        return ok;
    });
    if (!problem.empty()) return problem;
    w.title = text::clean_display(w.title);
    if (!subtitle.empty()) w.title += ": " + text::clean_display(subtitle);
    if (w.venue.empty()) w.venue = !event.empty() ? event : short_venue;
    w.abstract = text::clean_display(w.abstract);  // JATS: <jats:p>...</jats:p>
    // "issued" is Crossref's own choice of the earliest date; the others back it up.
    for (const Work* d : {&issued, &published_print, &published_online})
        if (d->year) {
            w.year = d->year;
            w.date = d->date;
            break;
        }
    return "";
}

}  // namespace

bool looks_like_crossref(std::string_view text) {
    if (!looks_like_json_with(text, {}, {"\"message-type\"", "\"is-referenced-by-count\"", "\"container-title\"",
                                         "\"reference-count\""}))
        return false;
    if (!first_value_of(text, "message-type").empty()) return true;  // the REST API's envelope
    // A bare record: Crossref's own JSON writes title and container-title as
    // arrays, CSL-JSON (Crossref's own CSL transform too, which keeps the
    // counts and dates) as strings. The structure decides, not the key names.
    for (std::string_view key : {"title", "container-title"}) {
        std::string_view v = first_value_of(text, key);
        if (!v.empty()) return v.front() == '[';
    }
    return false;
}

void read_crossref(std::string_view text, ReadContext& ctx) {
    // Only "work" and "work-list" responses hold works; a funder, member,
    // journal, prefix, licence, type or agency response is reported, not read.
    std::string_view type = json_string_at(first_value_of(text, "message-type"));
    if (!type.empty() && type != "work" && type != "work-list" && api_error_message(text).empty()) {
        // At the envelope's own line (text may start with blank lines).
        std::size_t at = text.find_first_not_of(" \t\r\n");
        int line = 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<long>(
                                                       at == std::string_view::npos ? 0 : at), '\n'));
        ctx.diagnose(line, Severity::warning,
                     "Crossref response of message-type '" + std::string(type) +
                         "' holds no works; nothing read");
        return;
    }
    read_json_records(text, ctx, {"message", "items"}, read_work);
}

}  // namespace scholarmerge
