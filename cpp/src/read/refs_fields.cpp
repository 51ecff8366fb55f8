// split_reference: the tagger's fields (refs_crf.hpp) normalised into a Work.
// Identifiers come from the rule-based pass (their dots and slashes are
// regular), the cut between fields from the tagger; each field is then
// cleaned of the punctuation and marker words around it ("In:", "pp.",
// "(Eds.)", "vol.").
#include <string>
#include <vector>

#include "details/refs_rules.hpp"
#include "../text/words.hpp"
#include "scholarmerge/names/parse.hpp"
#include "read/refs.hpp"
#include "text/markup.hpp"

namespace scholarmerge {

namespace {

constexpr std::size_t npos = std::string::npos;

bool digit(char c) { return c >= '0' && c <= '9'; }
bool upper(char c) { return c >= 'A' && c <= 'Z'; }
bool lower(char c) { return c >= 'a' && c <= 'z'; }
bool letter(unsigned char c) { return upper(c) || lower(c) || c >= 0x80; }

// Typographic dashes as "-" (page ranges).
std::string ascii_dashes(std::string_view s) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s.compare(i, 2, "\xE2\x80") == 0 && i + 2 < s.size() && (unsigned char)s[i + 2] >= 0x90 &&
            (unsigned char)s[i + 2] <= 0x95) {
            out += '-';
            i += 2;
        } else {
            out += s[i];
        }
    }
    return out;
}

std::string trim(std::string_view s, std::string_view strip = " .,;:") {
    std::size_t b = 0, e = s.size();
    while (b < e && strip.find(s[b]) != npos) ++b;
    while (e > b && strip.find(s[e - 1]) != npos) --e;
    return std::string(s.substr(b, e - b));
}

std::string lower_ascii(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (upper(c)) c = static_cast<char>(c + 32);
    return out;
}

// Drops marker words at the start / end of a field ("In:", "pp.", "(Eds.)").
std::string strip_words(std::string_view s, std::initializer_list<std::string_view> front,
                        std::initializer_list<std::string_view> back) {
    const auto w = text::detail::space_words(s);
    std::size_t b = 0, e = w.size();
    auto is = [](std::string_view x, std::initializer_list<std::string_view> set) {
        std::string l = lower_ascii(trim(x, " .,;:()[]"));
        for (auto m : set)
            if (l == m) return true;
        return false;
    };
    while (b < e && is(w[b], front)) ++b;
    while (e > b && is(w[e - 1], back)) --e;
    return text::detail::join_words(w, b, e);
}

// Parenthesised parts out: roles ("(Producers)", "(Eds.)") are no part of names.
std::string no_parens(std::string_view s) {
    std::string out;
    int depth = 0;
    for (char c : s) {
        if (c == '(') ++depth;
        else if (c == ')' && depth > 0) --depth;
        else if (depth == 0) out += c;
    }
    return detail::squeeze_spaces(out);
}

// The author tag without the separator after it; the period of a final
// initial ("Card, S. K.") stays.
std::string author_block(std::string_view t) {
    std::string s = trim(t, " ,;:");
    if (!s.empty() && s.back() == '.') {
        std::size_t k = s.size() - 1;
        std::size_t b = k;
        while (b > 0 && letter(static_cast<unsigned char>(s[b - 1]))) --b;
        bool initial = k > b && k - b <= 2 && upper(s[b]) && (b == 0 || s[b - 1] == ' ' || s[b - 1] == '.' || s[b - 1] == '-');
        if (!initial) s.pop_back();
    }
    return s;
}

// A letter of any script; the General Punctuation block (U+2000-U+206F:
// dashes, quotes, "———" for "the same authors") is none.
bool has_letter(std::string_view s) {
    for (std::size_t i = 0; i < s.size(); ++i) {
        unsigned char c = static_cast<unsigned char>(s[i]);
        if (c == 0xE2 && i + 1 < s.size() && (static_cast<unsigned char>(s[i + 1]) == 0x80 || static_cast<unsigned char>(s[i + 1]) == 0x81)) {
            i += 2;
            continue;
        }
        if (letter(c)) return true;
    }
    return false;
}

