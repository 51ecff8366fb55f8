// read_text for a piece of a file that starts on line `first_line`, with
// `padding` bytes readable past its end (internal): its works, diagnostics
// and profiles are added to `out` (the caller makes room for the works).
#pragma once

#include <string>
#include <string_view>

#include "scholarmerge/read/read.hpp"

namespace scholarmerge::detail {

void read_piece(Corpus& out, std::string_view text, const std::string& source, const ReadOptions& options,
                int first_line, std::size_t padding = 0);

}  // namespace scholarmerge::detail
