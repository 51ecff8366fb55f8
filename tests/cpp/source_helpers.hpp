// Reading the realistic samples in tests/data/sources (test helper).
#pragma once

#include <algorithm>
#include <string>

#include "scholarmerge/read/read.hpp"

namespace scholarmerge::samples {

inline std::string source_path(const std::string& name) {
    return std::string(SCHOLARMERGE_TEST_DATA_DIR) + "/sources/" + name;
}

inline Corpus read_source(const std::string& name, const std::string& format = "auto") {
    ReadOptions o;
    o.format = format;
    return read_file(source_path(name), o);
}

inline const Diagnostic* diagnostic_on(const Corpus& c, int line) {
    auto it = std::find_if(c.diagnostics.begin(), c.diagnostics.end(), [&](const Diagnostic& d) { return d.line == line; });
    return it == c.diagnostics.end() ? nullptr : &*it;
}

}  // namespace scholarmerge::samples