bool has_letter_or_digit(std::string_view s) {
    for (char c : s)
        if (digit(c)) return true;
    return has_letter(s);
}

// The first year (1500-2099) standing alone in `s`, 0 if none.
int find_year(std::string_view s) {
    for (std::size_t i = 0; i + 4 <= s.size(); ++i) {
        if (!(digit(s[i]) && digit(s[i + 1]) && digit(s[i + 2]) && digit(s[i + 3]))) continue;
        if (i > 0 && digit(s[i - 1])) continue;
        if (i + 4 < s.size() && digit(s[i + 4])) continue;
        int y = std::stoi(std::string(s.substr(i, 4)));
        if (y >= 1500 && y <= 2099) return y;
    }
    return 0;
}

// "41", "20(3)", "vol. 12, no. 3", "B39": the volume and the issue.
void read_volume(std::string_view v, std::string& volume, std::string& issue) {
    std::size_t i = 0;
    while (i < v.size() && !digit(v[i])) ++i;
    if (i == v.size()) return;
    std::size_t b = i;
    if (b > 0 && upper(v[b - 1]) && (b == 1 || v[b - 2] == ' ')) --b;  // a series letter: "B39"
    while (i < v.size() && (digit(v[i]) || v[i] == '-' || v[i] == '/')) ++i;
    volume = std::string(v.substr(b, i - b));
    while (!volume.empty() && (volume.back() == '-' || volume.back() == '/')) volume.pop_back();
    std::string_view rest = v.substr(i);
    std::size_t k = rest.find_first_of("0123456789");
    if (k == npos) return;
    std::size_t e = k;
    while (e < rest.size() && (digit(rest[e]) || rest[e] == '-' || rest[e] == '/')) ++e;
    issue = std::string(rest.substr(k, e - k));
    while (!issue.empty() && (issue.back() == '-' || issue.back() == '/')) issue.pop_back();
}

std::string read_pages(std::string_view p) {
    std::string s = strip_words(ascii_dashes(p), {"pp", "p", "pages", "page", "s", "pgs"}, {"pp", "p", "s"});
    s = trim(s, " .,;:()[]");
    // a trailing "(2019)" or ", 2019" is no part of the range
    return s;
}

// The end (exclusive, after the closing quote) of a title that opens with
// a quote and whose closing quote is followed by more words; npos otherwise.
std::size_t quoted_title_end(std::string_view t) {
    std::size_t q = 0;
    bool curly = false, low9 = false;
    if (t.compare(0, 2, "``") == 0) q = 2;
    else if (!t.empty() && t[0] == '"') q = 1;
    else if (t.compare(0, 3, "\xE2\x80\x9C") == 0) q = 3, curly = true;   // “
    else if (t.compare(0, 3, "\xE2\x80\x9E") == 0) q = 3, low9 = true;    // „
    if (!q) return npos;
    for (std::size_t i = q; i < t.size(); ++i) {
        std::size_t len = 0;
        if (t.compare(i, 2, "''") == 0 && q == 2) len = 2;
        else if (t[i] == '"') len = 1;
        else if (((curly || low9) && t.compare(i, 3, "\xE2\x80\x9D") == 0) || (low9 && t.compare(i, 3, "\xE2\x80\x9C") == 0))
            len = 3;  // ”, or “ closing a low-9 quote
        if (!len) continue;
        std::size_t e = i + len;
        if (e < t.size() && t[e] == ':') return npos;
        // "“Je voudrais ...” - Carnet de route ...": a dash goes on to a subtitle
        if (std::string_view rest = t.substr(e); rest.compare(0, 3, " - ") == 0 ||
                                                 rest.compare(0, 5, " \xE2\x80\x93 ") == 0 ||
                                                 rest.compare(0, 5, " \xE2\x80\x94 ") == 0)
            return npos;
        std::size_t k = e;
        while (k < t.size() && (t[k] == ' ' || t[k] == ',' || t[k] == '.')) ++k;
        return k < t.size() && k > e ? e : npos;
    }
    return npos;
}

