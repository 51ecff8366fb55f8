// Each input line is a work: title, then tab-separated pages, venue and note
// (the fields page ranges, venue kinds and stray numbers are read from).
// Labels must be valid cluster representatives; page ranges well formed.
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "scholarmerge/dedupe.hpp"
#include "match/record.hpp"
#include "text/lines.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view s(reinterpret_cast<const char*>(data), size);
    std::vector<scholarmerge::Work> works;
    for (const auto& line : scholarmerge::text::split_lines(s)) {
        std::vector<std::string_view> fields;
        std::string_view rest = line.text;
        for (std::size_t tab; (tab = rest.find('\t')) != std::string_view::npos && fields.size() < 3;) {
            fields.push_back(rest.substr(0, tab));
            rest.remove_prefix(tab + 1);
        }
        fields.push_back(rest);
        auto& w = works.emplace_back();
        w.title = std::string(fields[0]);
        if (fields.size() > 1) {
            w.extra["pages"] = std::string(fields[1]);
            auto range = scholarmerge::page_range(fields[1]);
            if ((range.first == 0) != (range.last == 0) || range.first > range.last) __builtin_trap();
        }
        if (fields.size() > 2) w.venue = std::string(fields[2]);
        if (fields.size() > 3) w.extra["note"] = std::string(fields[3]);
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
