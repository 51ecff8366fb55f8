// Crossref work JSON (https://api.crossref.org/swagger-ui): one work, the
// API's {"message": work} or {"message": {"items": [...]}} envelopes, or
// JSON Lines of works. Titles and abstracts lose their JATS markup.
#pragma once

#include "read/context.hpp"

namespace scholarmerge {

bool looks_like_crossref(std::string_view text);
void read_crossref(std::string_view text, ReadContext& ctx);

}  // namespace scholarmerge
