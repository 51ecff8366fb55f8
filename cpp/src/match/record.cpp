#include "match/record.hpp"

#include <algorithm>
#include <string_view>

#include "match/key_hash.hpp"
#include "scholarmerge/match/title.hpp"
#include "text/fold.hpp"
#include "text/ascii.hpp"

namespace scholarmerge {

namespace {

// Word lists below are string_views: comparing one costs a length check when
// the lengths differ, where a const char* would be measured every time.
using Words = std::initializer_list<std::string_view>;

bool one_of(std::string_view w, Words list) {
    return std::find(list.begin(), list.end(), w) != list.end();
}

bool roman(std::string_view w) {
    if (w.empty() || (w[0] != 'i' && w[0] != 'v' && w[0] != 'x')) return false;  // most words
    return one_of(w, {"i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii"});
}

// "1992" in a title is a date, not a version: dirty citations leak years into titles.
bool year_like(std::string_view w) {
    return w.size() == 4 && (w.rfind("19", 0) == 0 || w.rfind("20", 0) == 0) &&
           std::all_of(w.begin(), w.end(), ascii::is_digit);
}

bool has_digit(std::string_view w) {
    return std::any_of(w.begin(), w.end(), ascii::is_digit);
}

// A word that names a version or a part: "v2", "3d", "ii"; not a year.
bool marker_word(std::string_view w) {
    return (has_digit(w) && !year_like(w)) || roman(w);
}

// Titles that many unrelated works share.
bool generic_title(std::string_view t) {
    return one_of(t, {
        "preface", "introduction", "editorial", "foreword", "index", "contents", "table of contents",
        "erratum", "errata", "corrigendum", "editorial board", "book review", "book reviews", "reviews",
        "panel", "keynote", "keynote address", "abstracts", "front matter", "back matter", "editors note",
        "guest editorial", "in memoriam", "obituary", "announcements", "call for papers", "acknowledgments",
        "acknowledgements", "conclusion", "conclusions", "summary", "discussion", "reply", "response",
        "comments", "title page", "author index", "subject index", "overview", "tutorial", "invited talk"});
}

std::string bare_doi(std::string_view doi) {
    std::string d(doi);
    for (auto& c : d) c = ascii::to_lower(c);
    for (const char* prefix : {"https://doi.org/", "http://doi.org/", "https://dx.doi.org/", "doi:"})
        if (d.rfind(prefix, 0) == 0) d = d.substr(std::string(prefix).size());
    return d;
}

bool contains_word(const std::string& s, std::string_view w) {
    std::size_t n = w.size();
    for (std::size_t p = s.find(w); p != std::string::npos; p = s.find(w, p + 1)) {
        bool start = p == 0 || !ascii::is_alnum(s[p - 1]);
        bool end = p + n >= s.size() || !ascii::is_alnum(s[p + n]);
        if (start && end) return true;
    }
    return false;
}

// Journals whose names carry no journal word ("Machine Learning", "Information
// and Computation"), when the venue is that name alone: "in Machine Learning
// 17(2)", "Artif. Intell., forthcoming"; not "Conference on Machine Learning"
// nor "Machine Learning: Proceedings of ...".
bool journal_named(const std::string& folded) {
    static const char* names[] = {
        "machine learning", "mach learn", "information and computation", "inform comput", "inf comput",
        "inf and computation", "information and control", "inform control", "inf control",
        "artificial intelligence", "artif intell", "neural computation", "neural comput",
        "theoretical computer science", "theor comput sci", "communications of the acm", "commun acm", "cacm",
        "algorithmica", "combinatorica", "computational linguistics", "cognitive science",
        "data mining and knowledge discovery", "computational complexity", "distributed computing",
        "pattern recognition", "nature", "science"};
    static const char* filler[] = {"in", "vol", "volume", "no", "number", "pp", "pages", "forthcoming", "to",
                                   "appear", "press", "special", "issue"};
    // The venue's letter words, one space apart, without a leading "in" or "to appear in".
    std::string v;
    for (char c : folded) {
        if (ascii::is_alpha(c)) {
            v += c;
        } else if (!v.empty() && v.back() != ' ') {
            v += ' ';
        }
    }
    if (!v.empty() && v.back() == ' ') v.pop_back();
    std::string_view rest = v;
    for (std::string_view lead : {"to appear in ", "forthcoming in ", "in "})  // "to appear in Machine Learning"
        if (rest.substr(0, lead.size()) == lead) rest.remove_prefix(lead.size());
    for (const char* name : names) {
        std::string_view n = name;
        if (rest.substr(0, n.size()) != n || (rest.size() > n.size() && rest[n.size()] != ' ')) continue;
        bool filler_only = true;
        for (std::size_t i = n.size(); i < rest.size() && filler_only;) {
            std::size_t j = rest.find(' ', i + 1);
            if (j == std::string_view::npos) j = rest.size();
            std::string_view w = rest.substr(i + 1, j - i - 1);
            filler_only = std::any_of(std::begin(filler), std::end(filler), [&](const char* f) { return w == f; });
            i = j;
        }
        if (filler_only) return true;
    }
    return false;
}

// A year in a venue text ("Proc. of the 1990 Workshop on ...", "Information and
// Computation 103(2) (1993)", "COLT 1994"): a 19xx or 20xx standing alone; else 0.
int year_in_venue(const std::string& v) {
    for (std::size_t p = 0; p + 4 <= v.size(); ++p) {
        bool alone = (p == 0 || !ascii::is_alnum(v[p - 1])) &&
                     (p + 4 == v.size() || !ascii::is_alnum(v[p + 4]));
        if (alone && (v.compare(p, 2, "19") == 0 || v.compare(p, 2, "20") == 0) &&
            std::all_of(v.begin() + static_cast<long>(p), v.begin() + static_cast<long>(p) + 4,
                        ascii::is_digit))
            return std::stoi(v.substr(p, 4));
    }
    return 0;
}

// "Information and Computation 95(2). An extended abstract appeared in Proc.
// COLT '88": the venue field may also say where another version of the work
// appeared. That version's venue and year are not this record's: only the
// text before such a note is kept (possibly nothing).
std::string_view own_venue(std::string_view venue) {
    static const char* versions[] = {"extended abstract", "preliminary version", "earlier version", "short version",
                                     "shorter version", "conference version", "abridged version", "full version",
                                     "journal version", "longer version"};
    static const char* verbs[] = {"appear", "publish", "presented", "available"};
    std::string lower(venue);
    for (auto& c : lower)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + ('a' - 'A'));
    for (const char* v : versions) {
        std::size_t at = lower.find(v);
        std::size_t end = at + std::string_view(v).size();
        if (at == std::string::npos || (end < lower.size() && ascii::is_alpha(lower[end])))
            continue;  // not "CHI Extended Abstracts"
        // "... appeared in", "... of this paper was published in": a verb follows closely.
        std::string next = lower.substr(end, 30);
        if (std::none_of(std::begin(verbs), std::end(verbs), [&](const char* w) { return next.find(w) != std::string::npos; }))
            continue;
        std::string_view head = venue.substr(0, at);  // "an", "a", "the" before it go with the note
        for (std::string_view article : {"an ", "a ", "the "})
            if (head.size() >= article.size() && lower.compare(at - article.size(), article.size(), article) == 0) {
                head.remove_suffix(article.size());
                break;
            }
        return head;
    }
    return venue;
}

}  // namespace

