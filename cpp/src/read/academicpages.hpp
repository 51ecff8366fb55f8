// academicpages (Jekyll) homepages in Markdown: front matter, "About Me", then
// "Publications" with "## Section" groups of items, each line ending in a
// Markdown line break (two backslashes):
//   * <span ...>Title</span>.
//   S. Kim, **Z. Yao<sup>*</sup>**, ...
//   [arXiv](...), [code](...)
//   Accepted for publication, Proc. ICML 2021 (Long Talk).
#pragma once

#include "read/context.hpp"

namespace scholarmerge {

bool looks_like_academicpages(std::string_view text);
void read_academicpages(std::string_view text, ReadContext& ctx);

struct VenueLine {
    std::string venue;
    int year = 0;
    std::string note;    // "(Long Talk)", "(Highlight Paper)"
    std::string volume;
    std::string issue;
    std::string pages;
};

// "Accepted for publication, Proc. ICML 2021 (Long Talk)." -> ICML, 2021, "Long Talk";
// "Journal of Computational Physics 332, 492-503" -> journal, volume 332, pages 492-503.
VenueLine parse_venue_line(std::string_view line);

}  // namespace scholarmerge
