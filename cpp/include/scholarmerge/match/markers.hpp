// Version and part markers tell works apart: "ZeroQuant-V2", "Part II", "3D"
// (MatchRecord::markers: words with digits, roman numerals). A number that
// leaked into a citation's title, or one spelled out, does not.
#pragma once

#include "scholarmerge/match/record.hpp"

namespace scholarmerge {

// The same markers, but for bare numbers inside one title where the other has
// nothing ("Weakly Learning DNF 10 and ..." ~ "Weakly Learning DNF and ...")
// and numbers spelled out ("2-layer" ~ "two layer").
bool same_markers(const MatchRecord& a, const MatchRecord& b);

}  // namespace scholarmerge
