#include "read/metrics.hpp"


#include "details/scored_header.hpp"
#include "scholarmerge/names/parse.hpp"
#include "text/lines.hpp"
#include "text/markup.hpp"
#include "text/ascii.hpp"

namespace scholarmerge {

using detail::parse_scored_header;
using text::ends_with;
using text::starts_with;
using text::trim;

namespace {

// "1,313" -> 1313; "49%" -> 49. False when the text is not such a number.
bool number(std::string_view s, std::int64_t& out) {
    std::string digits;
    for (char c : s) {
        if (c == ',' || c == '%') continue;
        if (!ascii::is_digit(c)) return false;
        digits += c;
    }
    if (digits.empty() || digits.size() > 15) return false;
    out = std::stoll(digits);
    return true;
}

// "h-index29", "15papers", "1,313citations", "Novelty49%", "AI Score38".
bool metric_line(std::string_view t, ValueMap& m) {
    static const std::pair<const char*, const char*> prefixed[] = {
        {"h-index", "h_index"}, {"Novelty", "novelty"}, {"AI Score", "ai_score"}};
    static const std::pair<const char*, const char*> suffixed[] = {
        {"papers", "papers"}, {"citations", "citations"}, {"followers", "followers"}};
    std::int64_t v = 0;
    for (auto [label, key] : prefixed)
        if (starts_with(t, label) && number(t.substr(std::string_view(label).size()), v)) {
            m[key] = v;
            return true;
        }
    for (auto [label, key] : suffixed)
        if (ends_with(t, label) && number(t.substr(0, t.size() - std::string_view(label).size()), v)) {
            m[key] = v;
            return true;
        }
    return false;
}

}  // namespace

bool looks_like_metrics(std::string_view text) {
    auto lines = text::split_lines(text.substr(0, 4096));
    int seen = 0;
    ValueMap m;
    for (const auto& l : lines) {
        std::string_view t = trim(l.text);
        if (t.empty()) continue;
        if (parse_scored_header(t)) break;
        if (metric_line(t, m)) ++seen;
    }
    return m.count("h_index") && seen >= 3;
}

void read_metrics(std::string_view text, ReadContext& ctx) {
    auto lines = text::split_lines(text);
    ProfileHeader profile;
    profile.source = ctx.source;
    profile.source_format = ctx.format;
    std::size_t i = 0;
    // Header: name, category, metric lines, "N Papers".
    for (; i < lines.size(); ++i) {
        std::string_view t = trim(lines[i].text);
        if (t.empty()) continue;
        if (parse_scored_header(t)) break;
        if (metric_line(t, profile.metrics)) continue;
        std::int64_t n = 0;
        if (ends_with(t, " Papers") && number(t.substr(0, t.size() - 7), n)) {
            profile.metrics["listed_papers"] = n;
        } else if (profile.name.empty()) {
            profile.name = text::clean_display(t);
        } else if (!profile.metrics.count("category") && t.size() <= 8) {
            profile.metrics["category"] = std::string(t);
        } else {
            ctx.warn(lines[i].number, "unrecognised header line: '" + std::string(t.substr(0, 60)) + "'");
        }
    }
    if (profile.name.empty()) ctx.warn(1, "metrics profile without an owner name");

    // Entries: the paragraphs between heads are title, authors, abstract.
    while (i < lines.size()) {
        std::string_view t = trim(lines[i].text);
        auto head = parse_scored_header(t);
        if (!head) {
            if (!t.empty()) ctx.warn(lines[i].number, "text outside an entry: '" + std::string(t.substr(0, 60)) + "'");
            ++i;
            continue;
        }
        Work& w = ctx.add_work(lines[i].number);
        w.category = head->category;
        w.date = detail::iso_date(*head, ctx.capture_year());
        w.year = head->year ? head->year : ctx.capture_year();
        if (head->score) w.extra["score"] = *head->score;
        w.extra["has_code"] = head->has_code;
        if (!head->year) w.extra["year_from_capture"] = true;
        std::vector<text::Line> paragraph;  // the entry's non-blank lines
        std::size_t k = i + 1;
        for (; k < lines.size() && !parse_scored_header(trim(lines[k].text)); ++k)
            if (!trim(lines[k].text).empty()) paragraph.push_back(lines[k]);
        i = k;
        if (paragraph.empty()) {
            ctx.warn(w.source_line, "entry has no title");
            continue;
        }
        w.title = text::clean_display(trim(paragraph[0].text));
        if (paragraph.size() < 2) {
            ctx.warn(paragraph[0].number, "entry has no author line");
            continue;
        }
        std::string_view authors = trim(paragraph[1].text);
        if (auto dot = authors.rfind(" \xC2\xB7 "); dot != std::string_view::npos) {
            w.extra["organisation"] = std::string(trim(authors.substr(dot + 4)));
            authors = trim(authors.substr(0, dot));
        }
        AuthorList list = parse_author_list(authors);
        w.authors = std::move(list.authors);
        w.authors_truncated = list.truncated;
        std::string abstract;
        for (std::size_t p = 2; p < paragraph.size(); ++p) {
            if (!abstract.empty()) abstract += '\n';
            abstract += trim(paragraph[p].text);
        }
        w.abstract = text::decode_entities(abstract);
    }
    ctx.out.profiles.push_back(std::move(profile));
}

}  // namespace scholarmerge
