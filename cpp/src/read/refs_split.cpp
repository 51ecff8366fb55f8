// A rule-based reference splitter. The styles (APA, Harvard, IEEE, ACM,
// Chicago, MLA, Vancouver, Nature, LNCS) share one order: authors, then
// (maybe) the year, the title, the container, and a tail of volume, issue,
// pages, publisher and year. The splitter finds the boundaries between these
// parts from punctuation and the shape of the words around it, never from a
// list of known titles or venues:
//   1. identifiers (DOI, arXiv, URL) are taken out first, as their dots and
//      slashes would read as boundaries;
//   2. the author block ends at a quote, a year, a colon, or a period after a
//      whole word (a period after an initial continues the names unless the
//      next words read as a sentence);
//   3. the title is quoted, or runs to the next sentence end;
//   4. the container runs to the first volume / pages / year marker or a
//      sentence end that is not an abbreviation ("Proc. Natl. Acad. Sci.").
#include <utf8proc.h>

#include <algorithm>
#include <cstring>
#include <string>
#include <vector>

#include "details/json_input.hpp"
#include "details/refs_rules.hpp"  // bare_doi, bare_arxiv: ids as every reader gives them
#include "scholarmerge/names/parse.hpp"
#include "read/refs.hpp"
#include "text/ascii.hpp"
#include "text/markup.hpp"

namespace scholarmerge {

namespace {

using ascii::is_alpha;
using ascii::is_digit;
using ascii::is_lower;
using ascii::is_space;
using ascii::is_upper;

constexpr std::size_t npos = std::string::npos;

std::int32_t code_at(std::string_view s, std::size_t i, std::size_t* len = nullptr) {
    utf8proc_int32_t cp = -1;
    auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(s.data()) + i,
                              static_cast<utf8proc_ssize_t>(s.size() - i), &cp);
    if (len) *len = n > 0 ? static_cast<std::size_t>(n) : 1;
    return n > 0 ? cp : -1;
}

bool upper_at(std::string_view s, std::size_t i) {
    if (i >= s.size()) return false;
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) return is_upper(c);
    auto cat = utf8proc_category(code_at(s, i));
    return cat == UTF8PROC_CATEGORY_LU || cat == UTF8PROC_CATEGORY_LT;
}

bool lower_at(std::string_view s, std::size_t i) {
    if (i >= s.size()) return false;
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) return is_lower(c);
    return utf8proc_category(code_at(s, i)) == UTF8PROC_CATEGORY_LL;
}

// Opening / closing quotes: ASCII ", “ ” „ « » and ‘ ’ (the single ones only
// where they are not an apostrophe inside a word).
std::size_t open_quote(std::string_view s, std::size_t i) {
    if (s[i] == '"') return 1;
    if (s.compare(i, 2, "``") == 0) return 2;
    if (s.compare(i, 3, "\xE2\x80\x9C") == 0 || s.compare(i, 3, "\xE2\x80\x9E") == 0) return 3;  // “ „
    if (s.compare(i, 2, "\xC2\xAB") == 0) return 2;                                                 // «
    if (s.compare(i, 3, "\xE2\x80\x98") == 0 && (i == 0 || s[i - 1] == ' ' || s[i - 1] == '('))  // ‘
        return 3;
    return 0;
}

std::size_t find_close_quote(std::string_view s, std::size_t from, std::size_t open_len, std::string_view open) {
    for (std::size_t i = from; i < s.size(); ++i) {
        if (open == "``") {
            if (s.compare(i, 2, "''") == 0 || s[i] == '"') return i;
        } else if (open == "\"") {
            if (s[i] == '"') return i;
        } else if (open == "\xE2\x80\x98") {
            if (s.compare(i, 3, "\xE2\x80\x99") == 0 &&
                (i + 3 >= s.size() || !is_alpha(static_cast<unsigned char>(s[i + 3]))))
                return i;
        } else if (open == "\xC2\xAB") {
            if (s.compare(i, 2, "\xC2\xBB") == 0) return i;
        } else if (s.compare(i, 3, "\xE2\x80\x9D") == 0 || s.compare(i, 3, "\xE2\x80\x9C") == 0 || s[i] == '"') {
            return i;
        }
    }
    (void)open_len;
    return npos;
}

std::size_t close_len(std::string_view s, std::size_t i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c == '\'') return 2;
    return c == '"' ? 1 : c == 0xC2 ? 2 : 3;
}

bool word_byte(unsigned char c) {
    return is_alpha(c) || is_digit(c) || c == '-' || c == '\'' || c >= 0x80;
}

// The word ending just before position `end` (exclusive).
std::string_view word_before(std::string_view s, std::size_t end) {
    std::size_t b = end;
    while (b > 0 && word_byte(static_cast<unsigned char>(s[b - 1]))) --b;
    return s.substr(b, end - b);
}

// The word starting at `i` (after skipping spaces); `next` gets the index after it.
std::string_view word_at(std::string_view s, std::size_t i, std::size_t* next = nullptr) {
    while (i < s.size() && s[i] == ' ') ++i;
    std::size_t e = i;
    while (e < s.size() && word_byte(static_cast<unsigned char>(s[e]))) {
        if (s[e] >= 0 || open_quote(s, e) == 0) {
            // "’" / "”" inside a run of bytes >= 0x80 ends a word too
            if (s.compare(e, 3, "\xE2\x80\x9D") == 0 || s.compare(e, 3, "\xE2\x80\x99") == 0 ||
                s.compare(e, 3, "\xE2\x80\x9C") == 0)
                break;
            ++e;
        } else {
            break;
        }
    }
    if (next) *next = e;
    return s.substr(i, e - i);
}

bool all_upper_letters(std::string_view w) {
    if (w.empty()) return false;
    for (std::size_t i = 0; i < w.size();) {
        std::size_t len = 1;
        if (static_cast<unsigned char>(w[i]) >= 0x80) {
            code_at(w, i, &len);
            if (!upper_at(w, i)) return false;
        } else if (!is_upper(static_cast<unsigned char>(w[i])) && w[i] != '-') {
            return false;
        }
        i += len;
    }
    return true;
}

std::size_t letters(std::string_view w) {
    std::size_t n = 0;
    for (unsigned char c : w)
        if ((c & 0xC0) != 0x80) ++n;
    return n;
}

// "J", "JJ", "Ch", "Th": what a given name is cut to before a period.
bool initial_like(std::string_view w) {
    if (!w.empty() && w[0] == '-') w.remove_prefix(1);  // "J.-P."
    if (w.empty() || !upper_at(w, 0)) return false;
    std::size_t n = letters(w);
    if (all_upper_letters(w)) return n <= 3;
    return w == "Ch" || w == "Th" || w == "Wm" || w == "Jr" || w == "Sr" || w == "Chr" || w == "St";
}

bool particle(std::string_view w) {
    static constexpr std::string_view list[] = {"van", "von", "de", "der", "den", "del", "della", "da", "di",
                                                "dos", "das", "du", "la", "le", "ten", "ter", "bin", "al", "y", "auf", "zu", "st"};
    for (auto p : list)
        if (w == p) return true;
    return false;
}

bool connective(std::string_view w) {
    return w == "and" || w == "And" || w == "&" || w == "et" || w == "und" || w == "y";
}

bool year_word(std::string_view w) {
    if (w.size() < 4 || w.size() > 5) return false;
    for (std::size_t i = 0; i < 4; ++i)
        if (!is_digit(static_cast<unsigned char>(w[i]))) return false;
    if (w.size() == 5 && !is_lower(static_cast<unsigned char>(w[4]))) return false;
    int y = (w[0] - '0') * 1000 + (w[1] - '0') * 100 + (w[2] - '0') * 10 + (w[3] - '0');
    return y >= 1500 && y <= 2099;
}

int year_value(std::string_view w) {
    return (w[0] - '0') * 1000 + (w[1] - '0') * 100 + (w[2] - '0') * 10 + (w[3] - '0');
}

bool month_word(std::string_view w);
std::size_t count_if_words(std::string_view p);
bool lettered_volume(std::string_view s, std::size_t i);

