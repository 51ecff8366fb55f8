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

// The distinct words of a normalised title, each as its key_hash, ascending.
void title_word_keys(std::string_view normalized, std::vector<std::uint64_t>& out);

// Symmetric similarity of two titles in [0, 1]; 1 for equal normal forms.
double title_similarity(std::string_view a, std::string_view b);

}  // namespace scholarmerge
