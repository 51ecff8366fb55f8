#include "read/academicpages.hpp"

#include <map>

#include "details/academicpages_publication.hpp"
#include "scholarmerge/names/parse.hpp"
#include "read/bibtex.hpp"
#include "text/lines.hpp"
#include "text/markup.hpp"
#include "text/ascii.hpp"

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

// "## Publications" -> "Publications", level 2; level 0 when t is no ATX heading.
std::string_view heading_text(std::string_view t, int& level) {
    level = 0;
    std::size_t n = 0;
    while (n < t.size() && t[n] == '#') ++n;
    if (n == 0 || n > 6 || n >= t.size() || t[n] != ' ') return {};
    level = static_cast<int>(n);
    std::string_view h = trim(t.substr(n));
    while (!h.empty() && h.back() == '#') h = trim(h.substr(0, h.size() - 1));
    return h;
}

bool is_publications_heading(std::string_view h) {
    std::string low(h);
    for (char& c : low) c = ascii::to_lower(c);
    return low.find("publication") != std::string::npos || low.find("papers") != std::string::npos ||
           low.find("preprints") != std::string::npos;
}

// A Markdown list item's text: "* ", "- ", "+ ", "1. "; "" when t is none.
std::string_view list_item(std::string_view t) {
    if (t.size() > 2 && (t[0] == '*' || t[0] == '-' || t[0] == '+') && t[1] == ' ') return trim(t.substr(2));
    std::size_t n = 0;
    while (n < t.size() && n < 4 && is_digit(t[n])) ++n;
    if (n > 0 && n + 1 < t.size() && (t[n] == '.' || t[n] == ')') && t[n + 1] == ' ') return trim(t.substr(n + 2));
    return {};
}

// "[pdf](https://...)" anywhere in s: the links taken out, the text left.
std::string take_links(std::string_view s, Work& w) {
    std::string out;
    std::size_t i = 0;
    while (i < s.size()) {
        std::size_t open = s.find('[', i);
        if (open == std::string_view::npos) break;
        // "[[pdf]](url)": the label's own brackets too.
        std::size_t close = s.find("](", open);
        std::size_t end = close == std::string_view::npos ? close : s.find(')', close);
        if (close == std::string_view::npos || end == std::string_view::npos) break;
        std::string_view label = s.substr(open + 1, close - open - 1);
        // "[(arxiv)](url)": the label's own brackets and parentheses too.
        while (!label.empty() && (label.front() == '[' || label.front() == '(' || label.front() == ' ')) label.remove_prefix(1);
        while (!label.empty() && (label.back() == ']' || label.back() == ')' || label.back() == ' ')) label.remove_suffix(1);
        std::string_view url = s.substr(close + 2, end - close - 2);
        if (url.find("://") == std::string_view::npos && !starts_with(url, "/")) {
            out += s.substr(i, end + 1 - i);  // not a link: kept as written
            i = end + 1;
            continue;
        }
        out += s.substr(i, open - i);
        std::string name = text::squeeze_spaces(label);
        for (auto& c : name) c = ascii::to_lower(c);
        w.links[name.empty() ? "link" : name] = std::string(url);
        if (std::string id = arxiv_id(url); !id.empty()) w.ids["arxiv"] = id;
        i = end + 1;
        // "[[pdf]](url)": a closing bracket of the label's own.
        if (open > 0 && s[open] == '[' && i < s.size() && s[i] == ']') ++i;
    }
    out += s.substr(std::min(i, s.size()));
    return out;
}

// Code blocks holding BibTeX entries ("```bibtex" fences, <pre> boxes): the
// first and last line (indices) of each block's content.
std::vector<std::pair<std::size_t, std::size_t>> bibtex_blocks(const std::vector<text::Line>& lines) {
    std::vector<std::pair<std::size_t, std::size_t>> out;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        std::string_view t = trim(lines[i].text);
        bool fence = starts_with(t, "```") || starts_with(t, "~~~");
        bool pre = t.find("<pre") != std::string_view::npos;
        if (!fence && !pre) continue;
        std::size_t j = i + 1;
        bool entry = false;
        for (; j < lines.size(); ++j) {
            std::string_view u = trim(lines[j].text);
            if (fence ? (starts_with(u, "```") || starts_with(u, "~~~")) : u.find("</pre>") != std::string_view::npos) break;
            if (!u.empty() && u.front() == '@' && u.find('{') != std::string_view::npos) entry = true;
        }
        // "<pre>@article{..." may open on the <pre> line itself.
        if (pre && t.find('@') != std::string_view::npos) entry = true;
        if (entry) out.emplace_back(i, std::min(j, lines.size() - 1));
        i = j;
    }
    return out;
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
// A paragraph that is one whole citation, the way some sites list their
// publications without list marks: authors, a quoted title, the venue.
bool citation_paragraph(std::string_view t) {
    if (t.empty() || t.front() == '<' || t.front() == '#') return false;
    Work scratch;
    std::string plain = take_links(t, scratch);
    detail::Citation c = detail::parse_citation(plain);
    return !c.title.empty() && !c.authors.empty();
}

