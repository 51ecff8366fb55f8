// What incremental.cpp and incremental_state.cpp share: the catalogue
// matcher's per-record inputs to the field vocabulary.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "scholarmerge/match/record.hpp"
#include "scholarmerge/match/repair.hpp"
#include "scholarmerge/model.hpp"

namespace scholarmerge::incremental {

// The list a record came from, as prepare() reads it (an export keeps its first source).
std::string_view source_of(const Work& w);

// Per record, what it gave the vocabulary (FieldVocabulary::add reads the
// title, surnames and venue words of the record as made, before repair):
// a 0 byte where the prepared record still has those, else the three.
std::string vocabulary_inputs(const std::vector<Work>& works, const std::vector<MatchRecord>& prepared, int threads);

// Adds to `vocabulary` the records [first, first + count) of `records`, as
// `inputs` (vocabulary_inputs of them) says they were made; returns the bytes read.
std::size_t replay_vocabulary(std::string_view inputs, const std::vector<MatchRecord>& records, std::size_t first,
                              std::size_t count, FieldVocabulary& vocabulary);

}  // namespace scholarmerge::incremental
