// Set-similarity join in pieces (Vernica, Carey, Li: "Efficient parallel
// set-similarity joins using MapReduce", 2010): a row is sent to the bucket
// of each of its prefix words, and a pair is reported only in the bucket of
// the first prefix word the two share.
#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "scholarmerge/distributed.hpp"
#include "match/index.hpp"

namespace scholarmerge::distributed {

namespace {

// Shared words a pair needs to reach Jaccard t (as CandidateIndex computes it).
double needed_overlap(double t, std::uint32_t sx, std::uint32_t sy) {
    return t / (1.0 + t) * static_cast<double>(sx + sy) - 1e-9;
}

}  // namespace

std::vector<Postings> prefix_postings(const RowKeys& keys, std::int64_t first_row, const WordRanks& ranks,
                                      double min_jaccard, std::size_t buckets) {
    if (buckets == 0) throw std::invalid_argument("prefix_postings: buckets must be positive");
    if (ranks.words.size() != ranks.ranks.size()) throw std::invalid_argument("prefix_postings: words and ranks differ");
    std::vector<Postings> out(buckets);
    const std::size_t n = keys.word_offsets.size() - 1;
    std::vector<std::uint32_t> set;
    for (std::size_t i = 0; i < n; ++i) {
        // The row's words in the global order: those in one record only
        // first (they are nobody else's), then the ranked ones.
        const std::uint32_t size = word_set(keys, i, ranks, set);
        const auto singles = static_cast<std::uint32_t>(size - set.size());
        if (size == 0) continue;
        std::size_t prefix = size - static_cast<std::size_t>(std::ceil(min_jaccard * size - 1e-9)) + 1;
        prefix = std::min<std::size_t>(prefix, size);
        for (std::size_t p = singles; p < prefix; ++p) {
            const std::uint32_t word = set[p - singles];
            Postings& b = out[word % buckets];
            b.word.push_back(word);
            b.row.push_back(first_row + static_cast<std::int64_t>(i));
            b.position.push_back(static_cast<std::uint32_t>(p));
            b.size.push_back(size);
            b.sets.insert(b.sets.end(), set.begin(), set.end());
            b.set_offsets.push_back(b.sets.size());
        }
    }
    return out;
}

std::vector<RowPair> prefix_join(const std::vector<Postings>& parts, double min_jaccard) {
    struct Entry {
        std::uint32_t word, position, size;
        std::int64_t row;
        const std::uint32_t *begin, *end;  // the word set
    };
    std::vector<Entry> entries;
    for (const Postings& p : parts)
        for (std::size_t i = 0; i < p.row.size(); ++i)
            entries.push_back({p.word[i], p.position[i], p.size[i], p.row[i], p.sets.data() + p.set_offsets[i],
                               p.sets.data() + p.set_offsets[i + 1]});
    std::sort(entries.begin(), entries.end(),
              [](const Entry& a, const Entry& b) { return a.word != b.word ? a.word < b.word : a.row < b.row; });
    std::vector<RowPair> pairs;
    const double t = min_jaccard;
    for (std::size_t lo = 0; lo < entries.size();) {
        std::size_t hi = lo;
        while (hi < entries.size() && entries[hi].word == entries[lo].word) ++hi;
        for (std::size_t j = lo + 1; j < hi; ++j) {
            const Entry& x = entries[j];
            for (std::size_t i = lo; i < j; ++i) {
                const Entry& y = entries[i];
                if (y.size < t * x.size || x.size < t * y.size) continue;
                if (CandidateIndex::fragile(x.size, t) && CandidateIndex::fragile(y.size, t)) continue;  // they meet by keys
                const double needed = needed_overlap(t, x.size, y.size);
                // Positional filter, valid when this word is their first shared one
                // (if it is not, the pair belongs to another word's bucket anyway).
                if (1 + std::min(x.size - x.position - 1, y.size - y.position - 1) < needed) continue;
                // Shared words, and whether the first of them is this word.
                std::size_t shared = 0;
                bool first = true;
                for (auto a = x.begin, b = y.begin; a != x.end && b != y.end;) {
                    if (*a == *b) {
                        if (shared == 0 && *a != x.word) {
                            first = false;
                            break;
                        }
                        ++shared, ++a, ++b;
                    } else if (*a < *b) {
                        ++a;
                    } else {
                        ++b;
                    }
                }
                if (first && static_cast<double>(shared) >= needed) pairs.emplace_back(y.row, x.row);
            }
        }
        lo = hi;
    }
    return pairs;
}

}  // namespace scholarmerge::distributed
