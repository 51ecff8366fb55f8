// Candidate generation without comparing all pairs: prefix filtering over
// title words (AllPairs). Words are ordered rarest first; a pair whose word
// sets have Jaccard similarity >= min_jaccard shares a word among the first
// |x| - ceil(min_jaccard * |x|) + 1 of each, so only those are indexed.
// Records sharing an identifier or a title key (title_keys.hpp) meet too.
#pragma once

#include <algorithm>
#include <cstdint>
#include <vector>

#include "match/record.hpp"

namespace scholarmerge {

// Per-thread scratch space for CandidateIndex::candidates.
struct CandidateScratch {
    // A prefix word of x that y shares, found on a posting that passed the filters.
    struct Hit {
        std::uint32_t record;          // y
        std::uint16_t x_pos, y_pos;    // the word's place in x's and y's rarest-first order
        std::uint16_t y_size;          // y's number of words
    };
    std::vector<std::uint32_t> overlap;  // per record: kVisited once met, else 0
    std::vector<std::uint32_t> touched;  // records with a non-zero entry, to reset
    std::vector<std::int32_t> needed;    // per size of y: the words x and y must share
    std::vector<Hit> hits;               // the current record's, a few
};

class CandidateIndex {
public:
    // Words in more records than this are common, left out of the word sets:
    // no posting list is longer, so a record's scan costs the same in a
    // corpus of any size and the time grows linearly with it.
    static constexpr std::size_t kMaxDocumentFrequency = 1000;
    static constexpr std::size_t kMaxGroup = 64;  // members of an identifier/title group that meet

    CandidateIndex(const std::vector<MatchRecord>& records, double min_jaccard);

    // A word set of m words so small that one word changed (m - 1 of m + 1
    // shared) takes it below min_jaccard: a typo alone would lose the pair.
    static bool fragile(std::size_t m, double min_jaccard) { return m - 1.0 < min_jaccard * (m + 1.0); }

    // Calls visit(y) once for each candidate y < x of record x: exactly
    //  - the y whose title word sets (common words left out) have Jaccard
    //    similarity >= min_jaccard, unless both sets are fragile: two such
    //    records sharing their one or two words are mostly chance, and most
    //    of all pairs in a large corpus;
    //  - the y among the first kMaxGroup records of a key of x: DOI, arXiv
    //    id, title_key (of the title, and of its main title before a colon),
    //    and for a fragile word set its word_out_keys
    //    (title_keys.hpp), which is how fragile sets meet.
    // The set does not depend on the word order chosen, which is what lets
    // a distributed run reproduce it.
    template <class Visit>
    void candidates(std::uint32_t x, CandidateScratch& scratch, Visit&& visit) const;

private:
    // A record in a word's posting list, with what the cheap filters need:
    // they rule out most pairs without touching the other record's data.
    struct Posting {
        std::uint64_t signature;  // the record's word bits (see signature_)
        std::uint32_t record;
        std::uint16_t position;   // of the word in the record's rarest-first order
        std::uint16_t size;       // the record's number of distinct words
    };
    static constexpr std::uint32_t kVisited = ~std::uint32_t{0};  // overlap[y] of a y met already

    // The records y < x whose word sets reach min_jaccard with x's go into
    // scratch.touched, with overlap[y] = kVisited.
    void word_candidates(std::uint32_t x, CandidateScratch& scratch) const;
    // group_members_ and the rest below, from the records' keys.
    void build_groups(const std::vector<MatchRecord>& records);
    // The whole word sets share at least `needed` words (the prefixes only said they might).
    bool overlap_enough(std::uint32_t x, std::uint32_t y, double needed) const;
    std::uint32_t size(std::uint32_t r) const { return static_cast<std::uint32_t>(word_start_[r + 1] - word_start_[r]); }

    // Word rank w's postings: postings_[posting_start_[w] .. posting_start_[w + 1]),
    // the records with w in their prefix, in record order.
    std::vector<Posting> postings_;
    std::vector<std::size_t> posting_start_;
    // Record r's word ranks, ascending (rarest first): words_[word_start_[r] .. word_start_[r + 1]),
    // the first prefix_size_[r] of them its prefix. Flat arrays: no allocation per record.
    std::vector<std::uint32_t> words_;
    std::vector<std::size_t> word_start_;
    std::vector<std::uint16_t> prefix_size_;
    std::vector<std::uint64_t> signature_;  // record -> a bit per word (rank mod 64)
    std::uint32_t max_size_ = 0;            // the most words of any record
    // Records sharing a DOI, an arXiv id or a title key (title_keys.hpp): the
    // first kMaxGroup (in record order) of each key, groups of one dropped.
    // Group g's members: group_members_[group_start_[g] .. group_start_[g + 1]);
    // record r's groups: record_groups_[record_group_start_[r] .. record_group_start_[r + 1]).
    std::vector<std::uint32_t> group_members_, record_groups_;
    std::vector<std::size_t> group_start_, record_group_start_;
    double min_jaccard_;
};

template <class Visit>
void CandidateIndex::candidates(std::uint32_t x, CandidateScratch& scratch, Visit&& visit) const {
    auto& overlap = scratch.overlap;
    auto& touched = scratch.touched;
    word_candidates(x, scratch);
    for (std::uint32_t y : touched)
        if (overlap[y] == kVisited) visit(y);
    // Group members meet whatever their words, each once.
    for (std::size_t k = record_group_start_[x]; k < record_group_start_[x + 1]; ++k) {
        const std::uint32_t g = record_groups_[k];
        for (std::size_t m = group_start_[g]; m < group_start_[g + 1]; ++m) {
            const std::uint32_t y = group_members_[m];
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
