// What the corpus as a whole knows about its records' fields, applied to each
// record before any comparison.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "match/record.hpp"

namespace scholarmerge {

// A title field that holds the record's other fields after the title proper
// (authors, venue, year: a scraped listing line) is cut where the words this
// corpus names as authors, venues and years outweigh its title words, and the
// cut values fill the record's empty fields (DBLP-ACM dirty: 0.889 -> 0.952 F1).
// Then every record's tokens (record.hpp): the words of all its fields together.
// The distributed path cuts by each bucket's own vocabulary, so its labels can
// differ from one process's until those counts are shared (issue 15).
void repair_fields(std::vector<MatchRecord>& records);

// The word counts repair_fields cuts by, kept: records added later (the
// catalogue's) are repaired by all the records so far, not their batch alone.
class FieldVocabulary {
public:
    explicit FieldVocabulary(std::size_t expected = 0);
    ~FieldVocabulary();
    void add(const MatchRecord& r);  // a record as made (make_match_record), before repair
    // repair_fields by these counts (cuts only once they hold two records or more).
    void repair(std::vector<MatchRecord>& records) const;
    std::size_t records() const { return records_; }

    // The counts as bytes (native byte order: read back where written), appended
    // to `out`, and back: a catalogue keeps them between processes
    // (incremental/state.cpp). Equal counts give equal bytes. read() replaces
    // these counts by those at in[pos..] and moves pos past them; it throws
    // std::invalid_argument when they are cut or do not add up (a key twice or
    // out of order, a count of 0 or over the records counted).
    void write(std::string& out) const;
    void read(std::string_view in, std::size_t& pos);
    struct FieldCounts;

private:
    std::unique_ptr<FieldCounts> counts_;
    std::size_t records_ = 0;
};

// The overlap of two records' tokens in [0, 1] (Jaccard: the words both have
// over the words either has; every word weighs the same, so that a bucket of
// the distributed path decides as the whole corpus); -1 when either has none.
double token_overlap(const MatchRecord& a, const MatchRecord& b);

}  // namespace scholarmerge
