// Option names checked against the ones an entry point takes: one rule, and one
// nearest-name suggestion, for the readers, dedupe and merge alike.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace scholarmerge::detail {

// The known name most like `key` (indel similarity above 0.5), or "" when none is.
std::string_view nearest_name(std::string_view key, const std::vector<std::string_view>& known);

// Throws Error(bad_option) for the first of `keys` not in `known`:
// "<where>unknown option 'key'; did you mean 'name'?" (`where` as given, e.g. "dedupe: ").
void reject_unknown_options(std::string_view where, const std::vector<std::string>& keys,
                            const std::vector<std::string_view>& known);

}  // namespace scholarmerge::detail
