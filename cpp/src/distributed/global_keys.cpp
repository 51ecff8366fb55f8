#include <algorithm>
#include <numeric>
#include <stdexcept>

#include "scholarmerge/distributed.hpp"
#include "scholarmerge/match/index.hpp"

namespace scholarmerge::distributed {

WordRanks word_ranks(const std::vector<std::uint64_t>& words, const std::vector<std::uint64_t>& df,
                     std::size_t records) {
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
    const std::size_t max_df = CandidateIndex::max_document_frequency(records);
    for (std::size_t k = 0; k < by_rarity.size(); ++k) {
        const std::size_t at = by_rarity[k];
        r.ranks[at] = static_cast<std::uint32_t>(k);
        if (df[shared[at]] <= max_df) r.common_rank = static_cast<std::uint32_t>(k + 1);
    }
    for (std::size_t k = 0; k < shared.size(); ++k) r.words[k] = words[shared[k]];
    return r;
}

std::vector<RowPair> group_pairs(const std::vector<std::uint64_t>& keys, const std::vector<std::int64_t>& rows) {
    if (keys.size() != rows.size()) throw std::invalid_argument("group_pairs: one row per key");
    std::vector<std::size_t> order(keys.size());
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(),
              [&](std::size_t a, std::size_t b) { return keys[a] != keys[b] ? keys[a] < keys[b] : rows[a] < rows[b]; });
    std::vector<RowPair> pairs;
    for (std::size_t lo = 0; lo < order.size();) {
        std::size_t hi = lo;
        while (hi < order.size() && keys[order[hi]] == keys[order[lo]]) ++hi;
        const std::size_t end = std::min(hi, lo + CandidateIndex::kMaxGroup);
        for (std::size_t j = lo + 1; j < end; ++j)
            for (std::size_t i = lo; i < j; ++i)
                if (rows[order[i]] != rows[order[j]]) pairs.emplace_back(rows[order[i]], rows[order[j]]);
        lo = hi;
    }
    return pairs;
}

}  // namespace scholarmerge::distributed
