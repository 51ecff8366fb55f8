// The entry head shared by paper-listing and metrics pages:
// "[score]<CATEGORY><Mon D[, YYYY]>[Code]", e.g. "54.2CLMay 30", "CLJun 4, 2022Code".
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace scholarmerge::detail {

struct ScoredHeader {
    std::optional<double> score;
    std::string category;  // "CL", "LG", ...
    int month = 0;         // 1..12
    int day = 0;
    int year = 0;          // 0 when the page omits it
    bool has_code = false;
};

std::optional<ScoredHeader> parse_scored_header(std::string_view line);

// "2022-06-04"; the year given when the header has none.
std::string iso_date(const ScoredHeader& h, int year);

}  // namespace scholarmerge::detail
