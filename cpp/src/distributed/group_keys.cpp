// Candidate pairs through group keys: rows sharing a DOI, an arXiv id or a
// title key, as CandidateIndex groups them.
#include <algorithm>
#include <stdexcept>

#include "scholarmerge/distributed.hpp"
#include "match/index.hpp"

namespace scholarmerge::distributed {

GroupEntries group_entries(const RowKeys& keys, std::int64_t first_row, const WordRanks& ranks, double min_jaccard) {
    const std::size_t n = keys.title.size();
    if (keys.doi.size() != n || keys.arxiv.size() != n || keys.main_title.size() != n || keys.word_offsets.size() != n + 1 ||
        keys.word_out_offsets.size() != n + 1 || keys.word_out_offsets.back() != keys.word_out.size())
        throw std::invalid_argument("group_entries: row keys of inconsistent lengths");
    if (ranks.words.size() != ranks.ranks.size()) throw std::invalid_argument("group_entries: words and ranks differ");
    GroupEntries out;
    std::vector<std::uint32_t> ranked;
    for (std::size_t i = 0; i < n; ++i) {
        const std::int64_t row = first_row + static_cast<std::int64_t>(i);
        for (std::uint64_t k : {keys.doi[i], keys.arxiv[i], keys.title[i], keys.main_title[i]})
            if (k) out.keys.push_back(k), out.rows.push_back(row);
        if (keys.title[i] == 0 || !CandidateIndex::fragile(word_set(keys, i, ranks, ranked), min_jaccard)) continue;
        for (std::uint64_t k = keys.word_out_offsets[i]; k < keys.word_out_offsets[i + 1]; ++k)
            out.keys.push_back(keys.word_out[k]), out.rows.push_back(row);
    }
    return out;
}

std::vector<RowPair> group_pairs(const std::vector<std::uint64_t>& keys, const std::vector<std::int64_t>& rows) {
    if (keys.size() != rows.size()) throw std::invalid_argument("group_pairs: one row per key");
    std::vector<std::pair<std::uint64_t, std::int64_t>> entries(keys.size());
    for (std::size_t i = 0; i < keys.size(); ++i) entries[i] = {keys[i], rows[i]};
    std::sort(entries.begin(), entries.end());
    entries.erase(std::unique(entries.begin(), entries.end()), entries.end());  // a row once per key
    std::vector<RowPair> pairs;
    for (std::size_t lo = 0; lo < entries.size();) {
        std::size_t hi = lo;
        while (hi < entries.size() && entries[hi].first == entries[lo].first) ++hi;
        const std::size_t end = std::min(hi, lo + CandidateIndex::kMaxGroup);
        for (std::size_t j = lo + 1; j < end; ++j)
            for (std::size_t i = lo; i < j; ++i) pairs.emplace_back(entries[i].second, entries[j].second);
        lo = hi;
    }
    return pairs;
}

}  // namespace scholarmerge::distributed
