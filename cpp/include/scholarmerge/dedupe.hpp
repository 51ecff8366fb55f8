// Deciding which records are the same work: block -> compare -> cluster.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "scholarmerge/model.hpp"

namespace scholarmerge {

struct DedupeOptions {
    double threshold = 0.0;  // title similarity needed to merge; 0: the engine's default
    int threads = 0;         // 0: all cores
};

// One label per work: rows with the same label are the same work; a label is
// the index of the first row of its cluster.
std::vector<std::int64_t> dedupe(const std::vector<Work>& works, const DedupeOptions& options = {});

}  // namespace scholarmerge