// "(2011)", "(2011a)", "(2011, May)", "(July 1978)", "(December 3, 1998)":
// the year; -1 for "(n.d.)" / "(in press)"; 0 when no year opens here.
int paren_year(std::string_view s, std::size_t i) {
    if (i >= s.size() || s[i] != '(') return 0;
    std::size_t n;
    std::string_view w = word_at(s, i + 1, &n);
    if (year_word(w)) return year_value(w);
    if (month_word(w)) {
        for (int k = 0; k < 3 && n < s.size() && s[n] != ')'; ++k) {
            while (n < s.size() && (s[n] == ' ' || s[n] == ',' || s[n] == '.')) ++n;
            std::string_view x = word_at(s, n, &n);
            if (year_word(x)) return year_value(x);
            if (x.empty()) break;
        }
        return 0;
    }
    return s.compare(i, 5, "(n.d.") == 0 || s.compare(i, 9, "(in press") == 0 || s.compare(i, 6, "(n.d)") == 0 ? -1 : 0;
}

bool starts_year_paren(std::string_view s, std::size_t i) { return paren_year(s, i) != 0; }

bool editor_marker(std::string_view s, std::size_t i, std::size_t* len) {
    static constexpr std::string_view marks[] = {"(Eds.)", "(eds.)", "(Ed.)",  "(ed.)",  "(Eds)", "(eds)",
                                                 "(Ed)",   "(ed)",   "(Hrsg.)", "(Hg.)", "(dir.)", "(Dir.)",
                                                 "(éd.)",  "(éds.)", "(coord.)", "(ed. )",
                                                 "(Editors)", "(editors)", "(Editor)", "(editor)"};
    for (auto m : marks)
        if (s.compare(i, m.size(), m) == 0) {
            *len = m.size();
            return true;
        }
    return false;
}

// Words cut short in journal titles: a period after them is no sentence end.
bool abbreviation(std::string_view w) {
    if (w.empty()) return false;
    if (letters(w) <= 1) return true;
    if (all_upper_letters(w)) return false;  // "ACM", "IEEE", "ICML": whole names
    if (!upper_at(w, 0)) {
        static constexpr std::string_view lower[] = {"vs", "e.g", "i.e", "cf", "ca", "no", "vol", "pp", "al", "eds",
                                                     "ed", "trans", "etc"};
        for (auto x : lower)
            if (w == x) return true;
        return false;
    }
    if (letters(w) <= 5) return true;
    static constexpr std::string_view longer[] = {"Comput", "Psychol", "Neurosci", "Intell", "Physiol", "Pharmacol",
                                                  "Environ", "Technol", "Biochem", "Microbiol", "Ecol", "Engin",
                                                  "Internat", "Econom", "Philos", "Mathem", "Geophys", "Assoc",
                                                  "Neurol", "Surg", "Pediatr", "Educ", "Manag", "Commun", "Syst",
                                                  "Inform", "Struct", "Sociol", "Anthropol", "Quart", "Oncol"};
    for (auto x : longer)
        if (w == x) return true;
    return false;
}

std::string trim_copy(std::string_view s, std::string_view strip = " .,;:") {
    std::size_t b = 0, e = s.size();
    while (b < e && strip.find(s[b]) != std::string_view::npos) ++b;
    while (e > b && strip.find(s[e - 1]) != std::string_view::npos) --e;
    return std::string(s.substr(b, e - b));
}

// Trailing/leading quote marks and punctuation of a title.
std::string clean_title(std::string_view t) {
    std::string s = trim_copy(t, " .,;:");
    auto strip_end = [&](std::string_view q) {
        if (s.size() >= q.size() && s.compare(s.size() - q.size(), q.size(), q) == 0) {
            s.erase(s.size() - q.size());
            return true;
        }
        return false;
    };
    auto strip_begin = [&](std::string_view q) {
        if (s.compare(0, q.size(), q) == 0) {
            s.erase(0, q.size());
            return true;
        }
        return false;
    };
    for (int k = 0; k < 3; ++k) {
        bool any = strip_end("\xE2\x80\x9D") || strip_end("\"") || strip_end("\xE2\x80\x99") || strip_end("\xC2\xBB");
        any |= strip_begin("\xE2\x80\x9C") || strip_begin("\"") || strip_begin("\xE2\x80\x98") || strip_begin("\xC2\xAB");
        s = trim_copy(s, " .,;:");
        if (!any) break;
    }
    return s;
}

// " (2nd ed.)", " [DVD]", " (abstract)", " (New York: Norton, 1995)" after a title.
void trim_title(std::string& t) {
    for (int k = 0; k < 2 && !t.empty(); ++k) {
        char last = t.back();
        if (last != ')' && last != ']') break;
        std::size_t open = t.rfind(last == ')' ? " (" : " [");
        if (open == npos || open == 0) break;
        std::string_view in = std::string_view(t).substr(open + 2, t.size() - open - 3);
        bool edition = in.find("ed.") != npos || in.find("edn") != npos || in.find("edition") != npos;
        bool bracket = last == ']';
        bool imprint = in.find(": ") != npos;
        bool note = in == "abstract" || in == "Abstract" || in == "in press" || in == "forthcoming" ||
                    in.find("translated") != npos || in.find("trans.") != npos;
        if (!(edition || bracket || imprint || note)) break;
        t.erase(open);
    }
}

// Where an unquoted title that runs on past a comma ends: at ", " before a
// piece that opens a container, a thesis, a publisher or a date
// ("..., Proceedings of ...", "..., IEEE Transactions ...", "..., 1997.",
// "..., Oxford University Press").
std::size_t title_comma_end(std::string_view v, std::size_t from, std::size_t end) {
    static constexpr std::string_view openers[] = {
        "Proc.", "Proc ", "Proceedings", "In ", "in ", "IEEE ", "ACM ", "Journal", "J. ", "Trans.", "Transactions",
        "Comm.", "Communications", "Ph.D", "PhD", "Masters", "Master's", "Technical Report", "Tech. Rep", "Tech Report",
        "paper ", "page ", "pages ", "pp", "eds.", "ed.", "Eds.", "vol", "Vol", "Lecture Notes", "Bulletin", "Annals",
        "Advances in", "unpublished", "Unpublished", "thesis", "Thesis", "Dissertation", "dissertation", "Report"};
    for (std::size_t k = v.find(", ", from); k != npos && k < end; k = v.find(", ", k + 2)) {
        std::string_view rest = v.substr(k + 2);
        for (auto o : openers)
            if (rest.compare(0, o.size(), o) == 0) return k;
        std::size_t n;
        std::string_view w = word_at(rest, 0, &n);
        if (year_word(w) && (n >= rest.size() || rest[n] == '.' || rest[n] == ',' || rest[n] == ')')) return k;
        if (month_word(w)) {
            std::string_view y = word_at(rest, n);
            if (year_word(y)) return k;
        }
        std::size_t stop = rest.find_first_of(",.(");
        std::string_view piece = rest.substr(0, stop);
        if ((piece.find("Press") != npos || piece.find("Publishers") != npos || piece.find("Verlag") != npos ||
             piece.find("University") != npos) &&
            count_if_words(piece) <= 5)
            return k;
    }
    return end;
}

// ---- identifiers ------------------------------------------------------------

void blank(std::string& s, std::size_t b, std::size_t e) {
    for (std::size_t i = b; i < e; ++i) s[i] = ' ';
}

std::size_t token_end(const std::string& s, std::size_t i) {
    while (i < s.size() && s[i] != ' ') ++i;
    return i;
}

std::string strip_id_tail(std::string_view id) { return trim_copy(id, ".,;)]>"); }

