// Telling the format of an input from its content (and, as a hint, its name).
#pragma once

#include <string>
#include <string_view>

namespace scholarmerge {

// The format name, or "" when nothing matches.
std::string detect_format(std::string_view text, std::string_view path = {});

}  // namespace scholarmerge
