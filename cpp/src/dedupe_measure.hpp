// Knobs for measuring the candidate index, not for deciding: brute force and
// sampling (bench/index_recall.py, the recall tests) and the chain check (what
// it buys). Internal: never installed, so DedupeOptions stays what users set.
#pragma once

#include <cstddef>
#include <vector>

#include "dedupe_details.hpp"

namespace scholarmerge {

struct MeasureOptions {
    bool brute_force = false;      // compare all pairs (the index's recall is measured against it)
    std::size_t sample_every = 1;  // > 1: only records i % sample_every == 0 look for matches (recall
                                   // on a sample of a corpus too large for brute force); labels are partial
    bool chain_check = true;       // refuse to join two groups whose first members do not match
};

DedupeDetails dedupe_prepared(std::vector<MatchRecord> records, const DedupeOptions& options,
                              const MeasureOptions& measure);

}  // namespace scholarmerge
