// What the corpus as a whole knows about its records' fields, applied to each
// record before any comparison.
#pragma once

#include <vector>

#include "scholarmerge/match/record.hpp"

namespace scholarmerge {

// - A title field that ends with a venue this corpus names in its venue
//   fields (at least twice), on a record without a venue, gives that venue
//   up: "... load balancing vldb" is the title "... load balancing" at VLDB.
// - Every record's tokens (record.hpp) get their IDF weights in this corpus,
//   log(N / records with the word).
void repair_fields(std::vector<MatchRecord>& records);

// The IDF-weighted overlap of two records' tokens in [0, 1]: the weight of the
// words both have over the weight of the words either has.
double token_overlap(const MatchRecord& a, const MatchRecord& b);

}  // namespace scholarmerge
