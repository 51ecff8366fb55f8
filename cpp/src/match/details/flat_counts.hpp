// A count per 64-bit key in one open-addressing table. The corpus-wide word
// counts are millions of increments; std::unordered_map allocates a node for
// every key. Keys are key_hash() values: well mixed, and never 0 (0 marks an
// empty slot).
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace scholarmerge::details {

class FlatCounts {
public:
    explicit FlatCounts(std::size_t expected = 0) { rehash(capacity_for(expected)); }

    // Adds n to key's count; returns the new count.
    std::uint32_t add(std::uint64_t key, std::uint32_t n = 1) {
        if (2 * (used_ + 1) > keys_.size()) rehash(2 * keys_.size());
        std::size_t i = slot(key);
        if (!keys_[i]) keys_[i] = key, ++used_;
        return counts_[i] += n;
    }

    std::uint32_t get(std::uint64_t key) const {
        const std::size_t i = slot(key);
        return keys_[i] ? counts_[i] : 0;
    }

    std::size_t size() const { return used_; }  // keys counted

    // f(key, count) for every key, in slot order.
    template <class F>
    void for_each(F&& f) const {
        for (std::size_t i = 0; i < keys_.size(); ++i)
            if (keys_[i]) f(keys_[i], counts_[i]);
    }

private:
    static std::size_t capacity_for(std::size_t n) {
        std::size_t c = 16;
        while (c < 2 * n) c *= 2;
        return c;
    }
    // The key's slot, or the empty slot where it would go.
    std::size_t slot(std::uint64_t key) const {
        const std::size_t mask = keys_.size() - 1;
        std::size_t i = static_cast<std::size_t>(key) & mask;
        while (keys_[i] && keys_[i] != key) i = (i + 1) & mask;
        return i;
    }
    void rehash(std::size_t capacity) {
        std::vector<std::uint64_t> keys(capacity, 0);
        std::vector<std::uint32_t> counts(capacity, 0);
        keys.swap(keys_);  // keys and counts now hold the old table
        counts.swap(counts_);
        for (std::size_t i = 0; i < keys.size(); ++i)
            if (keys[i]) {
                const std::size_t j = slot(keys[i]);
                keys_[j] = keys[i];
                counts_[j] = counts[i];
            }
    }

    std::vector<std::uint64_t> keys_;
    std::vector<std::uint32_t> counts_;
    std::size_t used_ = 0;
};

}  // namespace scholarmerge::details
