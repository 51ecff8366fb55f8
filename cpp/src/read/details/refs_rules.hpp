// Pieces of the rule-based reference splitter (refs_split.cpp) that the
// tagger's field normaliser (refs_fields.cpp) shares.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "scholarmerge/model.hpp"

namespace scholarmerge::detail {

// DOIs, arXiv ids and URLs into w.ids / w.links, blanked in `s` with their labels.
void take_reference_identifiers(std::string& s, Work& w);
// Runs of whitespace to one space, trimmed.
std::string squeeze_spaces(std::string_view s);
// Length of a list marker ("[12] ", "12. ", "- ", "• ") at the start, 0 if none.
std::size_t reference_list_marker(std::string_view s);
// A title's surrounding quotes and punctuation, and a trailing "(2nd ed.)" / "[DVD]", off.
std::string clean_reference_title(std::string_view t);
// The same without dropping a trailing "(abstract)", "[in Chinese]", "(2nd
// ed.)": for a title the tagger cut, which learnt where such notes belong.
std::string clean_tagged_title(std::string_view t);
// A container without the date, volume or edition run into its end ("Vox
// September(17)", "..., v.37", "(2nd edn)"); one word is always kept.
std::string drop_trailing_issue(std::string_view container);
// A title without the translator, volume count, edition or reprint note run
// into its end ("Mein Kampf. Trans. James Vincent Murphy", "... 2 vols").
std::string drop_title_notes(std::string_view title);

}  // namespace scholarmerge::detail
