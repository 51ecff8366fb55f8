// CSL-JSON export (the reference-manager standard): an array of items, read
// back by read_csl into the same works. Identifiers CSL has no field for
// travel in the item's `custom` object.
#pragma once

#include <string>
#include <vector>

#include "scholarmerge/model.hpp"

namespace scholarmerge {

std::string to_csl_json(const std::vector<Work>& works);

}  // namespace scholarmerge
