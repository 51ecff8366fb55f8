// CSL-JSON (https://citeproc-js.readthedocs.io/en/latest/csl-json/markup.html),
// what reference managers export: an array of items, one item, or JSON Lines.
#pragma once

#include "read/context.hpp"

namespace scholarmerge {

bool looks_like_csl(std::string_view text);
void read_csl(std::string_view text, ReadContext& ctx);

}  // namespace scholarmerge
