// Comparing personal names on their own, without context.
#pragma once

#include <string>

#include "scholarmerge/model.hpp"

namespace scholarmerge {

// Canonical blocking key: folded surname, a space, the first initial ("yao z").
std::string name_key(const Author& a);

// How compatible two names are, in [0, 1]; symmetric. Names at or above
// kSameAuthorThreshold are taken to be the same person when nothing else is known.
double same_author(const Author& a, const Author& b);
inline constexpr double kSameAuthorThreshold = 0.8;

}  // namespace scholarmerge
