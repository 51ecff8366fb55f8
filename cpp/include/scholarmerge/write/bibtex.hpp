// BibTeX export: one entry per work, read back by read_bibtex into the same
// titles, authors, dates, venues and identifiers.
#pragma once

#include <string>
#include <vector>

#include "scholarmerge/model.hpp"

namespace scholarmerge {

std::string to_bibtex(const std::vector<Work>& works);

}  // namespace scholarmerge
