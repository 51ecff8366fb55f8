#include <cstddef>
#include <cstdint>
#include <string_view>

#include "scholarmerge/names/match.hpp"
#include "scholarmerge/names/parse.hpp"
#include "text/fold.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view s(reinterpret_cast<const char*>(data), size);
    scholarmerge::Author a = scholarmerge::parse_name(s);
    double self = scholarmerge::same_author(a, a);
    if (!(self >= 0.0 && self <= 1.0)) __builtin_trap();
    // Valid UTF-8 in, valid UTF-8 out: no field may cut a character in half.
    using scholarmerge::text::valid_utf8;
    if (valid_utf8(s) && !(valid_utf8(a.display) && valid_utf8(a.given) && valid_utf8(a.surname) &&
                           valid_utf8(a.initials) && valid_utf8(a.key)))
        __builtin_trap();
    // The shortcut for common shapes must give what every step gives.
    scholarmerge::Author r = scholarmerge::parse_name_reference(s);
    if (a.raw != r.raw || a.display != r.display || a.given != r.given || a.surname != r.surname ||
        a.initials != r.initials || a.suffix != r.suffix || a.key != r.key ||
        a.equal_contribution != r.equal_contribution || a.highlighted != r.highlighted)
        __builtin_trap();
    return 0;
}
