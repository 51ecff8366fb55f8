// What incremental.cpp and incremental/state.cpp share: records as made and
// as bytes, and what each gave the vocabulary.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "scholarmerge/match/record.hpp"
#include "scholarmerge/model.hpp"

namespace scholarmerge::incremental {

class VocabularyCounts;

// The list a record came from, as prepare() reads it (an export keeps its first source).
std::string_view source_of(const Work& w);

// make_match_record of each work: what the vocabulary counts (before repair).
std::vector<MatchRecord> made_records(const std::vector<Work>& works, int threads);

// Per record, what it gave the vocabulary: a 0 byte where the prepared
// record still has the title, surnames and venue words it was made with,
// else those three as made.
std::string vocabulary_inputs(const std::vector<MatchRecord>& made, const std::vector<MatchRecord>& prepared);

// Adds to `counts` the records `prepared` as `inputs` (their vocabulary_inputs) says
// they were made; returns the bytes of `inputs` read.
std::size_t replay_vocabulary(std::string_view inputs, const std::vector<MatchRecord>& prepared,
                              VocabularyCounts& counts);

// Every field of a MatchRecord as bytes, and back (std::invalid_argument when malformed).
std::string encode_record(const MatchRecord& r);
std::unique_ptr<MatchRecord> decode_record(std::string_view bytes);

}  // namespace scholarmerge::incremental
