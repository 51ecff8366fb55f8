// Internal: a text's space-separated words, and a run of them joined again.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace scholarmerge::text::detail {

// The words of `s` between single or repeated spaces, as views into `s`.
inline std::vector<std::string_view> space_words(std::string_view s) {
    std::vector<std::string_view> out;
    std::size_t i = 0;
    while (i < s.size()) {
        while (i < s.size() && s[i] == ' ') ++i;
        const std::size_t b = i;
        while (i < s.size() && s[i] != ' ') ++i;
        if (i > b) out.push_back(s.substr(b, i - b));
    }
    return out;
}

// words[from, to) joined by single spaces.
template <class Word>
std::string join_words(const std::vector<Word>& words, std::size_t from, std::size_t to) {
    std::string out;
    for (std::size_t i = from; i < to; ++i) {
        if (!out.empty()) out += ' ';
        out += words[i];
    }
    return out;
}

}  // namespace scholarmerge::text::detail
