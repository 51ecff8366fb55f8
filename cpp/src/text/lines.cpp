#include "text/lines.hpp"

namespace scholarmerge::text {

std::vector<Line> split_lines(std::string_view s) {
    std::vector<Line> lines;
    std::size_t start = 0;
    int number = 1;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] != '\n' && s[i] != '\r') continue;
        lines.push_back({s.substr(start, i - start), number++});
        if (s[i] == '\r' && i + 1 < s.size() && s[i + 1] == '\n') ++i;
        start = i + 1;
    }
    if (start < s.size()) lines.push_back({s.substr(start), number});
    return lines;
}

static bool is_space_at(std::string_view s, std::size_t i, std::size_t& width) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c == ' ' || c == '\t' || c == '\f' || c == '\v' || c == '\n' || c == '\r') {
        width = 1;
        return true;
    }
    // U+00A0 no-break space, common in scraped pages.
    if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0) {
        width = 2;
        return true;
    }
    return false;
}

std::string_view trim(std::string_view s) {
    std::size_t w = 0;
    while (!s.empty() && is_space_at(s, 0, w)) s.remove_prefix(w);
    while (!s.empty()) {
        if (is_space_at(s, s.size() - 1, w)) {
            s.remove_suffix(1);
        } else if (s.size() >= 2 && is_space_at(s, s.size() - 2, w) && w == 2) {
            s.remove_suffix(2);
        } else {
            break;
        }
    }
    return s;
}

bool starts_with(std::string_view s, std::string_view prefix) {
    return s.size() >= prefix.size() && s.compare(0, prefix.size(), prefix) == 0;
}

bool ends_with(std::string_view s, std::string_view suffix) {
    return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

}  // namespace scholarmerge::text
