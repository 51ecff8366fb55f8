// Paper-listing pages: per entry a head "[score]<CATEGORY><Mon D[, YYYY]>[Code]",
// then the title glued to its author list ("...TransformersZhewei Yao, ... et al.
// · organisation"), then the abstract. The page does not name its owner.
#pragma once

#include "read/context.hpp"

namespace scholarmerge {

bool looks_like_listing(std::string_view text);
void read_listing(std::string_view text, ReadContext& ctx);

}  // namespace scholarmerge
