#include "scholarmerge/match/index.hpp"

#include <algorithm>
#include <cmath>
#include <string_view>
#include <unordered_map>

#include "scholarmerge/match/key_hash.hpp"
#include "scholarmerge/match/title.hpp"

namespace scholarmerge {

CandidateIndex::CandidateIndex(const std::vector<MatchRecord>& records, double min_jaccard)
    : prefix_(records.size()), size_(records.size()), group_of_(records.size(), {-1, -1, -1}), min_jaccard_(min_jaccard) {
    // Word ids and document frequencies. A word is known by its key_hash, as
    // in a distributed run.
    std::unordered_map<std::uint64_t, std::uint32_t> ids;
    std::vector<std::uint32_t> df;
    std::vector<std::vector<std::uint32_t>> words(records.size());
    std::vector<std::uint64_t> keys;
    for (std::size_t r = 0; r < records.size(); ++r) {
        title_word_keys(records[r].title, keys);
        for (std::uint64_t k : keys) {
            auto [it, inserted] = ids.emplace(k, static_cast<std::uint32_t>(df.size()));
            if (inserted) df.push_back(0);
            ++df[it->second];
            words[r].push_back(it->second);
        }
    }
    postings_.resize(df.size());
    // In a large corpus the commonest words ("learning", "of") say little and
    // their postings would make candidate generation quadratic: they are left
    // out of the word sets. Records equal in title still meet through the
    // title groups below.
    const auto max_df = static_cast<std::uint32_t>(max_document_frequency(records.size()));
    // Words ranked rarest first; a record's words as ascending ranks, so that
    // its prefix is the rarest few and two records intersect by a merge.
    std::vector<std::uint32_t> by_rarity(df.size());
    for (std::uint32_t w = 0; w < df.size(); ++w) by_rarity[w] = w;
    std::sort(by_rarity.begin(), by_rarity.end(),
              [&](std::uint32_t a, std::uint32_t b) { return df[a] != df[b] ? df[a] < df[b] : a < b; });
    std::vector<std::uint32_t> rank(df.size());
    for (std::uint32_t k = 0; k < by_rarity.size(); ++k) rank[by_rarity[k]] = k;
    words_.resize(records.size());
    signature_.assign(records.size(), 0);
    for (std::size_t r = 0; r < records.size(); ++r) {
        auto& ws = words[r];
        ws.erase(std::remove_if(ws.begin(), ws.end(), [&](std::uint32_t w) { return df[w] > max_df; }), ws.end());
        for (auto& w : ws) w = rank[w];
        std::sort(ws.begin(), ws.end());
        std::size_t n = ws.size();
        size_[r] = static_cast<std::uint32_t>(n);
        std::size_t p = n == 0 ? 0 : n - static_cast<std::size_t>(std::ceil(min_jaccard * static_cast<double>(n) - 1e-9)) + 1;
        p = std::min(p, n);
        prefix_[r].assign(ws.begin(), ws.begin() + static_cast<long>(p));
        for (std::uint32_t k = 0; k < prefix_[r].size(); ++k)
            postings_[prefix_[r][k]].push_back({static_cast<std::uint32_t>(r), k});
        for (std::uint32_t w : ws) signature_[r] |= std::uint64_t{1} << (w % 64);
        words_[r] = std::move(ws);
    }
    // Records sharing a DOI, an arXiv id or their whole normalised title are
    // candidates whatever their words (the first kMaxGroup of each key).
    // Keys are hashed: a collision only adds candidates, which verification
    // then rejects, and a million titles need no million strings here.
    std::unordered_map<std::uint64_t, std::int32_t> group_id;
    for (std::size_t r = 0; r < records.size(); ++r) {
        const std::string* keys[] = {&records[r].doi, &records[r].arxiv, &records[r].title};
        constexpr GroupKey kinds[] = {GroupKey::doi, GroupKey::arxiv, GroupKey::title};
        for (int k = 0; k < 3; ++k) {
            if (keys[k]->empty()) continue;
            std::uint64_t key = group_key(*keys[k], kinds[k]);
            auto [it, inserted] = group_id.emplace(key, static_cast<std::int32_t>(groups_.size()));
            if (inserted) groups_.emplace_back();
            auto& group = groups_[static_cast<std::size_t>(it->second)];
            if (group.size() < kMaxGroup) {
                group.push_back(static_cast<std::uint32_t>(r));
                group_of_[r][static_cast<std::size_t>(k)] = it->second;
            }
        }
    }
    // A group of one meets nobody.
    for (auto& g : group_of_)
        for (auto& k : g)
            if (k >= 0 && groups_[static_cast<std::size_t>(k)].size() < 2) k = -1;
    for (auto& group : groups_)
        if (group.size() < 2) std::vector<std::uint32_t>().swap(group);
}

bool CandidateIndex::overlap_enough(std::uint32_t x, std::uint32_t y) const {
    // Sizes and signatures first: they sit in flat arrays, the word lists
    // behind a pointer each (a cache miss most candidates never pay).
    const std::uint32_t sx = size_[x], sy = size_[y];
    const double needed = min_jaccard_ / (1.0 + min_jaccard_) * static_cast<double>(sx + sy) - 1e-9;
    // Each shared word sets a bit in both signatures; two shared words on one
    // bit also collide within each record's own signature. So shared words
    // <= common bits + the fewer own collisions: too few rules the pair out
    // without a merge (most candidates end here).
    const std::uint64_t ax = signature_[x], ay = signature_[y];
    const int own_x = static_cast<int>(sx) - __builtin_popcountll(ax);
    const int own_y = static_cast<int>(sy) - __builtin_popcountll(ay);
    if (__builtin_popcountll(ax & ay) + std::min(own_x, own_y) < needed) return false;
    const auto& a = words_[x];
    const auto& b = words_[y];
    std::size_t shared = 0;
    for (std::size_t i = 0, j = 0; i < a.size() && j < b.size();) {
        if (static_cast<double>(shared + std::min(a.size() - i, b.size() - j)) < needed) return false;
        if (a[i] == b[j]) ++shared, ++i, ++j;
        else if (a[i] < b[j]) ++i;
        else ++j;
    }
    return static_cast<double>(shared) >= needed;
}

}  // namespace scholarmerge
