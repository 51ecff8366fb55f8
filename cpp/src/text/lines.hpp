// Splitting an input into numbered lines: LF, CRLF and lone CR all end a line.
#pragma once

#include <string_view>
#include <vector>

namespace scholarmerge::text {

struct Line {
    std::string_view text;  // without the line end
    int number;             // 1-based
};

std::vector<Line> split_lines(std::string_view s);

// Whitespace trimmed at both ends (ASCII and U+00A0).
std::string_view trim(std::string_view s);

bool starts_with(std::string_view s, std::string_view prefix);
bool ends_with(std::string_view s, std::string_view suffix);

}  // namespace scholarmerge::text
