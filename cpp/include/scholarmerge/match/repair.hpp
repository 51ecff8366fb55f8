// What the corpus as a whole knows about its records' fields, applied to each
// record before any comparison.
#pragma once

#include <vector>

#include "scholarmerge/match/record.hpp"

namespace scholarmerge {

// Every record's tokens (record.hpp): the words of all its fields together.
// A venue cut from a title's end by the venues the corpus names (worth +0.04
// F1 on DBLP-ACM dirty) waits for the distributed path to share those
// statistics: cut by a bucket's own venues, its labels would differ.
void repair_fields(std::vector<MatchRecord>& records);

// The weighted overlap of two records' tokens in [0, 1]: the weight of the
// words both have over the weight of the words either has; -1 when either has none.
double token_overlap(const MatchRecord& a, const MatchRecord& b);

}  // namespace scholarmerge
