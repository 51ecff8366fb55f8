#include "scholarmerge/write/bibtex.hpp"

#include <utility>

#include "entry_type.hpp"
#include "write/citation_keys.hpp"
#include "text/ascii.hpp"

namespace scholarmerge {

namespace {

// LaTeX specials escaped; words with inner capitals ("HAWQ-V3", "ZeroQuant")
// braced so that bibliography styles keep their case.
std::string escape(std::string_view s, bool protect_case) {
    std::string out;
    std::string word;
    auto flush = [&] {
        bool inner_upper = false, letter_seen = false;
        for (char c : word) {
            if (!ascii::is_alpha(c)) continue;
            if (letter_seen && ascii::is_upper(c)) inner_upper = true;
            letter_seen = true;
        }
        if (protect_case && inner_upper) out += "{" + word + "}";
        else out += word;
        word.clear();
    };
    for (char c : s) {
        if (c == ' ') {
            flush();
            out += c;
            continue;
        }
        switch (c) {
            case '&': case '%': case '$': case '#': case '_': case '{': case '}':
                word += '\\';
                word += c;
                break;
            case '\\': word += "\\textbackslash{}"; break;
            // A bare '~' is a tie (a space) and '^' a superscript to a BibTeX reader.
            case '~': word += "\\textasciitilde{}"; break;
            case '^': word += "\\textasciicircum{}"; break;
            // "--" would be read back as an en dash: "-{}-" keeps two hyphens.
            case '-':
                if (!word.empty() && word.back() == '-') word += "{}";
                word += '-';
                break;
            default: word += c;
        }
    }
    flush();
    return out;
}

// Identifiers and URLs are verbatim fields (biblatex reads doi, eprint, url
// that way): only braces, which would end the value, are left out.
std::string verbatim(std::string_view s) {
    std::string out;
    for (char c : s)
        if (c != '{' && c != '}') out += c;
    return out;
}

std::string name(const Author& a) {
    if (a.given.empty() && a.initials.empty()) return "{" + escape(a.surname.empty() ? a.display : a.surname, false) + "}";
    std::string out = escape(a.surname, false);
    if (!a.suffix.empty()) out += ", " + escape(a.suffix, false);
    return out + ", " + escape(a.given.empty() ? a.initials : a.given, false);
}

void field(std::string& out, const char* key, const std::string& value) {
    if (value.empty()) return;
    out += "  ";
    out += key;
    out += " = {" + value + "},\n";
}

}  // namespace

std::string to_bibtex(const std::vector<Work>& works) {
    std::vector<std::string> keys = citation_keys(works);
    std::string out;
    for (std::size_t i = 0; i < works.size(); ++i) {
        const Work& w = works[i];
        detail::Kind kind = detail::kind_of(w);
        using detail::Kind;
        const char* type = kind == Kind::article ? "article"
                         : kind == Kind::proceedings ? "inproceedings"
                         : kind == Kind::book ? "book"
                         : kind == Kind::chapter ? "incollection"
                         : kind == Kind::thesis ? "phdthesis"
                         : kind == Kind::masters_thesis ? "mastersthesis"
                         : kind == Kind::report ? "techreport"
                         : "misc";
        const char* venue_field = kind == Kind::article ? "journal"
                                : kind == Kind::proceedings || kind == Kind::chapter ? "booktitle"
                                : kind == Kind::book ? "publisher"
                                : kind == Kind::thesis || kind == Kind::masters_thesis ? "school"
                                : kind == Kind::report ? "institution"
                                : "howpublished";
        out += "@";
        out += type;
        out += "{" + keys[i] + ",\n";
        field(out, "title", escape(w.title, true));
        std::string authors;
        for (const auto& a : w.authors) authors += (authors.empty() ? "" : " and ") + name(a);
        if (w.authors_truncated) authors += authors.empty() ? "others" : " and others";
        field(out, "author", authors);
        field(out, venue_field, escape(w.venue, true));
        if (w.year) field(out, "year", std::to_string(*w.year));
        if (w.date.size() >= 7) field(out, "month", std::to_string(std::stoi(w.date.substr(5, 2))));
        if (w.date.size() == 10) field(out, "date", w.date);
        if (!w.category.empty() && w.category != type) field(out, "category", escape(w.category, false));
        for (const auto& [id, value] : w.ids) {
            if (id == "arxiv") {
                field(out, "eprint", verbatim(value));
                field(out, "archiveprefix", "arXiv");
            } else {
                field(out, id.c_str(), verbatim(value));
            }
        }
        if (auto it = w.links.find("landing"); it != w.links.end()) field(out, "url", verbatim(it->second));
        // Each field under its BibTeX name, from whichever format's name it was read under.
        static constexpr std::pair<const char*, std::string_view> kFields[] = {
            {"volume", ""}, {"number", "issue"}, {"pages", "page"}, {"note", ""}, {"keywords", ""}};
        for (auto [name, other_name] : kFields)
            if (std::string_view s = extra_text(w, {name, other_name}); !s.empty())
                field(out, name, escape(std::string(s), false));
        field(out, "abstract", escape(w.abstract, false));
        out += "}\n\n";
    }
    return out;
}

}  // namespace scholarmerge
