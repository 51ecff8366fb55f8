#include "text/markup.hpp"

#include <utf8proc.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>

#include "text/lines.hpp"
#include "utf8.hpp"
#include "text/ascii.hpp"

namespace scholarmerge::text {

using detail::append_utf8;

namespace {

struct NamedEntity {
    const char* name;
    std::int32_t cp;
};

// The named entities seen in bibliographic pages: markup-significant
// characters, Latin-1 letters and typographic punctuation. Numeric entities
// (&#225; &#xE1;) cover everything else.
const NamedEntity kEntities[] = {
    {"amp", '&'}, {"lt", '<'}, {"gt", '>'}, {"quot", '"'}, {"apos", '\''}, {"nbsp", 0xA0},
    {"ndash", 0x2013}, {"mdash", 0x2014}, {"lsquo", 0x2018}, {"rsquo", 0x2019}, {"ldquo", 0x201C},
    {"rdquo", 0x201D}, {"hellip", 0x2026}, {"middot", 0xB7}, {"copy", 0xA9}, {"reg", 0xAE},
    {"trade", 0x2122}, {"deg", 0xB0}, {"plusmn", 0xB1}, {"times", 0xD7}, {"divide", 0xF7},
    {"sup2", 0xB2}, {"sup3", 0xB3}, {"frac12", 0xBD}, {"micro", 0xB5}, {"laquo", 0xAB}, {"raquo", 0xBB},
    {"Agrave", 0xC0}, {"Aacute", 0xC1}, {"Acirc", 0xC2}, {"Atilde", 0xC3}, {"Auml", 0xC4}, {"Aring", 0xC5},
    {"AElig", 0xC6}, {"Ccedil", 0xC7}, {"Egrave", 0xC8}, {"Eacute", 0xC9}, {"Ecirc", 0xCA}, {"Euml", 0xCB},
    {"Igrave", 0xCC}, {"Iacute", 0xCD}, {"Icirc", 0xCE}, {"Iuml", 0xCF}, {"ETH", 0xD0}, {"Ntilde", 0xD1},
    {"Ograve", 0xD2}, {"Oacute", 0xD3}, {"Ocirc", 0xD4}, {"Otilde", 0xD5}, {"Ouml", 0xD6}, {"Oslash", 0xD8},
    {"Ugrave", 0xD9}, {"Uacute", 0xDA}, {"Ucirc", 0xDB}, {"Uuml", 0xDC}, {"Yacute", 0xDD}, {"THORN", 0xDE},
    {"szlig", 0xDF}, {"agrave", 0xE0}, {"aacute", 0xE1}, {"acirc", 0xE2}, {"atilde", 0xE3}, {"auml", 0xE4},
    {"aring", 0xE5}, {"aelig", 0xE6}, {"ccedil", 0xE7}, {"egrave", 0xE8}, {"eacute", 0xE9}, {"ecirc", 0xEA},
    {"euml", 0xEB}, {"igrave", 0xEC}, {"iacute", 0xED}, {"icirc", 0xEE}, {"iuml", 0xEF}, {"eth", 0xF0},
    {"ntilde", 0xF1}, {"ograve", 0xF2}, {"oacute", 0xF3}, {"ocirc", 0xF4}, {"otilde", 0xF5}, {"ouml", 0xF6},
    {"oslash", 0xF8}, {"ugrave", 0xF9}, {"uacute", 0xFA}, {"ucirc", 0xFB}, {"uuml", 0xFC}, {"yacute", 0xFD},
    {"thorn", 0xFE}, {"yuml", 0xFF}, {"Scaron", 0x160}, {"scaron", 0x161}, {"Zcaron", 0x17D},
    {"zcaron", 0x17E}, {"OElig", 0x152}, {"oelig", 0x153}, {"alpha", 0x3B1}, {"beta", 0x3B2},
    {"gamma", 0x3B3}, {"delta", 0x3B4}, {"epsilon", 0x3B5}, {"lambda", 0x3BB}, {"mu", 0x3BC},
    {"pi", 0x3C0}, {"sigma", 0x3C3}, {"tau", 0x3C4}, {"phi", 0x3C6}, {"omega", 0x3C9},
};

std::int32_t lookup_entity(std::string_view name) {
    for (const auto& e : kEntities)
        if (name == e.name) return e.cp;
    return -1;
}

bool valid_codepoint(long cp) { return cp > 0 && cp <= 0x10FFFF && !(cp >= 0xD800 && cp <= 0xDFFF); }

// Combining mark for a LaTeX accent command; composed with its letter by NFC.
std::int32_t latex_accent(char c) {
    switch (c) {
        case '"': return 0x0308;
        case '\'': return 0x0301;
        case '`': return 0x0300;
        case '^': return 0x0302;
        case '~': return 0x0303;
        case '=': return 0x0304;
        case '.': return 0x0307;
        case 'u': return 0x0306;
        case 'v': return 0x030C;
        case 'H': return 0x030B;
        case 'c': return 0x0327;
        case 'k': return 0x0328;
        case 'r': return 0x030A;
        default: return -1;
    }
}

// LaTeX commands that stand for a letter of their own.
const char* latex_letter(std::string_view cmd) {
    static const std::pair<const char*, const char*> table[] = {
        {"ss", "ß"}, {"o", "ø"}, {"O", "Ø"}, {"ae", "æ"}, {"AE", "Æ"}, {"oe", "œ"}, {"OE", "Œ"},
        {"aa", "å"}, {"AA", "Å"}, {"l", "ł"}, {"L", "Ł"}, {"i", "ı"}, {"j", "ȷ"}, {"textbackslash", "\\"},
    };
    for (const auto& [name, letter] : table)
        if (cmd == name) return letter;
    return nullptr;
}


// LaTeX commands for symbols, in text and in math: what a reference manager
// imports them as. Math operators named by words (\log, \max) are words.
const char* latex_symbol(std::string_view cmd) {
    static const std::pair<const char*, const char*> table[] = {
        // text mode
        {"textendash", "–"}, {"textemdash", "—"}, {"ldots", "…"}, {"dots", "…"}, {"textellipsis", "…"},
        {"textquoteleft", "‘"}, {"textquoteright", "’"}, {"textquotedblleft", "“"}, {"textquotedblright", "”"},
        {"textquotesingle", "'"}, {"textquotedbl", "\""}, {"guillemotleft", "«"}, {"guillemotright", "»"},
        {"textdegree", "°"}, {"degree", "°"}, {"textbullet", "•"}, {"textasciitilde", "~"},
        {"textasciicircum", "^"}, {"textbar", "|"}, {"textless", "<"}, {"textgreater", ">"},
        {"textunderscore", "_"}, {"textregistered", "®"}, {"texttrademark", "™"}, {"textcopyright", "©"},
        {"copyright", "©"}, {"S", "§"}, {"textsection", "§"}, {"P", "¶"}, {"textparagraph", "¶"},
        {"dag", "†"}, {"ddag", "‡"}, {"textdagger", "†"}, {"pounds", "£"}, {"textsterling", "£"},
        {"euro", "€"}, {"texteuro", "€"}, {"textperthousand", "‰"}, {"textmu", "µ"}, {"textpm", "±"},
        {"texttimes", "×"}, {"textslash", "/"}, {"slash", "/"}, {"textexclamdown", "¡"}, {"textquestiondown", "¿"},
        {"textcelsius", "℃"}, {"textohm", "Ω"}, {"textminus", "−"}, {"th", "þ"}, {"TH", "Þ"}, {"dh", "ð"}, {"DH", "Ð"},
        {"dj", "đ"}, {"DJ", "Đ"}, {"ng", "ŋ"}, {"NG", "Ŋ"},
        // Greek
        {"alpha", "α"}, {"beta", "β"}, {"gamma", "γ"}, {"delta", "δ"}, {"epsilon", "ϵ"}, {"varepsilon", "ε"},
        {"zeta", "ζ"}, {"eta", "η"}, {"theta", "θ"}, {"vartheta", "ϑ"}, {"iota", "ι"}, {"kappa", "κ"},
        {"lambda", "λ"}, {"mu", "μ"}, {"nu", "ν"}, {"xi", "ξ"}, {"pi", "π"}, {"varpi", "ϖ"}, {"rho", "ρ"},
        {"varrho", "ϱ"}, {"sigma", "σ"}, {"varsigma", "ς"}, {"tau", "τ"}, {"upsilon", "υ"}, {"phi", "ϕ"},
        {"varphi", "φ"}, {"chi", "χ"}, {"psi", "ψ"}, {"omega", "ω"}, {"Gamma", "Γ"}, {"Delta", "Δ"},
        {"Theta", "Θ"}, {"Lambda", "Λ"}, {"Xi", "Ξ"}, {"Pi", "Π"}, {"Sigma", "Σ"}, {"Upsilon", "Υ"},
        {"Phi", "Φ"}, {"Psi", "Ψ"}, {"Omega", "Ω"},
        // math
        {"leq", "≤"}, {"le", "≤"}, {"geq", "≥"}, {"ge", "≥"}, {"neq", "≠"}, {"ne", "≠"}, {"approx", "≈"},
        {"sim", "∼"}, {"simeq", "≃"}, {"cong", "≅"}, {"equiv", "≡"}, {"propto", "∝"}, {"ll", "≪"}, {"gg", "≫"},
        {"pm", "±"}, {"mp", "∓"}, {"times", "×"}, {"div", "÷"}, {"cdot", "·"}, {"cdots", "⋯"}, {"circ", "∘"},
        {"ast", "∗"}, {"star", "⋆"}, {"bullet", "•"}, {"oplus", "⊕"}, {"otimes", "⊗"}, {"infty", "∞"},
        {"partial", "∂"}, {"nabla", "∇"}, {"in", "∈"}, {"notin", "∉"}, {"ni", "∋"}, {"subset", "⊂"},
        {"subseteq", "⊆"}, {"supset", "⊃"}, {"supseteq", "⊇"}, {"cup", "∪"}, {"cap", "∩"}, {"setminus", "∖"},
        {"forall", "∀"}, {"exists", "∃"}, {"neg", "¬"}, {"lnot", "¬"}, {"wedge", "∧"}, {"land", "∧"},
        {"vee", "∨"}, {"lor", "∨"}, {"emptyset", "∅"}, {"varnothing", "∅"}, {"rightarrow", "→"}, {"to", "→"},
        {"leftarrow", "←"}, {"gets", "←"}, {"Rightarrow", "⇒"}, {"Leftarrow", "⇐"}, {"leftrightarrow", "↔"},
        {"Leftrightarrow", "⇔"}, {"iff", "⇔"}, {"mapsto", "↦"}, {"uparrow", "↑"}, {"downarrow", "↓"},
        {"longrightarrow", "⟶"}, {"implies", "⟹"}, {"sum", "∑"}, {"prod", "∏"}, {"int", "∫"}, {"oint", "∮"},
        {"sqrt", "√"}, {"ell", "ℓ"}, {"hbar", "ℏ"}, {"aleph", "ℵ"}, {"Re", "ℜ"}, {"Im", "ℑ"}, {"wp", "℘"},
        {"prime", "′"}, {"langle", "⟨"}, {"rangle", "⟩"}, {"lfloor", "⌊"}, {"rfloor", "⌋"}, {"lceil", "⌈"},
        {"rceil", "⌉"}, {"vert", "|"}, {"mid", "|"}, {"Vert", "‖"}, {"parallel", "∥"}, {"perp", "⊥"},
        {"angle", "∠"}, {"triangle", "△"}, {"backslash", "\\"}, {"lbrace", "{"}, {"rbrace", "}"},
        {"quad", " "}, {"qquad", " "}, {"log", "log"}, {"ln", "ln"}, {"exp", "exp"}, {"sin", "sin"},
        {"cos", "cos"}, {"tan", "tan"}, {"max", "max"}, {"min", "min"}, {"lim", "lim"}, {"sup", "sup"},
        {"inf", "inf"}, {"det", "det"}, {"arg", "arg"}, {"dim", "dim"}, {"ker", "ker"}, {"Pr", "Pr"},
    };
    for (const auto& [name, symbol] : table)
        if (cmd == name) return symbol;
    return nullptr;
}

// A control word's name starting at s[i] ('\\' at i-1).
std::string_view command_at(std::string_view s, std::size_t i) {
    std::size_t j = i;
    while (j < s.size() && ascii::is_alpha(s[j])) ++j;
    return s.substr(i, j - i);
}

const char* superscript(char c) {
    static const char* digits[] = {"⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"};
    if (c >= '0' && c <= '9') return digits[c - '0'];
    if (c == '+') return "⁺";
    if (c == '-') return "⁻";
    if (c == 'n') return "ⁿ";
    return nullptr;
}

const char* subscript(char c) {
    static const char* digits[] = {"₀", "₁", "₂", "₃", "₄", "₅", "₆", "₇", "₈", "₉"};
    if (c >= '0' && c <= '9') return digits[c - '0'];
    return nullptr;
}

std::string nfc(const std::string& s) {
    utf8proc_uint8_t* out = utf8proc_NFC(reinterpret_cast<const utf8proc_uint8_t*>(s.c_str()));
    if (!out) return s;
    std::string r(reinterpret_cast<char*>(out));
    std::free(out);
    return r;
}

// "^3" or "^{3}" or "_2" inside math: appends the script form when every
// character has one, else the plain characters.
std::size_t script(std::string_view s, std::size_t i, std::string& out) {
    bool sup = s[i] == '^';
    std::size_t j = i + 1;
    std::string_view body;
    if (j < s.size() && s[j] == '{') {
        std::size_t close = s.find('}', j);
        if (close == std::string_view::npos) close = s.size();
        body = s.substr(j + 1, close - j - 1);
        j = close + 1;
    } else if (j < s.size()) {
        body = s.substr(j, 1);
        j += 1;
    }
    // "^\circ", "^{\circ}": degrees; "^\prime": a prime; any other command its symbol.
    if (!body.empty() && body[0] == '\\') {
        std::string_view cmd = command_at(s, i + (s[i + 1] == '{' ? 3 : 2));
        if (s[i + 1] != '{') j = i + 2 + cmd.size();
        if (cmd == "circ") out += "°";
        else if (const char* sym = latex_symbol(cmd)) out += sym;
        else out += cmd;
        return j;
    }
    std::string mapped;
    for (char c : body) {
        const char* m = sup ? superscript(c) : subscript(c);
        if (!m) {
            mapped.clear();
            break;
        }
        mapped += m;
    }
    if (!mapped.empty() || body.empty()) {
        out += mapped;
    } else {
        out += sup ? '^' : '_';
        out += body;
    }
    return j;
}

}  // namespace

std::string decode_entities(std::string_view s) {
    if (s.find('&') == std::string_view::npos) return std::string(s);
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] != '&') {
            out += s[i];
            continue;
        }
        std::size_t semi = s.find(';', i + 1);
        if (semi == std::string_view::npos || semi - i > 12) {
            out += '&';
            continue;
        }
        std::string_view name = s.substr(i + 1, semi - i - 1);
        long cp = -1;
        if (!name.empty() && name[0] == '#') {
            std::string digits(name.substr(1));
            int base = 10;
            if (!digits.empty() && (digits[0] == 'x' || digits[0] == 'X')) {
                digits.erase(0, 1);
                base = 16;
            }
            char* end = nullptr;
            if (!digits.empty()) cp = std::strtol(digits.c_str(), &end, base);
            if (end == nullptr || *end != '\0' || !valid_codepoint(cp)) cp = -1;
        } else {
            cp = lookup_entity(name);
        }
        if (cp < 0) {
            out += '&';
            continue;
        }
        append_utf8(out, static_cast<std::int32_t>(cp));
        i = semi;
    }
    return out;
}