VenueKind venue_kind(std::string_view venue) {
    venue = own_venue(venue);
    if (venue.empty()) return VenueKind::unknown;  // most rows: none of the words below can be found
    std::string v = text::fold(venue);
    // Editors' names are not the venue's ("edited by J. E. Moody": "J" is no journal),
    // and an edited volume is a collection of papers.
    const std::size_t editors = v.find("edited by");
    if (editors != std::string::npos) v.resize(editors);
    for (const char* w : {"arxiv", "corr", "preprint", "technical report", "tech report", "tech. rep", "biorxiv",
                          "ssrn", "working paper", "submitted", "unpublished", "manuscript"})
        if (v.find(w) != std::string::npos) return VenueKind::preprint;
    for (std::string_view w : Words{"thesis", "dissertation", "habilitation"})
        if (contains_word(v, w)) return VenueKind::thesis;
    if (journal_named(v)) return VenueKind::journal;
    // Journal words first: "VLDB J." is a journal though "VLDB" is a conference.
    for (std::string_view w : Words{"journal", "j", "trans", "transactions", "letters", "lett", "review", "magazine",
                          "record", "quarterly", "bulletin", "annals", "acta", "jacm", "jcss", "siam"})
        if (contains_word(v, w)) return VenueKind::journal;
    for (std::string_view w : Words{"proc", "proceedings", "conference", "conf", "symposium", "symp", "sympos", "workshop",
                          "colloquium", "lecture notes", "congress", "meeting", "annual", "annu", "focs", "stoc", "colt", "icml",
                          "proceeding", "eurocolt", "neural information processing systems", "crypto", "eurocrypt", "sigir",
                          "nips", "neurips", "iclr", "aaai", "ijcai", "sigmod conference", "vldb", "icde",
                          "very large data bases",  // VLDB's proceedings by their name
                          "computational learning theory",  // the title of COLT's and EuroCOLT's proceedings
                          "kdd", "cvpr", "iccv", "eccv", "acl", "emnlp", "naacl"})
        if (contains_word(v, w)) return VenueKind::proceedings;
    return editors != std::string::npos ? VenueKind::proceedings : VenueKind::unknown;
}

