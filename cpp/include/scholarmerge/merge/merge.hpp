// Merging: one record per distinct work with the provenance of every field,
// the disagreements between sources, the people behind the author mentions and
// the profile owners with their pages joined across sites.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "scholarmerge/model.hpp"

namespace scholarmerge {

// Where a value came from: "path:line".
struct Provenance {
    std::string source;
    int line = 0;
    std::string where() const { return source + ":" + std::to_string(line); }
};

struct MergedWork {
    std::int64_t work_id = 0;         // the dedupe label: index of the first input row
    std::vector<std::size_t> members;  // input rows, in input order
    Work record;                       // the merged values (source fields describe the first member)
    // Which member gave each merged field.
    std::size_t title_from = 0, year_from = 0, venue_from = 0, authors_from = 0, abstract_from = 0;
    std::vector<std::int64_t> person_ids;  // one per record.authors entry
};

struct Conflict {
    std::int64_t work_id = 0;
    std::string field;  // "year", "venue", "ids.doi", ...
    std::vector<std::pair<std::string, Provenance>> values;  // distinct values, each with its first source
};

struct Person {
    std::int64_t person_id = 0;
    std::string name;                   // the fullest spelling
    std::vector<std::string> variants;  // every spelling seen, sorted
    std::vector<std::int64_t> works;    // work_ids, sorted
};

struct MergedProfile {
    std::int64_t person_id = -1;  // -1 when the owner matches no author mention
    std::string name;
    bool inferred = false;
    std::vector<std::string> sources;  // pages joined for this person
    std::size_t n_entries = 0;          // entries read from those pages
    std::vector<std::int64_t> works;    // distinct work_ids among those entries
};

struct MergeResult {
    std::vector<MergedWork> works;
    std::vector<Conflict> conflicts;
    std::vector<Person> people;
    std::vector<MergedProfile> profiles;
    std::vector<std::int64_t> work_of;  // per input row: its work_id
};

// `labels` from dedupe() (one per corpus work, rows with the same label one
// work); the records are prepared here. Throws std::invalid_argument when the
// number of labels is not the number of works.
MergeResult merge(const Corpus& corpus, const std::vector<std::int64_t>& labels);

}  // namespace scholarmerge
