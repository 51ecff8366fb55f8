// Semantic Scholar Graph API paper objects
// (https://api.semanticscholar.org/api-docs/graph): one object, JSON Lines, a
// batch array (null for papers not found), or a search page under `data`.
#pragma once

#include "read/context.hpp"

namespace scholarmerge {

bool looks_like_s2(std::string_view text);
void read_s2(std::string_view text, ReadContext& ctx);

}  // namespace scholarmerge
