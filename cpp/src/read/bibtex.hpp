// BibTeX and BibLaTeX files: entries of any type in braces or parentheses,
// values in braces, quotes, numbers or @string macros joined with `#`,
// `and`-separated authors in "Given Surname" and "Surname, Given" forms,
// LaTeX accents decoded. A broken entry becomes a Diagnostic with its line and
// reading resumes at the next entry.
#pragma once

#include "read/context.hpp"

namespace scholarmerge {

bool looks_like_bibtex(std::string_view text);
void read_bibtex(std::string_view text, ReadContext& ctx);

}  // namespace scholarmerge
