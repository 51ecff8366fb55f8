// dedupe() on prepared match records, for the library's own later stages:
// merge reads the records the labels were decided on, explain and the
// catalogue compare them, the bindings hand the fitted model's counts on.
// Internal: the installed dedupe.hpp shows neither MatchRecord nor the model's layout.
#pragma once

#include <vector>

#include "match/model.hpp"
#include "match/record.hpp"
#include "scholarmerge/dedupe.hpp"

namespace scholarmerge {

// What dedupe decided, with what it decided on.
struct DedupeDetails : DedupeResult {
    PatternCounts pattern_counts;      // what the model was fitted on: candidate pairs per evidence pattern
    std::vector<MatchRecord> records;  // the prepared records the labels were decided on
};

class FieldVocabulary;

// The prepare stage, once per record: the match records with the fields the
// corpus repairs (repair.hpp) and the recurring titles marked. With a
// `vocabulary`, the records are counted into it and repaired by all it holds
// (the catalogue's records so far); recurring titles are still those of `works`.
std::vector<MatchRecord> prepare(const std::vector<Work>& works, int threads = 0,
                                 FieldVocabulary* vocabulary = nullptr);
// Throws std::invalid_argument as check_columns does.
std::vector<MatchRecord> prepare(const WorkColumns& columns, int threads = 0);

// Row i of the columns as the matcher sees it.
MatchRecord match_record(const WorkColumns& columns, std::size_t i);

// Compare (every candidate pair's evidence), fit the model, cluster.
DedupeDetails dedupe_prepared(std::vector<MatchRecord> records, const DedupeOptions& options = {});

}  // namespace scholarmerge