std::string strip_tags(std::string_view s) {
    if (s.find('<') == std::string_view::npos) return std::string(s);
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        // A tag starts with '<' followed by a letter, '/' or '!'; "a < b" stays.
        if (s[i] == '<' && i + 1 < s.size() &&
            (ascii::is_alpha(s[i + 1]) || s[i + 1] == '/' || s[i + 1] == '!')) {
            std::size_t close = s.find('>', i);
            if (close != std::string_view::npos) {
                i = close;
                continue;
            }
        }
        out += s[i];
    }
    return out;
}

// A capitalised control word that is no formatting command: "TeX", "TUG", "ConTeXt".
static bool is_logo_word(std::string_view cmd) {
    bool upper = false;
    for (char c : cmd) upper |= c >= 'A' && c <= 'Z';
    if (!upper) return false;
    static constexpr std::string_view formatting[] = {"Large", "LARGE", "Huge", "MakeUppercase", "MakeLowercase",
                                                      "MakeTextUppercase", "MakeTextLowercase", "NoCaseChange",
                                                      "MakeSentenceCase", "NoChangeCase", "Needspace", "Call"};
    for (std::string_view f : formatting)
        if (cmd == f) return false;
    return true;
}

std::string decode_latex(std::string_view s) {
    // (find_first_of would call memchr once per character.)
    if (std::none_of(s.begin(), s.end(), [](char c) { return c == '\\' || c == '$' || c == '{' || c == '}'; }))
        return std::string(s);
    std::string out;
    out.reserve(s.size());
    bool math = false;
    bool composed = false;
    for (std::size_t i = 0; i < s.size(); ++i) {
        char c = s[i];
        if (c == '$') {
            math = !math;
            continue;
        }
        if (math && (c == '^' || c == '_')) {
            i = script(s, i, out) - 1;
            continue;
        }
        // "90^\circ" written outside math, as BibTeX files do.
        if (c == '^' && (s.substr(i + 1, 5) == "\\circ" || s.substr(i + 1, 7) == "{\\circ}")) {
            out += "°";
            i += s[i + 1] == '{' ? 7 : 5;
            continue;
        }
        if (c == '{' || c == '}') continue;
        if (c != '\\' || i + 1 >= s.size()) {
            out += c;
            continue;
        }
        char n = s[i + 1];
        // Escaped specials: \& \% \$ \# \_ \{ \}
        if (std::strchr("&%$#_{}", n)) {
            out += n;
            ++i;
            continue;
        }
        std::int32_t accent = latex_accent(n);
        bool symbol_accent = accent >= 0 && !ascii::is_alpha(n);
        // Letter accents (\c, \v, \u ...) need a separator: "\c{c}" or "\c c".
        bool letter_accent = accent >= 0 && ascii::is_alpha(n) && i + 2 < s.size() &&
                             (s[i + 2] == '{' || s[i + 2] == ' ');
        if (symbol_accent || letter_accent) {
            std::size_t j = i + 2;
            while (j < s.size() && (s[j] == '{' || s[j] == ' ')) ++j;
            // "\'{\i}" : the dotless i under an accent is a plain i.
            if (j + 1 < s.size() && s[j] == '\\' && s[j + 1] == 'i') ++j;
            if (j < s.size() && ascii::is_alpha(s[j])) {
                out += s[j];
                append_utf8(out, accent);
                composed = true;
                i = j;
                if (i + 1 < s.size() && s[i + 1] == '}') ++i;
                continue;
            }
        }
        std::size_t j = i + 1;
        while (j < s.size() && ascii::is_alpha(s[j])) ++j;
        std::string_view cmd = s.substr(i + 1, j - i - 1);
        if (const char* letter = latex_letter(cmd)) {
            out += letter;
            i = j - 1;
            if (i + 1 < s.size() && s[i + 1] == ' ') ++i;  // "\ss " swallows its separator
            continue;
        }
        if (const char* symbol = latex_symbol(cmd)) {
            out += symbol;
            i = j - 1;
            // A control word ends at a space, which TeX swallows in text (not in math).
            if (!math && i + 1 < s.size() && s[i + 1] == ' ') ++i;
            continue;
        }
        if (cmd.empty()) {
            if (n == ' ' || n == '\\' || n == ';' || n == ':' || n == '>') {  // "\\", "\ ", math spaces: a space
                out += ' ';
                ++i;
            } else if (n == ',') {  // "4\,K": a thin space
                out += "\u2009";
                ++i;
            } else if (n == '!' || n == '-' || n == '/' || n == '@') {  // negative space, hyphenation, kerning: nothing
                ++i;
            } else {
                out += '\\';  // not a command: keep it, and leave what follows whole (UTF-8 included)
            }
            continue;
        }
        // Logos and the words users define as macros (\TeX, \LaTeX, \TUG,
        // \MTeX, \ConTeXt) are words, not formatting: a control word with a
        // capital letter, other than the few formatting ones that have one.
        if (is_logo_word(cmd)) {
            out += cmd;
            i = j - 1;
            continue;
        }
        // Formatting commands (\emph, \textbf, \mathrm ...): keep the argument.
        i = j - 1;
    }
    return composed ? nfc(out) : out;
}

