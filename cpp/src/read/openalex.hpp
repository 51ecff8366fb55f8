// OpenAlex works (https://docs.openalex.org/api-entities/works/work-object):
// one work object, JSON Lines of them (a snapshot), or an API page whose
// `results` hold them. The inverted abstract is rebuilt into plain text.
#pragma once

#include "read/context.hpp"

namespace scholarmerge {

bool looks_like_openalex(std::string_view text);
void read_openalex(std::string_view text, ReadContext& ctx);

}  // namespace scholarmerge
