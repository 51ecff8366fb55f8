// Delimited tables (CSV, TSV, '%' or '|' separated), one work per row, the
// columns named by options:
//   sep        separator; default: guessed from the header among , ; TAB | %
//   title      title column (default "title")
//   authors    author column (default "authors", else "author")
//   author_sep separator inside the author column (default: and , ; &)
//   year, venue, id, doi, arxiv   further columns (defaults: their own names)
// Fields may be quoted ("a, b" with "" for a quote) and span lines. Every
// other column lands in Work::extra.
#pragma once

#include "read/context.hpp"

namespace scholarmerge {

bool looks_like_csv(std::string_view text);
void read_csv(std::string_view text, ReadContext& ctx);

}  // namespace scholarmerge
