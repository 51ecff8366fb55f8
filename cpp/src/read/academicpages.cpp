#include "scholarmerge/read/academicpages.hpp"

#include <map>

#include "details/academicpages_publication.hpp"
#include "scholarmerge/names/parse.hpp"
#include "scholarmerge/text/lines.hpp"
#include "scholarmerge/text/markup.hpp"
#include "scholarmerge/text/ascii.hpp"

namespace scholarmerge {

using text::ends_with;
using text::starts_with;
using text::trim;

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

bool all_digits(std::string_view s) {
    if (s.empty()) return false;
    for (char c : s)
        if (!is_digit(c)) return false;
    return true;
}

// "Title\n=====" : a Markdown setext heading's underline.
bool underline(std::string_view t) { return t.size() >= 3 && t.find_first_not_of('=') == std::string_view::npos; }

// Markdown line break "\\" at the end of a line.
std::string_view strip_break(std::string_view t) {
    t = trim(t);
    while (ends_with(t, "\\")) t = trim(t.substr(0, t.size() - 1));
    return t;
}

struct Link {
    std::string label, url;
};

// "[arXiv](https://...), [code](https://...)" -> links; empty when the line is not only links.
std::vector<Link> links_line(std::string_view t) {
    std::vector<Link> out;
    std::size_t i = 0;
    while (i < t.size()) {
        while (i < t.size() && (t[i] == ' ' || t[i] == ',')) ++i;
        if (i >= t.size()) break;
        if (t[i] != '[') return {};
        std::size_t close = t.find("](", i);
        if (close == std::string_view::npos) return {};
        std::size_t end = t.find(')', close);
        if (end == std::string_view::npos) return {};
        out.push_back({std::string(t.substr(i + 1, close - i - 1)), std::string(t.substr(close + 2, end - close - 2))});
        i = end + 1;
    }
    return out;
}

// "https://arxiv.org/pdf/2103.16827.pdf" -> "2103.16827"
std::string arxiv_id(std::string_view url) {
    for (std::string_view marker : {"arxiv.org/pdf/", "arxiv.org/abs/"}) {
        auto p = url.find(marker);
        if (p == std::string_view::npos) continue;
        std::string_view id = url.substr(p + marker.size());
        if (ends_with(id, ".pdf")) id.remove_suffix(4);
        if (auto q = id.find_first_of("?#"); q != std::string_view::npos) id = id.substr(0, q);
        return std::string(id);
    }
    return "";
}

// The owner from the About text: "Zhewei Yao is a senior researcher ..." -> the
// capitalised words that open it, up to the first lower-case word.
std::string owner_from_about(std::string_view about) {
    std::string name;
    std::size_t i = 0;
    int words = 0;
    while (i < about.size() && words < 4) {
        std::size_t j = about.find(' ', i);
        std::string_view w = about.substr(i, j == std::string_view::npos ? std::string_view::npos : j - i);
        if (w.empty() || !ascii::is_upper(w[0])) break;
        if (!name.empty()) name += ' ';
        name += w;
        ++words;
        if (j == std::string_view::npos) break;
        i = j + 1;
    }
    while (!name.empty() && (name.back() == ',' || name.back() == '.')) name.pop_back();
    return words >= 2 ? name : "";
}

}  // namespace

