// The refs tagger's token features: the C++ twin of tools/refs_crf_features.py
// (the training side). Both must make the same strings for every token; a
// test compares them (tests/python/test_refs_crf.py). Tests on characters
// are ASCII classes; a non-ASCII character is one letter "u", except the
// typographic quotes and dashes read as ASCII first.
#include "details/refs_crf_features.hpp"

#include <cstring>
#include <string>
#include <unordered_map>

#include "scholarmerge/read/refs.hpp"
#include "scholarmerge/read/refs_crf.hpp"

namespace scholarmerge {

namespace {

bool ws(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

std::size_t cp_len(unsigned char c) {
    if (c < 0xC0) return 1;
    if (c < 0xE0) return 2;
    if (c < 0xF0) return 3;
    return 4;
}

// '"', '\'', '-' for the typographic forms (see NORMALISE in the Python), 0 otherwise.
char normalised(std::string_view s, std::size_t i, std::size_t* len) {
    auto b = [&](std::size_t k) { return i + k < s.size() ? static_cast<unsigned char>(s[i + k]) : 0; };
    if (b(0) == 0xC2 && (b(1) == 0xAB || b(1) == 0xBB)) {
        *len = 2;
        return '"';
    }
    if (b(0) == 0xE2 && b(1) == 0x80) {
        unsigned char c = b(2);
        *len = 3;
        if (c == 0x9C || c == 0x9D || c == 0x9E || c == 0xB3) return '"';
        if (c == 0x98 || c == 0x99 || c == 0x9A || c == 0xB2) return '\'';
        if (c >= 0x90 && c <= 0x95) return '-';
    }
    if (b(0) == 0xE2 && b(1) == 0x88 && b(2) == 0x92) {
        *len = 3;
        return '-';
    }
    return 0;
}

char cls(unsigned char c) {
    if (c >= 0x80) return 'u';
    if (c >= 'A' && c <= 'Z') return 'X';
    if (c >= 'a' && c <= 'z') return 'x';
    if (c >= '0' && c <= '9') return 'd';
    return static_cast<char>(c);
}

bool alnum(unsigned char c) { return c >= 0x80 || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }
bool digit(char c) { return c >= '0' && c <= '9'; }
bool upper(char c) { return c >= 'A' && c <= 'Z'; }
bool lower(char c) { return c >= 'a' && c <= 'z'; }

std::size_t cp_count(std::string_view s) {
    std::size_t n = 0;
    for (std::size_t i = 0; i < s.size(); i += cp_len(static_cast<unsigned char>(s[i]))) ++n;
    return n;
}

// The first `k` code points / the last `k` code points.
std::string_view cp_prefix(std::string_view s, std::size_t k) {
    std::size_t i = 0;
    for (std::size_t n = 0; i < s.size() && n < k; ++n) i += cp_len(static_cast<unsigned char>(s[i]));
    return s.substr(0, std::min(i, s.size()));
}

std::string_view cp_suffix(std::string_view s, std::size_t k) {
    std::size_t n = cp_count(s);
    if (n <= k) return s;
    std::size_t i = 0;
    for (std::size_t m = 0; m < n - k; ++m) i += cp_len(static_cast<unsigned char>(s[i]));
    return s.substr(i);
}

bool is_year(std::string_view core) {
    std::string_view s = core.size() == 5 && lower(core[4]) ? core.substr(0, 4) : core;
    if (s.size() != 4) return false;
    for (char c : s)
        if (!digit(c)) return false;
    return (s[0] == '1' && s[1] >= '5') || (s[0] == '2' && s[1] == '0');
}

struct Dict {
    std::string_view name;
    std::initializer_list<std::string_view> words;
};

// The word lists of refs_crf_features.py, in its DICTS order.
const Dict kDicts[] = {
    {"month",
     {"jan", "january", "feb", "february", "mar", "march", "apr", "april", "may", "jun", "june", "jul", "july", "aug",
      "august", "sep", "sept", "september", "oct", "october", "nov", "november", "dec", "december", "spring", "summer",
      "fall", "autumn", "winter"}},
    {"venue",
     {"proc", "proceedings", "journal", "j", "conference", "conf", "symposium", "symp", "workshop", "trans",
      "transactions", "review", "rev", "letters", "lett", "annals", "ann", "bulletin", "bull", "acta", "magazine", "mag",
      "quarterly", "international", "intl", "int", "meeting", "congress", "studies", "research", "science", "sciences",
      "report", "reports", "advances", "adv", "forum", "zeitschrift", "archives", "arch", "newsletter", "series",
      "lecture", "notes", "am", "soc", "society", "assoc", "association", "natl", "national", "academy", "acad",
      "annual", "ieee", "acm", "siam", "physical", "phys", "chem", "med", "psychol", "engineering", "eng", "computer",
      "comput", "applied", "appl"}},
    {"publ",
     {"press", "publishers", "publisher", "publishing", "publ", "pub", "verlag", "books", "springer", "elsevier", "wiley",
      "university", "univ", "inc", "ltd", "co", "company", "corp", "academic", "routledge", "sage", "pearson", "mcgraw",
      "hill", "kluwer", "blackwell", "oxford", "cambridge", "prentice", "hall", "addison", "wesley", "norton", "penguin",
      "random", "house", "edition", "editions", "gmbh", "llc"}},
    {"part",
     {"van", "von", "de", "der", "den", "la", "le", "di", "da", "du", "del", "della", "dos", "das", "des", "ter", "ten",
      "zu", "y", "st", "mac", "af", "el", "bin", "ibn"}},
    {"edit", {"ed", "eds", "editor", "editors", "edited", "hrsg", "hg", "herausgegeben", "coord", "dir", "comp"}},
    {"pagew", {"pp", "p", "pages", "page", "s", "pgs"}},
    {"volw", {"vol", "volume", "vols", "bd", "no", "nr", "issue", "number", "num", "iss", "n", "t", "tome"}},
    {"etal", {"et", "al", "etal"}},
    {"and", {"and", "und", "et", "y", "&"}},
    {"thesis", {"thesis", "dissertation", "phd", "diss", "master", "masters", "doctoral", "ph"}},
    {"edn", {"edn", "edition", "ed", "rev", "revised", "2nd", "3rd"}},
    {"idw", {"doi", "http", "https", "www", "url", "isbn", "issn", "arxiv", "retrieved", "available", "accessed"}},
    {"in", {"in"}},
};

// The token flags, one bit each, in the order the Python emits them.
enum Flag : std::uint32_t { kYear, kNum, kHasDig, kRange, kInit, kInits, kCaps, kCap, kLow, kLink, kOrd, kDict0 };
constexpr std::size_t kDictCount = sizeof(kDicts) / sizeof(kDicts[0]);
constexpr std::size_t kFlagCount = kDict0 + kDictCount;
const std::string_view kFlagNames[kFlagCount] = {
    "year", "num", "hasdig", "range", "init", "inits", "caps", "cap", "low", "link", "ord",
    "d:month", "d:venue", "d:publ", "d:part", "d:edit", "d:pagew", "d:volw", "d:etal", "d:and", "d:thesis", "d:edn",
    "d:idw", "d:in"};
static_assert(kDictCount == 13, "kFlagNames lists the dictionaries of kDicts");

// word -> the bits of the lists it is in (one hash look-up instead of a scan)
const std::unordered_map<std::string_view, std::uint32_t>& dict_bits() {
    static const auto m = [] {
        std::unordered_map<std::string_view, std::uint32_t> out;
        for (std::size_t d = 0; d < kDictCount; ++d)
            for (std::string_view w : kDicts[d].words) out[w] |= 1u << (kDict0 + d);
        return out;
    }();
    return m;
}

struct Tok {
    std::string norm;
    std::string lower;  // the core, ASCII letters lower-cased
    std::size_t core_cps = 0;
    std::string shape;
    char first = 'a', last = 'a';
    std::uint32_t flags = 0;  // 1 << Flag
    bool has(Flag f) const { return flags >> f & 1u; }
};

bool starts(std::string_view s, std::string_view p) { return s.compare(0, p.size(), p) == 0; }

Tok make_token(std::string_view raw) {
    Tok t;
    t.norm.reserve(raw.size());
    for (std::size_t i = 0; i < raw.size();) {
        std::size_t len = 1;
        if (char c = normalised(raw, i, &len)) {
            t.norm += c;
            i += len;
        } else {
            t.norm += raw[i++];
        }
    }
    const std::string& n = t.norm;
    std::size_t b = 0, e = n.size();
    while (b < e && !alnum(static_cast<unsigned char>(n[b]))) ++b;
    while (e > b && !alnum(static_cast<unsigned char>(n[e - 1]))) --e;
    std::string_view core(n.data() + b, e - b);
    t.lower.assign(core);
    for (char& c : t.lower)
        if (upper(c)) c = static_cast<char>(c + 32);
    t.core_cps = cp_count(core);
    for (std::size_t i = 0; i < n.size(); i += cp_len(static_cast<unsigned char>(n[i]))) {
        char k = cls(static_cast<unsigned char>(n[i]));
        if (t.shape.empty() || t.shape.back() != k) t.shape += k;
    }
    // the Python keeps the first 8 runs: count them, as runs are one byte each
    if (t.shape.size() > 8) t.shape.resize(8);
    if (!alnum(static_cast<unsigned char>(n.front()))) t.first = n.front();
    if (!alnum(static_cast<unsigned char>(n.back()))) t.last = n.back();

    std::size_t digits = 0, uppers = 0, lowers = 0;
    for (char c : core) {
        digits += digit(c);
        uppers += upper(c);
        lowers += lower(c);
    }
    auto& f = t.flags;
    if (is_year(core)) f |= 1u << kYear;
    if (!core.empty() && digits == core.size()) f |= 1u << kNum;
    else if (digits) f |= 1u << kHasDig;
    std::size_t dash = core.find('-');
    if (dash != std::string_view::npos && dash > 0 && dash + 1 < core.size()) {
        bool all = true;
        for (std::size_t i = 0; i < core.size(); ++i)
            if (i != dash && !digit(core[i])) all = false;
        if (all) f |= 1u << kRange;
    }
    if (core.size() == 1 && uppers == 1 && e < n.size() && n[e] == '.') f |= 1u << kInit;
    if (core.size() >= 3 && core.find('.') != std::string_view::npos) {
        bool all = true;
        for (char c : core)
            if (c != '.' && !upper(c)) all = false;
        if (all) f |= 1u << kInits;
    }
    if (uppers >= 2 && lowers == 0 && digits == 0) f |= 1u << kCaps;
    else if (uppers && !core.empty() && upper(core[0]) && lowers) f |= 1u << kCap;
    else if (!core.empty() && lower(core[0])) f |= 1u << kLow;
    if (starts(n, "http") || starts(n, "www.") || starts(n, "doi:") || starts(n, "10.")) f |= 1u << kLink;
    if (core.size() >= 3 && digits) {
        std::string_view end = core.substr(core.size() - 2);
        bool all = true;
        for (std::size_t i = 0; i + 2 < core.size(); ++i)
            if (!digit(core[i])) all = false;
        if (all && (end == "st" || end == "nd" || end == "rd" || end == "th")) f |= 1u << kOrd;
    }
    if (t.lower.size() <= 16) {
        const auto& m = dict_bits();
        if (auto it = m.find(t.lower); it != m.end()) f |= it->second;
    }
    return t;
}

// "0".."4", "5-7", "8+" (static strings: no allocation per feature)
std::string_view bucket(std::size_t k) {
    static constexpr std::string_view names[] = {"0", "1", "2", "3", "4", "5-7", "5-7", "5-7", "8+"};
    return names[k < 8 ? k : 8];
}

std::string_view digit_name(std::size_t k) {
    static constexpr std::string_view names[] = {"0", "1", "2", "3", "4", "5", "6", "7", "8", "9"};
    return names[k];
}


// Letters and digits only, ASCII lower-cased, bytes >= 0x80 kept: the form in
// which the rule splitter's title and container are found again in the text.
void fold_into(std::string_view s, std::string& out, std::vector<std::uint32_t>* owner, std::uint32_t tok) {
    for (unsigned char c : s) {
        if (!alnum(c)) continue;
        out += upper(static_cast<char>(c)) ? static_cast<char>(c + 32) : static_cast<char>(c);
        if (owner) owner->push_back(tok);
    }
}

}  // namespace

// The rule-based splitter's cut as one region per token: "pre" (names,
// date) before its title, "title", "mid" between title and container,
// "cont", "post" after it; "none" when the rules do not split the text.
// The tagger reads it as a feature and learns where the rules are wrong.
std::vector<std::string> refs_rule_regions(std::string_view text) {
    auto spans = refs_crf_tokens(text);
    std::vector<std::string> out(spans.size(), "none");
    Work w;
    if (spans.empty() || !split_reference_rules(text, w)) return out;
    std::string folded;
    std::vector<std::uint32_t> owner;
    for (std::uint32_t k = 0; k < spans.size(); ++k)
        fold_into(text.substr(spans[k].first, spans[k].second - spans[k].first), folded, &owner, k);
    std::string ft, fc;
    fold_into(w.title, ft, nullptr, 0);
    fold_into(w.venue, fc, nullptr, 0);
    const std::size_t npos = std::string::npos;
    std::size_t tb = ft.empty() ? npos : folded.find(ft);
    std::size_t cb = fc.empty() ? npos : folded.find(fc, tb == npos ? 0 : tb + ft.size());
    if (cb == npos && !fc.empty()) cb = folded.find(fc);
    long t0 = tb == npos ? -1 : owner[tb], t1 = tb == npos ? -1 : owner[tb + ft.size() - 1];
    long c0 = cb == npos ? -1 : owner[cb], c1 = cb == npos ? -1 : owner[cb + fc.size() - 1];
    for (long k = 0; k < static_cast<long>(spans.size()); ++k) {
        if (t0 >= 0 && k >= t0 && k <= t1) out[k] = "title";
        else if (c0 >= 0 && k >= c0 && k <= c1) out[k] = "cont";
        else if (t0 >= 0 ? k < t0 : c0 >= 0 && k < c0) out[k] = "pre";
        else if (c0 >= 0 && k > c1) out[k] = "post";
        else if (c0 >= 0 || t0 >= 0) out[k] = c0 > k ? "mid" : "post";
    }
    return out;
}

namespace {

// A token that ends a sentence: a period after a word that is not an
// initial, or "?" / "!".
bool sentence_end(const Tok& t) {
    if (t.last == '?' || t.last == '!') return true;
    return t.last == '.' && !t.has(kInit) && !t.has(kInits);
}

// A comma, colon, closing quote or parenthesis, or a sentence end closes a
// segment (SEGMENT_END in the Python).
bool ends_segment(const Tok& t) {
    return std::string_view(",;:?!\")]").find(t.last) != std::string_view::npos || sentence_end(t);
}

// How title-cased a segment is: none, under a third, under two thirds, more, all.
std::string_view cap_bucket(std::size_t caps, std::size_t n) {
    if (caps == 0) return "0";
    if (caps == n) return "all";
    return 3 * caps < n ? "lo" : 3 * caps < 2 * n ? "mid" : "hi";
}

// The features a token takes from its segment (the tokens between
// punctuation it stands in): its first word, length, closing mark, index,
// capitalisation, a year in it, an "In" segment before it, its place in it.
struct SegmentFeatures {
    std::string common;  // the shared ones, '\0'-separated
    std::size_t pos = 0;
};

std::vector<SegmentFeatures> segment_features(const std::vector<Tok>& toks) {
    std::vector<SegmentFeatures> out(toks.size());
    bool in_seen = false;
    std::size_t b = 0, k = 0;
    for (std::size_t i = 0; i < toks.size(); ++i) {
        if (!(ends_segment(toks[i]) || i + 1 == toks.size())) continue;
        const std::size_t e = i + 1;
        std::size_t caps = 0;
        bool year = false;
        for (std::size_t j = b; j < e; ++j) {
            caps += toks[j].has(kCap) || toks[j].has(kCaps);
            year = year || toks[j].has(kYear);
        }
        std::string c;
        auto add = [&](std::string_view a, std::string_view v = {}) {
            c += a;
            c += v;
            c += '\0';
        };
        add("segw=", cp_prefix(toks[b].lower, 24));
        add("seglen=", bucket(e - b));
        add("segend=", std::string_view(&toks[e - 1].last, 1));
        add("segno=", bucket(k));
        add("segcap=", cap_bucket(caps, e - b));
        if (year) add("segyear");
        if (in_seen) add("inseen");
        for (std::size_t j = b; j < e; ++j) out[j] = {c, j - b};
        if (toks[b].lower == "in") in_seen = true;
        b = e;
        ++k;
    }
    return out;
}

// Calls emit(a, b, c, d) (the feature is a + b + c + d) for every feature of every token, token by token;
// next_token() before each token's first.
template <class Emit, class Next>
void each_feature(std::string_view text, const detail::TokenSpans& spans, Emit&& emit, Next&& next_token) {
    std::vector<Tok> toks;
    toks.reserve(spans.size());
    for (auto [b, e] : spans) toks.push_back(make_token(text.substr(b, e - b)));
    const std::size_t n = toks.size();
    // a feature is handed over in up to four pieces (the hashing side never
    // assembles it)
    auto put = [&](std::string_view a, std::string_view b = {}, std::string_view c = {}, std::string_view d = {}) {
        emit(a, b, c, d);
    };
    auto put_flags = [&](std::uint32_t flags, std::string_view k) {
        for (; flags; flags &= flags - 1) put(kFlagNames[__builtin_ctz(flags)], k);
    };
    static const std::string_view ks[6] = {"[-3]", "[-2]", "[-1]", "[1]", "[2]", "[3]"};
    static const int offs[6] = {-3, -2, -1, 1, 2, 3};
    const std::vector<SegmentFeatures> segs = segment_features(toks);
    int quotes = 0, depth = 0, sentences = 0;
    bool year_seen = false;
    const std::vector<std::string> regions = refs_rule_regions(text);
    for (std::size_t i = 0; i < n; ++i) {
        next_token();
        const Tok& t = toks[i];
        put("bias");
        put("w=", cp_prefix(t.lower, 24));
        put("sh=", t.shape);
        put("f=", std::string_view(&t.first, 1));
        put("l=", std::string_view(&t.last, 1));
        put("s3=", cp_suffix(t.lower, 3));
        put("len=", bucket(t.core_cps));
        put("pos=", digit_name(10 * i / n));
        if (i == 0) put("first");
        if (i == n - 1) put("last");
        put_flags(t.flags, {});
        if (quotes % 2) put("inq");
        if (depth > 0) put("inpar");
        if (year_seen) put("yseen");
        if (quotes >= 2) put("qclosed");
        for (int q = 0; q < 6; ++q) {
            long j = static_cast<long>(i) + offs[q];
            std::string_view k = ks[q];
            if (j >= 0 && j < static_cast<long>(n)) {
                const Tok& o = toks[j];
                put("w", k, "=", cp_prefix(o.lower, 24));
                if (offs[q] == -1 || offs[q] == 1) {
                    put("sh", k, "=", o.shape);
                    put("l", k, "=", std::string_view(&o.last, 1));
                    put("f", k, "=", std::string_view(&o.first, 1));
                    put_flags(o.flags, k);
                }
            } else {
                put("w", k, "=<none>");
            }
        }
        put("w[-1]|w=", i ? cp_prefix(toks[i - 1].lower, 24) : std::string_view("^"), "|", cp_prefix(t.lower, 24));
        put("w|w[1]=", cp_prefix(t.lower, 24), "|", i + 1 < n ? cp_prefix(toks[i + 1].lower, 24) : std::string_view("$"));
        {
            std::string_view c = segs[i].common;
            for (std::size_t z; (z = c.find('\0')) != std::string_view::npos; c.remove_prefix(z + 1)) put(c.substr(0, z));
            put("segpos=", bucket(segs[i].pos));
        }
        char prev_last = i ? toks[i - 1].last : '^';
        std::string_view pl(&prev_last, 1);
        put("l[-1]|sh=", pl, "|", t.shape);
        put("l[-1]|l=", pl, "|", std::string_view(&t.last, 1));
        put("nseg=", bucket(static_cast<std::size_t>(sentences)));
        const std::string& r = regions[i];
        put("rule=", r);
        put("rule|l[-1]=", r, "|", pl);
        put("rule[-1]|rule=", i ? std::string_view(regions[i - 1]) : std::string_view("^"), "|", r);
        put("rule[1]=", i + 1 < n ? std::string_view(regions[i + 1]) : std::string_view("$"));
        if (sentence_end(t)) ++sentences;
        for (char c : t.norm) {
            if (c == '"') ++quotes;
            else if (c == '(' || c == '[') ++depth;
            else if ((c == ')' || c == ']') && depth > 0) --depth;
        }
        if (t.has(kYear)) year_seen = true;
    }
}

}  // namespace

std::vector<std::pair<std::size_t, std::size_t>> refs_crf_tokens(std::string_view text) {
    std::vector<std::pair<std::size_t, std::size_t>> out;
    std::size_t i = 0;
    while (i < text.size()) {
        while (i < text.size() && ws(text[i])) ++i;
        std::size_t b = i;
        while (i < text.size() && !ws(text[i])) ++i;
        if (i > b) out.emplace_back(b, i);
    }
    return out;
}

std::vector<std::vector<std::string>> refs_crf_features(std::string_view text) {
    std::vector<std::vector<std::string>> out;
    each_feature(
        text, refs_crf_tokens(text),
        [&](std::string_view a, std::string_view b, std::string_view c, std::string_view d) {
            std::string& f = out.back().emplace_back(a);
            f += b;
            f += c;
            f += d;
        },
        [&] { out.emplace_back(); });
    return out;
}

namespace detail {

void refs_crf_feature_hashes(std::string_view text, const TokenSpans& tokens, std::vector<std::uint64_t>& hashes,
                             std::vector<std::uint32_t>& offsets) {
    hashes.clear();
    offsets.clear();
    each_feature(
        text, tokens,
        [&](std::string_view a, std::string_view b, std::string_view c, std::string_view d) {
            hashes.push_back(FeatureKey().add(a).add(b).add(c).add(d).done());
        },
        [&] { offsets.push_back(static_cast<std::uint32_t>(hashes.size())); });
    offsets.push_back(static_cast<std::uint32_t>(hashes.size()));
}

}  // namespace detail

}  // namespace scholarmerge
