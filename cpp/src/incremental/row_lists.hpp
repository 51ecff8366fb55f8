// Rows per 64-bit key, in row order, for the catalogue's matcher
// (incremental.hpp): a flat part (sorted arrays, loaded or built whole, no
// allocation per key: a catalogue of a million records opens in a fraction of
// a second) followed by a grown part for the rows added since.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace scholarmerge {

class RowLists {
public:
    struct Span {
        const std::uint32_t* begin = nullptr;
        const std::uint32_t* end = nullptr;
        std::size_t size() const { return static_cast<std::size_t>(end - begin); }
    };
    // A key's rows: the flat part's, then the grown part's (all greater).
    struct Rows {
        Span flat, grown;
        std::size_t size() const { return flat.size() + grown.size(); }
        template <class F>  // f(row) for each row in order, until f returns false
        void each(F&& f) const {
            for (const std::uint32_t* p = flat.begin; p != flat.end; ++p)
                if (!f(*p)) return;
            for (const std::uint32_t* p = grown.begin; p != grown.end; ++p)
                if (!f(*p)) return;
        }
        bool contains(std::uint32_t row) const;
    };

    // Keys found by a hash table over the flat part (built on build() and read():
    // a few milliseconds per 100,000 keys), or by binary search (nothing built:
    // for many keys looked up rarely).
    explicit RowLists(bool hashed = true) : hashed_(hashed) {}

    // The flat part from (key, row) pairs in any order, the first `cap` rows of each key kept;
    // the grown part emptied.
    void build(std::vector<std::pair<std::uint64_t, std::uint32_t>> pairs, std::size_t cap);
    // Appends row (greater than every row held) to key's list, unless it holds `cap` rows already.
    void append(std::uint64_t key, std::uint32_t row, std::size_t cap);
    Rows find(std::uint64_t key) const;
    std::size_t count(std::uint64_t key) const { return find(key).size(); }

    // f(key, rows) for each key of the flat part (the one read() or build() made), in key order.
    template <class F>
    void for_each_flat(F&& f) const {
        for (std::size_t k = 0; k < keys_.size(); ++k) f(keys_[k], Span{rows_.data() + start_[k], rows_.data() + start_[k + 1]});
    }

    // Both parts as one flat part, appended to `out` (native byte order) / read back from `in` at `pos`.
    void write(std::string& out) const;
    void read(std::string_view in, std::size_t& pos);

private:
    void index_keys();  // table_ from keys_
    std::size_t slot(std::uint64_t key) const;

    std::vector<std::uint64_t> keys_;   // distinct, ascending
    std::vector<std::uint32_t> start_;  // keys_.size() + 1 offsets into rows_
    std::vector<std::uint32_t> rows_;
    std::vector<std::uint32_t> table_;  // open addressing: 1 + index into keys_, 0 empty (hashed_ only)
    bool hashed_;
    std::unordered_map<std::uint64_t, std::vector<std::uint32_t>> grown_;
};

}  // namespace scholarmerge
