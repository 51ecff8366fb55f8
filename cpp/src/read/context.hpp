// What a format reader is handed: the source it reads and where its output goes.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "scholarmerge/model.hpp"
#include "scholarmerge/read/read.hpp"

namespace scholarmerge {

struct ReadContext {
    std::string source;
    std::string format;
    const ReadOptions& options;
    Corpus& out;
    int first_line = 1;         // of this text in its file: a piece of a large file starts further down
    std::size_t padding = 0;    // bytes readable past the text's end (JSON parsers read ahead)
    // JSON: top-level keys at which reading a record stops, as they may make
    // the object an envelope of records instead ("results"); set while the
    // JSON readers try each object as a record first (see json_input.cpp).
    std::vector<std::string_view> stop_keys;

    int file_line(int line) const { return line > 0 ? line + first_line - 1 : line; }

    // A new Work at the end of the output, its provenance filled in.
    Work& add_work(int line) {
        Work& w = out.works.emplace_back();
        w.source = source;
        w.source_format = format;
        w.source_line = file_line(line);
        return w;
    }
    void diagnose(int line, Severity severity, std::string message) {
        out.diagnostics.push_back({source, file_line(line), severity, std::move(message)});
    }
    void warn(int line, std::string message) { diagnose(line, Severity::warning, std::move(message)); }
    // The year the page was captured (for dates that omit it).
    int capture_year() const;
};

using Reader = void (*)(std::string_view text, ReadContext& ctx);
using Detector = bool (*)(std::string_view text);

}  // namespace scholarmerge