// "(Panel Abstract)", "(tutorial session)", "(extended abstract)": what kind of
// item it is, said by some sources and not others; not part of the title.
static std::string drop_kind_notes(std::string_view raw) {
    static const char* kind_words[] = {"panel", "session", "abstract", "tutorial", "extended", "demo",
                                       "demonstration", "poster", "invited", "talk", "keynote", "short", "paper"};
    std::string out;
    std::size_t i = 0;
    while (i < raw.size()) {
        std::size_t open = raw.find('(', i), close;
        if (open == std::string_view::npos || (close = raw.find(')', open)) == std::string_view::npos) {
            out.append(raw.substr(i));
            break;
        }
        std::string inside = text::fold(raw.substr(open + 1, close - open - 1));
        bool kind = !inside.empty();
        std::size_t k = 0;
        while (k < inside.size() && kind) {
            std::size_t e = inside.find(' ', k);
            if (e == std::string::npos) e = inside.size();
            std::string word = inside.substr(k, e - k);
            bool known = word.empty();
            for (const char* kw : kind_words) known = known || word == kw;
            kind = known;
            k = e + 1;
        }
        out.append(raw.substr(i, (kind ? open : close + 1) - i));
        i = close + 1;
    }
    return out;
}

// "Erratum: ...", "Reply to ...": an item about a work, not the work.
static bool correction_name(std::string_view name) {
    return one_of(name, {"erratum", "errata", "corrigendum", "correction", "corrections", "retraction",
                         "addendum", "comment", "comments", "reply", "response", "rebuttal"});
}

// A title about another work: "Erratum: X" (the name before the colon),
// "Erratum-X" (a dash for the colon), "Addendum to X", "Reply to X".
static bool correction_title(const MatchRecord& r, std::string_view raw) {
    if (correction_name(r.name)) return true;
    for (std::string_view w : Words{"erratum", "errata", "corrigendum", "addendum", "correction", "corrections",
                                    "retraction", "reply", "comments", "comment", "response"}) {
        if (r.title.compare(0, w.size(), w) != 0) continue;
        if (r.title.compare(w.size(), 4, " to ") == 0 || r.title.compare(w.size(), 4, " on ") == 0) return true;
        std::string lead = text::fold(raw.substr(0, w.size() + 5));  // room for " – " (a dash of three bytes)
        std::size_t at = w.size();
        while (at < lead.size() && lead[at] == ' ') ++at;
        if (lead.compare(0, w.size(), w) == 0 && at < lead.size() && lead[at] == '-') return true;
    }
    return false;
}