namespace {

// True when squeeze_spaces would return s as it is (most texts): no space
// but single ' ' between words. Errs only towards false (any control
// character, any 0xC2, the lead byte of U+00A0). Without branches, which
// the spaces between words would mispredict; the compiler vectorises the loops.
bool squeezed(std::string_view s) {
    if (s.empty()) return true;
    unsigned char bad = s.front() == ' ' || s.back() == ' ';
    const auto* p = reinterpret_cast<const unsigned char*>(s.data());
    for (std::size_t i = 0; i < s.size(); ++i) bad |= (p[i] < ' ') | (p[i] == 0xC2);
    for (std::size_t i = 1; i < s.size(); ++i) bad |= (p[i] == ' ') & (p[i - 1] == ' ');
    return !bad;
}

}  // namespace

std::string squeeze_spaces(std::string_view s) {
    if (squeezed(s)) return std::string(s);
    // Written in place: the result is never longer than s.
    std::string out(s.size(), '\0');
    std::size_t n = 0;
    bool space = false;
    for (std::size_t i = 0; i < s.size(); ++i) {
        unsigned char c = static_cast<unsigned char>(s[i]);
        bool is_space = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
        if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0) {
            is_space = true;
            ++i;
        }
        if (is_space) {
            space = n > 0;
            continue;
        }
        if (space) out[n++] = ' ';
        space = false;
        out[n++] = static_cast<char>(c);
    }
    out.resize(n);
    return out;
}

std::string clean_display(std::string_view s) {
    // squeeze_spaces(decode_latex(decode_entities(strip_tags(s)))), each step
    // taken only when its characters occur (most titles have none of them).
    auto has = [&s](auto pred) { return std::any_of(s.begin(), s.end(), pred); };
    if (!has([](char c) { return c == '<' || c == '&' || c == '\\' || c == '$' || c == '{' || c == '}'; }))
        return squeeze_spaces(s);  // one pass over the text, not three
    std::string step;
    if (has([](char c) { return c == '<'; })) s = step = strip_tags(s);
    if (has([](char c) { return c == '&'; })) s = step = decode_entities(s);
    if (has([](char c) { return c == '\\' || c == '$' || c == '{' || c == '}'; })) s = step = decode_latex(s);
    return squeeze_spaces(s);
}

}  // namespace scholarmerge::text
