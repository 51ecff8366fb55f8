// What incremental.cpp and incremental/state.cpp share: records as made and
// as bytes, and what each gave the vocabulary.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "match/record.hpp"
#include "match/repair.hpp"
#include "scholarmerge/model.hpp"

namespace scholarmerge::incremental {

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
                              FieldVocabulary& counts);

// Every field of a MatchRecord as bytes, with a checksum seeded by its row
// (a record stored at another row fails it), and back (std::invalid_argument
// when malformed or damaged).
std::string encode_record(const MatchRecord& r, std::uint32_t row = 0);
std::unique_ptr<MatchRecord> decode_record(std::string_view bytes, std::uint32_t row = 0);

// A state blob (snapshot or delta) ends in the checksum of every byte before
// it: damage that still parses (a count or a row changed) is found, not
// matched with. seal() appends it; unsealed() gives the bytes before it, or
// throws std::invalid_argument when it does not match.
void seal(std::string& state);
std::string_view unsealed(std::string_view state);

}  // namespace scholarmerge::incremental
