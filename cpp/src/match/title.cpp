#include "scholarmerge/match/title.hpp"

#include <algorithm>
#include <cctype>
#include <vector>

#include "scholarmerge/match/evidence.hpp"
#include "scholarmerge/match/record.hpp"

#include "scholarmerge/text/fold.hpp"
#include "scholarmerge/text/markup.hpp"

namespace scholarmerge {

namespace {

// Nothing in s that clean_display would change but its spacing, nor that
// fold would change but its case: ASCII without tags, entities or LaTeX.
bool plain_ascii(std::string_view s) {
    for (unsigned char c : s)
        if (c >= 0x80 || c == '<' || c == '&' || c == '\\' || c == '$' || c == '{' || c == '}') return false;
    return true;
}

// The words of s (ASCII lower-cased when `lower`), separated by one space. Any
// run of non-word characters separates words, so spacing need not be squeezed first.
std::string words_of(std::string_view s, bool lower) {
    std::string out;
    out.reserve(s.size());
    bool space = false;
    for (std::size_t i = 0; i < s.size(); ++i) {
        unsigned char c = static_cast<unsigned char>(s[i]);
        bool word = std::isalnum(c) || c >= 0x80;
        // Hyphens and apostrophes inside a word join it: "hawq-v3" -> "hawqv3", "what's" -> "whats".
        if ((c == '-' || c == '\'') && !out.empty() && out.back() != ' ' && i + 1 < s.size() &&
            std::isalnum(static_cast<unsigned char>(s[i + 1]))) {
            continue;
        }
        if (!word) {
            space = !out.empty();
            continue;
        }
        if (space) out += ' ';
        space = false;
        out += lower && c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : static_cast<char>(c);
    }
    return out;
}

}  // namespace

std::string normalize_title(std::string_view title) {
    // Most titles are plain ASCII: no need for the copies markup and folding make.
    if (plain_ascii(title)) return words_of(title, true);
    return words_of(text::fold(text::clean_display(title)), false);
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
