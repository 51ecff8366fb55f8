#include "read/listing.hpp"

#include <unordered_set>

#include "details/glued_authors.hpp"
#include "details/scored_header.hpp"
#include "scholarmerge/names/parse.hpp"
#include "read/owner.hpp"
#include "text/lines.hpp"
#include "text/markup.hpp"

namespace scholarmerge {

using detail::parse_scored_header;
using text::trim;

bool looks_like_listing(std::string_view text) {
    // The first non-blank line is an entry head and the next one is not.
    auto lines = text::split_lines(text.substr(0, 8192));
    for (std::size_t i = 0; i < lines.size(); ++i) {
        std::string_view t = trim(lines[i].text);
        if (t.empty()) continue;
        if (!parse_scored_header(t)) return false;
        return i + 1 < lines.size() && !trim(lines[i + 1].text).empty() && !parse_scored_header(trim(lines[i + 1].text));
    }
    return false;
}

void read_listing(std::string_view text, ReadContext& ctx) {
    auto lines = text::split_lines(text);
    // Entry heads, each followed by its glued title/author line.
    std::vector<std::size_t> heads;
    for (std::size_t i = 0; i < lines.size(); ++i)
        if (parse_scored_header(trim(lines[i].text))) heads.push_back(i);

    // Names the page prints unambiguously anywhere help split the rest.
    std::unordered_set<std::string> known;
    for (std::size_t h : heads)
        if (h + 1 < lines.size())
            for (auto& n : detail::unambiguous_names(lines[h + 1].text)) known.insert(std::move(n));

    std::size_t first_work = ctx.out.works.size();
    if (!heads.empty()) {
        for (std::size_t i = 0; i < heads.front(); ++i)
            if (!trim(lines[i].text).empty())
                ctx.warn(lines[i].number, "text before the first entry: '" + std::string(trim(lines[i].text).substr(0, 60)) + "'");
    }
    for (std::size_t e = 0; e < heads.size(); ++e) {
        std::size_t h = heads[e];
        std::size_t end = e + 1 < heads.size() ? heads[e + 1] : lines.size();
        auto head = *parse_scored_header(trim(lines[h].text));
        Work& w = ctx.add_work(lines[h].number);
        w.category = head.category;
        w.date = detail::iso_date(head, ctx.capture_year());
        w.year = head.year ? head.year : ctx.capture_year();
        if (head.score) w.extra["score"] = *head.score;
        w.extra["has_code"] = head.has_code;
        if (!head.year) w.extra["year_from_capture"] = true;

        std::size_t t = h + 1;
        while (t < end && trim(lines[t].text).empty()) ++t;
        if (t >= end) {
            ctx.warn(lines[h].number, "entry has no title line");
            continue;
        }
        auto glued = detail::split_glued_line(trim(lines[t].text), known);
        if (!glued.split_found)
            ctx.warn(lines[t].number, "could not tell the title from the first author; kept the text as the title");
        w.title = text::clean_display(glued.title);
        for (const auto& a : glued.authors) w.authors.push_back(parse_name(a));
        w.authors_truncated = glued.truncated;
        if (!glued.organisation.empty()) w.extra["organisation"] = glued.organisation;
        std::string abstract;
        for (std::size_t k = t + 1; k < end; ++k) {
            std::string_view a = trim(lines[k].text);
            if (a.empty()) continue;
            if (!abstract.empty()) abstract += '\n';
            abstract += a;
        }
        w.abstract = text::decode_entities(abstract);
    }
    if (heads.empty()) ctx.warn(0, "no entries found");

    ProfileHeader owner = infer_owner(ctx.out.works, first_work, ctx.out.works.size());
    owner.source = ctx.source;
    owner.source_format = ctx.format;
    if (!owner.name.empty())
        ctx.diagnose(0, Severity::info, "the page does not name its owner; inferred '" + owner.name + "' from the author lists");
    ctx.out.profiles.push_back(std::move(owner));
}

}  // namespace scholarmerge
