// read_text for a piece of a file that starts on line `first_line` (internal).
#pragma once

#include <string>
#include <string_view>

#include "scholarmerge/read/read.hpp"

namespace scholarmerge::detail {

Corpus read_piece(std::string_view text, const std::string& source, const ReadOptions& options, int first_line);

}  // namespace scholarmerge::detail
