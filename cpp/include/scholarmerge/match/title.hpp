// Titles for matching: the canonical form and a similarity in [0, 1].
#pragma once

#include <string>
#include <string_view>

namespace scholarmerge {

// Folded, markup decoded, punctuation dropped, words separated by one space:
// "HAWQ-V3: Dyadic ..." and "HAWQV3: Dyadic ..." give the same form.
std::string normalize_title(std::string_view title);

// Symmetric similarity of two titles in [0, 1]; 1 for equal normal forms.
double title_similarity(std::string_view a, std::string_view b);

}  // namespace scholarmerge
