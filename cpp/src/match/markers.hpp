// Version and part markers tell works apart: "ZeroQuant-V2", "Part II", "3D"
// (MatchRecord::markers: words with digits, roman numerals). A number that
// leaked into a citation's title, or one spelled out, does not.
#pragma once

#include <string_view>

#include "match/record.hpp"

namespace scholarmerge {

// The same markers, but for bare numbers inside one title where the other has
// nothing ("Weakly Learning DNF 10 and ..." ~ "Weakly Learning DNF and ...")
// and numbers spelled out ("2-layer" ~ "two layer").
// Markers `word` misread by OCR as digits ("spatia1", "5ql", "c0ko" for "spatial",
// "sql", "coko") are none: a scanned copy's damage, not a version.
bool same_markers(const MatchRecord& a, const MatchRecord& b);

// `seen` is `word` with letters misread as digits that look alike in print
// (0 o, 1 l or i, 5 s, 8 b); it keeps two letters at least and is no ordinal.
bool misread_word(std::string_view seen, std::string_view word);

}  // namespace scholarmerge
