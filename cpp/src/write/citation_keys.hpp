// Citation keys for exports: stable (the same works give the same keys) and
// collision-free within one export.
#pragma once

#include <string>
#include <vector>

#include "scholarmerge/model.hpp"

namespace scholarmerge {

// A work keeps the key it was read with (BibTeX, CSL-JSON) when that key is
// free; otherwise "surname" + year + first significant title word, folded to
// ASCII ("yao2022zeroquant"), with "a", "b", ... appended on collision in input order.
std::vector<std::string> citation_keys(const std::vector<Work>& works);

}  // namespace scholarmerge
