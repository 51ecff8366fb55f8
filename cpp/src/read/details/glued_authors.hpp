// Paper-listing pages print a title and its author list with nothing between
// them: "...Large-Scale TransformersZhewei Yao, Reza Yazdani Aminabadi et al.".
// This finds the seam from how names and titles look.
#pragma once

#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace scholarmerge::detail {

struct GluedLine {
    std::string title;
    std::vector<std::string> authors;  // as written
    bool truncated = false;            // " et al."
    std::string organisation;          // after " · "
    bool split_found = true;           // false: no plausible seam; the whole text is the title
};

// The author names of a glued line that are unambiguous (all but the first),
// folded; a page's set of them helps split lines whose first author is
// written unusually (all lower-case).
std::vector<std::string> unambiguous_names(std::string_view line);

GluedLine split_glued_line(std::string_view line, const std::unordered_set<std::string>& known_names);

}  // namespace scholarmerge::detail
