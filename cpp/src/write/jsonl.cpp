#include "scholarmerge/write/jsonl.hpp"

#include "json_writer.hpp"

namespace scholarmerge {

using detail::JsonObject;

static void append_author(std::string& out, const Author& a) {
    JsonObject o(out);
    o.str("raw", a.raw);
    o.str("display", a.display);
    o.str("given", a.given);
    o.str("surname", a.surname);
    o.str("initials", a.initials);
    o.str("suffix", a.suffix);
    o.str("key", a.key);
    if (!a.id.empty()) o.str("id", a.id);
    if (!a.affiliations.empty()) {
        std::string& arr = o.key("affiliations");
        arr += '[';
        for (std::size_t i = 0; i < a.affiliations.size(); ++i) {
            if (i) arr += ',';
            detail::json_escape(arr, a.affiliations[i]);
        }
        arr += ']';
    }
    o.boolean("equal_contribution", a.equal_contribution);
    o.boolean("highlighted", a.highlighted);
}

std::string to_json(const Author& a) {
    std::string out;
    append_author(out, a);
    return out;
}

std::string to_json(const Work& w) {
    std::string out;
    {
        JsonObject o(out);
        o.str("title", w.title);
        std::string& arr = o.key("authors");
        arr += '[';
        for (std::size_t i = 0; i < w.authors.size(); ++i) {
            if (i) arr += ',';
            append_author(arr, w.authors[i]);
        }
        arr += ']';
        o.boolean("authors_truncated", w.authors_truncated);
        if (w.year) o.integer("year", *w.year);
        else o.key("year") += "null";
        o.str_or_null("date", w.date);
        o.str_or_null("venue", w.venue);
        o.str_or_null("abstract", w.abstract);
        o.str_or_null("category", w.category);
        o.string_map("ids", w.ids);
        o.string_map("links", w.links);
        o.str("source", w.source);
        o.str("source_format", w.source_format);
        o.integer("source_line", w.source_line);
        o.value_map("extra", w.extra);
    }
    return out;
}

std::string to_json(const Diagnostic& d) {
    std::string out;
    {
        JsonObject o(out);
        o.str("source", d.source);
        o.integer("line", d.line);
        o.str("severity", to_string(d.severity));
        o.str("message", d.message);
    }
    return out;
}

void write_jsonl(const std::vector<Work>& works, std::ostream& out) {
    std::string line;
    for (const auto& w : works) {
        line = to_json(w);
        line += '\n';
        out.write(line.data(), static_cast<std::streamsize>(line.size()));
    }
}

}  // namespace scholarmerge