// Where a chapter's "In" / "in" opens the book inside a run-on title: after
// ". ", ", ", a closing quote or "?", and before a capitalised word; npos if none.
std::size_t in_marker(std::string_view t) {
    for (std::size_t k = t.find("n "); k != npos; k = t.find("n ", k + 1)) {
        if (k < 3 || (t[k - 1] != 'I' && t[k - 1] != 'i') || t[k - 2] != ' ') continue;
        std::size_t b = k - 2;  // the space before "In"
        char p = t[b - 1];
        bool opened = p == '.' || p == ',' || p == '?' || p == '"' || p == '\'' || p == ':' ||
                      (b >= 3 && static_cast<unsigned char>(t[b - 1]) >= 0x80);  // ” ’
        if (!opened) continue;
        if (t[k - 1] == 'i' && p != ',' && p != '.' && p != '"' && static_cast<unsigned char>(p) < 0x80) continue;
        std::size_t nx = k + 2;
        if (nx < t.size() && t[nx] == ':') nx = t.find_first_not_of(' ', nx + 1);
        if (nx == npos || nx >= t.size()) continue;
        unsigned char c = static_cast<unsigned char>(t[nx]);
        if (upper(static_cast<char>(c)) || digit(static_cast<char>(c)) || c >= 0x80) return k - 1;
    }
    return npos;
}


// With no container tagged: a journal the tagger read as a publisher
// ("Cancers. 2010, 2, 1629-1641", "JAMA, 2016. 315(4): p. 388-406"): a
// publisher's field after the title that a volume or page range follows
// (a date between them aside), where a book's imprint ends the reference
// or runs on to its place.
const ReferenceField* journal_as_publisher(const std::vector<ReferenceField>& fields, const ReferenceField* title) {
    if (!title) return nullptr;
    for (std::size_t k = 0; k < fields.size(); ++k) {
        if (fields[k].label != "publisher" || fields[k].begin < title->end) continue;
        std::size_t j = k + 1;
        while (j < fields.size() && fields[j].label == "date") ++j;
        if (j < fields.size() && (fields[j].label == "volume" || fields[j].label == "pages")) return &fields[k];
        return nullptr;
    }
    return nullptr;
}

}  // namespace

