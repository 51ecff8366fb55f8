// Person resolution across a corpus: author mentions clustered into people
// using the names and their context (the work a mention is on).
#pragma once

#include <cstdint>
#include <vector>

#include "scholarmerge/model.hpp"

namespace scholarmerge {

struct Mention {
    std::size_t row;     // input work
    std::size_t index;   // author position in that work
    std::int64_t work;   // its dedupe label
};

// A person id (0..people-1) per mention of `mentions`, in order.
//
// Mentions sharing a name key (surname + first initial) are candidates. Full
// given names that disagree ("Zhen" / "Zhangcheng") are different people. An
// initials-only mention ("Z. Zheng") joins the full-name person named on the
// same work by another source; failing that, the only compatible full name;
// failing that, the one it shares most co-authors with.
std::vector<std::int64_t> resolve_people(const std::vector<Work>& works, const std::vector<Mention>& mentions);

}  // namespace scholarmerge
