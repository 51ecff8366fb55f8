#include "scholarmerge/names/match.hpp"

#include <algorithm>

#include "scholarmerge/text/fold.hpp"

namespace scholarmerge {

namespace {

// Letters and digits of the folded text: "Aminabadi" and "Yazdani-Aminabadi" differ, "O'Brien" ~ "OBrien".
std::string letters(std::string_view s) {
    std::string f = text::fold(s), out;
    for (char c : f)
        if (!(c == ' ' || c == '-' || c == '\'' || c == '.' || c == ',')) out += c;
    return out;
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

}  // namespace

std::string name_key(const Author& a) {
    std::string key = letters(a.surname.empty() ? a.display : a.surname);
    if (!a.initials.empty()) {
        key += ' ';
        key += static_cast<char>(std::tolower(static_cast<unsigned char>(a.initials[0])));
    }
    return key;
}

double same_author(const Author& a, const Author& b) {
    if (letters(a.surname) != letters(b.surname)) return 0.0;
    auto ga = given_words(a.given), gb = given_words(b.given);
    if (ga.empty() || gb.empty()) return 0.6;  // surname alone: weak evidence
    // Compare the first given name; then any middle initials both sides have.
    const std::string& fa = ga[0];
    const std::string& fb = gb[0];
    double score;
    if (fa.size() > 1 && fb.size() > 1) {
        if (letters(fa) == letters(fb)) score = 1.0;
        else if (fa.rfind(fb, 0) == 0 || fb.rfind(fa, 0) == 0) score = 0.85;  // "Len" ~ "Leonard"
        else return 0.1;
    } else {
        if (fa[0] != fb[0]) return 0.05;
        score = 0.9;  // an initial agrees with a name or initial
    }
    std::string ia = a.initials.size() > 1 ? a.initials.substr(1) : "";
    std::string ib = b.initials.size() > 1 ? b.initials.substr(1) : "";
    if (!ia.empty() && !ib.empty() && ia[0] != ib[0]) score -= 0.3;
    return std::clamp(score, 0.0, 1.0);
}

}  // namespace scholarmerge