// Takes DOIs, arXiv ids and URLs out of `s` (blanked), with the label words
// in front of them ("doi:", "Retrieved from", "Available at").
void take_identifiers(std::string& s, Work& w) {
    // One pass over space-separated tokens (linear in the text).
    for (std::size_t i = 0, e = 0; i < s.size(); i = std::max(i + 1, e)) {
        if (s[i] == ' ') {
            e = i + 1;
            continue;
        }
        if (i > 0 && s[i - 1] != ' ') {
            e = token_end(s, i);
            continue;
        }
        while (i < s.size() && (s[i] == '(' || s[i] == '<' || s[i] == '[')) ++i;
        e = token_end(s, i);
        std::string_view tok(s.data() + i, e - i);
        auto lower_starts = [&](std::string_view p) {
            if (tok.size() < p.size()) return false;
            for (std::size_t k = 0; k < p.size(); ++k)
                if (ascii::to_lower(static_cast<unsigned char>(tok[k])) != p[k]) return false;
            return true;
        };
        std::size_t doi_at = tok.find("10.");
        bool url = lower_starts("http://") || lower_starts("https://") || lower_starts("www.");
        if (url) {
            std::string u = strip_id_tail(tok);
            std::size_t d = u.find("doi.org/");
            std::size_t a = u.find("arxiv.org/abs/");
            if (d != npos)
                w.ids.emplace("doi", detail::bare_doi(u.substr(d + 8)));
            else if (a != npos)
                w.ids.emplace("arxiv", detail::bare_arxiv(u.substr(a + 14)));
            else if (!w.links.count("url"))
                w.links.emplace("url", u);
            blank(s, i, e);
        } else if (lower_starts("doi:") || lower_starts("doi.") ||
                   (doi_at != npos && tok.size() > doi_at + 8 && tok.find('/', doi_at) != npos &&
                    is_digit(static_cast<unsigned char>(tok[doi_at + 3])) && (doi_at == 0 || tok[doi_at - 1] == ':'))) {
            std::string_view rest = tok;
            if (doi_at == npos && e + 1 < s.size()) {  // "doi: 10.1/x"
                std::size_t e2 = token_end(s, e + 1);
                rest = std::string_view(s.data() + e + 1, e2 - e - 1);
                if (rest.compare(0, 3, "10.") == 0) {
                    w.ids.emplace("doi", detail::bare_doi(strip_id_tail(rest)));
                    blank(s, i, e2);
                }
                continue;
            }
            if (doi_at != npos) {
                w.ids.emplace("doi", detail::bare_doi(strip_id_tail(tok.substr(doi_at))));
                blank(s, i, e);
            }
        } else if (lower_starts("arxiv:")) {
            std::string id = strip_id_tail(tok.substr(6));
            if (id.empty() && e + 1 < s.size()) {
                std::size_t e2 = token_end(s, e + 1);
                id = strip_id_tail(std::string_view(s.data() + e + 1, e2 - e - 1));
                e = e2;
            }
            if (!id.empty()) w.ids.emplace("arxiv", detail::bare_arxiv(id));
            blank(s, i, e);
        }
    }
    // Labels left in front of a blanked identifier.
    static constexpr std::string_view labels[] = {"Retrieved from", "Available at:", "Available from:",
                                                  "Available online:", "Available at", "URL:", "URL", "DOI",
                                                  "arXiv preprint", "[Online]", "Online:"};
    for (auto l : labels) {
        std::size_t p = 0;
        while ((p = s.find(l, p)) != npos) {
            std::size_t after = p + l.size();
            while (after < s.size() && s[after] == ' ') ++after;
            if (after >= s.size() || after - (p + l.size()) >= 2) blank(s, p, p + l.size());
            p += l.size();
        }
    }
}

