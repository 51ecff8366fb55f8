#include "details/academicpages_publication.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <sstream>

#include "details/front_matter.hpp"
#include "details/json_input.hpp"  // set_date, bare_doi, bare_arxiv
#include "scholarmerge/names/match.hpp"
#include "scholarmerge/names/parse.hpp"
#include "text/ascii.hpp"
#include "text/lines.hpp"
#include "text/markup.hpp"

namespace scholarmerge::detail {

namespace fs = std::filesystem;
using text::starts_with;
using text::trim;

namespace {

// "(2009)" / "(2009a)" / "(2009, June)": the year and where the parenthesis stands.
int paren_year(std::string_view s, std::size_t& at, std::size_t& end) {
    for (std::size_t p = s.find('('); p != std::string_view::npos; p = s.find('(', p + 1)) {
        if (p + 5 >= s.size()) break;
        bool digits = true;
        for (std::size_t k = 1; k <= 4; ++k) digits = digits && ascii::is_digit(s[p + k]);
        std::size_t close = s.find(')', p);
        if (!digits || close == std::string_view::npos || close > p + 24) continue;
        at = p;
        end = close + 1;
        return std::stoi(std::string(s.substr(p + 1, 4)));
    }
    return 0;
}

// A bare year in text: "..., 2020." -> 2020.
int last_year(std::string_view s) {
    for (std::size_t i = s.size(); i >= 4; --i) {
        std::size_t b = i - 4;
        bool digits = true;
        for (std::size_t k = 0; k < 4; ++k) digits = digits && ascii::is_digit(s[b + k]);
        if (!digits || (b > 0 && ascii::is_digit(s[b - 1])) || (i < s.size() && ascii::is_digit(s[i]))) continue;
        int y = std::stoi(std::string(s.substr(b, 4)));
        if (y >= 1900 && y <= 2100) return y;
    }
    return 0;
}

// An author list's ends: separators, not the dot of a final initial ("Silva, J.").
std::string_view strip_separators(std::string_view s) {
    s = trim(s);
    while (!s.empty() && (s.back() == ',' || s.back() == ';' || s.back() == ':')) s = trim(s.substr(0, s.size() - 1));
    return s;
}

std::string_view strip_punct(std::string_view s) {
    s = trim(s);
    while (!s.empty() && (s.back() == '.' || s.back() == ',' || s.back() == ';' || s.back() == ':')) s = trim(s.substr(0, s.size() - 1));
    while (!s.empty() && (s.front() == '.' || s.front() == ',')) s = trim(s.substr(1));
    return s;
}

// A single emphasis mark at i: '*' or '_' not doubled ("**" is bold).
bool single_mark(std::string_view s, std::size_t i, char mark) {
    return s[i] == mark && (i + 1 >= s.size() || s[i + 1] != mark) && (i == 0 || s[i - 1] != mark);
}

// The first emphasised span: <i>..</i>, <em>..</em>, *..* or _.._; `at` its start.
std::string emphasised(std::string_view s, std::size_t* at = nullptr) {
    for (auto [open, close] : {std::pair<std::string_view, std::string_view>{"<i>", "</i>"}, {"<em>", "</em>"}}) {
        auto a = s.find(open);
        if (a == std::string_view::npos) continue;
        auto b = s.find(close, a);
        if (b == std::string_view::npos) continue;
        if (at) *at = a;
        return std::string(s.substr(a + open.size(), b - a - open.size()));
    }
    for (char mark : {'*', '_'}) {
        for (std::size_t a = 0; a < s.size(); ++a) {
            if (!single_mark(s, a, mark)) continue;
            // "_" inside a word ("snake_case") is no emphasis.
            if (mark == '_' && a > 0 && ascii::is_alnum(s[a - 1])) continue;
            for (std::size_t b = a + 2; b < s.size(); ++b)
                if (single_mark(s, b, mark)) {
                    if (at) *at = a;
                    return std::string(s.substr(a + 1, b - a - 1));
                }
            break;
        }
    }
    return "";
}

// A leading bold span: "**Title.**", "<b>Title</b>", "<strong>Title</strong>"; `rest` what follows.
std::string leading_bold(std::string_view s, std::string_view& rest) {
    for (auto [open, close] : {std::pair<std::string_view, std::string_view>{"**", "**"}, {"<b>", "</b>"},
                               {"<strong>", "</strong>"}}) {
        if (!starts_with(s, open)) continue;
        auto b = s.find(close, open.size());
        if (b == std::string_view::npos) return "";
        rest = s.substr(b + close.size());
        return std::string(s.substr(open.size(), b - open.size()));
    }
    return "";
}

// The venue after a title: its emphasised span, else "In Proc. X, 2020" up to a year or the end.
std::string venue_after(std::string_view rest) {
    std::string v = emphasised(rest);
    if (v.empty()) {
        // A bold venue: "**ICLR 2025**", "<b>JMLR 2023</b>": its year and a note in parentheses dropped.
        for (auto [open, close] : {std::pair<std::string_view, std::string_view>{"**", "**"}, {"<b>", "</b>"},
                                   {"<strong>", "</strong>"}}) {
            auto a = rest.find(open);
            auto b = a == std::string_view::npos ? a : rest.find(close, a + open.size());
            if (b == std::string_view::npos) continue;
            std::string_view r = trim(rest.substr(a + open.size(), b - a - open.size()));
            if (auto paren = r.find(" ("); paren != std::string_view::npos) r = trim(r.substr(0, paren));
            if (auto y = last_year(r)) r = strip_punct(r.substr(0, r.rfind(std::to_string(y))));
            if (!r.empty()) return std::string(strip_punct(text::clean_display(r)));
        }
    }
    if (v.empty()) {
        std::string_view r = strip_punct(rest);
        if (starts_with(r, "in ") || starts_with(r, "In ")) r = trim(r.substr(3));
        if (auto y = last_year(r)) {
            auto p = r.rfind(std::to_string(y));
            r = strip_punct(r.substr(0, p));
        }
        v = std::string(r);
    }
    return std::string(strip_punct(text::clean_display(v)));
}

// The arXiv id an ADS link names by its bibcode ("ui.adsabs.harvard.edu/abs/
// 2021arXiv210513267S": year, "arXiv", the id's digits, the first author's
// initial): "2105.13267"; "" for other links and bibcodes.
std::string arxiv_in_ads_link(std::string_view url) {
    auto at = url.find("adsabs.harvard.edu/abs/");
    if (at == std::string_view::npos) return "";
    std::string_view code = url.substr(at + 23);
    code = code.substr(0, code.find_first_of("/?#"));
    if (code.size() != 19 || code.substr(4, 5) != "arXiv") return "";
    std::string_view id = code.substr(9, 9);  // "210513267"; "1401.1234" in old bibcodes
    if (id[4] == '.') return std::string(id.substr(0, 4)) + "." + std::string(id.substr(5, 4));
    if (!std::all_of(id.begin(), id.end(), [](char ch) { return ascii::is_digit(ch); })) return "";
    return std::string(id.substr(0, 4)) + "." + std::string(id.substr(4));
}

}  // namespace

Citation parse_citation(std::string_view input) {
    Citation c;
    std::string decoded = text::decode_entities(input);
    std::string_view s = trim(decoded);
    // A quoted title: "..." or “...”.
    for (auto [open, close] : {std::pair<std::string_view, std::string_view>{"\"", "\""}, {"“", "”"}}) {
        auto a = s.find(open);
        if (a == std::string_view::npos) continue;
        auto b = s.find(close, a + open.size());
        if (b == std::string_view::npos) continue;
        std::string_view before = s.substr(0, a), rest = s.substr(b + close.size());
        c.title = std::string(strip_punct(text::clean_display(s.substr(a + open.size(), b - a - open.size()))));
        std::size_t at = 0, end = 0;
        if (int y = paren_year(before, at, end)) {
            c.year = y;
            before = before.substr(0, at);
        }
        c.authors = std::string(strip_separators(before));
        c.venue = venue_after(rest);
        if (!c.year) c.year = last_year(rest);
        return c;
    }
    // APA: "Authors (2020). Title. Venue."
    std::size_t at = 0, end = 0;
    if (int y = paren_year(s, at, end)) {
        c.year = y;
        c.authors = std::string(strip_separators(s.substr(0, at)));
        std::string_view rest = trim(s.substr(end));
        if (!rest.empty() && rest.front() == '.') rest = trim(rest.substr(1));
        // The title runs to the emphasised venue, else to the first ". ".
        std::size_t stop = std::string_view::npos;
        for (std::string_view m : {"<i>", "<em>", " *", " _"})
            stop = std::min(stop, rest.find(m));
        std::size_t dot = rest.find(". ");
        if (stop == std::string_view::npos || (dot != std::string_view::npos && dot < stop && stop - dot > 2)) stop = dot;
        c.title = std::string(strip_punct(text::clean_display(rest.substr(0, stop))));
        if (stop != std::string_view::npos) c.venue = venue_after(rest.substr(stop));
        return c;
    }
    // A bold title first: "**Title.** A. Smith, ***B. Jones***. *Venue*, 2020."
    std::string_view rest;
    std::string bold = leading_bold(s, rest);
    if (!bold.empty()) {
        c.title = std::string(strip_punct(text::clean_display(bold)));
        std::size_t venue_at = std::string_view::npos;
        c.venue = std::string(strip_punct(text::clean_display(emphasised(rest, &venue_at))));
        c.authors = std::string(strip_separators(trim(rest.substr(0, venue_at))));
        if (!c.authors.empty() && c.authors.back() == '.' && !c.venue.empty()) {
            // "B. Jones." before the venue: the sentence's dot, unless it ends an initial.
            std::string_view au = c.authors;
            bool initial = au.size() >= 2 && ascii::is_upper(au[au.size() - 2]) &&
                           (au.size() == 2 || au[au.size() - 3] == ' ' || au[au.size() - 3] == '.');
            if (!initial) c.authors.pop_back();
        }
        c.year = last_year(rest);
    }
    return c;
}

std::string owner_in_config(std::string_view config) {
    auto fields = parse_yaml(config);
    std::string name, author_name;
    for (const auto& f : fields) {
        if (f.key == "author.name") author_name = f.value;
        else if (f.key == "name") name = f.value;
    }
    std::string owner = !author_name.empty() ? author_name : name;
    return std::string(trim(text::clean_display(owner)));
}

std::string site_owner(const std::string& path) {
    std::error_code ec;
    fs::path dir = fs::path(path).parent_path();
    std::string folder = dir.filename().string();
    if (folder != "_publications" && folder != "_pages" && folder != "_posts") return "";
    fs::path config = dir.parent_path() / "_config.yml";
    // One site's pages are read one after another: its config once.
    static std::mutex mutex;
    static std::map<std::string, std::string> cache;
    std::lock_guard<std::mutex> lock(mutex);
    auto key = config.string();
    if (auto it = cache.find(key); it != cache.end()) return it->second;
    std::string owner;
    if (fs::is_regular_file(config, ec)) {
        std::ifstream in(config, std::ios::binary);
        std::stringstream ss;
        ss << in.rdbuf();
        owner = owner_in_config(ss.str());
    }
    cache[key] = owner;
    return owner;
}

bool looks_like_publication_page(std::string_view text) {
    std::string_view head = text.substr(0, 16384);
    std::string_view t = trim(head.substr(0, 8));
    if (!starts_with(t, "---") && !starts_with(head, "\xEF\xBB\xBF---")) return false;
    FrontMatter fm = front_matter(head);
    if (!fm.present) return false;
    std::string collection = fm.get("collection");
    if (collection == "publications") return true;
    return fm.find("title") && (fm.find("citation") || fm.find("paperurl") || fm.find("venue"));
}

void read_publication_page(std::string_view text, ReadContext& ctx) {
    FrontMatter fm = front_matter(text);
    int first = fm.fields.empty() ? 1 : fm.fields.front().line - 1;
    if (!fm.closed) ctx.warn(first, "front matter not closed by a '---' line; read to the end");
    Work& w = ctx.add_work(first > 0 ? first : 1);
    std::string citation = fm.get("citation");
    // Older pages give the citation in the body: "Recommended citation: ...".
    std::string body_text;
    for (const auto& l : text::split_lines(fm.body)) {
        std::string_view t = trim(l.text);
        if (t.empty()) {
            if (!body_text.empty() && body_text.back() != '\n') body_text += '\n';
            continue;
        }
        for (std::string_view p : {"Recommended citation:", "**Recommended citation**:", "Citation:"}) {
            if (starts_with(t, p)) {
                if (citation.empty()) citation = std::string(trim(t.substr(p.size())));
                t = {};
                break;
            }
        }
        if (t.empty()) continue;
        // "[Download paper here](url)": a link, not text.
        if (t.front() == '[' && t.back() == ')' && t.find("](") != std::string_view::npos) {
            auto mid = t.find("](");
            std::string label(text::trim(t.substr(1, mid - 1)));
            std::string url(t.substr(mid + 2, t.size() - mid - 3));
            for (char& ch : label) ch = ascii::to_lower(ch);
            w.links.emplace(label.find("paper") != std::string::npos ? "paper" : label, url);
            continue;
        }
        (body_text.empty() || body_text.back() == '\n' ? body_text : body_text += ' ') += t;
    }
    Citation c = parse_citation(citation);
    w.title = text::clean_display(fm.get("title"));
    if (w.title.empty()) w.title = c.title;
    if (w.title.empty()) ctx.warn(w.source_line, "publication page has no title");
    w.venue = text::clean_display(fm.get("venue"));
    if (w.venue.empty()) w.venue = c.venue;
    if (std::string date = fm.get("date"); !date.empty()) set_date(w, date);
    // A "year:" of its own is what the site shows as the year (the template's
    // {{ post.year }}); "date" may be when the page was dated, a later venue.
    if (std::string year = std::string(trim(fm.get("year"))); year.size() == 4 &&
        std::all_of(year.begin(), year.end(), [](char ch) { return ascii::is_digit(ch); }))
        w.year = std::stoi(year);
    if (!w.year && c.year) set_date(w, std::to_string(c.year));
    std::string authors = !fm.get("authors").empty() ? fm.get("authors") : c.authors;
    AuthorList list = parse_author_list(authors);
    w.authors = std::move(list.authors);
    w.authors_truncated = list.truncated;
    if (std::string cat = fm.get("category"); !cat.empty()) w.category = cat;
    if (!citation.empty()) w.extra["citation"] = text::clean_display(citation);
    if (std::string excerpt = text::clean_display(fm.get("excerpt")); !excerpt.empty()) w.extra["excerpt"] = excerpt;
    w.abstract = text::clean_display(!fm.get("abstract").empty() ? fm.get("abstract") : body_text);
    // Links: every "<name>url" key (paperurl, slidesurl, bibtexurl, and the
    // ones sites add: arxivurl, pdfurl, codeurl ...), a bare "url", the permalink.
    for (const auto& f : fm.fields) {
        std::string_view key = f.key, value = trim(f.value);
        if (value.empty() || key.find('.') != std::string_view::npos) continue;
        if (key == "permalink") w.links["page"] = std::string(value);
        else if (key == "url") w.links.emplace("paper", std::string(value));
        else if (key.size() > 3 && key.substr(key.size() - 3) == "url")
            w.links[std::string(key.substr(0, key.size() - 3))] = std::string(value);
    }
    if (std::string arxiv = std::string(trim(fm.get("arxiv"))); !arxiv.empty()) w.ids["arxiv"] = bare_arxiv(arxiv);
    for (const auto& [name, url] : w.links) {
        for (std::string_view marker : {"arxiv.org/abs/", "arxiv.org/pdf/"})
            if (auto a = url.find(marker); a != std::string::npos) w.ids.emplace("arxiv", bare_arxiv(url.substr(a + marker.size())));
        if (auto d = url.find("doi.org/10."); d != std::string::npos) w.ids.emplace("doi", bare_doi(url.substr(d + 8)));
        if (std::string arxiv = arxiv_in_ads_link(url); !arxiv.empty()) w.ids.emplace("arxiv", arxiv);
    }
    if (std::string doi = fm.get("doi"); !doi.empty()) w.ids["doi"] = bare_doi(doi);
    // The owner: the site's _config.yml, else the name the citation highlights.
    ProfileHeader profile;
    profile.source = ctx.source;
    profile.source_format = ctx.format;
    profile.name = site_owner(ctx.source);
    if (!profile.name.empty() && std::none_of(w.authors.begin(), w.authors.end(), [](const Author& a) { return a.highlighted; })) {
        // The site names its owner; mark the owner among the authors when the page does not.
        Author owner = parse_name(profile.name);
        for (Author& a : w.authors)
            if (same_author(owner, a) >= kSameAuthorThreshold) {
                a.highlighted = true;
                break;
            }
    }
    if (profile.name.empty()) {
        for (const auto& a : w.authors)
            if (a.highlighted) {
                profile.name = a.display;
                profile.inferred = true;
                break;
            }
    }
    if (!profile.name.empty()) ctx.out.profiles.push_back(std::move(profile));
}

}  // namespace scholarmerge::detail
