// What a corpus's near-certain pairs (anchors: near-equal titles, all of at
// least two people shared, years at most one apart, no guard) teach about it.
//
// Venue names. "SIGMOD Conference" in one source is "International Conference
// on Management of Data" in another, and nothing but the corpus can say so.
// Two names that anchors join are one venue; two names each well attested
// that anchors never join are two venues, and two records whose titles look
// alike across them are two works (a tutorial given at SIGMOD and at VLDB). A
// name too rarely seen says nothing.
//
// Sources that list each work once. A source whose records meet their copies
// in other sources many times, and almost never in itself, is a catalogue: two
// of its records are two works unless their titles are one (clustering keeps
// them apart). A source with copies of its own (a CV listing a preprint and
// its paper, one BibTeX file) is not, nor is a corpus of one source.
#pragma once

#include <cstdint>
#include <vector>

#include "details/flat_counts.hpp"
#include "match/model.hpp"
#include "match/record.hpp"

namespace scholarmerge {

// One key per venue name: its words (sorted, distinct) hashed; 0 for none.
std::uint64_t venue_name_key(const std::vector<std::uint64_t>& venue_words);

// Whether a pair's evidence (venue name unknown) makes it an anchor.
bool is_anchor(const Evidence& e);

class CorpusAnchors {
public:
    // Counts an anchor pair's two names and sources.
    void add(const MatchRecord& a, const MatchRecord& b);
    // Adds another table's counts (one per thread).
    void merge(const CorpusAnchors& other);
    bool empty() const { return !names_.size() && !within_.size() && !across_.size(); }
    std::vector<std::uint64_t> names() const;  // the venue names counted, ascending
    // The venue-name level of a pair: kUnknown, or 0 (unrelated names),
    // 1 (corresponding names), 2 (the same name).
    std::uint8_t level(const MatchRecord& a, const MatchRecord& b) const { return level(a.venue_name, b.venue_name); }
    std::uint8_t level(std::uint64_t a_name, std::uint64_t b_name) const;  // by the records' venue_name keys
    // Whether the source (MatchRecord::source, 0: none) lists each work once.
    bool lists_once(std::uint64_t source) const;

    // The counts as numbers: per table (names, name pairs, sources' own
    // anchors, sources' anchors with others) its size, then (key, count) per
    // entry; and a table from them (std::invalid_argument if malformed).
    std::vector<std::uint64_t> state() const;
    static CorpusAnchors from_state(const std::vector<std::uint64_t>& state);

private:
    details::FlatCounts names_;  // name -> anchors that carry it
    details::FlatCounts pairs_;  // two different names -> anchors that join them
    details::FlatCounts within_;  // source -> anchors with both records in it
    details::FlatCounts across_;  // source -> anchors with one record in it
};

}  // namespace scholarmerge
