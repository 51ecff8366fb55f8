#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "scholarmerge/match/title.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view s(reinterpret_cast<const char*>(data), size);
    std::string once = scholarmerge::normalize_title(s);
    if (scholarmerge::normalize_title(once) != once) __builtin_trap();  // idempotent
    std::size_t half = size / 2;
    double ab = scholarmerge::title_similarity(s.substr(0, half), s.substr(half));
    double ba = scholarmerge::title_similarity(s.substr(half), s.substr(0, half));
    if (ab != ba || ab < 0.0 || ab > 1.0) __builtin_trap();
    return 0;
}
