// The kind of a work, as each export format names it (internal).
#pragma once

#include <string>

#include "scholarmerge/model.hpp"

namespace scholarmerge::detail {

enum class Kind { article, proceedings, book, chapter, thesis, masters_thesis, report, other };

// From the category a source gave (BibTeX entry types, CSL, Crossref,
// OpenAlex and Semantic Scholar types), else guessed from the venue.
Kind kind_of(const Work& w);

}  // namespace scholarmerge::detail
