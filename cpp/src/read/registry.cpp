#include "registry.hpp"

#include "scholarmerge/read/bzpeer.hpp"

namespace scholarmerge::detail {

const std::vector<FormatEntry>& format_table() {
    // Most specific detectors first.
    static const std::vector<FormatEntry> table = {
        {"bzpeer", looks_like_bzpeer, read_bzpeer},
    };
    return table;
}

const FormatEntry* find_format(std::string_view name) {
    for (const auto& f : format_table())
        if (name == f.name) return &f;
    return nullptr;
}

}  // namespace scholarmerge::detail