VenueLine parse_venue_line(std::string_view line) {
    VenueLine v;
    std::string_view t = trim(line);
    while (!t.empty() && (t.back() == '.' || t.back() == ' ')) t.remove_suffix(1);
    for (std::string_view prefix : {"Accepted for publication,", "Accepted at", "To appear in", "To appear,"})
        if (starts_with(t, prefix)) t = trim(t.substr(prefix.size()));
    // A trailing "(Long Talk)" is a note.
    if (ends_with(t, ")")) {
        auto open = t.rfind('(');
        if (open != std::string_view::npos && open > 0 && t[open - 1] == ' ') {
            std::string_view inside = t.substr(open + 1, t.size() - open - 2);
            if (!all_digits(inside)) {  // "(7)" is an issue number, not a note
                v.note = std::string(inside);
                t = trim(t.substr(0, open));
            }
        }
    }
    if (starts_with(t, "Proc. ")) t = trim(t.substr(6));
    // Journal style: "Name 332, 492-503" or "Name 5 (1), 621-639" or "Name 32 (7), 075006".
    if (auto comma = t.rfind(", "); comma != std::string_view::npos) {
        std::string_view pages = t.substr(comma + 2);
        std::string_view before = trim(t.substr(0, comma));
        bool page_like = !pages.empty() && pages.find_first_not_of("0123456789-–") == std::string_view::npos;
        if (page_like && !(pages.size() == 4 && all_digits(pages))) {
            std::string_view issue;
            if (ends_with(before, ")")) {
                auto open = before.rfind(" (");
                if (open != std::string_view::npos) {
                    issue = before.substr(open + 2, before.size() - open - 3);
                    before = trim(before.substr(0, open));
                }
            }
            auto space = before.rfind(' ');
            if (space != std::string_view::npos && all_digits(before.substr(space + 1))) {
                v.venue = std::string(trim(before.substr(0, space)));
                v.volume = std::string(before.substr(space + 1));
                v.issue = std::string(issue);
                v.pages = std::string(pages);
                return v;
            }
        }
    }
    // A year at the end: "ICML 2021", "Book Title, 2021".
    if (t.size() >= 4 && all_digits(t.substr(t.size() - 4)) && (t.size() == 4 || !is_digit(t[t.size() - 5]))) {
        int year = std::stoi(std::string(t.substr(t.size() - 4)));
        if (year >= 1900 && year <= 2100) {
            v.year = year;
            t = trim(t.substr(0, t.size() - 4));
            while (!t.empty() && (t.back() == ',' || t.back() == ' ')) t.remove_suffix(1);
        }
    }
    v.venue = std::string(t);
    return v;
}

namespace {

// The About page with its list: Jekyll front matter, a "Publications"
// heading and span-wrapped titles.
bool looks_like_about_page(std::string_view text) {
    std::string_view head = text.substr(0, 65536);
    if (!starts_with(trim(head.substr(0, 8)), "---") || head.find("<span") == std::string_view::npos) return false;
    for (const auto& l : text::split_lines(head))
        if (trim(l.text) == "Publications") return true;
    return false;
}

void read_about_page(std::string_view text, ReadContext& ctx);

}  // namespace

// The family: the About page listing publications, or one page of the
// site's _publications collection.
bool looks_like_academicpages(std::string_view text) {
    return looks_like_about_page(text) || detail::looks_like_publication_page(text);
}

void read_academicpages(std::string_view text, ReadContext& ctx) {
    if (!looks_like_about_page(text) && detail::looks_like_publication_page(text))
        return detail::read_publication_page(text, ctx);
    read_about_page(text, ctx);
}

