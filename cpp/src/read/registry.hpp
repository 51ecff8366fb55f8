// The table of known formats: name, detector, reader. Adding a format is one
// header, one .cpp and one line here.
#pragma once

#include <string_view>
#include <vector>

#include "read/context.hpp"

namespace scholarmerge::detail {

struct FormatEntry {
    const char* name;
    Detector detect;  // content test, tried in table order by format="auto"
    Reader read;
    bool json_records = false;  // JSON: a JSON Lines file of it can be read in pieces
    std::vector<std::string_view> options = {};  // the ReadOptions::params its reader takes
};

const std::vector<FormatEntry>& format_table();
const FormatEntry* find_format(std::string_view name);

// Throws Error(bad_option) for a format no entry has, or a param the format's
// reader does not take (with format "auto": that no reader takes), naming the
// nearest known option: a misspelt option is never silently ignored.
void check_options(const ReadOptions& options);

}  // namespace scholarmerge::detail
