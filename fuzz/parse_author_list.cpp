#include <cstddef>
#include <cstdint>
#include <string_view>

#include "scholarmerge/names/match.hpp"
#include "scholarmerge/names/parse.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view s(reinterpret_cast<const char*>(data), size);
    scholarmerge::AuthorList list = scholarmerge::parse_author_list(s);
    for (std::size_t i = 1; i < list.authors.size(); ++i) {
        double ab = scholarmerge::same_author(list.authors[i - 1], list.authors[i]);
        double ba = scholarmerge::same_author(list.authors[i], list.authors[i - 1]);
        if (ab != ba || ab < 0.0 || ab > 1.0) __builtin_trap();  // symmetric and bounded
    }
    return 0;
}
