// The catalogue matcher's field vocabulary (repair.hpp) as counts it can
// store and reload in a few copies: per word, the records naming it in the
// title, as a surname and in the venue, and per venue of two words or more
// (as a set) its records. An add repairs its records by a FieldVocabulary
// made of the counts of the words those records can ask about, not of every
// word, so that a catalogue just opened does not feed it every record again.
//
// This leans on two things repair.cpp does, and must follow them if they
// change (the catalogue's tests compare an add after a restore with one
// without, byte for byte):
//  - FieldVocabulary::add counts a record's title words (split at spaces),
//    surnames and venue words by key_hash, and its venue word set when it
//    has two words or more (venue_name_key);
//  - repairing a record asks only about the key_hash of its title's words,
//    of two or three of them joined (a surname split at an accented letter),
//    and about sets of its title's words as venue names.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "../match/details/flat_counts.hpp"
#include "scholarmerge/match/record.hpp"
#include "scholarmerge/match/repair.hpp"

namespace scholarmerge::incremental {

class VocabularyCounts {
public:
    explicit VocabularyCounts(std::size_t expected = 0);
    void add(const MatchRecord& made);  // a record as made (make_match_record), before repair
    std::size_t records() const { return records_; }
    // Adds to `out` (empty) what these counts hold of the words the repair of
    // `made` (records as made) asks about: `out` then repairs them as a
    // FieldVocabulary of every record counted here would.
    void fill(FieldVocabulary& out, const std::vector<MatchRecord>& made) const;

    void write(std::string& out) const;
    void read(std::string_view in, std::size_t& pos);

private:
    details::FlatCounts title_, author_, venue_;
    struct VenueSet {
        std::vector<std::uint64_t> words;  // as the record had them
        std::uint32_t count = 0;
    };
    std::unordered_map<std::uint64_t, VenueSet> sets_;  // venue_name_key -> set
    std::size_t records_ = 0;
    std::vector<std::uint64_t> keys_;  // scratch
};

}  // namespace scholarmerge::incremental
