// A name a tokenised export split at each accented letter ("sch ö ning"),
// joined again. DeepMatcher's DBLP-ACM and similar exports write names so;
// the table readers and the matcher join them the same way.
#pragma once

#include <string>
#include <string_view>

namespace scholarmerge::text {

// "sch ö ning" -> "schöning": a lone non-ASCII letter between two words is
// glued back to both, a capital only to the word it begins ("tamer Ö zsu").
// Returns `s` itself when it is ASCII (most names), else the joined text,
// written into `buffer`.
std::string_view join_split_letters(std::string_view s, std::string& buffer);

}  // namespace scholarmerge::text
