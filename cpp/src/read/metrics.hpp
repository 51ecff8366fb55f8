// Metrics profiles: the owner's name, category, h-index, papers, citations,
// novelty and AI score, then entries: head "<score><CATEGORY><Mon D, YYYY>[Code]",
// title, authors ("... et al. · organisation"), abstract, blank-line separated.
#pragma once

#include "read/context.hpp"

namespace scholarmerge {

bool looks_like_metrics(std::string_view text);
void read_metrics(std::string_view text, ReadContext& ctx);

}  // namespace scholarmerge
