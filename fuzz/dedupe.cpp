// Titles are the input's lines; labels must be valid cluster representatives.
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "scholarmerge/dedupe.hpp"
#include "scholarmerge/text/lines.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view s(reinterpret_cast<const char*>(data), size);
    std::vector<scholarmerge::Work> works;
    for (const auto& line : scholarmerge::text::split_lines(s)) {
        works.emplace_back().title = std::string(line.text);
        if (works.size() >= 256) break;
    }
    std::vector<std::int64_t> labels = scholarmerge::dedupe(works);
    if (labels.size() != works.size()) __builtin_trap();
    for (std::size_t i = 0; i < labels.size(); ++i) {
        auto l = labels[i];
        // The label is the first row of its cluster: never after i, and its own label.
        if (l < 0 || static_cast<std::size_t>(l) > i || labels[static_cast<std::size_t>(l)] != l) __builtin_trap();
    }
    return 0;
}
