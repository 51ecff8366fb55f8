#include "match/evidence.hpp"

#include "match/markers.hpp"
#include "match/repair.hpp"
#include "scholarmerge/match/title.hpp"
#include "text/ascii.hpp"

#include <algorithm>
#include <string_view>
#include <vector>

namespace scholarmerge {

// title_score() with the titles' longest common subsequence known (compare
// needs it twice).
static double title_score_of(const MatchRecord& a, const MatchRecord& b, std::size_t lcs) {
    const std::size_t total = a.title.size() + b.title.size();
    double s = total == 0 ? 1.0 : 2.0 * static_cast<double>(lcs) / static_cast<double>(total);
    // "Name: Rest" vs "Rest": compare the rest with the whole other title, when
    // the rest is long enough to identify a work on its own.
    auto long_enough = [](const std::string& t) { return std::count(t.begin(), t.end(), ' ') >= 3; };
    if (!a.core.empty() && b.name.empty() && long_enough(a.core)) s = std::max(s, indel_similarity(a.core, b.title));
    if (!b.core.empty() && a.name.empty() && long_enough(b.core)) s = std::max(s, indel_similarity(a.title, b.core));
    return s;
}

double title_score(const MatchRecord& a, const MatchRecord& b, const CachedIndel& a_title) {
    return title_score_of(a, b, a_title.lcs(b.title));
}

// Surnames in both lists (each list sorted and distinct). Two spellings of one
// name count ("Golding" and "Goldring", "Schöning" with its accent split off):
// the same first letter and at most one edit in five.
static std::size_t shared_surnames(const MatchRecord& a, const MatchRecord& b) {
    // Surnames are sorted and distinct: the exact matches in one pass, and when
    // they are the whole shorter list (most pairs that share any) no fuzzy pass.
    std::size_t exact = 0;
    for (auto x = a.surnames.begin(), y = b.surnames.begin(); x != a.surnames.end() && y != b.surnames.end();) {
        const int c = x->compare(*y);
        if (c == 0) ++exact, ++x, ++y;
        else if (c < 0) ++x;
        else ++y;
    }
    if (exact == std::min(a.surnames.size(), b.surnames.size())) return exact;
    std::size_t common = 0;
    std::vector<bool> used(b.surnames.size(), false);
    for (const std::string& x : a.surnames) {
        std::size_t best = b.surnames.size();
        for (std::size_t j = 0; j < b.surnames.size(); ++j) {
            if (used[j]) continue;
            const std::string& y = b.surnames[j];
            if (x == y) {
                best = j;
                break;
            }
            if (best == b.surnames.size() && x.size() >= 4 && y.size() >= 4 && x[0] == y[0] &&
                indel_similarity(x, y, 0.8) >= 0.8)
                best = j;
        }
        if (best < b.surnames.size()) {
            used[best] = true;
            ++common;
        }
    }
    return common;
}

double author_overlap(const MatchRecord& a, const MatchRecord& b) {
    if (a.surnames.empty() || b.surnames.empty()) return -1.0;
    return static_cast<double>(shared_surnames(a, b)) / static_cast<double>(std::min(a.surnames.size(), b.surnames.size()));
}

// Names of three or more words that differ only in a word that describes
// rather than names ("The Cornell Jaguar System" ~ "... Jaguar Project") or in a
// one-letter symbol ("The p Operator" ~ "The ρ operator").
static bool same_name_words(const std::string& a, const std::string& b) {
    static constexpr std::string_view kDescriptive[] = {"system", "systems", "project", "prototype", "framework",
                                                        "approach", "tool", "toolkit", "language", "model",
                                                        "method", "architecture", "engine", "platform", "environment"};
    const std::vector<std::string_view> x = title_words(a), y = title_words(b);
    if (x.size() != y.size() || x.size() < 3) return false;
    auto loose = [](std::string_view w) {
        return std::find(std::begin(kDescriptive), std::end(kDescriptive), w) != std::end(kDescriptive);
    };
    std::size_t differ = 0;
    for (std::size_t k = 0; k < x.size(); ++k) {
        if (x[k] == y[k]) continue;
        auto symbol = [](std::string_view w) { return w.size() == 1 || (w.size() == 2 && static_cast<unsigned char>(w[0]) >= 0x80); };
        if (!((loose(x[k]) && loose(y[k])) || (symbol(x[k]) && symbol(y[k])))) return false;
        ++differ;
    }
    return differ <= 1;
}

const char* guard(const MatchRecord& a, const MatchRecord& b) {
    if (!same_markers(a, b)) return "different version or part markers";
    if (a.correction != b.correction) return "an erratum or reply is not the work it is about";
    if (!a.name.empty() && !b.name.empty() && a.name != b.name) {
        // "SQLJ-Part 1" ~ "SQLJ Part 1"; "TerraServer" ~ "Microsoft TerraServer" (one name inside
        // the other); long names ("Learning to Rank: ...") may carry typos. Short system names
        // that differ otherwise are different systems: ZeroQuant-FP vs ZeroQuant-HERO.
        auto squeeze = [](const std::string& s) {
            std::string out;
            for (char c : s)
                if (c != ' ') out += c;
            return out;
        };
        const std::string& shorter = a.name.size() <= b.name.size() ? a.name : b.name;
        const std::string& longer = a.name.size() <= b.name.size() ? b.name : a.name;
        bool inside = (" " + longer + " ").find(" " + shorter + " ") != std::string::npos;
        bool long_names = std::count(a.name.begin(), a.name.end(), ' ') >= 2 &&
                          std::count(b.name.begin(), b.name.end(), ' ') >= 2;
        // A typo in a long name (one letter changed or two swapped) is not another name.
        std::string sa = squeeze(a.name), sb = squeeze(b.name);
        bool typo = sa.size() == sb.size() && sa.size() >= 6 && CachedIndel(sa).lcs(sb) + 1 >= sa.size();
        // A letter lost to a wrong encoding ("Th?mis", "Dal?") leaves a near spelling.
        bool damaged = (a.damaged || b.damaged) && indel_similarity(sa, sb, 0.75) >= 0.75;
        // Letters misread as digits: "Visua1 C0KO" is "Visual COKO".
        const std::vector<std::string_view> wa = title_words(a.name), wb = title_words(b.name);
        bool misread = wa.size() == wb.size();
        for (std::size_t k = 0; k < wa.size() && misread; ++k)
            misread = wa[k] == wb[k] || misread_word(wa[k], wb[k]) || misread_word(wb[k], wa[k]);
        if (sa != sb && !inside && !typo && !damaged && !misread && !(long_names && indel_similarity(a.name, b.name, 0.9) >= 0.9) &&
            !same_name_words(a.name, b.name))
            return "different names before the colon";
    }
    return nullptr;
}

bool same_pages(const MatchRecord& a, const MatchRecord& b) {
    return a.first_page && a.first_page == b.first_page && a.last_page == b.last_page;
}

const char* incompatibility(const MatchRecord& a, const MatchRecord& b, const MatchPolicy& p, bool trust_pages) {
    // The same page range is the same printed article: a year or venue kind that
    // disagrees is the citation's mistake ("Information and Computation 103(2),
    // 299-347" cited as 1993 and as 1997).
    const bool printed = trust_pages || same_pages(a, b);
    if (a.year && b.year && std::abs(a.year - b.year) > p.max_year_gap && !printed) return "years too far apart";
    if (const char* why = guard(a, b)) return why;
    // A conference paper, its journal version and the thesis it came from are different works.
    auto published = [](VenueKind k) { return k == VenueKind::proceedings || k == VenueKind::journal || k == VenueKind::thesis; };
    if (published(a.venue) && published(b.venue) && a.venue != b.venue && !printed)
        return "a conference paper, a journal article and a thesis are different works";
    if (!a.doi.empty() && !b.doi.empty() && a.doi != b.doi) return "different DOIs";
    if (a.recurring || b.recurring) {  // a column title: each issue's is another work
        // One source lists each issue's column once: "Editor's Notes" twice in it is two issues.
        if (a.recurrence && a.recurrence == b.recurrence) return "a recurring title listed twice by one source";
        if (a.year && b.year && a.year != b.year) return "a recurring title in different years";
        double authors = author_overlap(a, b);
        if (authors >= 0 && authors < p.author_overlap) return "a recurring title by other people";
    }
    return nullptr;
}

bool compatible(const MatchRecord& a, const MatchRecord& b, const MatchPolicy& p, bool trust_pages) {
    return incompatibility(a, b, p, trust_pages) == nullptr;
}

// Share of the shorter title found, in order, in the longer one: "Observations on
// the ODMG-93 Proposal" inside "... proposal for an object-oriented database language".
// Counted in characters and in whole words (a word of the shorter title matches
// a word of the longer, or its abbreviation: "ed" ~ "edition"): the characters
// of "weak" are all somewhere in "bayesian learning using information theory",
// the word is not.
static double containment(const MatchRecord& a, const MatchRecord& b, std::size_t lcs) {
    constexpr double kContained = 0.95;  // the share compare() asks for
    std::size_t shorter = std::min(a.title.size(), b.title.size());
    if (shorter == 0) return 0.0;
    double chars = static_cast<double>(lcs) / static_cast<double>(shorter);
    if (chars < kContained) return 0.0;  // most candidate pairs: no word table needed
    std::vector<std::string_view> x = title_words(a.title), y = title_words(b.title);
    if (x.size() > y.size()) std::swap(x, y);
    auto same = [](std::string_view u, std::string_view v) {
        if (u.size() > v.size()) std::swap(u, v);
        return u == v || (u.size() >= 2 && v.compare(0, u.size(), u) == 0);
    };
    // Longest common subsequence of words (titles are short: a small table).
    std::vector<std::size_t> row(y.size() + 1, 0), prev(y.size() + 1, 0);
    for (std::size_t i = 0; i < x.size(); ++i) {
        std::swap(row, prev);
        for (std::size_t j = 0; j < y.size(); ++j)
            row[j + 1] = same(x[i], y[j]) ? prev[j] + 1 : std::max(prev[j + 1], row[j]);
    }
    double whole = x.empty() ? 0.0 : static_cast<double>(row[y.size()]) / static_cast<double>(x.size());
    return whole >= 0.9 ? chars : 0.0;
}

// The same words in another order ("An open storage system for abstract
// objects" ~ "An open abstract-object storage system"), which the letter
// measures above cannot see: nearly all word stems shared (Dice).
static bool reordered(const MatchRecord& a, const MatchRecord& b) {
    constexpr double kShared = 0.85;
    const std::size_t total = a.title_stems.size() + b.title_stems.size();
    std::size_t both = 0;
    for (auto x = a.title_stems.begin(), y = b.title_stems.begin(); x != a.title_stems.end() && y != b.title_stems.end();) {
        if (*x == *y) ++both, ++x, ++y;
        else if (*x < *y) ++x;
        else ++y;
    }
    return total > 0 && 2.0 * static_cast<double>(both) >= kShared * static_cast<double>(total);
}

// Whether the titles open with the same long run of words, most of the shorter
// title: a title field that goes on into other fields (a listing line's
// authors and venue, in another order in each copy) after the title proper.
static bool same_opening(const MatchRecord& a, const MatchRecord& b, std::size_t fewer) {
    constexpr std::size_t kRun = 6;  // fewer words open many titles alike ("a framework for the evaluation of")
    if (fewer < kRun + 3) return false;
    const std::vector<std::string_view> x = title_words(a.title), y = title_words(b.title);
    std::size_t run = 0;
    while (run < x.size() && run < y.size() && x[run] == y[run]) ++run;
    return run >= kRun && 5 * run >= 2 * fewer;
}

// Titles word for word alike but for one content word replaced by an unrelated
// one ("Query Optimization in X" and "Query Processing in X"): another work of
// the same people more often than a copy, whose changes are typos, OCR
// confusions, abbreviations and added or dropped words, never a new word.
static bool replaced_word(const MatchRecord& a, const MatchRecord& b) {
    if (std::count(a.title.begin(), a.title.end(), ' ') != std::count(b.title.begin(), b.title.end(), ' ')) return false;
    const std::vector<std::string_view> x = title_words(a.title), y = title_words(b.title);
    if (x.size() != y.size() || x.size() < 3) return false;
    std::size_t differ = 0, at = 0;
    for (std::size_t k = 0; k < x.size(); ++k)
        if (x[k] != y[k]) ++differ, at = k;
    if (differ != 1) return false;
    std::string_view u = x[at], v = y[at];
    if (u.size() > v.size()) std::swap(u, v);
    const bool content = u.size() >= 4 && std::all_of(u.begin(), u.end(), ascii::is_alpha) &&
                         std::all_of(v.begin(), v.end(), ascii::is_alpha);
    // One stem is one word ("querying", "queries"; "optimisation"); a typo
    // leaves most letters in place.
    constexpr std::size_t kStem = 4;
    const bool stem = u.compare(0, kStem, v.substr(0, kStem)) == 0;
    return content && !stem && indel_similarity(u, v) < 0.75;
}

Evidence compare(const MatchRecord& a, const MatchRecord& b, const CachedIndel& a_title) {
    static const MatchPolicy policy;
    Evidence e;
    if (a.title.empty() || b.title.empty()) {
        e.guard = "a record without a title";
        return e;
    }
    e.guard = incompatibility(a, b, policy);
    const std::size_t lcs = a_title.lcs(b.title);
    const double t = title_score_of(a, b, lcs);
    e.title = t;
    const bool named = !a.surnames.empty() && !b.surnames.empty();
    const std::size_t shared = named ? shared_surnames(a, b) : 0;
    const double authors =
        named ? static_cast<double>(shared) / static_cast<double>(std::min(a.surnames.size(), b.surnames.size())) : -1.0;
    const int gap = (a.year && b.year) ? std::abs(a.year - b.year) : -1;
    if (!e.guard && (a.generic || b.generic) && !(authors >= policy.author_overlap && gap == 0 && t >= policy.generic_title))
        e.guard = "a generic title needs the same people in the same year";

    auto& L = e.level;
    auto words = [](const std::string& s) { return static_cast<std::size_t>(std::count(s.begin(), s.end(), ' ')) + 1; };
    const std::size_t fewer = std::min(words(a.title), words(b.title));
    if (t >= 0.995) L[0] = 5;
    else if (t >= 0.95) L[0] = 4;
    else if (t >= 0.88) L[0] = 3;
    // A subtitle added or dropped: the shorter title whole inside the longer,
    // or the main title before the colon equal to the other title; or the same
    // words reordered; or the same long opening, the rest other fields' words.
    else if ((fewer >= 4 && containment(a, b, lcs) >= 0.95) ||
             (fewer >= 3 && ((!a.name.empty() && a.name == b.title) || (!b.name.empty() && b.name == a.title))) ||
             (fewer >= 4 && reordered(a, b)) || same_opening(a, b, fewer))
        L[0] = 2;
    else if (t >= 0.65) L[0] = 1;
    else L[0] = 0;
    if (!e.guard && gap > 0 && replaced_word(a, b)) e.guard = "one content word replaced, in another year";

    if (authors < 0) L[1] = kUnknown;
    else if (shared == 0) L[1] = 0;
    else if (authors < policy.author_overlap) L[1] = 1;
    else if (authors >= 0.8 && shared >= 2) L[1] = 3;
    else L[1] = 2;

    L[2] = gap < 0 ? kUnknown : gap == 0 ? 3 : gap == 1 ? 2 : gap == 2 ? 1 : 0;

    if (a.venue == VenueKind::unknown || b.venue == VenueKind::unknown) L[3] = kUnknown;
    else if (a.venue == b.venue) L[3] = 2;
    else if (a.venue == VenueKind::preprint || b.venue == VenueKind::preprint) L[3] = 1;
    else L[3] = 0;

    L[4] = (a.first_page && b.first_page) ? (same_pages(a, b) ? 1 : 0) : kUnknown;
    const bool same_id = (!a.doi.empty() && a.doi == b.doi) || (!a.arxiv.empty() && a.arxiv == b.arxiv);
    // Shared only when both have one of a kind: most records have none, which says nothing.
    const bool both = (!a.doi.empty() && !b.doi.empty()) || (!a.arxiv.empty() && !b.arxiv.empty());
    L[5] = same_id ? 1 : both ? 0 : kUnknown;
    // A book's or a proceedings' DOI on each of its chapters: the container's, not the work's.
    if (!e.guard && same_id && t < 0.5) e.guard = "a shared container identifier on unrelated titles";
    const double overlap = token_overlap(a, b);
    L[7] = kUnknown;  // the corpus's venue names decide it (anchors.hpp)
    L[6] = overlap < 0 ? kUnknown : overlap < 0.3 ? 0 : overlap < 0.45 ? 1 : overlap < 0.6 ? 2 : overlap < 0.75 ? 3 : 4;
    return e;
}

}  // namespace scholarmerge
