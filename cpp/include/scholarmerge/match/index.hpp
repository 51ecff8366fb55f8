// Candidate generation without comparing all pairs: prefix filtering over
// title words (AllPairs). Words are ordered rarest first; a pair whose word
// sets have Jaccard similarity >= min_jaccard shares a word among the first
// |x| - ceil(min_jaccard * |x|) + 1 of each, so only those are indexed.
#pragma once

#include <cstdint>
#include <vector>

#include "scholarmerge/match/record.hpp"

namespace scholarmerge {

class CandidateIndex {
public:
    CandidateIndex(const std::vector<MatchRecord>& records, double min_jaccard);

    // Calls visit(y) once for each candidate y < x of record x. `stamp` is
    // caller-owned scratch space of records.size() entries (one per thread).
    template <class Visit>
    void candidates(std::uint32_t x, std::vector<std::uint32_t>& stamp, Visit&& visit) const;

private:
    std::vector<std::vector<std::uint32_t>> postings_;  // word id -> records with it in their prefix
    std::vector<std::vector<std::uint32_t>> prefix_;    // record -> its prefix word ids
    std::vector<std::uint32_t> size_;                   // record -> number of distinct words
    std::vector<std::vector<std::uint32_t>> by_id_;     // records sharing a DOI or arXiv id, grouped
    std::vector<std::int64_t> id_group_;                // record -> its group in by_id_, or -1
    double min_jaccard_;
};

template <class Visit>
void CandidateIndex::candidates(std::uint32_t x, std::vector<std::uint32_t>& stamp, Visit&& visit) const {
    const std::uint32_t mark = x + 1;  // stamps are unique per x: no clearing needed
    auto consider = [&](std::uint32_t y) {
        if (y >= x || stamp[y] == mark) return;
        stamp[y] = mark;
        visit(y);
    };
    const double sx = size_[x];
    for (std::uint32_t w : prefix_[x]) {
        for (std::uint32_t y : postings_[w]) {
            if (y >= x) break;  // postings are in record order
            const double sy = size_[y];
            if (sy < min_jaccard_ * sx || sx < min_jaccard_ * sy) continue;  // sizes too different
            consider(y);
        }
    }
    if (id_group_[x] >= 0)
        for (std::uint32_t y : by_id_[static_cast<std::size_t>(id_group_[x])]) consider(y);
}

}  // namespace scholarmerge