namespace detail {

// An issue's date, volume or edition the tagger ran into the container's end
// ("Vox September(17)", "Meteoritics & Planetary Science, v.37",
// "Encyclopedia of Language & Linguistics (2nd edn)"): dropped, word by word
// from the end; the container's own words stay (one is always kept).
std::string drop_trailing_issue(std::string_view c) {
    static constexpr std::string_view kMonths[] = {
        "jan", "january", "feb", "february", "mar", "march", "apr", "april", "may", "jun", "june", "jul", "july",
        "aug", "august", "sep", "sept", "september", "oct", "october", "nov", "november", "dec", "december"};
    static constexpr std::string_view kVolume[] = {"v", "vol", "volume", "no", "nr", "iss", "issue"};
    static constexpr std::string_view kEdition[] = {"ed", "edn", "edition", "aufl", "auflage"};
    auto in = [](std::string_view w, const auto& set) {
        for (std::string_view m : set)
            if (w == m) return true;
        return false;
    };
    auto number = [](std::string_view w) {
        if (w.empty()) return false;
        for (char ch : w)
            if (!digit(ch) && ch != '-' && ch != '/') return false;
        return true;
    };
    auto ordinal = [&](std::string_view w) {  // "2nd", "3rd", "2"
        std::size_t k = 0;
        while (k < w.size() && digit(w[k])) ++k;
        std::string_view rest = w.substr(k);
        return k > 0 && (rest.empty() || rest == "st" || rest == "nd" || rest == "rd" || rest == "th");
    };
    // "XLIII", "IV": a volume in Roman numerals (two letters at least: a
    // series letter, "Physical Review D", is the container's own; alone, it
    // is one after a comma, "Review, LXV": "ASPLOS IV" is a name)
    auto roman = [](std::string_view w) {
        if (w.size() < 2) return false;
        for (char ch : w)
            if (std::string_view("IVXLCDM").find(ch) == npos) return false;
        return true;
    };
    // the words of a part or supplement: "Part II", "Suppl 1", "Heft 2", "Band 3"
    static constexpr std::string_view kPart[] = {"part", "pt", "suppl", "supplement", "heft", "h", "band", "bd"};
    // alone at the end ("Suppl" alone is a MEDLINE journal's own: "Acta Orthop Scand Suppl")
    static constexpr std::string_view kAlone[] = {"supplement", "special", "heft"};
    const auto words = text::detail::space_words(c);
    std::vector<std::string> low, bare;
    low.reserve(words.size());
    bare.reserve(words.size());
    for (auto w : words) {
        bare.push_back(trim(w, " .,;:()[]"));
        low.push_back(lower_ascii(bare.back()));
    }
    std::size_t e = words.size();
    // "Computer, Special Issue on Fault-Tolerant Systems": an issue's own
    // title after the journal's
    for (std::size_t k = 1; k + 1 < e; ++k)
        if (low[k] == "special" && (low[k + 1] == "issue" || low[k + 1] == "section")) {
            e = k;
            break;
        }
    // "Proceedings of CHI 90 (Seattle": a parenthesis the tagger cut off
    // inside (the place or date of a meeting) is no part of the name
    for (std::size_t k = e; k-- > 1;) {
        if (words[k].find(')') != npos) break;
        if (words[k][0] == '(') {
            e = k;
            break;
        }
    }
    while (e > 1) {
        const std::string& w = low[e - 1];
        const std::string prev = e >= 2 ? low[e - 2] : std::string();
        const std::size_t paren = w.find('(');
        auto after = [&](std::string_view head) {  // "v.37", "h.2", "19.jg"
            return w.size() > head.size() && w.compare(0, head.size(), head) == 0 && number(w.substr(head.size()));
        };
        // One word: "... Review, June", "May(26)", "v.37", "Review, LXV", "H.2", "19.Jg", "Supplement".
        const bool one = in(w, kMonths) ||
                         (paren != npos && in(w.substr(0, paren), kMonths) && number(w.substr(paren + 1))) ||
                         after("v.") || after("h.") || in(w, kAlone) ||
                         (roman(bare[e - 1]) && e >= 2 && words[e - 2].back() == ',') ||
                         (w.size() > 3 && w.compare(w.size() - 3, 3, ".jg") == 0 && number(w.substr(0, w.size() - 3)));
        // Two words: "Vox September(17)", "v. 37", "no. 7", "(2nd edn)", "2. Aufl.", "Part II", "22. Jg.".
        const bool two = (number(w) && (in(prev, kMonths) || in(prev, kVolume))) || (in(w, kEdition) && ordinal(prev)) ||
                         (in(prev, kPart) && (number(w) || roman(bare[e - 1]))) || (w == "jg" && number(prev));
        const std::size_t drop = two ? 2 : one ? 1 : 0;
        if (!drop || drop >= e) break;
        e -= drop;
    }
    return e == words.size() ? std::string(c) : text::detail::join_words(words, 0, e);
}


// A book's translator, volume count, edition or reprint the tagger ran into
// its title's end ("Mein Kampf. Trans. James Vincent Murphy", "Sense and
// Sensibility. 2 vols", "Selected Writings. Volume 1, 1913-1926", "The
// Iliad, 4th"): cut where such a note opens after a period or comma; the
// title's first two words always stay.
std::string drop_title_notes(std::string_view t) {
    static constexpr std::string_view kTrans[] = {"trans",      "tr",      "transl",    "translated",      "reprint",
                                                  "reprinted",  "traduit", "ubersetzt", "\u00DCbersetzt", "\u00FCbersetzt",
                                                  "traduction"};
    static constexpr std::string_view kVolume[] = {"vol", "vols", "volume", "volumes"};
    static constexpr std::string_view kEdition[] = {"ed", "edn", "edition"};
    auto in = [](std::string_view w, const auto& set) {
        for (std::string_view m : set)
            if (w == m) return true;
        return false;
    };
    auto count = [](std::string_view w) {  // "2", "4th", "XXIII"
        std::size_t k = 0;
        while (k < w.size() && digit(w[k])) ++k;
        std::string_view rest = w.substr(k);
        if (k > 0) return rest.empty() || rest == "st" || rest == "nd" || rest == "rd" || rest == "th";
        if (w.empty()) return false;
        for (char ch : w)
            if (std::string_view("IVXLCDM").find(ch) == npos) return false;
        return true;
    };
    // "Towards Optimal Rhythm (Unpublished doctoral dissertation)", "(Report)",
    // "(translated by ...)", "(1 éd.)": a trailing parenthesis that names the
    // kind of work, its translator or edition ("(abstract)" is the title's)
    {
        std::string s = trim(t, " .,;:");
        std::size_t open = s.rfind(" (");
        if (!s.empty() && s.back() == ')' && open != npos && open > 0) {
            const std::string in_paren = lower_ascii(std::string_view(s).substr(open + 2));
            static constexpr std::string_view kKind[] = {"dissertation", "thesis", "translated", "report", "edition", "brief"};
            static constexpr std::string_view kAbbrev[] = {"trans", "tr", "ed", "\u00E9d", "edn"};  // whole words
            bool kind = false;
            for (std::string_view k : kKind) kind = kind || in_paren.find(k) != npos;
            for (auto w : text::detail::space_words(in_paren)) kind = kind || in(trim(w, " .,;:()[]"), kAbbrev);
            if (kind) return drop_title_notes(std::string_view(s).substr(0, open));
        }
    }
    const auto words = text::detail::space_words(t);
    std::vector<std::string> low, bare;
    for (auto w : words) {
        bare.push_back(trim(w, " .,;:()[]"));
        low.push_back(lower_ascii(bare.back()));
    }
    for (std::size_t k = 2; k < words.size(); ++k) {
        const char before = words[k - 1].back();
        if (before != '.' && before != ',') continue;
        const bool last = k + 1 == words.size();
        const std::string next = last ? std::string() : low[k + 1];
        const bool note = in(low[k], kTrans) ||
                          (in(low[k], kVolume) && !last && count(bare[k + 1])) ||
                          (count(bare[k]) && digit(bare[k][0]) && (last || in(next, kVolume) || in(next, kEdition)));
        if (note) return text::detail::join_words(words, 0, k);
    }
    return std::string(t);
}

}  // namespace detail

