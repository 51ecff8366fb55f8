#include <cstddef>
#include <cstdint>
#include <string_view>

#include "scholarmerge/names/match.hpp"
#include "scholarmerge/names/parse.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view s(reinterpret_cast<const char*>(data), size);
    scholarmerge::Author a = scholarmerge::parse_name(s);
    double self = scholarmerge::same_author(a, a);
    if (!(self >= 0.0 && self <= 1.0)) __builtin_trap();
    return 0;
}
