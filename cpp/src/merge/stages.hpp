// merge() in stages, for the library's own callers: the bindings merge the
// records dedupe prepared (nothing normalised twice), and
// scholarmerge::distributed calls the two stages on buckets. merge() is these
// two with the people of resolve_people() in between, then the profiles.
#pragma once

#include <cstdint>
#include <functional>
#include <string_view>
#include <vector>

#include "dedupe_details.hpp"
#include "match/record.hpp"
#include "scholarmerge/merge/merge.hpp"

namespace scholarmerge {

// The works as dedupe decided them (dedupe_prepared on corpus.works): its labels,
// and the fields it prepared, so that the merged values are those the matcher
// read (the title proper without citation debris, a year found in the venue,
// bare identifiers). Throws std::invalid_argument unless one of each per work.
MergeResult merge(const Corpus& corpus, const DedupeDetails& deduped);

// The person id of the author at (row, author index).
using PersonOf = std::function<std::int64_t(std::size_t row, std::size_t index)>;

// The works (person_ids from `person_of`), their conflicts and work_of; no
// people or profiles. `prepared`: one match record per corpus work (prepare()).
MergeResult merge_works(const Corpus& corpus, const std::vector<std::int64_t>& labels,
                        const std::vector<MatchRecord>& prepared, const PersonOf& person_of);

// The people of the mentions given as parallel columns (each mention's person
// id, work_id and spelling): one Person per id, ascending.
std::vector<Person> people_of(const std::vector<std::int64_t>& person, const std::vector<std::int64_t>& work,
                              const std::vector<std::string_view>& spelling);

}  // namespace scholarmerge
