// read_text for a piece of a file that starts on line `first_line`, with
// `padding` bytes readable past its end (internal). `records`: how many works
// to make room for (a JSON Lines piece: its lines), 0 when unknown.
#pragma once

#include <string>
#include <string_view>

#include "scholarmerge/read/read.hpp"

namespace scholarmerge::detail {

Corpus read_piece(std::string_view text, const std::string& source, const ReadOptions& options, int first_line,
                  std::size_t padding = 0, std::size_t records = 0);

}  // namespace scholarmerge::detail
