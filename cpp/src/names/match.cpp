#include "scholarmerge/names/match.hpp"

#include <algorithm>

#include "text/fold.hpp"
#include "text/ascii.hpp"

namespace scholarmerge {

namespace {

// Letters and digits of the folded text: "Aminabadi" and "Yazdani-Aminabadi" differ, "O'Brien" ~ "OBrien".
std::string letters(std::string_view s) {
    std::string f = text::fold(s);
    std::size_t n = 0;  // written in place: never longer
    for (std::size_t i = 0; i < f.size(); ++i) {
        char c = f[i];
        if (c == '\xEF' && f.compare(i, 3, "\xEF\xBF\xBD") == 0) {  // U+FFFD: a character lost in transcoding
            f[n++] = '?';
            i += 2;
        } else if (!(c == ' ' || c == '-' || c == '\'' || c == '.' || c == ',')) {
            f[n++] = c;
        }
    }
    f.resize(n);
    return f;
}

// a[i..] and b[j..] equal, where '?' (a character some export could not
// encode: "H?rder" for "Härder") stands for one letter, or two where the lost
// character folds to two ("De?loch" for "Deßloch": ß -> ss).
bool wild_equal(std::string_view a, std::string_view b) {
    while (!a.empty() && !b.empty()) {
        const bool wild_a = a[0] == '?', wild_b = b[0] == '?';
        if (wild_a || wild_b) {
            // Either side's '?' may take two letters of the other: both tried,
            // so the answer does not depend on the argument order.
            if (wild_a && b.size() >= 2 && wild_equal(a.substr(1), b.substr(2))) return true;
            if (wild_b && a.size() >= 2 && wild_equal(a.substr(2), b.substr(1))) return true;
        } else if (a[0] != b[0]) {
            return false;
        }
        a.remove_prefix(1);
        b.remove_prefix(1);
    }
    return a.empty() && b.empty();
}

bool same_letters(const std::string& a, const std::string& b) {
    if (a.empty() || b.empty()) return false;
    if (a.size() == b.size() && a == b) return true;
    // Lengths can differ by one per '?'.
    std::size_t wild = std::count(a.begin(), a.end(), '?') + std::count(b.begin(), b.end(), '?');
    if (wild == 0 || (a.size() > b.size() ? a.size() - b.size() : b.size() - a.size()) > wild) return false;
    if (wild > 4) {
        // Many lost characters: one letter each (backtracking would be exponential).
        if (a.size() != b.size()) return false;
        for (std::size_t i = 0; i < a.size(); ++i)
            if (a[i] != b[i] && a[i] != '?' && b[i] != '?') return false;
        return true;
    }
    return wild_equal(a, b);
}

std::vector<std::string> given_words(std::string_view given) {
    std::vector<std::string> out;
    std::string cur;
    for (char c : text::fold(given)) {
        if (c == ' ' || c == '.') {
            if (!cur.empty()) out.push_back(cur);
            cur.clear();
        } else {
            cur += c;
        }
    }
    if (!cur.empty()) out.push_back(cur);
    return out;
}

// One letter replaced or two adjacent letters swapped, in words of five letters or more.
bool one_typo(const std::string& a, const std::string& b) {
    if (a.size() != b.size() || a.size() < 5 || a[0] != b[0]) return false;
    std::vector<std::size_t> diff;
    for (std::size_t i = 0; i < a.size() && diff.size() <= 2; ++i)
        if (a[i] != b[i]) diff.push_back(i);
    if (diff.size() == 1) return true;
    return diff.size() == 2 && diff[1] == diff[0] + 1 && a[diff[0]] == b[diff[1]] && a[diff[1]] == b[diff[0]];
}

}  // namespace

std::string name_key(const Author& a) {
    std::string key = letters(a.surname.empty() ? a.display : a.surname);
    if (!a.initials.empty()) {
        key += ' ';
        key += ascii::to_lower(a.initials[0]);
    }
    return key;
}

double same_author(const Author& a, const Author& b) {
    // A typo in the surname ("Golding" / "Goldring") is forgiven only when the
    // given names agree in full.
    std::string sa = letters(a.surname), sb = letters(b.surname);
    bool surname_typo = false;
    if (!same_letters(sa, sb)) {
        if (!one_typo(sa, sb)) return 0.0;
        surname_typo = true;
    }
    auto ga = given_words(a.given), gb = given_words(b.given);
    // One name without a given name: weak evidence. Both without (a mononym,
    // an organisation): the same name, spelt the same, is the same author.
    if (ga.empty() && gb.empty()) return surname_typo ? 0.6 : 0.9;
    if (ga.empty() || gb.empty()) return 0.6;
    // Compare the first given name; then any middle initials both sides have.
    const std::string& fa = ga[0];
    const std::string& fb = gb[0];
    double score;
    if (fa.size() > 1 && fb.size() > 1) {
        if (same_letters(letters(fa), letters(fb))) score = surname_typo ? 0.8 : 1.0;
        else if (surname_typo) return 0.1;  // NOLINT(bugprone-branch-clone): before the prefix and typo tests
        else if (fa.rfind(fb, 0) == 0 || fb.rfind(fa, 0) == 0) score = 0.85;  // "Len" ~ "Leonard"
        else if (one_typo(letters(fa), letters(fb)))
            score = 0.8;  // "Joshi" / "Josji": one letter wrong or two swapped; not "Xiaolei" / "Xiaolin"
        else return 0.1;
    } else if (surname_typo) {
        return 0.1;  // initials cannot vouch for a misspelt surname
    } else if ((fa.size() == 1) != (fb.size() == 1) && (ga.size() > 1 || gb.size() > 1)) {
        // "Y. Alp Aslandogan" ~ "Alp Aslandogan": one side goes by its middle name.
        const auto& init = fa.size() == 1 ? ga : gb;
        const auto& full = fa.size() == 1 ? gb : ga;
        bool middle = init.size() > 1 && same_letters(letters(init[1]), letters(full[0]));
        if (!middle && init[0][0] != full[0][0]) return 0.05;
        score = middle ? 0.85 : 0.9;
    } else {
        if (fa[0] != fb[0]) return 0.05;
        score = 0.9;  // an initial agrees with a name or initial
    }
    std::string ia = a.initials.size() > 1 ? a.initials.substr(1) : "";
    std::string ib = b.initials.size() > 1 ? b.initials.substr(1) : "";
    if (!ia.empty() && !ib.empty() && ia[0] != ib[0] && ia[0] != '?' && ib[0] != '?') score -= 0.3;
    return std::clamp(score, 0.0, 1.0);
}

}  // namespace scholarmerge
