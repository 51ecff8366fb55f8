#include "match/index.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string_view>

#include "match/key_hash.hpp"
#include "scholarmerge/match/title.hpp"
#include "match/title_keys.hpp"

namespace scholarmerge {

namespace {

// Word (its key_hash, as in a distributed run) -> id (ids in order of first
// sight), for the tens of thousands of distinct words a corpus has, looked up
// for each of its millions of words: open addressing over a power-of-two
// table, no division and no node per word.
class WordIds {
public:
    // w's id; a new one, the number of words so far, when w is new.
    std::uint32_t id(std::uint64_t w, bool& inserted) {
        if (2 * (std::size_t{count_} + 1) > slots_.size()) grow();
        std::size_t i = w & (slots_.size() - 1);  // key_hash is well mixed
        for (; slots_[i].id != kEmpty; i = (i + 1) & (slots_.size() - 1))
            if (slots_[i].word == w) {
                inserted = false;
                return slots_[i].id;
            }
        inserted = true;
        slots_[i] = {w, count_};
        return count_++;
    }

private:
    static constexpr std::uint32_t kEmpty = ~std::uint32_t{0};
    struct Slot {
        std::uint64_t word = 0;
        std::uint32_t id = kEmpty;
    };
    void grow() {
        std::vector<Slot> old(std::max<std::size_t>(1024, 2 * slots_.size()));
        old.swap(slots_);
        for (const Slot& s : old) {
            if (s.id == kEmpty) continue;
            std::size_t i = s.word & (slots_.size() - 1);
            while (slots_[i].id != kEmpty) i = (i + 1) & (slots_.size() - 1);
            slots_[i] = s;
        }
    }
    std::vector<Slot> slots_;
    std::uint32_t count_ = 0;
};

}  // namespace

CandidateIndex::CandidateIndex(const std::vector<MatchRecord>& records, double min_jaccard)
    : min_jaccard_(min_jaccard) {
    const std::size_t n = records.size();
    // Word ids and document frequencies; each record's distinct word ids in one
    // flat array (record r's from word_start_[r]).
    WordIds ids;
    std::vector<std::uint32_t> df;
    word_start_.assign(n + 1, 0);
    std::vector<std::uint64_t> keys;
    for (std::size_t r = 0; r < n; ++r) {
        index_word_keys(records[r].title, keys);
        for (std::uint64_t k : keys) {
            bool inserted = false;
            const std::uint32_t id = ids.id(k, inserted);
            if (inserted) df.push_back(0);
            ++df[id];
            words_.push_back(id);
        }
        word_start_[r + 1] = words_.size();
    }
    postings_.resize(df.size());
    // The commonest words ("learning", "of") say little and their postings
    // would make candidate generation quadratic: they are left out of the
    // word sets. Records equal in title, or one word apart, still meet
    // through the title keys below.
    const auto max_df = static_cast<std::uint32_t>(kMaxDocumentFrequency);
    // Words ranked rarest first; a record's words as ascending ranks, so that
    // its prefix is the rarest few and two records intersect by a merge.
    std::vector<std::uint32_t> by_rarity(df.size());
    for (std::uint32_t w = 0; w < df.size(); ++w) by_rarity[w] = w;
    std::sort(by_rarity.begin(), by_rarity.end(),
              [&](std::uint32_t a, std::uint32_t b) { return df[a] != df[b] ? df[a] < df[b] : a < b; });
    std::vector<std::uint32_t> rank(df.size());
    for (std::uint32_t k = 0; k < by_rarity.size(); ++k) rank[by_rarity[k]] = k;
    prefix_size_.assign(n, 0);
    signature_.assign(n, 0);
    std::size_t kept = 0;  // words_ is compacted in place as common words are dropped
    for (std::size_t r = 0; r < n; ++r) {
        const std::size_t from = kept;
        for (std::size_t k = word_start_[r]; k < word_start_[r + 1]; ++k)
            if (df[words_[k]] <= max_df) words_[kept++] = rank[words_[k]];
        word_start_[r] = from;
        auto ws = words_.begin() + static_cast<long>(from), we = words_.begin() + static_cast<long>(kept);
        std::sort(ws, we);
        // Titles are capped at kMaxTitleBytes, so a record has at most half that many words.
        static_assert(kMaxTitleBytes / 2 < 0xFFFF, "word counts and positions fit 16 bits");
        const std::size_t m = kept - from;
        std::size_t p = m == 0 ? 0 : m - static_cast<std::size_t>(std::ceil(min_jaccard * static_cast<double>(m) - 1e-9)) + 1;
        prefix_size_[r] = static_cast<std::uint16_t>(std::min(p, m));
        for (auto w = ws; w != we; ++w) signature_[r] |= std::uint64_t{1} << (*w % 64);
    }
    word_start_[n] = kept;
    words_.resize(kept);
    words_.shrink_to_fit();
    // Postings by word in one array: counted, then filled in record order.
    posting_start_.assign(df.size() + 1, 0);
    for (std::size_t r = 0; r < n; ++r) {
        max_size_ = std::max(max_size_, size(static_cast<std::uint32_t>(r)));
        for (std::uint16_t k = 0; k < prefix_size_[r]; ++k) ++posting_start_[words_[word_start_[r] + k] + 1];
    }
    for (std::size_t w = 0; w < df.size(); ++w) posting_start_[w + 1] += posting_start_[w];
    postings_.resize(posting_start_.back());
    std::vector<std::size_t> fill(posting_start_.begin(), posting_start_.end() - 1);
    for (std::size_t r = 0; r < n; ++r) {
        const auto rec = static_cast<std::uint32_t>(r);
        for (std::uint16_t k = 0; k < prefix_size_[r]; ++k)
            postings_[fill[words_[word_start_[r] + k]]++] = {signature_[r], rec, k, static_cast<std::uint16_t>(size(rec))};
    }
    build_groups(records);
}

void CandidateIndex::build_groups(const std::vector<MatchRecord>& records) {
    // Records sharing a DOI, an arXiv id or a title key (a main title's too) are candidates
    // whatever their words (the first kMaxGroup of each key). Keys are
    // hashed: a collision only adds candidates, which verification then
    // rejects, and a million titles need no million strings here.
    std::vector<std::pair<std::uint64_t, std::uint32_t>> entries;  // (key, record)
    std::vector<std::uint64_t> keys;
    for (std::size_t r = 0; r < records.size(); ++r) {
        const MatchRecord& m = records[r];
        const auto rec = static_cast<std::uint32_t>(r);
        if (!m.doi.empty()) entries.emplace_back(group_key(m.doi, GroupKey::doi), rec);
        if (!m.arxiv.empty()) entries.emplace_back(group_key(m.arxiv, GroupKey::arxiv), rec);
        if (m.title.empty()) continue;
        keys.clear();
        // Where one misspelt word takes a duplicate below min_jaccard, titles
        // one word apart meet through their word-out keys.
        const std::string title = print_skeleton(m.title);
        if (fragile(size(rec), min_jaccard_)) word_out_keys(title, keys);
        keys.push_back(title_key(title));
        // A title meets the records whose main title (before a colon) it is:
        // "Boosting the Margin" shares too few words with "Boosting the
        // Margin: A New Explanation for ..." for the Jaccard bound.
        if (!m.name.empty()) keys.push_back(title_key(print_skeleton(m.name)));
        for (std::uint64_t k : keys) entries.emplace_back(k, rec);
    }
    std::sort(entries.begin(), entries.end());
    entries.erase(std::unique(entries.begin(), entries.end()), entries.end());
    std::vector<std::pair<std::uint32_t, std::uint32_t>> membership;  // (record, group)
    group_start_.assign(1, 0);
    for (std::size_t lo = 0; lo < entries.size();) {
        std::size_t hi = lo;
        while (hi < entries.size() && entries[hi].first == entries[lo].first) ++hi;
        if (hi - lo >= 2) {  // a group of one meets nobody
            const auto g = static_cast<std::uint32_t>(group_start_.size() - 1);
            for (std::size_t i = lo; i < std::min(hi, lo + kMaxGroup); ++i) {
                group_members_.push_back(entries[i].second);
                membership.emplace_back(entries[i].second, g);
            }
            group_start_.push_back(group_members_.size());
        }
        lo = hi;
    }
    std::sort(membership.begin(), membership.end());
    record_group_start_.assign(records.size() + 1, 0);
    for (const auto& [r, g] : membership) {
        ++record_group_start_[r + 1];
        record_groups_.push_back(g);
    }
    for (std::size_t r = 0; r < records.size(); ++r) record_group_start_[r + 1] += record_group_start_[r];
}

// The scan below counts bits for most postings it reads; the x86-64 baseline
// the build targets has no POPCNT instruction (a library call instead), so a
// POPCNT version is made too and picked when the library loads, where the CPU
// has one (nearly every x86-64 CPU since 2008). GCC only: clang would need the
// attribute on the declaration that callers in other files see.
#if defined(__x86_64__) && defined(__linux__) && defined(__GNUC__) && !defined(__clang__)
#define SCHOLARMERGE_POPCNT_CLONES __attribute__((target_clones("popcnt", "default")))
#else
#define SCHOLARMERGE_POPCNT_CLONES
#endif

SCHOLARMERGE_POPCNT_CLONES
void CandidateIndex::word_candidates(std::uint32_t x, CandidateScratch& scratch) const {
    auto& overlap = scratch.overlap;
    auto& touched = scratch.touched;
    auto& hits = scratch.hits;
    if (overlap.size() != signature_.size()) overlap.assign(signature_.size(), 0);
    touched.clear();
    hits.clear();
    const std::uint32_t* wx = words_.data() + word_start_[x];
    const std::uint32_t sx = size(x);
    const std::uint64_t ax = signature_[x];
    const int own_x = static_cast<int>(sx) - __builtin_popcountll(ax);
    const double t = min_jaccard_;
    auto words_needed = [&](std::uint32_t sy) { return t / (1.0 + t) * (sx + sy); };
    // Per size of y, the shared words the pair needs as a whole number (c < v
    // for a whole c exactly when c < ceil(v)); sizes too different to reach
    // t, and fragile sets when x's is (they meet through keys), need more
    // than any pair has.
    auto& needed = scratch.needed;
    needed.assign(max_size_ + 1, std::numeric_limits<std::int32_t>::max());
    for (std::uint32_t sy = 0; sy <= max_size_ && !(sx < t * sy); ++sy)
        if (!(sy < t * sx) && !(fragile(sx, t) && fragile(sy, t)))
            needed[sy] = static_cast<std::int32_t>(std::ceil(words_needed(sy) - 1e-9));
    // The lists are read one after another, each from its start: ask for all
    // their first cache lines at once, so that their misses overlap.
    for (std::uint32_t i = 0; i < prefix_size_[x]; ++i) {
        const char* head = reinterpret_cast<const char*>(postings_.data() + posting_start_[wx[i]]);
        for (std::ptrdiff_t line = 0; line < 8; ++line) __builtin_prefetch(head + 64 * line);
    }
    for (std::uint32_t i = 0; i < prefix_size_[x]; ++i) {
        const Posting* end = postings_.data() + posting_start_[wx[i] + 1];
        for (const Posting* p = postings_.data() + posting_start_[wx[i]]; p != end; ++p) {
            const std::uint32_t y = p->record;
            if (y >= x) break;  // postings are in record order
            // Filters on what the posting holds: nothing of y's own is read, and
            // most pairs end here. Each shared word sets a bit in both signatures;
            // two shared words on one bit also collide within each record's own
            // signature. So shared words <= common bits + the fewer own
            // collisions (x's own, checked first, is usually 0).
            const std::uint32_t sy = p->size;
            const int common = __builtin_popcountll(ax & p->signature);
            if (common + own_x < needed[sy]) continue;
            if (common + std::min(own_x, static_cast<int>(sy) - __builtin_popcountll(p->signature)) < needed[sy]) continue;
            hits.push_back({y, static_cast<std::uint16_t>(i), p->position, p->size});
        }
    }
    // Each y's hits in x's word order, counted here: a per-record count would
    // cost a cache miss for most hits.
    std::sort(hits.begin(), hits.end(), [](const CandidateScratch::Hit& a, const CandidateScratch::Hit& b) {
        return a.record != b.record ? a.record < b.record : a.x_pos < b.x_pos;
    });
    for (std::size_t k = 0; k < hits.size();) {
        const std::uint32_t y = hits[k].record, sy = hits[k].y_size;
        const double words = words_needed(sy);
        // Positional filter (PPJoin): the words after these positions are all
        // that can still be shared; too few, and the pair cannot reach t.
        std::uint32_t shared = 0;
        bool pruned = false;
        for (; k < hits.size() && hits[k].record == y; ++k) {
            if (pruned) continue;
            const std::uint32_t bound = shared + 1 + std::min(sx - hits[k].x_pos - 1u, sy - hits[k].y_pos - 1u);
            if (bound + 1e-9 >= words) ++shared;
            else pruned = true;
        }
        if (!pruned && overlap_enough(x, y, words)) {
            overlap[y] = kVisited;
            touched.push_back(y);
        }
    }
}

bool CandidateIndex::overlap_enough(std::uint32_t x, std::uint32_t y, double needed) const {
    needed -= 1e-9;
    const std::uint32_t* a = words_.data() + word_start_[x];
    const std::uint32_t* b = words_.data() + word_start_[y];
    const std::size_t na = size(x), nb = size(y);
    std::size_t shared = 0;
    for (std::size_t i = 0, j = 0; i < na && j < nb;) {
        if (static_cast<double>(shared + std::min(na - i, nb - j)) < needed) return false;
        if (a[i] == b[j]) ++shared, ++i, ++j;
        else if (a[i] < b[j]) ++i;
        else ++j;
    }
    return static_cast<double>(shared) >= needed;
}

}  // namespace scholarmerge
