// Which venue names one corpus uses for one venue, learned from the corpus
// itself: "SIGMOD Conference" in one source is "International Conference on
// Management of Data" in another, and nothing but the corpus can say so. Its
// near-certain pairs (anchors: near-equal titles, the same people, years at
// most one apart) join the names they carry. Two names that anchors join are
// one venue; two names each well attested that anchors never join are two
// venues, and two records whose titles look alike across them are two works
// (a tutorial given at SIGMOD and at VLDB). A name too rarely seen says nothing.
#pragma once

#include <cstdint>
#include <vector>

#include "details/flat_counts.hpp"
#include "scholarmerge/match/model.hpp"
#include "scholarmerge/match/record.hpp"

namespace scholarmerge {

// One key per venue name: its words (sorted, distinct) hashed; 0 for none.
std::uint64_t venue_name_key(const std::vector<std::uint64_t>& venue_words);

// Whether a pair's evidence (venue name unknown) makes it an anchor.
bool is_anchor(const Evidence& e);

class VenueNames {
public:
    // Counts an anchor pair's two names.
    void add(const MatchRecord& a, const MatchRecord& b);
    // Adds another table's counts (one per thread).
    void merge(const VenueNames& other);
    // The venue-name level of a pair: kUnknown, or 0 (unrelated names),
    // 1 (corresponding names), 2 (the same name).
    std::uint8_t level(const MatchRecord& a, const MatchRecord& b) const;

    // The counts as numbers: names, then (key, count) per name, then the same
    // for the pairs; and a table from them (std::invalid_argument if malformed).
    std::vector<std::uint64_t> state() const;
    static VenueNames from_state(const std::vector<std::uint64_t>& state);

private:
    details::FlatCounts names_;  // name -> anchors that carry it
    details::FlatCounts pairs_;  // two different names -> anchors that join them
};

}  // namespace scholarmerge
