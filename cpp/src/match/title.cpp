#include "scholarmerge/match/title.hpp"

#include <algorithm>
#include <vector>

#include "match/evidence.hpp"
#include "match/key_hash.hpp"
#include "match/record.hpp"

#include "text/fold.hpp"
#include "text/markup.hpp"
#include "text/ascii.hpp"

namespace scholarmerge {

namespace {

// Nothing in s that clean_display would change but its spacing, nor that
// fold would change but its case: ASCII without tags, entities or LaTeX.
bool plain_ascii(std::string_view s) {
    for (unsigned char c : s)
        if (c >= 0x80 || c == '<' || c == '&' || c == '\\' || c == '$' || c == '{' || c == '}') return false;
    return true;
}

// The words of s (ASCII lower-cased when `lower`), separated by one space. Any
// run of non-word characters separates words, so spacing need not be squeezed first.
std::string words_of(std::string_view s, bool lower) {
    std::string out;
    out.reserve(s.size());
    bool space = false;
    for (std::size_t i = 0; i < s.size(); ++i) {
        unsigned char c = static_cast<unsigned char>(s[i]);
        bool word = ascii::is_alnum(c) || c >= 0x80;
        // Hyphens and apostrophes inside a word join it: "hawq-v3" -> "hawqv3", "what's" -> "whats".
        if ((c == '-' || c == '\'') && !out.empty() && out.back() != ' ' && i + 1 < s.size() &&
            ascii::is_alnum(s[i + 1])) {
            continue;
        }
        if (!word) {
            space = !out.empty();
            continue;
        }
        if (space) out += ' ';
        space = false;
        out += lower && c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : static_cast<char>(c);
    }
    return out;
}

}  // namespace

std::vector<std::string_view> title_words(std::string_view s) {
    std::vector<std::string_view> out;
    for (std::size_t i = 0; i < s.size();) {
        std::size_t j = std::min(s.find(' ', i), s.size());
        if (j > i) out.push_back(s.substr(i, j - i));
        i = j + 1;
    }
    return out;
}

std::string normalize_title(std::string_view title) {
    // Most titles are plain ASCII: no need for the copies markup and folding make.
    if (plain_ascii(title)) return words_of(title, true);
    return words_of(text::fold(text::clean_display(title)), false);
}

void title_word_keys(std::string_view normalized, std::vector<std::uint64_t>& out) {
    out.clear();
    for (std::size_t i = 0; i < normalized.size();) {
        std::size_t j = normalized.find(' ', i);
        if (j == std::string_view::npos) j = normalized.size();
        if (j > i) out.push_back(key_hash(normalized.substr(i, j - i)));
        i = j + 1;
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
}

double title_similarity(std::string_view a, std::string_view b) {
    Work wa, wb;
    wa.title = std::string(a.substr(0, 4 * kMaxTitleBytes));
    wb.title = std::string(b.substr(0, 4 * kMaxTitleBytes));
    MatchRecord ra = make_match_record(wa), rb = make_match_record(wb);
    if (ra.title.empty() || rb.title.empty()) return ra.title == rb.title && !ra.title.empty() ? 1.0 : 0.0;
    return title_score(ra, rb, CachedIndel(ra.title));
}

}  // namespace scholarmerge

namespace scholarmerge {

namespace {

constexpr std::size_t kMaxPrefix = 6;                            // words of a remnant before a title
constexpr std::size_t kMinRest = 3;                              // words a title keeps after a cut
constexpr std::size_t kMaxLeadTokens = 2 * kMaxPrefix + kMinRest;  // tokens the leading cut reads
constexpr std::size_t kLeadBytes = 256;                           // of which it looks at the first bytes

struct Token {
    std::size_t begin, end;  // byte range in the text
    std::string_view text;   // that range of the ASCII-lowercased text
};

std::string ascii_lower(std::string_view s) {
    std::string out(s);
    for (auto& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + ('a' - 'A'));
    return out;
}

// The first `limit` space-separated tokens of `lower` (views into it).
std::vector<Token> tokens_of(const std::string& lower, std::size_t limit = std::string_view::npos) {
    std::vector<Token> out;
    for (std::size_t i = 0; i < lower.size() && out.size() < limit;) {
        while (i < lower.size() && lower[i] == ' ') ++i;
        std::size_t j = i;
        while (j < lower.size() && lower[j] != ' ') ++j;
        if (j > i) out.push_back({i, j, std::string_view(lower).substr(i, j - i)});
        i = j;
    }
    return out;
}

// ASCII classes, inline (the C library's consult the locale).
bool is_alpha(char c) { return static_cast<unsigned char>((c | 0x20) - 'a') < 26; }
bool is_digit(char c) { return static_cast<unsigned char>(c - '0') < 10; }
bool is_alnum(char c) { return is_alpha(c) || is_digit(c); }
bool is_quote(char c) { return c == '\'' || c == '`' || c == '"'; }

// The token without the punctuation around it.
std::string_view core_of(std::string_view t) {
    std::size_t b = 0, e = t.size();
    while (b < e && !is_alnum(t[b])) ++b;
    while (e > b && !is_alnum(t[e - 1])) --e;
    return t.substr(b, e - b);
}

bool year_token(std::string_view c) {
    if (c.size() == 5 && is_alpha(c[4])) c = c.substr(0, 4);  // "1995a"
    return c.size() == 4 && (c.substr(0, 2) == "19" || c.substr(0, 2) == "20") &&
           std::all_of(c.begin(), c.end(), is_digit);
}

// "w.s.", "d.p.", "m.", "w.s.:" : initials, each letter followed by a period.
bool initials_token(std::string_view t) {
    std::size_t i = 0, letters = 0;
    while (i + 1 < t.size() && is_alpha(t[i]) && t[i + 1] == '.') i += 2, ++letters;
    while (i < t.size() && (t[i] == ',' || t[i] == ':')) ++i;
    return letters > 0 && i == t.size();
}

bool ends_with_break(std::string_view t) {
    char c = t.back();
    return c == '.' || c == ',' || c == ':' || c == ')' || c == ']';
}

bool name_word(std::string_view t) {
    std::string_view c = core_of(t);
    return !c.empty() && std::all_of(c.begin(), c.end(), [](char x) { return is_alpha(x) || x == '-' || x == '.' || x == '\''; });
}

std::size_t words_from(const std::vector<Token>& toks, std::size_t k) {
    std::size_t n = 0;
    for (; k < toks.size(); ++k) n += !core_of(toks[k].text).empty();
    return n;
}

// Index of the first token of the title proper: after an author-year
// remnant ("seung (1995).", "[1995]", "bartlett & w.s. lee (1997),"), the
// tail of an author list ("d.p. helmbold, and m.k. warmuth.", "w.s.:") or a
// name before an opening quote that runs to the end ("warmuth 'how to ...").
std::size_t leading_remnant(std::string_view raw, const std::vector<Token>& toks, int& year) {
    std::size_t cut = 0;
    // Author-year: names, then a year in brackets or followed by a break.
    for (std::size_t k = 0; k < std::min(kMaxPrefix, toks.size()); ++k) {
        std::string_view t = toks[k].text;
        std::string_view c = core_of(t);
        if (year_token(c)) {
            // "(1997)", "[1987]", "1993." (not "SQL: 1999, ..." nor "FQAS 2002: ...").
            bool bracketed = t.front() == '(' || t.front() == '[';
            // "the 1990 's" is a decade in the title: a possessive opens no quote.
            const bool quoted = k + 1 < toks.size() && is_quote(toks[k + 1].text.front()) &&
                                toks[k + 1].text.substr(1, 1) != "s";
            bool marked = bracketed || t.back() == '.' || quoted;
            if (marked && words_from(toks, k + 1) >= kMinRest) {
                cut = k + 1;
                year = std::stoi(std::string(c.substr(0, 4)));
            }
            break;
        }
        if (!((name_word(t) && t.find(':') == std::string_view::npos) || t == "&")) break;
    }
    if (cut) return cut;
    // Initials with or without surnames, joined by "and", "&" or commas, ending at a break.
    bool after_initials = false, any_initials = false;
    for (std::size_t k = 0; k < std::min(2 * kMaxPrefix, toks.size()); ++k) {
        std::string_view t = toks[k].text;
        bool initials = initials_token(t);
        bool joiner = t == "and" || t == "&" || t == ",";
        bool surname = after_initials && !initials && name_word(t);
        if (!initials && !joiner && !surname) break;
        any_initials = any_initials || initials;
        after_initials = initials;
        // A single initial alone ("C. elegans") is not a remnant.
        bool strong = (initials && (std::count(t.begin(), t.end(), '.') >= 2 || t.back() == ':')) ||
                      (surname && ends_with_break(t));
        if (any_initials && strong && words_from(toks, k + 1) >= kMinRest) cut = k + 1;
    }
    if (cut) return cut;
    // One or two name words, then a quoted title with no closing quote.
    for (std::size_t k = 1; k <= 2 && k < toks.size(); ++k) {
        if (!name_word(toks[k - 1].text)) break;
        std::string_view t = toks[k].text;
        if (is_quote(t.front()) && t.size() > 1 && (is_alpha(t[1]) || is_quote(t[1]))) {  // not "'98"
            bool closed = false;
            std::size_t open = toks[k].begin;
            while (open < raw.size() && is_quote(raw[open])) ++open;
            for (std::size_t i = open; i < raw.size() && !closed; ++i)
                closed = is_quote(raw[i]) && !(is_alpha(raw[i - 1]) && i + 1 < raw.size() && is_alpha(raw[i + 1]));
            if (!closed && words_from(toks, k) >= kMinRest) return k;
            break;
        }
    }
    return 0;
}

// Citation matter after a title: a venue, pages, a note. `digits`: numbers
// alone (pages, volume) are evidence enough.
bool citation_tail(std::string_view tail, bool digits) {
    std::string t = ascii_lower(tail);
    auto toks = tokens_of(t);
    if (toks.empty()) return false;
    if (core_of(toks[0].text) == "in") return true;
    if (digits && std::any_of(t.begin(), t.end(), is_digit)) return true;
    if (venue_kind(std::string(tail)) != VenueKind::unknown) return true;
    for (const auto& k : toks) {
        std::string_view c = core_of(k.text);
        for (const char* w : {"http", "www", "web", "manuscript", "unpublished", "unpublishedmanuscript", "appear",
                              "pp", "editor", "editors", "eds", "ed", "available", "press", "thesis", "dissertation"})
            if (c == w) return true;
    }
    return false;
}

// Words written with a period that ends no sentence: "Vol. 3", "Oct. 15", "Wiley & Sons, Inc. 2002".
bool abbreviation_word(std::string_view w) {
    std::string l = ascii_lower(w);
    for (const char* a : {"vol", "nos", "pp", "fig", "figs", "sec", "sect", "chap", "eq", "jan", "feb", "mar", "apr",
                          "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "inc", "ltd", "corp", "dept",
                          "univ", "eds", "etc", "al", "jr", "sr", "mrs", "prof", "resp", "approx"})
        if (l == a) return true;
    return false;
}

}  // namespace

CitationTitle strip_citation_remnants(std::string_view raw) {
    constexpr std::size_t kMinHead = 3;
    int year = 0;
    std::size_t begin = 0;
    // A remnant before the title has a year, an initial or a quote: most titles have none early on.
    std::string_view lead = raw.substr(0, std::min(raw.size(), kLeadBytes));
    if (std::any_of(lead.begin(), lead.end(), [](char c) { return c == '.' || is_quote(c) || is_digit(c); })) {
        std::string lower = ascii_lower(lead);
        auto toks = tokens_of(lower, kMaxLeadTokens + 1);
        std::size_t first = leading_remnant(raw, toks, year);
        if (first > 0 && first < toks.size()) {
            begin = toks[first].begin;
            // Skip an opening quote or bracket left before the title proper.
            while (begin < raw.size() && (is_quote(raw[begin]) || raw[begin] == '(' || raw[begin] == '[')) ++begin;
        }
    }
    // The first sentence break after at least kMinHead words whose tail reads
    // as citation matter: "word. Tail", "word.Tail", "word' Tail", "word', Tail", "word, in Tail".
    std::size_t words = 0, counted = begin;
    auto next_break = [&](std::size_t from) {
        for (std::size_t k = from; k < raw.size(); ++k)
            if (raw[k] == '.' || raw[k] == ',' || is_quote(raw[k])) return k;
        return std::string_view::npos;
    };
    for (std::size_t i = next_break(begin); i != std::string_view::npos; i = next_break(i + 1)) {
        for (; counted < i; ++counted) words += is_alpha(raw[counted]) && (counted == begin || raw[counted - 1] == ' ');
        if (words < kMinHead || i == 0 || !is_alpha(raw[i - 1])) continue;
        std::size_t tail = std::string_view::npos;
        char c = raw[i];
        bool spaced = true;
        if (c == '.') {
            // Not after an abbreviation or initial ("vs.", "e.g.", "U.S.").
            std::size_t w = i;
            while (w > 0 && is_alpha(raw[w - 1])) --w;
            bool abbreviation = i - w <= 2 || (w > 0 && raw[w - 1] == '.') || abbreviation_word(raw.substr(w, i - w));
            spaced = i + 1 < raw.size() && raw[i + 1] == ' ';
            if (!abbreviation && i + 1 < raw.size() && (spaced || is_alpha(raw[i + 1]))) tail = i + 1;
        } else if ((is_quote(c) && (i + 1 == raw.size() || raw[i + 1] == ' ' || raw[i + 1] == ',' || raw[i + 1] == '.')) ||
                   (c == ',' && raw.substr(i, 5) == ", in ")) {  // a closing quote, or a chapter's ", in "
            tail = i + 1;
        }
        if (tail == std::string_view::npos) continue;
        std::size_t t = tail;
        while (t < raw.size() && (raw[t] == ' ' || raw[t] == ',' || raw[t] == '.' || is_quote(raw[t]))) ++t;
        if (t < raw.size() && citation_tail(raw.substr(t), spaced)) return {raw.substr(begin, i - begin), raw.substr(t), year};
    }
    return {raw.substr(begin), {}, year};
}

}  // namespace scholarmerge
