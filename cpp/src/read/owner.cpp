#include "read/owner.hpp"

#include <map>

namespace scholarmerge {

ProfileHeader infer_owner(const std::vector<Work>& works, std::size_t first, std::size_t last) {
    struct Count {
        std::size_t entries = 0;
        std::map<std::string, std::size_t> spellings;
    };
    std::map<std::string, Count> by_key;
    for (std::size_t i = first; i < last; ++i) {
        std::map<std::string, bool> seen;  // one vote per entry
        for (const auto& a : works[i].authors) {
            if (a.key.empty() || seen[a.key]) continue;
            seen[a.key] = true;
            Count& c = by_key[a.key];
            ++c.entries;
            ++c.spellings[a.display];
        }
    }
    ProfileHeader p;
    p.inferred = true;
    const Count* best = nullptr;
    for (const auto& [key, c] : by_key)  // ties: the first key in order, for determinism
        if (!best || c.entries > best->entries) best = &c;
    if (!best) return p;
    // The fullest spelling ("Zhewei Yao" over "Z. Yao"), then the most frequent.
    std::pair<std::size_t, std::size_t> rank{0, 0};
    for (const auto& [spelling, n] : best->spellings) {
        std::pair<std::size_t, std::size_t> r{spelling.size(), n};
        if (r > rank) {
            rank = r;
            p.name = spelling;
        }
    }
    p.metrics["entries_with_owner"] = static_cast<std::int64_t>(best->entries);
    p.metrics["entries"] = static_cast<std::int64_t>(last - first);
    return p;
}

}  // namespace scholarmerge
