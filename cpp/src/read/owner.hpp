// Pages that do not name their owner: the owner is the person most present in
// the author lists.
#pragma once

#include <vector>

#include "scholarmerge/model.hpp"

namespace scholarmerge {

// The most frequent author (by name key) over the works, its fullest spelling
// as the name; nullopt-like empty name when there are no authors.
ProfileHeader infer_owner(const std::vector<Work>& works, std::size_t first, std::size_t last);

}  // namespace scholarmerge
