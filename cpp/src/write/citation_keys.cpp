#include "write/citation_keys.hpp"

#include <set>

#include "text/fold.hpp"

namespace scholarmerge {

namespace {

// Folded to ASCII letters and digits only: safe in BibTeX and LaTeX.
std::string ascii_word(std::string_view s) {
    std::string out;
    for (char c : text::fold(s))
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) out += c;
    return out;
}

bool is_stop_word(const std::string& w) {
    static const std::set<std::string> stop = {"a", "an", "the", "on", "of", "in", "for", "and", "to", "with",
                                               "at", "by", "from", "towards", "toward", "is", "are"};
    return stop.count(w) > 0;
}

std::string generated_key(const Work& w) {
    std::string surname = w.authors.empty() ? "anon" : ascii_word(w.authors.front().surname);
    if (surname.empty()) surname = "anon";
    std::string key = surname + (w.year ? std::to_string(*w.year) : "");
    std::string word;
    std::string title = text::fold(w.title);
    for (std::size_t i = 0; i <= title.size(); ++i) {
        char c = i < title.size() ? title[i] : ' ';
        if (c == ' ' || c == '-' || c == ':' || c == '/') {
            std::string candidate = ascii_word(word);
            word.clear();
            if (!candidate.empty() && !is_stop_word(candidate)) return key + candidate;
        } else {
            word += c;
        }
    }
    return key;
}

bool usable_key(const std::string& k) {
    if (k.empty() || k.size() > 80) return false;
    for (char c : k)
        if (c == ',' || c == '{' || c == '}' || c == '(' || c == ')' || c == '"' || c == '#' || c == '%' ||
            c == '\'' || c == '=' || c == '\\' || c == '~' || static_cast<unsigned char>(c) <= ' ')
            return false;
    return true;
}

}  // namespace

std::vector<std::string> citation_keys(const std::vector<Work>& works) {
    std::set<std::string> taken;
    std::vector<std::string> keys(works.size());
    // Keys the works arrived with come first, so a re-export keeps them.
    for (std::size_t i = 0; i < works.size(); ++i) {
        auto it = works[i].extra.find("citation_key");
        if (it == works[i].extra.end()) continue;
        const auto* k = std::get_if<std::string>(&it->second);
        if (k && usable_key(*k) && taken.insert(*k).second) keys[i] = *k;
    }
    for (std::size_t i = 0; i < works.size(); ++i) {
        if (!keys[i].empty()) continue;
        std::string base = generated_key(works[i]);
        std::string key = base;
        for (int n = 0; !taken.insert(key).second; ++n) {
            // a..z, then aa, ab, ...
            std::string suffix;
            for (int m = n; m >= 0; m = m / 26 - 1) suffix.insert(suffix.begin(), static_cast<char>('a' + m % 26));
            key = base + suffix;
        }
        keys[i] = key;
    }
    return keys;
}

}  // namespace scholarmerge
