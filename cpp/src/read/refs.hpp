// Plain-text reference lists and CVs (format "refs"): one reference per line
// or paragraph, numbered ([12], 12., (12)) or bulleted, wrapped lines joined,
// section headings ("Journal articles", "2021") kept as extra["section"].
#pragma once

#include <string>
#include <string_view>

#include "scholarmerge/model.hpp"
#include "read/context.hpp"
#include "read/refs_crf.hpp"

namespace scholarmerge {

bool looks_like_refs(std::string_view text);
void read_refs(std::string_view text, ReadContext& ctx);

// One reference split into a Work: the tagger (refs_crf.hpp) labels its
// tokens and refs_fields.cpp normalises the fields: authors (the name
// parser), title, venue, year; volume, issue, pages, publisher, location,
// editors in extra; DOI / arXiv in ids; URLs in links. Returns false when it
// found no structure: the Work then holds the whole text as its title.
bool split_reference(std::string_view text, Work& out);
bool split_reference(std::string_view text, Work& out, const RefsTagger& tagger);

// The earlier rule-based splitter (refs_split.cpp), kept for comparison in
// bench/refs_quality.py; same contract as split_reference.
bool split_reference_rules(std::string_view text, Work& out);

// split_reference's Work, without provenance.
Work parse_reference(std::string_view text);

}  // namespace scholarmerge
