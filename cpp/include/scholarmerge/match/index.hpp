// Candidate generation without comparing all pairs: prefix filtering over
// title words (AllPairs). Words are ordered rarest first; a pair whose word
// sets have Jaccard similarity >= min_jaccard shares a word among the first
// |x| - ceil(min_jaccard * |x|) + 1 of each, so only those are indexed.
#pragma once

#include <algorithm>
#include <array>
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
    static constexpr std::size_t kMinStopDf = 1000;  // a word in more records than max(this, n/200) is not indexed
    static constexpr std::size_t kMaxGroup = 64;     // members of an identifier/title group that meet

    CandidateIndex(const std::vector<MatchRecord>& records, double min_jaccard);

    // Words in more records than this are left out of the word sets.
    static std::size_t max_document_frequency(std::size_t records) { return std::max(kMinStopDf, records / 200); }

    // Calls visit(y) once for each candidate y < x of record x: exactly the y
    // whose title word sets (common words left out) have Jaccard similarity
    // >= min_jaccard, and the y among the first kMaxGroup records of a DOI,
    // arXiv or title group of x. The set does not depend on the word order
    // chosen, which is what lets a distributed run reproduce it.
    template <class Visit>
    void candidates(std::uint32_t x, CandidateScratch& scratch, Visit&& visit) const;

private:
    struct Posting {
        std::uint32_t record;
        std::uint32_t position;  // of the word in the record's rarest-first order
    };
    static constexpr std::uint32_t kPruned = ~std::uint32_t{0};
    static constexpr std::uint32_t kVisited = kPruned - 1;

    std::vector<std::vector<Posting>> postings_;     // word rank -> records with it in their prefix
    // The whole word sets reach min_jaccard (the prefixes only said they might).
    bool overlap_enough(std::uint32_t x, std::uint32_t y) const;

    std::vector<std::vector<std::uint32_t>> words_;   // record -> its word ranks, ascending (rarest first)
    std::vector<std::uint64_t> signature_;            // record -> a bit per word (rank mod 64)
    std::vector<std::vector<std::uint32_t>> prefix_;  // record -> its prefix word ranks
    std::vector<std::uint32_t> size_;                 // record -> number of distinct words
    // Records sharing a DOI, an arXiv id or their normalised title: the first
    // kMaxGroup (in record order) of each key, groups of one dropped.
    std::vector<std::vector<std::uint32_t>> groups_;
    std::vector<std::array<std::int32_t, 3>> group_of_;  // record -> its DOI, arXiv, title group, or -1
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
        const bool meets = overlap[y] != kPruned && overlap_enough(x, y);
        if (meets) visit(y);
        overlap[y] = meets ? kVisited : kPruned;
    }
    // Group members meet whatever their words, each once.
    for (std::int32_t g : group_of_[x]) {
        if (g < 0) continue;
        for (std::uint32_t y : groups_[static_cast<std::size_t>(g)]) {
            if (y >= x) break;  // members are in record order
            if (overlap[y] == kVisited) continue;
            if (overlap[y] == 0) touched.push_back(y);
            overlap[y] = kVisited;
            visit(y);
        }
    }
    for (std::uint32_t y : touched) overlap[y] = 0;
}

}  // namespace scholarmerge
