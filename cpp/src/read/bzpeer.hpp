// BZPEER researcher profiles: a header of trust and activity numbers, then
// entries "preprint2026arXiv" / title / abstract, separated by blank lines.
#pragma once

#include "read/context.hpp"

namespace scholarmerge {

bool looks_like_bzpeer(std::string_view text);
void read_bzpeer(std::string_view text, ReadContext& ctx);

}  // namespace scholarmerge
