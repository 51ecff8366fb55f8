#include "scored_header.hpp"
#include "text/ascii.hpp"

#include <cstdio>

namespace scholarmerge::detail {

namespace {

bool digit(char c) { return c >= '0' && c <= '9'; }

int month_number(std::string_view m) {
    static const char* names[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                  "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    for (int i = 0; i < 12; ++i)
        if (m == names[i]) return i + 1;
    return 0;
}

}  // namespace

std::optional<ScoredHeader> parse_scored_header(std::string_view s) {
    ScoredHeader h;
    std::size_t i = 0;
    // Optional score: digits with at most one dot.
    std::size_t start = i;
    while (i < s.size() && (digit(s[i]) || (s[i] == '.' && i > start))) ++i;
    if (i > start) {
        std::string num(s.substr(start, i - start));
        if (num.back() == '.' || num.size() > 12) return std::nullopt;
        h.score = std::strtod(num.c_str(), nullptr);
    }
    // Category: upper-case letters; the month's capital is the last one taken.
    std::size_t cat = i;
    while (i < s.size() && ascii::is_upper(s[i])) ++i;
    if (i - cat < 3) return std::nullopt;  // at least two letters of category plus the month's capital
    --i;
    h.category = std::string(s.substr(cat, i - cat));
    if (i + 3 > s.size()) return std::nullopt;
    h.month = month_number(s.substr(i, 3));
    if (h.month == 0) return std::nullopt;
    i += 3;
    if (i >= s.size() || s[i] != ' ') return std::nullopt;
    ++i;
    std::size_t d = i;
    while (i < s.size() && digit(s[i]) && i - d < 2) ++i;
    if (i == d) return std::nullopt;
    h.day = std::stoi(std::string(s.substr(d, i - d)));
    if (h.day < 1 || h.day > 31) return std::nullopt;
    if (s.substr(i, 2) == ", ") {
        i += 2;
        if (i + 4 > s.size()) return std::nullopt;
        for (std::size_t k = i; k < i + 4; ++k)
            if (!digit(s[k])) return std::nullopt;
        h.year = std::stoi(std::string(s.substr(i, 4)));
        i += 4;
    }
    std::string_view rest = s.substr(i);
    if (rest == "Code") h.has_code = true;
    else if (!rest.empty()) return std::nullopt;
    return h;
}

std::string iso_date(const ScoredHeader& h, int year) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", h.year ? h.year : year, h.month, h.day);
    return buf;
}

}  // namespace scholarmerge::detail
