#include "registry.hpp"

#include "scholarmerge/read/academicpages.hpp"
#include "scholarmerge/read/bibtex.hpp"
#include "scholarmerge/read/bzpeer.hpp"
#include "scholarmerge/read/crossref.hpp"
#include "scholarmerge/read/csl.hpp"
#include "scholarmerge/read/csv.hpp"
#include "scholarmerge/read/jsonl.hpp"
#include "scholarmerge/read/listing.hpp"
#include "scholarmerge/read/metrics.hpp"
#include "scholarmerge/read/openalex.hpp"
#include "scholarmerge/read/refs.hpp"
#include "scholarmerge/read/s2.hpp"

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
        {"csv", looks_like_csv, read_csv},
        {"refs", looks_like_refs, read_refs},  // last: only when nothing else fits
    };
    return table;
}

const FormatEntry* find_format(std::string_view name) {
    for (const auto& f : format_table())
        if (name == f.name) return &f;
    return nullptr;
}

}  // namespace scholarmerge::detail
