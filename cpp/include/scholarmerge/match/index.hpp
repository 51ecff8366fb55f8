// Candidate generation without comparing all pairs: prefix filtering over
// title words (AllPairs). Words are ordered rarest first; a pair whose word
// sets have Jaccard similarity >= min_jaccard shares a word among the first
// |x| - ceil(min_jaccard * |x|) + 1 of each, so only those are indexed.
#pragma once

#include <algorithm>
#include <cstdint>
#include <vector>

#include "scholarmerge/match/record.hpp"

namespace scholarmerge {

// Per-thread scratch space for CandidateIndex::candidates.
struct CandidateScratch {
    std::vector<std::uint32_t> overlap;  // per record: shared prefix words so far; kPruned when ruled out
    std::vector<std::uint32_t> touched;  // records with a non-zero entry, to reset
};

class CandidateIndex {
public:
    CandidateIndex(const std::vector<MatchRecord>& records, double min_jaccard);

    // Calls visit(y) once for each candidate y < x of record x.
    template <class Visit>
    void candidates(std::uint32_t x, CandidateScratch& scratch, Visit&& visit) const;

private:
    struct Posting {
        std::uint32_t record;
        std::uint32_t position;  // of the word in the record's rarest-first order
    };
    static constexpr std::uint32_t kPruned = ~std::uint32_t{0};
    static constexpr std::size_t kMinStopDf = 1000;  // a word in more records than max(this, n/200) is not indexed
    static constexpr std::size_t kMaxGroup = 64;     // members of an identifier/title group that meet

    std::vector<std::vector<Posting>> postings_;     // word rank -> records with it in their prefix
    // The whole word sets reach min_jaccard (the prefixes only said they might).
    bool overlap_enough(std::uint32_t x, std::uint32_t y) const;

    std::vector<std::vector<std::uint32_t>> words_;   // record -> its word ranks, ascending (rarest first)
    std::vector<std::uint64_t> signature_;            // record -> a bit per word (rank mod 64)
    std::vector<std::vector<std::uint32_t>> prefix_;  // record -> its prefix word ranks
    std::vector<std::uint32_t> size_;                 // record -> number of distinct words
    std::vector<std::vector<std::uint32_t>> by_id_;   // records sharing a DOI or arXiv id, grouped
    std::vector<std::int64_t> id_group_;              // record -> its group in by_id_, or -1
    double min_jaccard_;
};

template <class Visit>
void CandidateIndex::candidates(std::uint32_t x, CandidateScratch& scratch, Visit&& visit) const {
    auto& overlap = scratch.overlap;
    auto& touched = scratch.touched;
    if (overlap.size() != size_.size()) overlap.assign(size_.size(), 0);
    touched.clear();
    const std::uint32_t sx = size_[x];
    const double t = min_jaccard_;
    for (std::uint32_t i = 0; i < prefix_[x].size(); ++i) {
        for (const Posting& p : postings_[prefix_[x][i]]) {
            const std::uint32_t y = p.record;
            if (y >= x) break;  // postings are in record order
            std::uint32_t& o = overlap[y];
            if (o == kPruned) continue;
            const std::uint32_t sy = size_[y];
            if (sy < t * sx || sx < t * sy) continue;  // sizes too different
            // Positional filter (PPJoin): the words after these positions are all
            // that can still be shared; too few, and the pair cannot reach t.
            const double needed = t / (1.0 + t) * (sx + sy);
            const std::uint32_t bound = o + 1 + std::min(sx - i - 1, sy - p.position - 1);
            if (o == 0) touched.push_back(y);
            o = bound + 1e-9 >= needed ? o + 1 : kPruned;
        }
    }
    for (std::uint32_t y : touched) {
        if (overlap[y] != kPruned && overlap_enough(x, y)) visit(y);
        overlap[y] = kPruned;  // visited once; reset below
    }
    if (id_group_[x] >= 0)
        for (std::uint32_t y : by_id_[static_cast<std::size_t>(id_group_[x])])
            if (y < x && overlap[y] != kPruned) visit(y);
    for (std::uint32_t y : touched) overlap[y] = 0;
}

}  // namespace scholarmerge