PageRange page_range(std::string_view s) {
    auto digit = [&](std::size_t i) { return i < s.size() && ascii::is_digit(s[i]); };
    // A whole number at i: its value and end, or end == i. A part of a dotted
    // number ("24.1-24.10", a chapter's pages) is not a page.
    auto number = [&](std::size_t i, std::uint32_t& value) {
        std::size_t j = i;
        value = 0;
        while (digit(j) && j - i < 7) value = value * 10 + static_cast<std::uint32_t>(s[j++] - '0');
        bool dotted = (i > 1 && s[i - 1] == '.' && digit(i - 2)) || (j < s.size() && s[j] == '.' && digit(j + 1));
        return digit(j) || dotted ? i : j;
    };
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (!digit(i) || (i > 0 && digit(i - 1))) continue;
        std::uint32_t first = 0, last = 0;
        std::size_t j = number(i, first);
        if (j == i) continue;
        std::size_t k = j;
        while (k < s.size() && s[k] == ' ') ++k;
        std::size_t dash = k;
        while (k < s.size() && s[k] == '-') ++k;
        if (k == dash && s.compare(k, 3, "\xE2\x80\x93") == 0) k += 3;  // an en dash
        if (k == dash) continue;
        while (k < s.size() && s[k] == ' ') ++k;
        if (number(k, last) == k || first == 0 || last < first) continue;
        return {first, last};
    }
    return {};
}

namespace {

// Each distinct title word by its first kStem bytes ("object", "objects"),
// hashed and sorted: what a reordered title shares (compare()).
void set_title_stems(MatchRecord& r, const std::vector<std::string_view>& sorted_words) {
    constexpr std::size_t kStem = 5;
    r.title_stems.clear();
    for (std::size_t k = 0; k < r.word_count && k < sorted_words.size(); ++k)
        r.title_stems.push_back(key_hash(sorted_words[k].substr(0, kStem)));
    std::sort(r.title_stems.begin(), r.title_stems.end());
    r.title_stems.erase(std::unique(r.title_stems.begin(), r.title_stems.end()), r.title_stems.end());
}

// The parts of the title's hyphenated compounds stemmed too: normalising
// joins "abstract-object" into one word, which a reordered copy writes as
// "abstract objects".
void add_compound_stems(MatchRecord& r, std::string_view raw) {
    constexpr std::size_t kStem = 5;
    const std::size_t before = r.title_stems.size();
    for (std::size_t i = 0; i < raw.size(); ++i) {
        if (raw[i] != '-' || i == 0 || i + 1 >= raw.size() || !ascii::is_alpha(raw[i - 1]) || !ascii::is_alpha(raw[i + 1]))
            continue;
        std::size_t b = i, e = i + 1;
        while (b > 0 && ascii::is_alpha(raw[b - 1])) --b;
        while (e < raw.size() && ascii::is_alpha(raw[e])) ++e;
        for (std::string_view part : {raw.substr(b, i - b), raw.substr(i + 1, e - i - 1)}) {
            const std::string w = normalize_title(part);
            if (!w.empty()) r.title_stems.push_back(key_hash(std::string_view(w).substr(0, kStem)));
        }
    }
    if (r.title_stems.size() == before) return;
    std::sort(r.title_stems.begin(), r.title_stems.end());
    r.title_stems.erase(std::unique(r.title_stems.begin(), r.title_stems.end()), r.title_stems.end());
}

}  // namespace

namespace {

// The word positions of a title's commas (the first word after each), counted
// segment by segment as the whole title is normalised; none when the counts
// do not add up to the whole's (a comma inside a word normalisation joins).
std::vector<std::uint32_t> comma_positions(std::string_view raw, std::size_t words) {
    std::vector<std::uint32_t> commas;
    std::size_t at = 0;
    for (std::size_t begin = 0;;) {
        const std::size_t comma = raw.find(',', begin);
        at += title_words(normalize_title(raw.substr(begin, comma - begin))).size();
        if (comma == std::string_view::npos) break;
        if (at > 0 && (commas.empty() || commas.back() != at)) commas.push_back(static_cast<std::uint32_t>(at));
        begin = comma + 1;
    }
    if (at != words) commas.clear();
    if (!commas.empty() && commas.back() >= words) commas.pop_back();
    return commas;
}

}  // namespace