bool looks_like_about_page(std::string_view text) {
    std::string_view head = text.substr(0, 65536);
    if (!starts_with(trim(head.substr(0, 8)), "---")) return false;
    auto lines = text::split_lines(head);
    for (std::size_t i = 0; i < lines.size(); ++i) {
        std::string_view t = trim(lines[i].text);
        // The seed's form: a "Publications" heading and span-wrapped titles.
        if (t == "Publications" && head.find("<span") != std::string_view::npos) return true;
        // Other sites: a Publications heading (setext or ATX) over a list.
        int level = 0;
        std::string_view h = heading_text(t, level);
        if (level == 0 && i + 1 < lines.size() && underline(trim(lines[i + 1].text)) && !t.empty()) h = t, level = 1;
        if (level == 0 || !is_publications_heading(h)) continue;
        for (std::size_t j = i + 1; j < lines.size() && j < i + 40; ++j)
            if (!list_item(trim(lines[j].text)).empty() || citation_paragraph(trim(lines[j].text))) return true;
    }
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

    std::string subsection;  // the current heading inside Publications ("## Journal")
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
    auto count_highlighted = [&highlighted](const Work& w) {
        for (const auto& a : w.authors)
            if (a.highlighted) ++highlighted[a.display];
    };
    int pub_level = 0;  // the level of the Publications heading while in that section, else 0
    bool about = false;
    // BibTeX in code blocks or <pre> boxes: the records of a page that shows
    // its publications in HTML boxes; the boxes' HTML is not read besides.
    auto blocks = bibtex_blocks(lines);
    std::size_t next_block = 0;
    while (next_block < blocks.size() && blocks[next_block].first < i) ++next_block;
    for (; i < lines.size(); ++i) {
        std::string_view t = trim(lines[i].text);
        if (next_block < blocks.size() && blocks[next_block].first == i) {
            auto [from, to] = blocks[next_block++];
            current = nullptr;
            const char* begin = lines[from].text.data();
            const char* end = lines[to].text.data() + lines[to].text.size();
            ReadContext sub{ctx.source, ctx.format, ctx.options, ctx.out, ctx.file_line(lines[from].number), 0, {}};
            // The <pre ...> tag and </pre> are no BibTeX; everything outside entries is ignored by its reader.
            read_bibtex(std::string_view(begin, static_cast<std::size_t>(end - begin)), sub);
            i = to;
            continue;
        }
        int level = 0;
        std::string_view heading = heading_text(t, level);
        if (level == 0 && i + 1 < lines.size() && underline(trim(lines[i + 1].text)) && !t.empty()) {
            heading = t;
            level = 1;
            ++i;
        }
        if (level > 0) {
            current = nullptr;
            if (pub_level > 0 && level > pub_level) {
                subsection = std::string(heading);  // "## Journal" inside Publications
                continue;
            }
            subsection.clear();
            pub_level = is_publications_heading(heading) ? level : 0;
            std::string low(heading);
            for (char& c : low) c = ascii::to_lower(c);
            about = starts_with(low, "about");
            continue;
        }
        if (t.empty()) {
            current = nullptr;
            continue;
        }
        if (about && profile.name.empty()) {
            profile.name = owner_from_about(text::clean_display(t));
            continue;
        }
        if (pub_level == 0) continue;  // talks, teaching: not publications
        std::string_view item_text = list_item(t);
        // A paragraph holding a whole citation is an item as well.
        if (item_text.empty() && !current && citation_paragraph(t)) item_text = t;
        if (!item_text.empty()) {
            Work& w = ctx.add_work(lines[i].number);
            current = &w;
            item_line = 1;
            if (!subsection.empty()) w.extra["type"] = subsection;
            std::string item = take_links(strip_break(item_text), w);
            std::string_view it = trim(item);
            auto open = it.find("<span");
            auto close = it.find("</span>");
            if (open != std::string_view::npos && close != std::string_view::npos) {
                auto gt = it.find('>', open);
                w.title = text::clean_display(it.substr(gt + 1, close - gt - 1));
                continue;
            }
            // A whole citation on the line: a quoted title ("A. Smith, **J. Doe**, "Title," Venue, 2020."),
            // APA, or a bold title first ("**Title.** A. Smith, B. Jones. *Venue*, 2020.").
            detail::Citation c = detail::parse_citation(it);
            if (!c.title.empty()) {
                w.title = c.title;
                AuthorList list = parse_author_list(c.authors);
                w.authors = std::move(list.authors);
                w.authors_truncated = list.truncated;
                count_highlighted(w);
                w.venue = c.venue;
                if (c.year) w.year = c.year;
                // The lines that follow: the authors when the line had none, then links and venue.
                item_line = w.authors.empty() ? 1 : 2;
                continue;
            }
            w.title = text::clean_display(it);
            ctx.warn(lines[i].number, "publication without a <span> title; took the whole line");
            continue;
        }
        if (!current) {
            // HTML around BibTeX boxes repeats the BibTeX; anything else is worth a word.
            if (!blocks.empty() && t.front() == '<') continue;
            ctx.warn(lines[i].number, "text outside a publication: '" + std::string(t.substr(0, 60)) + "'");
            continue;
        }
        Work& w = *current;
        std::string_view body = strip_break(t);
        if (item_line == 1) {
            AuthorList list = parse_author_list(body);
            w.authors = std::move(list.authors);
            w.authors_truncated = list.truncated;
            count_highlighted(w);
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
        if (w.year && w.date.empty()) w.date = std::to_string(*w.year);
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
