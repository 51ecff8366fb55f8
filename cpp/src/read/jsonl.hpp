// scholarmerge's own JSON Lines (what `parse --to jsonl` writes): one Work
// object per line, read back with simdjson's On-Demand API. A damaged line
// becomes a Diagnostic; the others are read.
#pragma once

#include "read/context.hpp"

namespace scholarmerge {

bool looks_like_jsonl(std::string_view text);
void read_jsonl(std::string_view text, ReadContext& ctx);

}  // namespace scholarmerge
