#include "registry.hpp"

#include <algorithm>
#include <string>

#include "../option_names.hpp"
#include "scholarmerge/error.hpp"

#include "read/academicpages.hpp"
#include "read/bibtex.hpp"
#include "read/bzpeer.hpp"
#include "read/crossref.hpp"
#include "read/csl.hpp"
#include "read/csv.hpp"
#include "read/jsonl.hpp"
#include "read/listing.hpp"
#include "read/metrics.hpp"
#include "read/openalex.hpp"
#include "read/refs.hpp"
#include "read/s2.hpp"

namespace scholarmerge::detail {

const std::vector<FormatEntry>& format_table() {
    // Most specific detectors first.
    static const std::vector<FormatEntry> table = {
        {"bzpeer", looks_like_bzpeer, read_bzpeer},
        {"academicpages", looks_like_academicpages, read_academicpages},
        {"metrics", looks_like_metrics, read_metrics},
        {"listing", looks_like_listing, read_listing},
        {"jsonl", looks_like_jsonl, read_jsonl, true},
        {"openalex", looks_like_openalex, read_openalex, true},
        {"s2", looks_like_s2, read_s2, true},
        {"crossref", looks_like_crossref, read_crossref, true},
        {"csl", looks_like_csl, read_csl, true},
        {"bibtex", looks_like_bibtex, read_bibtex},
        // Column names for each field, the separator, the author list separator.
        {"csv", looks_like_csv, read_csv, false,
         {"sep", "title", "authors", "year", "venue", "id", "doi", "arxiv", "author_sep"}},
        {"refs", looks_like_refs, read_refs},  // last: only when nothing else fits
    };
    return table;
}

const FormatEntry* find_format(std::string_view name) {
    for (const auto& f : format_table())
        if (name == f.name) return &f;
    return nullptr;
}

void check_options(const ReadOptions& options) {
    const bool any = options.format.empty() || options.format == "auto";
    const FormatEntry* entry = any ? nullptr : find_format(options.format);
    if (!any && !entry) throw Error(ErrorCode::bad_option, "", 0, "unknown format '" + options.format + "'");
    std::vector<std::string_view> known = {"format", "year", "threads"};  // ReadOptions' own
    for (const auto& f : format_table())
        if (any || &f == entry) known.insert(known.end(), f.options.begin(), f.options.end());
    for (const auto& [key, value] : options.params) {
        if (std::find(known.begin() + 3, known.end(), key) != known.end()) continue;
        std::string message = "unknown option '" + key + "'" +
                              (any ? std::string() : " for format '" + options.format + "'");
        if (std::string_view nearest = nearest_name(key, known); !nearest.empty())
            message += "; did you mean '" + std::string(nearest) + "'?";
        throw Error(ErrorCode::bad_option, "", 0, message);
    }
}

}  // namespace scholarmerge::detail