std::string squeeze(std::string_view in) {
    std::string out;
    out.reserve(in.size());
    for (char c : in) {
        if (is_space(static_cast<unsigned char>(c))) {
            if (!out.empty() && out.back() != ' ') out += ' ';
        } else {
            out += c;
        }
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

// "[12] ", "12. ", "(12) ", "12) ", "- ", "* ", "• " at the start.
std::size_t list_marker(std::string_view s) {
    std::size_t i = 0;
    if (s.compare(0, 2, "- ") == 0 || s.compare(0, 2, "* ") == 0 || s.compare(0, 2, "+ ") == 0) return 2;
    if (s.compare(0, 4, "\xE2\x80\xA2 ") == 0) return 4;  // •
    bool bracket = !s.empty() && (s[0] == '[' || s[0] == '(');
    if (bracket) ++i;
    std::size_t d = i;
    while (i < s.size() && is_digit(static_cast<unsigned char>(s[i]))) ++i;
    std::size_t nd = i - d;
    if (nd == 0 || nd > 4 || i >= s.size()) return 0;
    // "13 Cartier, E." : a bare number before a capitalised name with a comma
    if (!bracket && nd <= 3 && s[i] == ' ' && i + 1 < s.size() && upper_at(s, i + 1)) {
        std::size_t n;
        word_at(s, i + 1, &n);
        if (n < s.size() && (s[n] == ',' || s[n] == ' ')) return i + 1;
    }
    if (bracket) {
        if (s[i] != ']' && s[i] != ')') return 0;
        ++i;
    } else {
        if (nd == 4 || (s[i] != '.' && s[i] != ')')) return 0;  // "1990." is a year
        ++i;
    }
    if (i < s.size() && s[i] != ' ') return 0;
    return i;
}

// ---- the parts --------------------------------------------------------------

bool sentence_like_after(std::string_view s, std::size_t i) {
    // After "E. ": do the next words continue names ("Smith, ...", "Smith and")
    // or start a sentence ("Deep learning of ...")?
    std::size_t n1 = 0;
    std::string_view a = word_at(s, i, &n1);
    if (a.empty()) return !(n1 < s.size() && (s[n1] == '&' || s[n1] == ',' || s[n1] == '('));
    if (connective(a) || particle(a)) return false;
    if (initial_like(a) && n1 < s.size() && (s[n1] == '.' || s[n1] == ',')) return false;
    if (!upper_at(a, 0)) return true;
    if (n1 >= s.size()) return false;
    char c = s[n1];
    if (c == ',' || c == ';' || c == '(' ) return false;
    if (c == ':') return !initial_like(a);  // "Sutherland, I. Sketchpad: A ...": a title's colon
    if (c == '.') return letters(a) < 2;    // "Smith." ends the names; a one-word title is rare
    std::size_t n2 = 0;
    std::string_view b = word_at(s, n1, &n2);
    if (year_word(b)) return false;
    if (connective(b)) {
        // "Smith and Jones" continues the names; "Modular and polymorphic" is a title
        std::string_view c2 = word_at(s, n2);
        return !c2.empty() && lower_at(c2, 0) && !particle(c2);
    }
    if (b.empty()) return false;
    if (particle(b)) return false;  // "U. Nunes da Rocha"
    // "J. J Koenderink": an initial without its period, then the surname
    if (initial_like(a) && all_upper_letters(a) && upper_at(b, 0)) return false;
    // "Van Gogh," / "Bruce Croft." : two capitalised words then a separator
    if (upper_at(b, 0) && n2 < s.size() && (s[n2] == ',' || s[n2] == ';' || s[n2] == '.')) return false;
    if (upper_at(b, 0)) {
        // "S. L. Peyton Jones & P. L. Wadler", "Peyton Jones and ..."
        std::size_t n3;
        std::string_view c3 = word_at(s, n2, &n3);
        if (connective(c3) || (c3.empty() && n3 < s.size() && (s[n3] == '&' || s[n3] == '['))) return false;
    }
    return true;
}

bool title_opener(std::string_view w) {
    static constexpr std::string_view list[] = {"The", "A", "An", "On", "Towards", "Toward", "Using", "How", "What",
                                                "Why", "When", "Is", "Are", "Do", "Does", "Can", "From", "In"};
    for (auto x : list)
        if (w == x) return true;
    return false;
}

// After "Names, ": is the next comma-separated piece a name, or where the
// title starts ("Negation as Failure", "VHDL: Hardware ...", "The Godel ...")?
// `given_of_first`: the piece follows "Surname," at the start, so it may be
// that person's given name ("Behrens, Rudolf: Title").
bool chunk_ends_names(std::string_view s, std::size_t from, bool given_of_first) {
    int words = 0, lowers = 0, run = 0, max_run = 0;  // run: full words of one person (between "and"s)
    bool first_opener = false, named = false, first_caps = false;
    std::size_t piece_end = npos;  // the comma that closes this piece
    std::string_view only_word;    // the piece's one full word, if it has one
    for (std::size_t i = from; i < s.size();) {
        char c = s[i];
        if (c == ',' || c == ';' || c == '[') {
            if (c == ',') piece_end = i;
            // "Mein Kampf, trans. ...", "Speeches and Writings, ed. ...": a title before its translator / editor
            if (c == ',' && words > 0 && !named) {
                std::string_view next = s.substr(std::min(s.size(), i + 2));
                for (std::string_view m : {"trans.", "tr.", "ed.", "eds.", "edited", "translated"})
                    if (next.compare(0, m.size(), m) == 0) return true;
            }
            break;
        }
        if (c == '(') {
            // "William Kentridge (Brussels: ..., 1998)", "Imagined Communities (1991)": a title and its imprint
            if (words >= 2 && !named) {
                std::size_t close = s.find(')', i);
                std::string_view in = s.substr(i, close == npos ? std::string_view::npos : close - i);
                if (in.find(": ") != npos || starts_year_paren(s, i)) return true;
                bool year_inside = false;
                for (std::size_t k = 0; k + 4 <= in.size(); ++k)
                    if (is_digit(static_cast<unsigned char>(in[k])) && year_word(word_at(in, k))) {
                        year_inside = true;
                        break;
                    }
                if (year_inside) return true;
            }
            break;
        }
        if (c == ':') {
            // "Lee, K.: Title" (LNCS), "and A. Vermeulen : Title", "Behrens, Rudolf: Title":
            // the names end at the colon; "VHDL: Hardware ...", "Black Garden: ..." are titles.
            if ((i > 0 && s[i - 1] == '.') || named || (given_of_first && words <= 2 && words > 0 && !first_caps))
                break;
            return true;
        }
        if (c == '.' && (i + 1 >= s.size() || s[i + 1] == ' ')) {
            std::string_view before = word_before(s, i);
            if (!initial_like(before) && words > 0 && !named) {
                // "Nano Lett. 2010, 10", "Phys. Rev. Lett. 83": cut words of a
                // journal that run on to the volume, no name
                std::size_t k = i + 1;
                for (int hops = 0; hops < 6; ++hops) {
                    while (k < s.size() && s[k] == ' ') ++k;
                    if (k < s.size() && (is_digit(static_cast<unsigned char>(s[k])) || lettered_volume(s, k))) {
                        if (words >= 2 || hops >= 1) return true;
                        break;
                    }
                    std::size_t n;
                    std::string_view x = word_at(s, k, &n);
                    if (x.empty() || !upper_at(x, 0) || n >= s.size()) break;
                    k = s[n] == '.' ? n + 1 : n;
                }
            }
            if (!initial_like(before) || sentence_like_after(s, i + 1)) break;
            ++i;
            continue;
        }
        if (c == ' ' || !word_byte(static_cast<unsigned char>(c))) {
            ++i;
            continue;
        }
        std::size_t n;
        std::string_view w = word_at(s, i, &n);
        if (w.empty()) {
            ++i;
            continue;
        }
        // "Kidder 2013 Building ...": the year ends the names; "JHEP 1005, 067",
        // "J Appl Phys 1987, 62": words running into a number are a journal
        if (is_digit(static_cast<unsigned char>(w[0]))) {
            if (!named && (words >= 2 || (words >= 1 && !year_word(w)))) return true;
            break;
        }
        bool initial = initial_like(w) && n < s.size() && (s[n] == '.' || s[n] == ',' || s[n] == ' ' || s[n] == ':');
        if (words == 0 && title_opener(w) && !(n < s.size() && s[n] == '.')) first_opener = true;
        if (words == 0 && !initial) first_caps = all_upper_letters(w) && letters(w) > 1;
        if (initial || connective(w)) named = true;
        if (connective(w)) run = 0;
        if (!initial && !connective(w) && !particle(w)) {
            only_word = words == 0 ? w : std::string_view{};
            ++words;
            max_run = std::max(max_run, ++run);
        }
        if (lower_at(w, 0) && !particle(w) && !connective(w) && w != "al" && w != "others") ++lowers;
        i = n;
    }
    if (max_run >= 4 || lowers >= 2 || (lowers >= 1 && words >= 2)) return true;
    // "M. C. Miller, Donors, Their Gifts, ...", "Narboux, Jean-Philippe, L'illusion, Paris":
    // one capitalised word between commas, neither the given name of an
    // inverted first author nor a surname followed by its initials ("Jourdan,
    // M.") or by "and", is no person: the title starts there.
    std::size_t lead = from;
    while (lead < s.size() && s[lead] == ' ') ++lead;
    bool and_first = lead < s.size() && s[lead] == '&';  // "& Genesee, Fred": a person
    if (words == 1 && !named && !and_first && !given_of_first && lowers == 0 && piece_end != npos && !only_word.empty() &&
        only_word != "Jr" && only_word != "Sr" && only_word != "II" && only_word != "III" && only_word != "IV" &&
        only_word != "al" && only_word != "others") {
        std::size_t n;
        std::string_view next = word_at(s, piece_end + 1, &n);
        bool initials_follow = initial_like(next) && n < s.size() && (s[n] == '.' || s[n] == ',' || s[n] == ' ');
        if (!initials_follow && !connective(next) && !next.empty() && upper_at(next, 0)) return true;
    }
    return first_opener && words >= 2;
}

// Where the author block ends (exclusive), or npos when none is found.
std::size_t author_end(std::string_view s) {
    std::size_t first_comma = npos;
    for (std::size_t i = 0; i < s.size(); ++i) {
        char c = s[i];
        if (c == '(') {
            std::size_t len;
            if (starts_year_paren(s, i) || editor_marker(s, i, &len)) return i;
            continue;
        }
        if (open_quote(s, i) && (i == 0 || s[i - 1] == ' ')) return i;
        if (c == ':' && (i + 1 >= s.size() || s[i + 1] == ' ')) return i;
        if (c == ',' && i + 1 < s.size() && s[i + 1] == ' ') {
            bool given_of_first = false;
            if (first_comma == npos) {
                first_comma = i;
                std::size_t n;
                word_at(s, 0, &n);
                given_of_first = n == i;  // one word, then this comma
            }
            if (chunk_ends_names(s, i + 2, given_of_first)) return i;
        }
        if (is_digit(static_cast<unsigned char>(c)) && (i == 0 || s[i - 1] == ' ' || s[i - 1] == ',')) {
            std::size_t e;
            std::string_view w = word_at(s, i, &e);
            if (year_word(w)) return i;
        }
        if (c == '.' && (i + 1 >= s.size() || s[i + 1] == ' ')) {
            std::string_view w = word_before(s, i);
            if (w == "al") return i + 1;
            // "U.S. National Library of Medicine.", "U.K. Department of Health.":
            // a country's abbreviation opens a corporate author, no initials
            bool country = false;
            for (std::string_view c : {"U.S.", "U.K.", "U.N.", "E.U.", "U.S.A."})
                if (i + 1 == c.size() && s.compare(0, c.size(), c) == 0) country = true;
            if (country && i + 2 < s.size() && upper_at(s, i + 2)) continue;
            if (initial_like(w) || w == "Jr" || w == "Sr") {
                if (i + 1 >= s.size()) return i + 1;
                std::size_t n;
                std::string_view next = word_at(s, i + 1, &n);
                if (year_word(next)) return i + 1;
                if (sentence_like_after(s, i + 1)) return i + 1;
                continue;
            }
            if (w.empty() && i > 0 && s[i - 1] == ')') continue;
            // APA's "Plath, L. C., ... Botros, N.": the elided names go on
            if (w.empty() && i >= 2 && s[i - 1] == '.' && s[i - 2] == '.') continue;
            return i + 1;
        }
    }
    return npos;
}

// Lower-case words that are not name particles: a block with two or more of
// them is a title, not names.
bool reads_as_names(std::string_view s) {
    int lowers = 0, words = 0;
    std::size_t i = 0;
    while (i < s.size()) {
        std::size_t n;
        std::string_view w = word_at(s, i, &n);
        if (w.empty()) {
            i = n + 1;
            continue;
        }
        ++words;
        if (lower_at(w, 0) && !particle(w) && !connective(w) && w != "al" && w != "others" && w != "with" &&
            w != "eds" && w != "ed")
            ++lowers;
        i = n;
    }
    return words > 0 && lowers < 2;
}

// End of a title that is not quoted: a sentence end ". ", "? ", "! ".
std::size_t title_end(std::string_view s, std::size_t from) {
    for (std::size_t i = from; i < s.size(); ++i) {
        char c = s[i];
        if ((c == '?' || c == '!') && (i + 1 >= s.size() || s[i + 1] == ' ')) return i + 1;
        if (c == '.' && (i + 1 >= s.size() || s[i + 1] == ' ')) {
            std::string_view w = word_before(s, i);
            if (w == "vs" || w == "e.g" || w == "i.e" || w == "St" || w == "Dr" || w == "Mr" || w == "Mrs" ||
                w == "cf" || (letters(w) == 1 && upper_at(w, 0) && i + 1 < s.size()))  // "B. F. Skinner", "U.S."
                continue;
            return i;
        }
        if (c == '(' && starts_year_paren(s, i) && i > from) return i;
    }
    return s.size();
}

bool month_word(std::string_view w);

bool digit_marker(std::string_view s, std::size_t i) {
    // A number that starts the volume / pages tail; ordinals ("23rd") are names.
    if (!is_digit(static_cast<unsigned char>(s[i]))) return false;
    if (i > 0 && s[i - 1] != ' ' && s[i - 1] != ',' && s[i - 1] != '(' && s[i - 1] != ';' && s[i - 1] != ':')
        return false;
    std::size_t e = i;
    while (e < s.size() && is_digit(static_cast<unsigned char>(s[e]))) ++e;
    if (e + 1 < s.size() && is_alpha(static_cast<unsigned char>(s[e])) && is_alpha(static_cast<unsigned char>(s[e + 1])))
        return false;
    // "the 1992 ACM Conference", "Winter 1990 USENIX": a number inside a name
    if (e + 1 < s.size() && s[e] == ' ' && upper_at(s, e + 1) && !month_word(word_at(s, e + 1))) return false;
    if (i >= 2 && s[i - 1] == ' ') {
        std::string_view prev = word_before(s, i - 1);
        if (prev == "the" || prev == "of" || prev == "on" || prev == "The") return false;
    }
    // "Systems 7. MIT Press", "SPIE 1612, Cooperative ...": a short number that
    // a name follows (not the pages) belongs to the container's name
    if (e - i <= 4 && !year_word(s.substr(i, e - i)) && e + 2 < s.size() && (s[e] == '.' || s[e] == ',') &&
        s[e + 1] == ' ' && upper_at(s, e + 2)) {
        std::string_view next = word_at(s, e + 2);
        if (!month_word(next) && next != "pp" && next != "Vol" && next != "No" && next != "Part" &&
            !initial_like(next))
            return false;
    }
    return true;
}

// "B39", "A27": a volume with a series letter.
bool lettered_volume(std::string_view s, std::size_t i) {
    if (i == 0 || s[i - 1] != ' ' || !is_upper(static_cast<unsigned char>(s[i]))) return false;
    std::size_t e = i + 1;
    while (e < s.size() && is_digit(static_cast<unsigned char>(s[e]))) ++e;
    return e > i + 1 && (e == s.size() || s[e] == ',' || s[e] == ' ' || s[e] == '(' || s[e] == ':' || s[e] == '.');
}

bool word_marker(std::string_view s, std::size_t i) {
    static constexpr std::string_view marks[] = {"vol.", "Vol.", "Vol ", "vol ", "Volume ", "volume ", "no.", "No.",
                                                 "pp.",  "pp ",  "p. ",  "pages ", "Bd.", "Nr.", "S. ", "Issue ",
                                                 "issue ", "Article ", "v. ", "n. ", "n\xC2\xB0", "ahead of print"};
    if (i > 0 && s[i - 1] != ' ' && s[i - 1] != ',' && s[i - 1] != '(') return false;
    for (auto m : marks)
        if (s.compare(i, m.size(), m) == 0) return true;
    // "p.14", "pp.801-820"
    if ((s.compare(i, 2, "p.") == 0 && i + 2 < s.size() && is_digit(static_cast<unsigned char>(s[i + 2]))) ||
        (s.compare(i, 3, "pp.") == 0))
        return true;
    return false;
}

// End of a container: the first volume / pages / year marker, or a sentence
// end that is not an abbreviation.
std::size_t container_end(std::string_view s, std::size_t from) {
    for (std::size_t i = from; i < s.size(); ++i) {
        char c = s[i];
        if (digit_marker(s, i) && i > from) return i;
        if (lettered_volume(s, i) && i > from) return i;
        if (word_marker(s, i) && i > from) return i;
        if (c == ';') return i;
        if (c == '(' && i > from) {
            std::size_t len;
            if (starts_year_paren(s, i) || editor_marker(s, i, &len) || word_marker(s, i + 1) || digit_marker(s, i + 1))
                return i;
        }
        if (c == ':' && i + 2 < s.size() && s[i + 1] == ' ' && is_digit(static_cast<unsigned char>(s[i + 2]))) return i;
        if ((c == '.' || c == '?' || c == '!') && (i + 1 >= s.size() || s[i + 1] == ' ')) {
            std::string_view w = word_before(s, i);
            if (c == '.' && abbreviation(w)) continue;
            // "J. Approx. Theory 72": a cut word before a capitalised one that
            // runs on to the volume or another cut word
            if (c == '.' && upper_at(w, 0) && !all_upper_letters(w) && letters(w) <= 8) {
                std::size_t n;
                std::string_view next = word_at(s, i + 1, &n);
                if (!next.empty() && upper_at(next, 0) && n < s.size() &&
                    (s[n] == '.' || s[n] == ',' || (s[n] == ' ' && n + 1 < s.size() && is_digit(static_cast<unsigned char>(s[n + 1])))))
                    continue;
            }
            return i;
        }
    }
    return s.size();
}

struct Tail {
    std::string volume, issue, pages;
    int year = 0;
    std::string date_text;
};

std::size_t skip_punct(std::string_view s, std::size_t i) {
    while (i < s.size() && (s[i] == ' ' || s[i] == '.' || s[i] == ',' || s[i] == ':' || s[i] == ';')) ++i;
    return i;
}

bool dash_at(std::string_view s, std::size_t i, std::size_t* len) {
    if (s[i] == '-') {
        *len = (i + 1 < s.size() && s[i + 1] == '-') ? 2 : 1;
        return true;
    }
    if (s.compare(i, 3, "\xE2\x80\x93") == 0 || s.compare(i, 3, "\xE2\x80\x94") == 0 ||
        s.compare(i, 3, "\xE2\x80\x90") == 0 || s.compare(i, 3, "\xE2\x88\x92") == 0) {
        *len = 3;
        return true;
    }
    return false;
}

std::string_view number_at(std::string_view s, std::size_t i, std::size_t* end) {
    std::size_t e = i;
    while (e < s.size() && (is_digit(static_cast<unsigned char>(s[e])) ||
                            (e > i && (is_alpha(static_cast<unsigned char>(s[e])) && e - i < 8))))
        ++e;
    *end = e;
    return s.substr(i, e - i);
}

// A page range "1477-81", "pp. 573–77", "e1234" starting at i, or empty.
std::string page_range(std::string_view s, std::size_t i, std::size_t* end) {
    std::size_t e;
    std::string_view a = number_at(s, i, &e);
    if (a.empty()) return {};
    std::size_t dl;
    if (e < s.size() && dash_at(s, e, &dl) && e + dl < s.size() && is_digit(static_cast<unsigned char>(s[e + dl]))) {
        std::size_t e2;
        std::string_view b = number_at(s, e + dl, &e2);
        *end = e2;
        return std::string(a) + "-" + std::string(b);
    }
    *end = e;
    return std::string(a);
}

// Volume, issue, pages and year in what follows the container.
void read_tail(std::string_view s, Tail& t) {
    bool pages_next = false;
    for (std::size_t i = 0; i < s.size();) {
        if (word_marker(s, i)) {
            std::size_t sp = s.find_first_of(". ", i);
            std::string_view m = s.substr(i, sp - i);
            std::size_t j = sp;
            while (j < s.size() && (s[j] == '.' || s[j] == ' ')) ++j;
            if (j < s.size() && is_digit(static_cast<unsigned char>(s[j]))) {
                std::size_t e;
                if (m == "pp" || m == "p" || m == "pages" || m == "S" || m == "Art" || m == "art" || m == "Article") {
                    std::string p = page_range(s, j, &e);
                    if (t.pages.empty()) t.pages = p;
                } else if (m == "no" || m == "No" || m == "Nr" || m == "Issue" || m == "issue") {
                    std::string_view n = number_at(s, j, &e);
                    if (t.issue.empty()) t.issue = std::string(n);
                } else {
                    std::string_view n = number_at(s, j, &e);
                    if (t.volume.empty()) t.volume = std::string(n);
                }
                i = e;
                continue;
            }
            i = j;
            continue;
        }
        if (s[i] == '(' && starts_year_paren(s, i)) {
            if (!t.year) t.year = std::max(0, paren_year(s, i));
            i = s.find(')', i);
            if (i == npos) break;
            ++i;
            continue;
        }
        if (digit_marker(s, i)) {
            std::size_t e;
            std::size_t dl;
            std::string_view n = number_at(s, i, &e);
            bool range = e < s.size() && dash_at(s, e, &dl);
            bool after_dash = false;
            if (year_word(n) && !range) {
                if (!t.year) t.year = year_value(n);
                i = e;
                continue;
            }
            (void)after_dash;
            if (range || pages_next || (!t.volume.empty() && t.pages.empty() && (i > 0 && (s[i - 1] == ' ') && i >= 2 && (s[i - 2] == ',' || s[i - 2] == ':')))) {
                std::string p = page_range(s, i, &e);
                if (t.pages.empty()) t.pages = p;
                pages_next = false;
                i = e;
                continue;
            }
            if (t.volume.empty()) {
                t.volume = std::string(n);
                if (e < s.size() && s[e] == '(') {  // 10(3)
                    std::size_t e2;
                    std::string_view iss = number_at(s, e + 1, &e2);
                    if (!iss.empty() && e2 < s.size() && s[e2] == ')') {
                        t.issue = std::string(iss);
                        e = e2 + 1;
                    }
                }
                if (e < s.size() && s[e] == ':') pages_next = true;
                i = e;
                continue;
            }
            i = e;
            continue;
        }
        ++i;
    }
}

// "Berlin: Springer" / "New York, NY: ACM Press": the place before the colon.
bool place_publisher(std::string_view s, std::string& place, std::string& publisher) {
    std::size_t c = s.find(": ");
    if (c == npos || c == 0) return false;
    std::string_view left = s.substr(0, c), right = s.substr(c + 2);
    if (!upper_at(left, 0) || right.empty() || !upper_at(right, 0)) return false;
    if (title_opener(word_at(left, 0))) return false;  // "The Age: Extra" is a title
    std::size_t words = 1;
    for (char ch : left)
        if (ch == ' ') ++words;
    if (words > 4) return false;
    std::size_t stop = right.find_first_of(",.;(");
    place = trim_copy(left);
    publisher = trim_copy(right.substr(0, stop));
    return !publisher.empty();
}

std::size_t count_if_words(std::string_view p) {
    std::size_t n = 1;
    for (char ch : p)
        if (ch == ' ') ++n;
    return n;
}

bool month_word(std::string_view w) {
    static constexpr std::string_view months[] = {
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
        "November", "December", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec"};
    for (auto m : months)
        if (w == m) return true;
    return false;
}

// A place that ends a proceedings title: a US state / country code ("OR",
// "U.S.A.") or a country name.
bool place_word(std::string_view w) {
    std::string t;
    for (char c : w)
        if (c != '.') t += c;
    if (t.size() == 2 && is_upper(static_cast<unsigned char>(t[0])) && is_upper(static_cast<unsigned char>(t[1])))
        return true;
    static constexpr std::string_view countries[] = {
        "USA", "UK", "Japan", "Canada", "Germany", "France", "Italy", "Australia", "Spain", "Switzerland",
        "The Netherlands", "Netherlands", "Holland", "China", "Austria", "Belgium", "Sweden", "Israel", "Greece",
        "Portugal", "Brazil", "India", "Korea", "Singapore", "Denmark", "Finland", "Norway", "Scotland", "England",
        "Hungary", "Poland", "Czech Republic", "Mexico", "Ireland", "New Zealand", "Taiwan", "Hong Kong", "Russia",
        "Turkey", "Egypt", "Chile", "Argentina", "South Africa", "Iceland", "Luxembourg", "Slovenia", "Croatia"};
    for (auto c : countries)
        if (w == c) return true;
    return false;
}

// Place and date that trail a proceedings title: ", Portland, OR, April 1991",
// " (Osaka, Japan)", ", to appear".
void trim_container(std::string& c, Work& w) {
    // ", edited by X" / ", translated by X": the editors (translators), not the title
    for (std::string_view by : {", edited by ", ", ed. by ", ", eds. ", ", ed. ", ", translated by ", ", trans. ",
                                " edited by ", " ed. by "}) {
        std::size_t k = c.find(by);
        if (k == npos || k == 0) continue;
        if (by.find("trans") == npos && !w.extra.count("editors"))
            w.extra["editors"] = trim_copy(std::string_view(c).substr(k + by.size()));
        c.erase(k);
    }
    // pieces split at ", "
    std::vector<std::size_t> starts{0};
    for (std::size_t i = 0; i + 1 < c.size(); ++i)
        if (c[i] == ',' && c[i + 1] == ' ') starts.push_back(i + 2);
    auto piece = [&](std::size_t j) {
        std::size_t b = starts[j];
        std::size_t e = j + 1 < starts.size() ? starts[j + 1] - 2 : c.size();
        return std::string_view(c).substr(b, e - b);
    };
    std::size_t cut = npos;
    for (std::size_t j = 1; j < starts.size() && cut == npos; ++j) {
        std::string_view p = piece(j);
        std::string_view first = word_at(p, 0);
        if (month_word(first) || place_word(p) || p.compare(0, 8, "to appear") == 0 || p.compare(0, 8, "in press") == 0 ||
            (j + 1 < starts.size() && place_word(piece(j + 1)) && count_if_words(p) <= 3 && upper_at(p, 0)))
            cut = starts[j] - 2;
    }
    if (cut != npos) c.erase(cut);
    // Trailing pieces that are no part of the title: an address or a
    // publisher ("Austin, MIT Press, Cambridge, Mass."), a series, a
    // "Special Issue", editors ("R. Graham, M. Grotschel, Eds.").
    starts.resize(1);
    for (std::size_t i = 0; i + 1 < c.size(); ++i)
        if (c[i] == ',' && c[i + 1] == ' ') starts.push_back(i + 2);
    for (std::size_t j = 1; j < starts.size(); ++j) {
        std::string_view p = std::string_view(c).substr(starts[j]);
        std::string_view first = word_at(p, 0);
        std::size_t n;
        word_at(p, 0, &n);
        bool named = initial_like(first) && n < p.size() && p[n] == '.';
        if (named || p.compare(0, 13, "Special Issue") == 0 || p.compare(0, 7, "Special") == 0 ||
            p.compare(0, 13, "Lecture Notes") == 0 || p.compare(0, 10, "Department") == 0 ||
            p.compare(0, 10, "University") == 0) {
            c.erase(starts[j] - 2);
            break;
        }
    }
    while (true) {
        std::size_t k = c.rfind(", ");
        if (k == npos) break;
        std::string_view p = std::string_view(c).substr(k + 2);
        bool publisher = p.find("Press") != npos || p.find("Verlag") != npos || p.find("Publish") != npos ||
                         p.find("Springer") != npos || p.find("Elsevier") != npos || p.find("Wiley") != npos ||
                         p.find("Inc") != npos || p.find("Ltd") != npos;
        bool place = upper_at(p, 0) && count_if_words(p) <= 2 && p.find_first_of("0123456789") == npos &&
                     k > 20 && !all_upper_letters(word_at(p, 0)) && p.find('(') == npos;
        if (!publisher && !place && !place_word(p)) break;
        c.erase(k);
    }
    // " (Osaka, Japan)" / " (Berlin, 1996)": a parenthesis holding a comma
    std::size_t open = c.find(" (");
    if (open != npos && open > 0) {
        std::size_t close = c.find(')', open);
        std::size_t comma = c.find(", ", open);
        std::size_t colon = c.find(": ", open);
        if (close == npos || (comma != npos && comma < close) || (colon != npos && colon < close)) c.erase(open);
    }
    // " January 1997" / ", to appear" left at the end
    std::size_t sp = c.rfind(' ');
    if (sp != npos && month_word(trim_copy(std::string_view(c).substr(sp + 1)))) c.erase(sp);
    for (std::string_view t : {" to appear", " in press"})
        if (c.size() > t.size() && c.compare(c.size() - t.size(), t.size(), t) == 0) c.erase(c.size() - t.size());
    c = trim_copy(c, " .,;:(");
}

void set_year(Work& w, int year) {
    if (year <= 0) return;
    w.year = year;
    w.date = std::to_string(year);
}

}  // namespace

bool split_reference_rules(std::string_view text, Work& w) {
    // markup (<i>...</i>) out; a bare "<http://...>" is no tag and stays
    std::string s = text.find("</") != std::string_view::npos ? squeeze(text::strip_tags(text)) : squeeze(text);
    if (std::size_t m = list_marker(s)) s = squeeze(std::string_view(s).substr(m));
    bool ditto = false;  // the names were the entry before's: the text starts after them
    {
        // "______." / "–––––." / "---": the same authors as the entry before
        std::size_t d = 0;
        while (d < s.size() && (s[d] == '_' || s[d] == '-' ||
                                (s.compare(d, 2, "\xE2\x80") == 0 && d + 2 < s.size() &&
                                 (s[d + 2] == '\x93' || s[d + 2] == '\x94' || s[d + 2] == '\x95'))))
            d += s[d] == '_' || s[d] == '-' ? 1 : 3;
        if (d >= 2) {
            s = squeeze(std::string_view(s).substr(std::min(s.size(), skip_punct(s, d))));
            ditto = true;
        }
    }
    const std::string whole = s;
    take_identifiers(s, w);
    s = squeeze(s);
    std::string_view v(s);

    // Authors.
    std::size_t a_end = ditto ? npos : author_end(v);
    std::string author_text;
    std::size_t pos = 0;
    if (a_end != npos && a_end > 0 && reads_as_names(v.substr(0, a_end))) {
        author_text = trim_copy(v.substr(0, a_end), " ,;:");
        // keep the period of a final initial ("K."), drop a sentence end
        if (!author_text.empty() && author_text.back() == '.' &&
            !initial_like(word_before(author_text, author_text.size() - 1)))
            author_text.pop_back();
        pos = a_end;
    }
    std::size_t len = 0;
    pos = skip_punct(v, pos);
    // "Ghost Stories. Ed. Peter Washington." / "The Arrival. Dir. David Twohy.": no
    // names came first, the block is the title and names follow the marker.
    std::string block_title;
    for (std::string_view m : {"Ed. ", "Eds. ", "Dir. ", "Trans. ", "Edited by ", "Directed by ", "Translated by "}) {
        if (!author_text.empty() && v.compare(pos, m.size(), m) == 0 && v[a_end - 1] == '.') {
            block_title = author_text;
            author_text.clear();
            std::size_t e = pos + m.size();
            while (e < v.size()) {
                std::size_t d = v.find(". ", e);
                if (d == npos) {
                    e = v.size();
                    break;
                }
                e = d + 1;
                if (!initial_like(word_before(v, d))) break;
            }
            if (m[0] == 'E') w.extra["editors"] = trim_copy(v.substr(pos + m.size(), e - pos - m.size()));
            pos = skip_punct(v, e);
            break;
        }
    }
    if (!author_text.empty() && editor_marker(v, pos, &len)) {  // an edited volume: the names are its editors
        w.extra["editors"] = author_text;
        pos = skip_punct(v, pos + len);
    }
    // A year right after the names (APA, Harvard, ACM, Chicago author-date).
    int year = 0;
    if (pos < v.size() && v[pos] == '(' && starts_year_paren(v, pos)) {
        year = std::max(0, paren_year(v, pos));
        std::size_t close = v.find(')', pos);
        pos = skip_punct(v, close == npos ? v.size() : close + 1);
    } else if (pos < v.size() && is_digit(static_cast<unsigned char>(v[pos]))) {
        std::size_t e;
        std::string_view yw = word_at(v, pos, &e);
        if (year_word(yw) && (e >= v.size() || v[e] == '.' || v[e] == ',' || v[e] == ' ' || v[e] == ':')) {
            year = year_value(yw);
            pos = skip_punct(v, e);
            if (pos < v.size() && v[pos] == '(') {  // "2011 (May)."
                std::size_t close = v.find(')', pos);
                if (close != npos && close - pos < 20) pos = skip_punct(v, close + 1);
            }
        }
    }

    // Title: quoted, or up to the sentence end.
    std::string title;
    std::size_t t_begin = pos, t_end = pos;
    std::size_t q = 0;
    std::size_t qpos = pos;
    // A quoted title a little further on ("In: “Title”" is rare; names may end before it).
    for (std::size_t k = pos; k < v.size() && k < pos + 4; ++k)
        if ((q = open_quote(v, k))) {
            qpos = k;
            break;
        }
    if (q) {
        std::size_t close = find_close_quote(v, qpos + q, q, v.substr(qpos, q));
        // "“Behind the Store”: Montreal ... Wars”", "‘Potential of the ‘Arab
        // Spring’: Some Early Observations’": a quote closed before a colon is
        // a quoted phrase inside the title when another close follows it.
        while (close != npos && close + close_len(v, close) < v.size() && v[close + close_len(v, close)] == ':') {
            std::size_t after = close + close_len(v, close);
            std::size_t next = find_close_quote(v, after, q, v.substr(qpos, q));
            if (next == npos || next - after > 200 || v[next - 1] == ' ') break;
            bool opened = false;
            for (std::size_t k = after; k < next && !opened; ++k) opened = open_quote(v, k) && v[k - 1] == ' ' && v[k] != '"';
            if (opened) break;
            close = next;
        }
        if (close != npos && close > qpos + q) {
            title = clean_title(v.substr(qpos + q, close - qpos - q));
            t_end = close + close_len(v, close);
        } else {
            q = 0;
        }
    }
    const std::size_t after_marker = pos;
    std::string abbreviated_container;
    if (!q && block_title.empty() && pos < v.size()) {
        // "S. E. Han, G. Chen, Nano Lett. 2010, 10, 1012": no title, the cut
        // words of a journal run straight on to the volume
        std::size_t ce = container_end(v, pos);
        std::string_view seg = v.substr(pos, ce - pos);
        bool cut_words = ce < v.size() && (digit_marker(v, ce) || lettered_volume(v, ce)) && seg.find('.') != npos;
        for (std::size_t k = 0; cut_words && k < seg.size();) {
            std::size_t n;
            std::string_view x = word_at(seg, k, &n);
            if (x.empty()) {
                k = n + 1;
                continue;
            }
            bool dotted = n < seg.size() && seg[n] == '.';
            if (!upper_at(x, 0) || !(dotted || letters(x) <= 5 || all_upper_letters(x))) cut_words = false;
            k = n;
        }
        if (cut_words) abbreviated_container = trim_copy(seg, " .,;:");
    }
    if (!abbreviated_container.empty()) {
        t_begin = t_end = pos;
        q = 1;
    } else if (!block_title.empty()) {
        title = clean_title(block_title);
        t_begin = 0;
        t_end = a_end;
        q = 1;
    } else if (!q && pos < v.size()) {
        t_end = title_end(v, pos);
        {
            // "Title (New York: Norton, 1995)": the imprint in parentheses ends the title
            std::size_t p = v.find(" (", pos);
            if (p != npos && p < t_end) {
                std::size_t close = v.find(')', p);
                std::size_t colon = v.find(": ", p);
                if (colon != npos && close != npos && colon < close) t_end = p;
            }
        }
        // Names (and year) closed by a comma: the style separates its parts
        // by commas, and the title ends at the first one.
        std::size_t k = pos;
        while (k > 0 && v[k - 1] == ' ') --k;
        if (k > 0 && v[k - 1] == ',') {
            std::size_t comma = v.find(", ", pos);
            if (comma != npos && comma < t_end) t_end = comma;
        }
        t_end = title_comma_end(v, pos, t_end);
        // "The authentic heart. An eightfold path to midlife love. New York: Wiley.":
        // a second sentence is the subtitle when a chapter's "In" or an imprint
        // follows it, not volume and pages.
        if (t_end < v.size() && v[t_end] == '.') {
            std::size_t nb = skip_punct(v, t_end);
            std::size_t ne = title_end(v, nb);
            if (nb < v.size() && ne > nb && ne < v.size()) {
                std::string_view seg = v.substr(nb, ne - nb);
                std::string_view after = v.substr(skip_punct(v, ne));
                std::string_view sentence = after.substr(0, after.find(". "));
                std::string pl, pu;
                bool follows_in = after.compare(0, 3, "In ") == 0 || after.compare(0, 3, "In:") == 0;
                bool imprint = place_publisher(sentence, pl, pu);
                bool plain = seg.find_first_of("0123456789:") == npos && seg.compare(0, 3, "In ") != 0 &&
                             seg.compare(0, 3, "in ") != 0 && !editor_marker(after, 0, &len);
                // a subtitle in sentence case, not "Edited by ...", "Revised edition"
                int words = 0, lowers = 0;
                for (std::size_t k = 0; k < seg.size();) {
                    std::size_t n;
                    std::string_view x = word_at(seg, k, &n);
                    if (x.empty()) {
                        k = n + 1;
                        continue;
                    }
                    ++words;
                    lowers += lower_at(x, 0);
                    k = n;
                }
                std::string_view first = word_at(seg, 0);
                static constexpr std::string_view not_subtitle[] = {
                    "Edited", "Translated", "Reprint", "Reprinted", "Revised", "Trans", "Ed", "Eds", "Proceedings",
                    "Proc", "Introduction", "With", "Translation", "Edition", "Second", "Third", "New", "Paper"};
                for (auto x : not_subtitle)
                    if (first == x) plain = false;
                if (seg.find(" edition") != npos || seg.find(" ed") != npos) plain = false;
                if (plain && words >= 2 && lowers * 2 >= words && (follows_in || imprint)) t_end = ne;
            }
        }
        title = clean_title(v.substr(pos, t_end - pos));
        trim_title(title);
    }
    pos = skip_punct(v, t_end);
    if (!block_title.empty()) pos = after_marker;
    if (pos < v.size() && v[pos] == '(' && starts_year_paren(v, pos)) {  // "Title (1994, March). Magazine"
        if (!year) year = std::max(0, paren_year(v, pos));
        std::size_t close = v.find(')', pos);
        if (close != npos) pos = skip_punct(v, close + 1);
    }

    // Container: after "In:" / "In", past editors.
    bool in_marker = false;
    if (v.compare(pos, 3, "In:") == 0 || v.compare(pos, 3, "in:") == 0 || v.compare(pos, 3, "In ") == 0 ||
        v.compare(pos, 3, "in ") == 0) {
        pos = skip_punct(v, pos + 3);
        in_marker = true;
    }
    std::string booktitle;  // a container named before its editors
    const bool in_marker_seen = in_marker;
    {
        // "J. Smith (Ed.), Container" / "Smith, J. (eds.) Container"
        std::size_t limit = std::min(v.size(), pos + 300);
        for (std::size_t k = pos; k < limit; ++k) {
            if (v[k] == '(' && editor_marker(v, k, &len)) {
                w.extra["editors"] = trim_copy(v.substr(pos, k - pos));
                pos = skip_punct(v, k + len);
                break;
            }
            bool marked = false;
            for (std::string_view m : {", editors,", ", editor,", ", eds.,", ", eds,", ", ed.,", ", Editors,", ", Eds.,",
                                       ", Ed.,", ", editors.", ", editor."}) {
                if (v.compare(k, m.size(), m) == 0) {
                    std::string ed = trim_copy(v.substr(pos, k - pos));
                    // "In Handbook of Combinatorics, R. Graham, and L. Lovasz, Eds., vol. 2":
                    // the book's title comes first and its editors after it
                    if (in_marker_seen) {
                        // the first comma piece holding an initial starts the editors
                        auto has_initial = [](std::string_view piece) {
                            for (std::size_t h = 0; h < piece.size();) {
                                std::size_t n;
                                std::string_view x = word_at(piece, h, &n);
                                if (x.empty()) {
                                    h = n + 1;
                                    continue;
                                }
                                if (initial_like(x) && n < piece.size() && piece[n] == '.') return true;
                                h = n;
                            }
                            return false;
                        };
                        std::size_t cut = npos;
                        for (std::size_t b = 0, e; b < ed.size(); b = e + 2) {
                            e = ed.find(", ", b);
                            if (e == npos) e = ed.size();
                            if (has_initial(std::string_view(ed).substr(b, e - b))) {
                                cut = b;
                                break;
                            }
                        }
                        if (cut != npos && cut >= 2) {
                            std::string head = trim_copy(std::string_view(ed).substr(0, cut - 2));
                            std::string_view names_part = std::string_view(ed).substr(cut);
                            std::size_t paren = head.rfind(" (");
                            if (paren != npos && starts_year_paren(head, paren + 1)) head.erase(paren);
                            // a title has a function word or three words ("Farkas, Donka" is a person)
                            bool titled = count_if_words(std::string_view(head).substr(0, head.find(", "))) >= 3;
                            for (std::size_t h = 0; h + 1 < head.size(); ++h)
                                if (head[h] == ' ' && lower_at(head, h + 1)) titled = true;
                            if (titled && count_if_words(head) >= 2 && reads_as_names(names_part)) {
                                booktitle = head;
                                w.extra["editors"] = std::string(names_part);
                                pos = skip_punct(v, k + m.size());
                                marked = true;
                                break;
                            }
                        }
                    }
                    if (reads_as_names(ed)) {
                        w.extra["editors"] = ed;
                        pos = skip_punct(v, k + m.size());
                    }
                    marked = true;
                    break;
                }
            }
            if (marked) break;
            if (v[k] == '.' && k + 1 < v.size() && v[k + 1] == ' ' && !initial_like(word_before(v, k)) &&
                word_before(v, k) != "al")
                break;
        }
        for (std::string_view by : {"edited by ", "ed. by ", "Edited by ", "Ed. by "}) {
            if (v.compare(pos, by.size(), by) == 0) {
                std::size_t e = v.find(", ", pos + by.size());
                std::size_t d = v.find(". ", pos + by.size());
                std::size_t stop = std::min(e, d);
                if (stop == npos) stop = v.size();
                w.extra["editors"] = trim_copy(v.substr(pos + by.size(), stop - pos - by.size()));
                pos = skip_punct(v, stop);
                break;
            }
        }
    }
    std::string container;
    std::size_t c_end = container_end(v, pos);
    // the tail starts at once ("vol. 2", "323", "Page 15"): no container
    if (pos < v.size() && (digit_marker(v, pos) || word_marker(v, pos) || v.compare(pos, 5, "Page ") == 0)) c_end = pos;
    if (!booktitle.empty()) c_end = pos;
    if (pos < v.size()) container = trim_copy(v.substr(pos, c_end - pos), " .,;:(");
    if (!booktitle.empty()) container = booktitle;
    trim_container(container, w);
    std::string place, publisher;
    if (!in_marker && place_publisher(container, place, publisher)) container.clear();
    std::string_view rest = c_end < v.size() ? v.substr(c_end) : std::string_view{};
    if (publisher.empty()) {
        std::size_t r = skip_punct(rest, 0);
        std::string_view rr = rest.substr(std::min(r, rest.size()));
        // "Title. Journal 12, 3-4. Berlin: Springer" / a book's "London: Elsevier."
        std::size_t dot = rr.find(". ");
        while (dot != npos && !place_publisher(rr.substr(dot + 2), place, publisher)) dot = rr.find(". ", dot + 2);
        if (publisher.empty()) place_publisher(rr, place, publisher);
    }
    Tail tail;
    read_tail(rest, tail);
    if (!year) year = tail.year;
    if (!year) {
        // The year elsewhere: the first in parentheses outside the title, else
        // the last plausible one outside it, else the last inside it.
        std::size_t e;
        int paren = 0, outside = 0, inside = 0;
        for (std::size_t k = 0; k < v.size(); ++k) {
            if (!is_digit(static_cast<unsigned char>(v[k])) || (k > 0 && v[k - 1] != ' ' && v[k - 1] != '(' && v[k - 1] != ','))
                continue;
            std::string_view yw = word_at(v, k, &e);
            std::size_t dl;
            bool after_dash = k >= 1 && dash_at(v, k - 1, &dl);
            bool range = e < v.size() && dash_at(v, e, &dl);
            if (year_word(yw) && !after_dash) {
                int y = year_value(yw);
                bool range_of_years = range && e + dl + 4 <= v.size() && year_word(word_at(v, e + dl));
                bool in_title = k >= t_begin && k < t_end;
                bool opened = k > 0 && v[k - 1] == '(';
                if (range && !range_of_years) {
                    // a page range
                } else if (in_title) {
                    if (y >= 1800) inside = y;
                } else {
                    if (opened && !paren) paren = y;
                    if (y >= 1800 || opened) outside = y;
                }
            }
            k = e;
        }
        year = paren ? paren : outside ? outside : inside;
    }

    if (!author_text.empty()) {
        // roles in parentheses ("(Producers)", "(Director)") are no part of a name
        std::string names;
        int depth = 0;
        for (char ch : author_text) {
            if (ch == '(') ++depth;
            else if (ch == ')' && depth > 0) --depth;
            else if (depth == 0) names += ch;
        }
        // APA's elision "..., ... Last, N." is no part of the last name
        for (std::size_t k; (k = names.find("... ")) != npos;) names.erase(k, 4);
        AuthorList list = parse_author_list(squeeze(names));
        w.authors = std::move(list.authors);
        w.authors_truncated = list.truncated;
    }
    set_year(w, year);
    if (!container.empty() && container.size() < 300) w.venue = container;
    if (!tail.volume.empty()) w.extra["volume"] = tail.volume;
    if (!tail.issue.empty()) w.extra["issue"] = tail.issue;
    if (!tail.pages.empty()) w.extra["pages"] = tail.pages;
    if (!publisher.empty()) w.extra["publisher"] = publisher;
    if (!place.empty()) w.extra["location"] = place;
    if (title.empty()) {
        // a citation without a title ("Nano Lett. 2010, 10, 1012") is split when
        // its names and journal were found; anything else is kept whole
        if (!abbreviated_container.empty() && !w.authors.empty()) return true;
        w.title = whole;
        return false;
    }
    w.title = title;
    return !w.authors.empty() || w.year || !w.venue.empty();
}

namespace detail {

void take_reference_identifiers(std::string& s, Work& w) { take_identifiers(s, w); }
std::string squeeze_spaces(std::string_view s) { return squeeze(s); }
std::size_t reference_list_marker(std::string_view s) { return list_marker(s); }
std::string clean_reference_title(std::string_view t) {
    std::string s = clean_title(t);
    trim_title(s);
    return s;
}

std::string clean_tagged_title(std::string_view t) { return clean_title(t); }

}  // namespace detail

}  // namespace scholarmerge
