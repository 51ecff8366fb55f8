#include "scholarmerge/match/title.hpp"

#include <algorithm>
#include <cctype>
#include <vector>

#include "scholarmerge/match/evidence.hpp"
#include "scholarmerge/match/record.hpp"

#include "scholarmerge/text/fold.hpp"
#include "scholarmerge/text/markup.hpp"

namespace scholarmerge {

std::string normalize_title(std::string_view title) {
    std::string folded = text::fold(text::clean_display(title));
    std::string out;
    out.reserve(folded.size());
    bool space = false;
    for (std::size_t i = 0; i < folded.size(); ++i) {
        unsigned char c = static_cast<unsigned char>(folded[i]);
        bool word = std::isalnum(c) || c >= 0x80;
        // Hyphens and apostrophes inside a word join it: "hawq-v3" -> "hawqv3", "what's" -> "whats".
        if ((c == '-' || c == '\'') && !out.empty() && out.back() != ' ' && i + 1 < folded.size() &&
            std::isalnum(static_cast<unsigned char>(folded[i + 1]))) {
            continue;
        }
        if (!word) {
            space = !out.empty();
            continue;
        }
        if (space) out += ' ';
        space = false;
        out += static_cast<char>(c);
    }
    return out;
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

struct Token {
    std::size_t begin, end;  // byte range in the raw title
    std::string text;        // ASCII-lowercased
};

std::vector<Token> tokens_of(std::string_view s) {
    std::vector<Token> out;
    for (std::size_t i = 0; i < s.size();) {
        while (i < s.size() && s[i] == ' ') ++i;
        std::size_t j = i;
        while (j < s.size() && s[j] != ' ') ++j;
        if (j > i) {
            Token t{i, j, std::string(s.substr(i, j - i))};
            for (auto& c : t.text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
            out.push_back(std::move(t));
        }
        i = j;
    }
    return out;
}

bool is_alpha(char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; }
bool is_digit(char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }
bool is_quote(char c) { return c == '\'' || c == '`' || c == '"'; }

// The token without the punctuation around it.
std::string_view core_of(const std::string& t) {
    std::size_t b = 0, e = t.size();
    while (b < e && !std::isalnum(static_cast<unsigned char>(t[b]))) ++b;
    while (e > b && !std::isalnum(static_cast<unsigned char>(t[e - 1]))) --e;
    return std::string_view(t).substr(b, e - b);
}

bool year_token(std::string_view c) {
    if (c.size() == 5 && is_alpha(c[4])) c = c.substr(0, 4);  // "1995a"
    return c.size() == 4 && (c.substr(0, 2) == "19" || c.substr(0, 2) == "20") &&
           std::all_of(c.begin(), c.end(), is_digit);
}

// "w.s.", "d.p.", "m.", "w.s.:" : initials, each letter followed by a period.
bool initials_token(const std::string& t) {
    std::size_t i = 0, letters = 0;
    while (i + 1 < t.size() && is_alpha(t[i]) && t[i + 1] == '.') i += 2, ++letters;
    while (i < t.size() && (t[i] == ',' || t[i] == ':')) ++i;
    return letters > 0 && i == t.size();
}

bool ends_with_break(const std::string& t) {
    char c = t.back();
    return c == '.' || c == ',' || c == ':' || c == ')' || c == ']';
}

bool name_word(const std::string& t) {
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
std::size_t leading_remnant(const std::vector<Token>& toks, int& year) {
    constexpr std::size_t kMaxPrefix = 6, kMinRest = 3;
    std::size_t cut = 0;
    // Author-year: names, then a year in brackets or followed by a break.
    for (std::size_t k = 0; k < std::min(kMaxPrefix, toks.size()); ++k) {
        const std::string& t = toks[k].text;
        std::string_view c = core_of(t);
        if (year_token(c)) {
            // "(1997)", "[1987]", "1993." (not "SQL: 1999, ..." nor "FQAS 2002: ...").
            bool bracketed = t.front() == '(' || t.front() == '[';
            bool marked = bracketed || t.back() == '.' || (k + 1 < toks.size() && is_quote(toks[k + 1].text.front()));
            if (marked && words_from(toks, k + 1) >= kMinRest) {
                cut = k + 1;
                year = std::stoi(std::string(c.substr(0, 4)));
            }
            break;
        }
        if (!((name_word(t) && t.find(':') == std::string::npos) || t == "&")) break;
    }
    if (cut) return cut;
    // Initials with or without surnames, joined by "and", "&" or commas, ending at a break.
    bool after_initials = false, any_initials = false;
    for (std::size_t k = 0; k < std::min(2 * kMaxPrefix, toks.size()); ++k) {
        const std::string& t = toks[k].text;
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
        const std::string& t = toks[k].text;
        if (is_quote(t.front()) && t.size() > 1 && (is_alpha(t[1]) || is_quote(t[1]))) {  // not "'98"
            bool closed = false;
            for (std::size_t m = k; m < toks.size() && !closed; ++m)
                for (std::size_t i = (m == k ? 1 : 0); i < toks[m].text.size(); ++i)
                    if (is_quote(toks[m].text[i]) && i > 0 && i + 1 < toks[m].text.size() && is_alpha(toks[m].text[i - 1]) &&
                        is_alpha(toks[m].text[i + 1]))
                        continue;  // an apostrophe inside a word
                    else if (is_quote(toks[m].text[i]))
                        closed = true;
            if (!closed && words_from(toks, k) >= kMinRest) return k;
            break;
        }
    }
    return 0;
}

// Citation matter after a title: a venue, pages, a note. `digits`: numbers
// alone (pages, volume) are evidence enough.
bool citation_tail(std::string_view tail, bool digits) {
    std::string t;
    for (char c : tail) t += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
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
    std::string l;
    for (char c : w) l += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    for (const char* a : {"vol", "nos", "pp", "fig", "figs", "sec", "sect", "chap", "eq", "jan", "feb", "mar", "apr",
                          "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "inc", "ltd", "corp", "dept",
                          "univ", "eds", "etc", "al", "jr", "sr", "mrs", "prof", "resp", "approx"})
        if (l == a) return true;
    return false;
}

}  // namespace

CitationTitle strip_citation_remnants(std::string_view raw) {
    constexpr std::size_t kMinHead = 3;
    auto toks = tokens_of(raw);
    int year = 0;
    std::size_t first = leading_remnant(toks, year);
    if (first >= toks.size()) return {raw, {}, 0};
    std::size_t begin = toks[first].begin;
    // Skip an opening quote or bracket left before the title proper.
    while (first > 0 && begin < raw.size() && (is_quote(raw[begin]) || raw[begin] == '(' || raw[begin] == '[')) ++begin;
    // The first sentence break after at least kMinHead words whose tail reads
    // as citation matter: "word. Tail", "word.Tail", "word' Tail", "word', Tail", "word, in Tail".
    std::size_t words = 0;
    for (std::size_t i = begin; i < raw.size(); ++i) {
        if (is_alpha(raw[i]) && (i == begin || raw[i - 1] == ' ')) ++words;
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
        } else if (is_quote(c) && (i + 1 == raw.size() || raw[i + 1] == ' ' || raw[i + 1] == ',' || raw[i + 1] == '.')) {
            tail = i + 1;
        } else if (c == ',' && raw.substr(i, 5) == ", in ") {
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
