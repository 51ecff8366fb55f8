#include "scholarmerge/read/detect.hpp"

#include "registry.hpp"

namespace scholarmerge {

std::string detect_format(std::string_view text, std::string_view /*path*/) {
    for (const auto& f : detail::format_table())
        if (f.detect && f.detect(text)) return f.name;
    return "";
}

}  // namespace scholarmerge