namespace {

void read_about_page(std::string_view text, ReadContext& ctx) {
    auto lines = text::split_lines(text);
    ProfileHeader profile;
    profile.source = ctx.source;
    profile.source_format = ctx.format;

    std::string section;     // the current "======" heading
    std::string subsection;  // the current "## " heading inside Publications
    std::size_t i = 0;
    // Front matter between the first two "---" lines.
    if (i < lines.size() && trim(lines[i].text) == "---") {
        for (++i; i < lines.size() && trim(lines[i].text) != "---"; ++i) {
            std::string_view t = trim(lines[i].text);
            if (starts_with(t, "title:")) {
                std::string_view v = trim(t.substr(6));
                if (v.size() >= 2 && v.front() == '"' && v.back() == '"') v = v.substr(1, v.size() - 2);
                if (!v.empty()) profile.metrics["page_title"] = std::string(v);
            }
        }
        ++i;
    }
    Work* current = nullptr;
    int item_line = 0;  // which line of the current item comes next: 1 authors, 2+ links/venue
    std::map<std::string, std::size_t> highlighted;  // bold names: the owner, when About names no one
    for (; i < lines.size(); ++i) {
        std::string_view t = trim(lines[i].text);
        if (i + 1 < lines.size() && underline(trim(lines[i + 1].text)) && !t.empty()) {
            section = std::string(t);
            subsection.clear();
            current = nullptr;
            ++i;
            continue;
        }
        if (t.empty()) {
            current = nullptr;
            continue;
        }
        if (section == "About Me" && profile.name.empty()) {
            profile.name = owner_from_about(text::clean_display(t));
            continue;
        }
        if (section != "Publications") continue;  // talks, teaching: not publications
        if (starts_with(t, "## ")) {
            subsection = std::string(trim(t.substr(3)));
            current = nullptr;
            continue;
        }
        if (starts_with(t, "* ")) {
            std::string_view item = t.substr(2);
            auto open = item.find("<span");
            auto close = item.find("</span>");
            Work& w = ctx.add_work(lines[i].number);
            current = &w;
            item_line = 1;
            if (!subsection.empty()) w.extra["type"] = subsection;
            if (open == std::string_view::npos || close == std::string_view::npos) {
                // A whole citation on the line, its title quoted: "A. Smith, **J. Doe**, "Title," Venue, 2020."
                detail::Citation c = detail::parse_citation(strip_break(item));
                if (!c.title.empty() && !c.authors.empty()) {
                    w.title = c.title;
                    AuthorList list = parse_author_list(c.authors);
                    w.authors = std::move(list.authors);
                    w.authors_truncated = list.truncated;
                    for (const auto& a : w.authors)
                        if (a.highlighted) ++highlighted[a.display];
                    w.venue = c.venue;
                    if (c.year) w.year = c.year;
                    item_line = 2;  // the lines that follow: links and venue
                    continue;
                }
                w.title = text::clean_display(strip_break(item));
                ctx.warn(lines[i].number, "publication without a <span> title; took the whole line");
            } else {
                auto gt = item.find('>', open);
                w.title = text::clean_display(item.substr(gt + 1, close - gt - 1));
            }
            continue;
        }
        if (!current) {
            ctx.warn(lines[i].number, "text outside a publication: '" + std::string(t.substr(0, 60)) + "'");
            continue;
        }
        Work& w = *current;
        std::string_view body = strip_break(t);
        if (item_line == 1) {
            AuthorList list = parse_author_list(body);
            w.authors = std::move(list.authors);
            w.authors_truncated = list.truncated;
            for (const auto& a : w.authors)
                if (a.highlighted) ++highlighted[a.display];
        } else if (auto links = links_line(body); !links.empty()) {
            for (const auto& l : links) {
                std::string label = text::squeeze_spaces(l.label);
                for (auto& c : label) c = ascii::to_lower(c);
                w.links[label] = l.url;
                if (std::string id = arxiv_id(l.url); !id.empty()) w.ids["arxiv"] = id;
            }
        } else {
            VenueLine v = parse_venue_line(body);
            w.venue = v.venue;
            if (v.year) w.year = v.year;
            if (!v.note.empty()) w.extra["note"] = v.note;
            if (!v.volume.empty()) w.extra["volume"] = v.volume;
            if (!v.issue.empty()) w.extra["issue"] = v.issue;
            if (!v.pages.empty()) w.extra["pages"] = v.pages;
        }
        ++item_line;
    }
    // Preprints carry no venue line: the arXiv identifier dates them (YYMM.NNNNN).
    for (auto& w : ctx.out.works) {
        if (w.source != ctx.source) continue;
        auto id = w.ids.find("arxiv");
        if (id != w.ids.end() && id->second.size() >= 4 && all_digits(id->second.substr(0, 4))) {
            if (w.venue.empty()) w.venue = "arXiv";
            if (!w.year) {
                w.year = 2000 + std::stoi(id->second.substr(0, 2));
                w.extra["year_from"] = std::string("arxiv");  // not printed on the page
            }
        }
        if (w.year) w.date = std::to_string(*w.year);
    }
    // The site's _config.yml names its owner when the About text does not.
    if (profile.name.empty()) profile.name = detail::site_owner(ctx.source);
    if (profile.name.empty() && !highlighted.empty()) {
        auto best = highlighted.begin();
        for (auto it = highlighted.begin(); it != highlighted.end(); ++it)
            if (it->second > best->second) best = it;
        profile.name = best->first;
        profile.inferred = true;
    }
    if (profile.name.empty()) ctx.warn(0, "academicpages site whose About text names no owner");
    ctx.out.profiles.push_back(std::move(profile));
}

}  // namespace

}  // namespace scholarmerge
