#include "scholarmerge/write/csl.hpp"

#include <string>
#include <utility>

#include "entry_type.hpp"
#include "json_writer.hpp"
#include "write/citation_keys.hpp"

namespace scholarmerge {

using detail::JsonObject;

namespace {

const char* csl_type(const Work& w) {
    using detail::Kind;
    switch (detail::kind_of(w)) {
        case Kind::article: return "article-journal";
        case Kind::proceedings: return "paper-conference";
        case Kind::book: return "book";
        case Kind::chapter: return "chapter";
        case Kind::thesis:
        case Kind::masters_thesis: return "thesis";
        case Kind::report: return "report";
        case Kind::other: break;
    }
    return "article";  // CSL's type for preprints and works of unknown kind
}

// CSL's title is rich text (<i>, <b>, <sup>, entities), which CSL readers
// (ours too) strip and decode: a plain '<', '>' or '&' of ours is escaped so
// that it reads back as written.
std::string rich_text(std::string_view plain) {
    std::string out;
    out.reserve(plain.size());
    for (char c : plain) {
        if (c == '&') out += "&amp;";
        else if (c == '<') out += "&lt;";
        else if (c == '>') out += "&gt;";
        else out += c;
    }
    return out;
}

void append_name(std::string& out, const Author& a) {
    JsonObject o(out);
    if (a.given.empty() && a.initials.empty()) {
        o.str("literal", a.surname.empty() ? a.display : a.surname);
        return;
    }
    o.str("family", a.surname);
    o.str("given", a.given.empty() ? a.initials : a.given);
    if (!a.suffix.empty()) o.str("suffix", a.suffix);
}

void append_item(std::string& out, const Work& w, const std::string& key) {
    JsonObject o(out);
    o.str("id", key);
    o.str("type", csl_type(w));
    o.str("title", rich_text(w.title));
    std::string& names = o.key("author");
    names += '[';
    for (std::size_t i = 0; i < w.authors.size(); ++i) {
        if (i) names += ',';
        append_name(names, w.authors[i]);
    }
    names += ']';
    if (w.year) {
        // "2021-03-04" -> [[2021, 3, 4]]
        std::string& d = o.key("issued");
        d += "{\"date-parts\":[[" + std::to_string(*w.year);
        for (std::size_t pos = 5; pos < w.date.size(); pos += 3)
            d += "," + std::to_string(std::stoi(w.date.substr(pos, 2)));
        d += "]]}";
    }
    if (!w.venue.empty()) o.str("container-title", w.venue);
    if (auto it = w.ids.find("doi"); it != w.ids.end()) o.str("DOI", it->second);
    if (auto it = w.links.find("landing"); it != w.links.end()) o.str("URL", it->second);
    if (!w.abstract.empty()) o.str("abstract", w.abstract);
    // Each field under its CSL name, from whichever format's name it was read under.
    static constexpr std::pair<std::string_view, std::string_view> kFields[] = {
        {"volume", ""}, {"issue", "number"}, {"page", "pages"}, {"publisher", ""}};
    for (auto [name, other_name] : kFields)
        if (std::string_view s = extra_text(w, {name, other_name}); !s.empty()) o.str(name, s);
    StringMap custom;
    for (const auto& [id, value] : w.ids)
        if (id != "doi") custom[id] = value;
    if (!custom.empty()) o.string_map("custom", custom);
}

}  // namespace

std::string to_csl_json(const std::vector<Work>& works) {
    std::vector<std::string> keys = citation_keys(works);
    std::string out = "[";
    for (std::size_t i = 0; i < works.size(); ++i) {
        out += i ? ",\n  " : "\n  ";
        append_item(out, works[i], keys[i]);
    }
    out += works.empty() ? "]\n" : "\n]\n";
    return out;
}

}  // namespace scholarmerge
