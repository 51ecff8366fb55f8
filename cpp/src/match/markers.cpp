#include "scholarmerge/match/markers.hpp"

#include <algorithm>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

#include "scholarmerge/match/title.hpp"
#include "scholarmerge/text/ascii.hpp"

namespace scholarmerge {

namespace {

bool contains(const std::vector<std::string>& list, std::string_view w) {
    return std::find(list.begin(), list.end(), w) != list.end();
}

// A bare number inside x's title where y's, otherwise the same, has nothing: a
// footnote mark or page number leaked into a citation ("Weakly Learning DNF 10
// and Characterizing ..."), not a version. Not first or last, not after a word
// that numbers things ("Part 2"), not in a system name ("ZeroQuant(4+2): ..."),
// and its neighbours side by side in y's title: "Top 10 Algorithms" is not
// "Top 20 Algorithms". x's title without such numbers goes to `rest`; false
// when a marker of x that y lacks is not one of them.
bool without_stray_numbers(const MatchRecord& x, const MatchRecord& y, std::string& rest) {
    static constexpr std::string_view kNumbering[] = {"part", "volume", "vol", "chapter", "no", "number",
                                                      "version", "v", "release", "phase", "book", "issue"};
    const std::vector<std::string_view> words = title_words(x.title);
    const std::string other = " " + y.title + " ";
    for (std::size_t k = 0; k < words.size(); ++k) {
        std::string_view w = words[k];
        if (!contains(x.markers, w) || contains(y.markers, w)) {
            if (!rest.empty()) rest += ' ';
            rest.append(w);
            continue;
        }
        bool number = std::all_of(w.begin(), w.end(), ascii::is_digit);
        bool inside = k > 0 && k + 1 < words.size() && static_cast<std::size_t>(w.data() - x.title.data()) > x.name.size();
        if (!number || !inside) return false;
        if (std::find(std::begin(kNumbering), std::end(kNumbering), words[k - 1]) != std::end(kNumbering)) return false;
        std::string neighbours = " " + std::string(words[k - 1]) + " " + std::string(words[k + 1]) + " ";
        if (other.find(neighbours) == std::string::npos) return false;
    }
    return true;
}

bool stray_numbers(const MatchRecord& a, const MatchRecord& b) {
    std::string x, y;
    return without_stray_numbers(a, b, x) && without_stray_numbers(b, a, y) && x == y;
}

// x's markers less those y's title spells out: "2layer" (from "2-layer") for
// "two layer" or "twolayer".
std::vector<std::string> unspelled_markers(const MatchRecord& x, const MatchRecord& y) {
    static constexpr std::string_view kNumbers[] = {"zero", "one", "two", "three", "four", "five",
                                                    "six", "seven", "eight", "nine", "ten"};
    std::vector<std::string> out;
    const std::string other = " " + y.title + " ";
    for (const std::string& m : x.markers) {
        std::size_t digits = 0;
        while (digits < m.size() && ascii::is_digit(m[digits])) ++digits;
        int n = digits == 1 ? m[0] - '0' : (m.compare(0, digits, "10") == 0 && digits == 2) ? 10 : -1;
        std::string tail = m.substr(digits);
        bool word = tail.size() >= 3 && std::all_of(tail.begin(), tail.end(), ascii::is_lower);
        if (n >= 0 && word) {
            std::string spelled(kNumbers[n]);
            if (other.find(" " + spelled + tail + " ") != std::string::npos ||
                other.find(" " + spelled + " " + tail + " ") != std::string::npos)
                continue;
        }
        out.push_back(m);
    }
    return out;
}

bool spelled_numbers(const MatchRecord& a, const MatchRecord& b) {
    return unspelled_markers(a, b) == unspelled_markers(b, a);
}

}  // namespace

bool same_markers(const MatchRecord& a, const MatchRecord& b) {
    return a.markers == b.markers || stray_numbers(a, b) || spelled_numbers(a, b);
}

}  // namespace scholarmerge
