#include "scholarmerge/match/title.hpp"

#include <algorithm>
#include <cctype>
#include <vector>

#include "scholarmerge/match/evidence.hpp"
#include "scholarmerge/match/key_hash.hpp"
#include "scholarmerge/match/record.hpp"

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

void title_word_keys(std::string_view normalized, std::vector<std::uint64_t>& out) {
    out.clear();
    for (std::size_t i = 0; i < normalized.size();) {
        std::size_t j = normalized.find(' ', i);
        if (j == std::string_view::npos) j = normalized.size();
        if (j > i) out.push_back(key_hash(normalized.substr(i, j - i)));
        i = j + 1;
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
}

double title_similarity(std::string_view a, std::string_view b) {
    Work wa, wb;
    wa.title = std::string(a.substr(0, 4 * kMaxTitleBytes));
    wb.title = std::string(b.substr(0, 4 * kMaxTitleBytes));
    MatchRecord ra = make_match_record(wa), rb = make_match_record(wb);
    if (ra.title.empty() || rb.title.empty()) return ra.title == rb.title && !ra.title.empty() ? 1.0 : 0.0;
    return title_score(ra, rb, CachedIndel(ra.title));
}

}  // namespace scholarmerge