MatchRecord make_match_record(const MatchInput& in) {
    MatchRecord r;
    // Capped before normalising so enormous fields cost nothing.
    const CitationTitle cited = strip_citation_remnants(in.title.substr(0, 4 * kMaxTitleBytes));
    r.title_begin = static_cast<std::uint32_t>(cited.title.data() - in.title.data());
    r.title_length = static_cast<std::uint32_t>(cited.title.size());
    const bool notes = cited.title.find('(') != std::string_view::npos;  // most titles have none: no copy
    const std::string cleaned = notes ? drop_kind_notes(cited.title) : std::string();
    const std::string_view raw = notes ? std::string_view(cleaned) : cited.title;
    r.title = normalize_title(raw);
    if (r.title.size() > kMaxTitleBytes) r.title.resize(kMaxTitleBytes);
    int glued_year = in.year ? in.year : cited.year;
    // "... load balancing vldb 1996": a year glued to the end of a title that
    // has no other (a listing line or a reference not split into fields).
    if (std::size_t sp = r.title.rfind(' '); sp != std::string::npos && sp >= 20) {
        std::string_view last = std::string_view(r.title).substr(sp + 1);
        if (last.size() == 5 && last.substr(4) == "0") last.remove_suffix(1);  // "1996.0", its dot dropped
        if (year_like(last) && (!glued_year || glued_year == std::stoi(std::string(last)))) {
            glued_year = std::stoi(std::string(last));
            r.title.resize(sp);
            r.year_cut = true;
        }
    }
    // A short name before the first colon: "ZeroQuant-V2: Exploring ...".
    if (auto colon = raw.find(':'); colon != std::string_view::npos) {
        std::string name = normalize_title(raw.substr(0, colon));
        std::string core = normalize_title(raw.substr(colon + 1));
        std::size_t name_words = name.empty() ? 0 : 1 + std::count(name.begin(), name.end(), ' ');
        if (name_words >= 1 && name_words <= 4 && !core.empty()) {
            r.name = std::move(name);
            r.core = core.substr(0, kMaxTitleBytes);
        }
    }
    std::vector<std::string_view> words = title_words(r.title);
    // Most titles have no comma: nothing to count.
    if (raw.find(',') != std::string_view::npos) r.commas = comma_positions(raw, words.size() + r.year_cut);
    const bool digits = has_digit(r.title);  // most titles have none: no word need be looked at for them
    for (std::string_view word : words)  // markers keep multiplicity
        if ((digits || roman(word)) && marker_word(word)) r.markers.emplace_back(word);
    // "Hadoop++" is a version of Hadoop, but normalising drops the pluses: kept as "hadoop++".
    for (std::size_t at = raw.find("++"); at != std::string_view::npos; at = raw.find("++", at + 2)) {
        std::size_t begin = at;
        while (begin > 0 && (ascii::is_alnum(raw[begin - 1]) || raw[begin - 1] == '-')) --begin;
        std::string word = normalize_title(raw.substr(begin, at - begin));
        if (!word.empty() && word.find(' ') == std::string::npos) r.markers.push_back(word + "++");
    }
    // A '?' or U+FFFD inside a word is a letter lost to a wrong encoding ("Th?mis", "Dal?").
    for (std::size_t at = raw.find_first_of("?\xEF"); at != std::string_view::npos && !r.damaged;
         at = raw.find_first_of("?\xEF", at + 1))
        r.damaged = raw.substr(at, 3) == "\xEF\xBF\xBD" ||
                    (raw[at] == '?' && at > 0 && ascii::is_alpha(raw[at - 1]) && at + 1 < raw.size() &&
                     (ascii::is_alpha(raw[at + 1]) || raw[at + 1] == ':'));
    std::sort(r.markers.begin(), r.markers.end());
    std::sort(words.begin(), words.end());
    r.word_count = static_cast<std::uint32_t>(std::unique(words.begin(), words.end()) - words.begin());
    set_title_stems(r, words);
    if (raw.find('-') != std::string_view::npos) add_compound_stems(r, raw);
    for (std::string_view a : in.authors) {
        std::string s;
        for (char c : text::fold(a))
            if (ascii::is_alnum(c) || static_cast<unsigned char>(c) >= 0x80) s += c;
        if (!s.empty()) r.surnames.push_back(std::move(s));
    }
    std::sort(r.surnames.begin(), r.surnames.end());
    r.surnames.erase(std::unique(r.surnames.begin(), r.surnames.end()), r.surnames.end());
    // The venue, else the note, else the venue text cut from the title's end.
    const std::string venue(!in.venue.empty() ? in.venue : !in.note.empty() ? in.note : cited.venue);
    r.year = in.year;
    if (!r.year) r.year = cited.year;
    if (!r.year) r.year = glued_year;  // "Seung (1995). Learning from ..."
    if (!r.year) r.year = year_in_venue(std::string(own_venue(venue)));
    if (!in.doi.empty()) r.doi = bare_doi(in.doi);
    if (!in.arxiv.empty()) {
        r.arxiv = std::string(in.arxiv);
        if (auto v = r.arxiv.rfind('v'); v != std::string::npos && v > 4 &&
                                          std::all_of(r.arxiv.begin() + static_cast<long>(v) + 1, r.arxiv.end(), ascii::is_digit))
            r.arxiv.resize(v);  // 2103.16827v2 is 2103.16827
    }
    r.venue = venue_kind(venue);
    if (const std::string_view own = own_venue(venue); !own.empty()) {
        const std::string v = normalize_title(own.substr(0, kMaxTitleBytes));
        if (!v.empty()) title_word_keys(v, r.venue_words);
    }
    if (!in.pages.empty()) {
        PageRange p = page_range(in.pages);
        r.first_page = p.first;
        r.last_page = p.last;
    }
    r.correction = correction_title(r, raw);
    r.generic = generic_title(r.title) || r.word_count <= 1;
    return r;
}