bool split_reference(std::string_view text, Work& w, const RefsTagger& tagger) {
    const Work given = w;  // what the caller set (provenance, section), for the fallback below
    std::string s = text.find("</") != std::string_view::npos ? detail::squeeze_spaces(text::strip_tags(text))
                                                               : detail::squeeze_spaces(text);
    if (std::size_t m = detail::reference_list_marker(s)) s = detail::squeeze_spaces(std::string_view(s).substr(m));
    {
        std::string ids = s;
        detail::take_reference_identifiers(ids, w);
    }
    auto fields = tagger.tag(s);
    auto first = [&](std::string_view label) -> const ReferenceField* {
        for (const auto& f : fields)
            if (f.label == label) return &f;
        return nullptr;
    };

    if (const auto* a = first("author")) {
        std::string block = no_parens(author_block(a->text));
        block = strip_words(block, {}, {"ed", "eds", "editor", "editors", "hrsg", "hg"});
        block = author_block(block);
        for (std::size_t k; (k = block.find("... ")) != npos;) block.erase(k, 4);  // APA's elided names
        if (has_letter(block)) {
            AuthorList list = parse_author_list(block);
            w.authors = std::move(list.authors);
            w.authors_truncated = list.truncated;
        }
    }
    if (const auto* e = first("editor")) {
        std::string ed = strip_words(no_parens(e->text), {"in", "edited", "ed", "eds", "by", "hrsg", "hg", "von"},
                                     {"ed", "eds", "editor", "editors", "hrsg", "hg"});
        ed = trim(ed, " .,;:");
        if (has_letter(ed)) w.extra["editors"] = ed;
    }
    std::string title;
    std::string container_text;
    if (const auto* c = first("container")) container_text = c->text;
    if (const auto* t = first("title")) {
        std::string_view tt = t->text;
        // "“Ian McEwan: The Child in Us All.” Contemporary Novelists: ...": a
        // quoted title ends at its closing quote even when the tagger ran on
        // (not at one before a colon: "“Behind the Store”: Montreal ...”")
        if (std::size_t close = quoted_title_end(tt); close != npos) {
            std::string_view rest = tt.substr(close);
            while (!rest.empty() && (rest[0] == ' ' || rest[0] == ',' || rest[0] == '.')) rest.remove_prefix(1);
            if (container_text.empty() && !rest.empty()) container_text = std::string(rest);
            tt = tt.substr(0, close);
        }
        if (container_text.empty()) {
            // A chapter's "In" after a sentence end, a comma or a closing quote
            // ("“The Regional Motive.” In A Continuous Harmony", "The Europeans,
            // in Novels") opens the container even when the tagger ran on.
            std::size_t cut = in_marker(tt);
            if (cut != npos) {
                container_text = std::string(tt.substr(cut));
                tt = tt.substr(0, cut);
            }
        }
        title = detail::clean_tagged_title(detail::drop_title_notes(tt));
        // "In P. Sanders (Ed.) The Tribes of ...": a second title after the
        // editors is the book the chapter is in.
        if (container_text.empty()) {
            bool apart = false;
            for (const auto& f : fields) {
                if (&f == t) continue;
                if (f.begin < t->end) continue;
                if (f.label == "title" && apart) {
                    container_text = f.text;
                    break;
                }
                apart = apart || f.label != "title";
            }
        }
    }
    const ReferenceField* journal = container_text.empty() ? journal_as_publisher(fields, first("title")) : nullptr;
    if (journal) container_text = journal->text;
    if (!container_text.empty()) {
        std::string v = strip_words(container_text, {"in"}, {});
        v = trim(detail::drop_trailing_issue(v), " .,;:(");
        // "Proceedings of ... Retrieval. ACM", "Digital Libraries. LNCS": a
        // publisher or series acronym after a sentence end is not the container
        std::size_t dot = v.rfind(". ");
        if (dot != npos && dot >= 4) {
            std::string_view last = std::string_view(v).substr(dot + 2);
            bool caps = last.size() >= 2 && last.find(' ') == npos;
            for (char ch : last) caps = caps && upper(ch);
            bool word = true;  // the word before the period is whole, not "Proc"
            for (std::size_t k = dot - 4; k < dot; ++k) word = word && lower(v[k]);
            if (caps && word) v.erase(dot);
        }
        if (!v.empty() && v.size() < 300) w.venue = v;
    }
    int year = 0;
    for (const auto& f : fields)
        if (f.label == "date" && (year = find_year(f.text))) break;
    if (!year) {
        // a year the tagger put elsewhere, outside the title and container
        for (const auto& f : fields)
            if (f.label != "title" && f.label != "container" && f.label != "pages" && (year = find_year(f.text))) break;
    }
    if (!year) {
        // no date the tagger saw ("... Cations, 1976, New York" read as the
        // title's): the rules' year, which weighs where a year stands
        Work r;
        split_reference_rules(text, r);
        year = r.year.value_or(0);
    }
    if (year) {
        w.year = year;
        w.date = std::to_string(year);
    }
    // Vancouver's "2019;75(4):801-20" is one token: year; volume (issue): pages
    for (const auto& f : fields) {
        if (f.label == "title" || f.label == "container") continue;
        std::size_t semi = f.text.find(';');
        if (semi < 4 || semi == npos || !find_year(std::string_view(f.text).substr(semi - 4, 4))) continue;
        std::string_view rest = std::string_view(f.text).substr(semi + 1);
        std::size_t colon = rest.find(':');
        if (colon == npos || rest.empty() || !digit(rest[0])) continue;
        std::string volume, issue;
        read_volume(rest.substr(0, colon), volume, issue);
        std::string pages = read_pages(rest.substr(colon + 1));
        if (!volume.empty()) w.extra["volume"] = volume;
        if (!issue.empty()) w.extra["issue"] = issue;
        if (!pages.empty()) w.extra["pages"] = pages;
        break;
    }
    if (w.extra.count("volume")) {
    } else if (const auto* v = first("volume")) {
        std::string volume, issue;
        read_volume(v->text, volume, issue);
        if (!volume.empty()) w.extra["volume"] = volume;
        if (!issue.empty()) w.extra["issue"] = issue;
    }
    if (w.extra.count("pages")) {
    } else if (const auto* p = first("pages")) {
        std::string pages = read_pages(p->text);
        if (!pages.empty()) w.extra["pages"] = pages;
    }
    if (const auto* p = first("publisher"); p && p != journal) {
        std::string pub = trim(p->text, " .,;:()");
        if (!pub.empty()) w.extra["publisher"] = pub;
    }
    if (const auto* l = first("location")) {
        std::string loc = trim(l->text, " .,;:()");
        if (!loc.empty()) w.extra["location"] = loc;
    }
    if (const auto* e = first("edition")) w.extra["edition"] = trim(e->text, " .,;:()");
    if (const auto* g = first("genre")) w.extra["genre"] = trim(g->text, " .,;:()[]");
    if (const auto* c = first("collection")) w.extra["series"] = trim(c->text, " .,;:()");

    if (title.empty()) {
        // a citation without a title ("Nano Lett. 2010, 10, 1012") is split
        // when its names and journal were found
        if (!w.authors.empty() && !w.venue.empty()) return true;
        // The tagger found no title: an edited volume read as one editor
        // field ("Tester, Keith, ed. The Flâneur. London: ...") and the like.
        // The rules' cut is taken instead when they split it.
        Work r = given;
        if (split_reference_rules(text, r)) {
            w = std::move(r);
            return true;
        }
        w.title = s;
        return false;
    }
    w.title = title;
    if (w.authors.empty() && !w.year && w.venue.empty()) {
        // No names, date or container: split all the same when the tagger
        // found other fields beside the title (an edited volume's editors,
        // an imprint, pages, a URL: "CIA World Factbook. Available at
        // https://..."); text it read as one title is kept whole.
        bool other = !w.ids.empty();
        for (const auto& f : fields)
            other = other || (f.label != "title" && f.label != "other" && has_letter_or_digit(f.text));
        if (!other) {
            w.title = s;
            return false;
        }
    }
    return true;
}

// The default splitter is the tagger, which reads the rules' cut as one of
// its features: under 5-fold cross-validation on AnyStyle's core.xml it is
// ahead of the rules alone on title, surnames and container and level on the
// year (bench/refs_quality.py), at about a fifth of their speed.
bool split_reference(std::string_view text, Work& w) { return split_reference(text, w, RefsTagger::shipped()); }

Work parse_reference(std::string_view text) {
    Work w;
    w.source_format = "refs";
    split_reference(text, w);
    return w;
}

}  // namespace scholarmerge
