#include "read/bzpeer.hpp"

#include <string>

#include "text/lines.hpp"
#include "text/markup.hpp"
#include "text/ascii.hpp"

namespace scholarmerge {

namespace {

using text::ends_with;
using text::starts_with;
using text::trim;

bool all_digits(std::string_view s) {
    if (s.empty()) return false;
    for (char c : s)
        if (!ascii::is_digit(c)) return false;
    return true;
}

// "preprint2026arXiv" -> kind "preprint", year 2026, archive "arXiv".
struct EntryHead {
    std::string kind;
    int year = 0;
    std::string archive;
};

bool parse_entry_head(std::string_view line, EntryHead& head) {
    std::size_t i = 0;
    while (i < line.size() && ascii::is_lower(line[i])) ++i;
    if (i == 0 || i + 4 > line.size()) return false;
    std::string_view year = line.substr(i, 4);
    if (!all_digits(year)) return false;
    std::string_view rest = line.substr(i + 4);
    if (rest.find(' ') != std::string_view::npos || rest.size() > 40) return false;
    head.kind = std::string(line.substr(0, i));
    head.year = std::stoi(std::string(year));
    head.archive = std::string(rest);
    return true;
}

// "13works" -> 13 when the line is a number glued to the given word.
bool count_before(std::string_view line, std::string_view word, std::int64_t& value) {
    if (!ends_with(line, word)) return false;
    std::string_view num = line.substr(0, line.size() - word.size());
    std::string digits;
    for (char c : num)
        if (c != ',') digits += c;
    if (!all_digits(digits) || digits.size() > 15) return false;
    value = std::stoll(digits);
    return true;
}

// "Trust 21 - EmergingVerification L1Unclaimed author"
void parse_trust(std::string_view line, ValueMap& m) {
    std::string_view rest = line.substr(6);  // after "Trust "
    std::size_t i = 0;
    while (i < rest.size() && ascii::is_digit(rest[i])) ++i;
    if (i > 0 && i <= 15) m["trust_score"] = static_cast<std::int64_t>(std::stoll(std::string(rest.substr(0, i))));
    rest = rest.substr(i);
    if (starts_with(rest, " - ")) rest.remove_prefix(3);
    std::size_t v = rest.find("Verification ");
    std::string_view level = rest.substr(0, v);
    if (!level.empty()) m["trust_level"] = std::string(trim(level));
    if (v == std::string_view::npos) return;
    rest = rest.substr(v + 13);
    std::size_t j = 0;
    while (j < rest.size() && ascii::is_alnum(rest[j]) &&
           !(j > 0 && ascii::is_upper(rest[j]))) {
        ++j;
    }
    m["verification_level"] = std::string(rest.substr(0, j));
    rest = trim(rest.substr(j));
    if (starts_with(rest, "Unclaimed")) m["claimed"] = false;
    else if (starts_with(rest, "Claimed")) m["claimed"] = true;
}

}  // namespace

bool looks_like_bzpeer(std::string_view text) {
    auto lines = text::split_lines(text.substr(0, 4096));
    for (const auto& l : lines) {
        std::string_view t = trim(l.text);
        if (t.empty()) continue;
        if (t != "Researcher profile") return false;
        break;
    }
    return text.find("BZPEER") != std::string_view::npos || text.find("Trust snapshot") != std::string_view::npos;
}

void read_bzpeer(std::string_view text, ReadContext& ctx) {
    auto lines = text::split_lines(text);
    ProfileHeader profile;
    profile.source = ctx.source;
    profile.source_format = ctx.format;
    std::int64_t declared = -1;

    std::size_t i = 0;
    auto next_nonblank = [&](std::size_t from) {
        while (from < lines.size() && trim(lines[from].text).empty()) ++from;
        return from;
    };
    // Header: everything up to the first entry head.
    EntryHead head;
    bool seen_title_line = false;
    for (; i < lines.size(); ++i) {
        std::string_view t = trim(lines[i].text);
        if (t.empty()) continue;
        if (parse_entry_head(t, head)) break;
        std::int64_t n = 0;
        if (!seen_title_line && t == "Researcher profile") {
            seen_title_line = true;
            std::size_t j = next_nonblank(i + 1);
            if (j < lines.size()) {
                profile.name = text::clean_display(trim(lines[j].text));
                i = j;
            }
        } else if (starts_with(t, "Trust ")) {
            parse_trust(t, profile.metrics);
        } else if (count_before(t, "works", n)) {
            profile.metrics["works"] = n;
        } else if (count_before(t, "followers", n)) {
            profile.metrics["followers"] = n;
        } else if (count_before(t, "topics", n)) {
            profile.metrics["topics"] = n;
        } else if (count_before(t, "close collaborators", n)) {
            profile.metrics["close_collaborators"] = n;
        } else if (ends_with(t, " published item(s)")) {
            std::string_view num = t.substr(0, t.size() - 18);
            if (all_digits(num) && num.size() <= 15) declared = std::stoll(std::string(num));
        } else if (starts_with(t, "Researcher") && t.find("Affiliation") != std::string_view::npos) {
            // "ResearcherAffiliation not importedOpen to collaborate"
            std::size_t a = t.find("Affiliation") + 11;
            std::size_t o = t.find("Open to collaborate");
            std::string_view aff = trim(t.substr(a, o == std::string_view::npos ? std::string_view::npos : o - a));
            if (!aff.empty() && aff != "not imported") profile.metrics["affiliation"] = std::string(aff);
            profile.metrics["open_to_collaborate"] = o != std::string_view::npos;
        }
    }
    if (profile.name.empty()) ctx.warn(1, "BZPEER profile without an owner name");
    if (declared >= 0) profile.metrics["published_items"] = declared;

    // Entries: head line, title line, then abstract paragraphs until the next head.
    std::size_t entries = 0;
    while (i < lines.size()) {
        std::string_view t = trim(lines[i].text);
        if (t.empty() || !parse_entry_head(t, head)) {
            ctx.warn(lines[i].number, "unexpected text outside an entry: '" + std::string(t.substr(0, 60)) + "'");
            i = next_nonblank(i + 1);
            continue;
        }
        Work& w = ctx.add_work(lines[i].number);
        ++entries;
        w.year = head.year;
        w.date = std::to_string(head.year);
        w.venue = head.archive;
        w.extra["kind"] = head.kind;
        std::size_t j = next_nonblank(i + 1);
        EntryHead probe;
        if (j >= lines.size() || parse_entry_head(trim(lines[j].text), probe)) {
            ctx.warn(lines[i].number, "entry has no title");
            i = j;
            continue;
        }
        w.title = text::clean_display(trim(lines[j].text));
        std::string abstract;
        std::size_t k = next_nonblank(j + 1);
        while (k < lines.size() && !parse_entry_head(trim(lines[k].text), probe)) {
            // The page gives one paragraph per abstract: more is kept, but
            // flagged, since it usually means foreign text was pasted in.
            if (!abstract.empty()) {
                abstract += '\n';
                ctx.warn(lines[k].number, "more than one abstract paragraph; kept in the abstract of the entry at line " +
                                              std::to_string(w.source_line));
            }
            abstract += trim(lines[k].text);
            k = next_nonblank(k + 1);
        }
        w.abstract = text::decode_entities(abstract);
        i = k;
    }
    if (declared >= 0 && static_cast<std::int64_t>(entries) != declared) {
        ctx.warn(0, "page declares " + std::to_string(declared) + " published item(s) but " +
                        std::to_string(entries) + " were found");
    }
    ctx.out.profiles.push_back(std::move(profile));
}

}  // namespace scholarmerge