MatchRecord make_match_record(const Work& w) {
    MatchInput in;
    in.title = w.title;
    in.authors.reserve(w.authors.size());
    for (const auto& a : w.authors) in.authors.emplace_back(a.surname.empty() ? a.display : a.surname);
    in.year = w.year.value_or(0);
    in.venue = w.venue;
    in.note = extra_text(w, {"note"});
    in.pages = extra_text(w, {"pages", "page"});
    if (auto it = w.ids.find("doi"); it != w.ids.end()) in.doi = it->second;
    if (auto it = w.ids.find("arxiv"); it != w.ids.end()) in.arxiv = it->second;
    return make_match_record(in);
}

void cut_title(MatchRecord& r, std::size_t keep) {
    std::vector<std::string_view> words = title_words(r.title);
    if (keep >= words.size()) return;
    const std::size_t end = static_cast<std::size_t>(words[keep - 1].data() + words[keep - 1].size() - r.title.data());
    const std::string_view dropped = std::string_view(r.title).substr(end);  // " word word ..."
    if (!r.core.empty() && r.core.size() > dropped.size() &&
        std::string_view(r.core).substr(r.core.size() - dropped.size()) == dropped)
        r.core.resize(r.core.size() - dropped.size());
    r.title.resize(end);
    words.resize(keep);
    // Markers of the words cut away go with them ("... sigmod record 25").
    std::vector<std::string> markers;
    for (std::string& m : r.markers) {
        std::string_view base = m;
        if (base.size() > 2 && base.substr(base.size() - 2) == "++") base.remove_suffix(2);
        if (std::find(words.begin(), words.end(), base) != words.end()) markers.push_back(std::move(m));
    }
    r.markers = std::move(markers);
    std::sort(words.begin(), words.end());
    r.word_count = static_cast<std::uint32_t>(std::unique(words.begin(), words.end()) - words.begin());
    set_title_stems(r, words);
    r.generic = generic_title(r.title) || r.word_count <= 1;
}

std::uint64_t recurrence_key(std::string_view source, const MatchRecord& r) {
    if (r.title.empty() || r.word_count > 4 || source.empty()) return 0;
    return key_hash(r.title, key_hash(source));
}

}  // namespace scholarmerge
