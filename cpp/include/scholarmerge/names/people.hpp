// Person resolution across a corpus: author mentions clustered into people
// using the names and their context (the work a mention is on).
#pragma once

#include <cstdint>
#include <set>
#include <string>
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
// failing that, the one it shares most co-authors with. Ids follow the order
// of each person's first mention. A mention without a key is a person of its own.
std::vector<std::int64_t> resolve_people(const std::vector<Work>& works, const std::vector<Mention>& mentions);

// What resolving one name key reads of a mention (borrowed, not owned).
struct KeyMention {
    const Author* author;                    // its key, given, surname and initials
    std::int64_t work;                       // its work's dedupe label
    const std::set<std::string>* coauthors;  // the name keys of every author of that work
};

// Per mention of `mentions` (in mention order): the position of its person's
// first mention. Mentions are grouped by name key and each key is resolved on
// its own (resolve_key), so any set of whole keys gives the people of those
// keys that the whole corpus gives: scholarmerge::distributed resolves keys in
// separate buckets with this, resolve_people() over all mentions at once.
std::vector<std::size_t> first_mentions(const std::vector<KeyMention>& mentions);

// first_mentions() of the mentions of one name key.
std::vector<std::size_t> resolve_key(const std::string& key, const std::vector<KeyMention>& mentions);

}  // namespace scholarmerge
