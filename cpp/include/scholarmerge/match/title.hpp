// Titles for matching: the canonical form and a similarity in [0, 1].
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace scholarmerge {

// Folded, markup decoded, punctuation dropped, words separated by one space:
// "HAWQ-V3: Dyadic ..." and "HAWQV3: Dyadic ..." give the same form.
std::string normalize_title(std::string_view title);

// The words of a normalised title (single spaces), in order, as views into it.
std::vector<std::string_view> title_words(std::string_view normalized);

// The distinct words of a normalised title, each as its key_hash, ascending.
void title_word_keys(std::string_view normalized, std::vector<std::uint64_t>& out);

// A title field cut out of a free-text citation often carries the citation's
// neighbours: the end of the author list or the year before it ("W.S. Lee
// (1997). Boosting the margin ...", "d.p. helmbold, and m.k. warmuth. On-line
// ...") and the venue after it ("... learnability. Machine Learning 5
// 197-227", "... mechanics' Proceedings of COLT-94"). The title proper, and
// the venue text cut from its end ("" when none): views into `raw`.
struct CitationTitle {
    std::string_view title;
    std::string_view venue;
    int year = 0;  // of an author-year remnant ("Seung (1995). ..."), else 0
};
CitationTitle strip_citation_remnants(std::string_view raw);

// Symmetric similarity of two titles in [0, 1]; 1 for equal normal forms.
double title_similarity(std::string_view a, std::string_view b);

}  // namespace scholarmerge
