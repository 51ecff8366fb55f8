#include "scholarmerge/match/title.hpp"

#include <algorithm>
#include <cctype>
#include <vector>

#include "scholarmerge/text/fold.hpp"
#include "scholarmerge/text/markup.hpp"

namespace scholarmerge {

std::string normalize_title(std::string_view title) {
    std::string folded = text::fold(text::clean_display(title));
    std::string out;
    out.reserve(folded.size());
    bool space = false;
    for (std::size_t i = 0; i < folded.size(); ++i) {
        unsigned char c = static_cast<unsigned char>(folded[i]);
        bool word = std::isalnum(c) || c >= 0x80;
        // Hyphens and apostrophes inside a word join it: "hawq-v3" -> "hawqv3", "what's" -> "whats".
        if ((c == '-' || c == '\'') && !out.empty() && out.back() != ' ' && i + 1 < folded.size() &&
            std::isalnum(static_cast<unsigned char>(folded[i + 1]))) {
            continue;
        }
        if (!word) {
            space = !out.empty();
            continue;
        }
        if (space) out += ' ';
        space = false;
        out += static_cast<char>(c);
    }
    return out;
}

double title_similarity(std::string_view a, std::string_view b) {
    std::string na = normalize_title(a), nb = normalize_title(b);
    if (na == nb) return 1.0;
    if (na.empty() || nb.empty()) return 0.0;
    // Indel similarity (1 - distance / total length) over the normal forms.
    const std::string& s = na.size() <= nb.size() ? na : nb;
    const std::string& t = na.size() <= nb.size() ? nb : na;
    std::vector<std::size_t> prev(s.size() + 1), cur(s.size() + 1);
    for (std::size_t j = 0; j <= s.size(); ++j) prev[j] = 0;
    for (std::size_t i = 1; i <= t.size(); ++i) {  // longest common subsequence
        cur[0] = 0;
        for (std::size_t j = 1; j <= s.size(); ++j)
            cur[j] = t[i - 1] == s[j - 1] ? prev[j - 1] + 1 : std::max(prev[j], cur[j - 1]);
        std::swap(prev, cur);
    }
    return 2.0 * static_cast<double>(prev[s.size()]) / static_cast<double>(s.size() + t.size());
}

}  // namespace scholarmerge
