#include <algorithm>
#include <numeric>
#include <stdexcept>

#include "scholarmerge/distributed.hpp"
#include "match/index.hpp"

namespace scholarmerge::distributed {

WordRanks word_ranks(const std::vector<std::uint64_t>& words, const std::vector<std::uint64_t>& df) {
    if (words.size() != df.size()) throw std::invalid_argument("word_ranks: one document frequency per word");
    std::vector<std::size_t> shared;  // words in two or more records, by key
    for (std::size_t i = 0; i < words.size(); ++i)
        if (df[i] >= 2) shared.push_back(i);
    std::sort(shared.begin(), shared.end(), [&](std::size_t a, std::size_t b) { return words[a] < words[b]; });
    for (std::size_t k = 1; k < shared.size(); ++k)
        if (words[shared[k]] == words[shared[k - 1]]) throw std::invalid_argument("word_ranks: a word given twice");
    std::vector<std::size_t> by_rarity(shared.size());
    std::iota(by_rarity.begin(), by_rarity.end(), 0);
    std::sort(by_rarity.begin(), by_rarity.end(), [&](std::size_t a, std::size_t b) {
        const std::size_t wa = shared[a], wb = shared[b];
        return df[wa] != df[wb] ? df[wa] < df[wb] : words[wa] < words[wb];
    });
    WordRanks r;
    r.words.resize(shared.size());
    r.ranks.resize(shared.size());
    for (std::size_t k = 0; k < by_rarity.size(); ++k) {
        const std::size_t at = by_rarity[k];
        r.ranks[at] = static_cast<std::uint32_t>(k);
        if (df[shared[at]] <= CandidateIndex::kMaxDocumentFrequency) r.common_rank = static_cast<std::uint32_t>(k + 1);
    }
    for (std::size_t k = 0; k < shared.size(); ++k) r.words[k] = words[shared[k]];
    return r;
}

std::uint32_t word_set(const RowKeys& keys, std::size_t row, const WordRanks& ranks, std::vector<std::uint32_t>& ranked) {
    std::uint32_t singles = 0;  // words in this record only: not ranked, in nobody else's set
    ranked.clear();
    for (std::uint64_t k = keys.word_offsets[row]; k < keys.word_offsets[row + 1]; ++k) {
        auto it = std::lower_bound(ranks.words.begin(), ranks.words.end(), keys.words[k]);
        if (it == ranks.words.end() || *it != keys.words[k]) {
            ++singles;
            continue;
        }
        const std::uint32_t rank = ranks.ranks[static_cast<std::size_t>(it - ranks.words.begin())];
        if (rank < ranks.common_rank) ranked.push_back(rank);
    }
    std::sort(ranked.begin(), ranked.end());
    return singles + static_cast<std::uint32_t>(ranked.size());
}

}  // namespace scholarmerge::distributed
