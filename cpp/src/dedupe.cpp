#include "scholarmerge/dedupe.hpp"

#include <unordered_map>

#include "scholarmerge/match/title.hpp"

namespace scholarmerge {

// First slice: records whose normalised titles are equal are one work.
// The fuzzy engine (blocking, verification, guards) replaces this.
std::vector<std::int64_t> dedupe(const std::vector<Work>& works, const DedupeOptions&) {
    std::vector<std::int64_t> labels(works.size());
    std::unordered_map<std::string, std::int64_t> first;
    for (std::size_t i = 0; i < works.size(); ++i) {
        std::string key = normalize_title(works[i].title);
        auto [it, inserted] = first.emplace(key, static_cast<std::int64_t>(i));
        labels[i] = key.empty() ? static_cast<std::int64_t>(i) : it->second;
    }
    return labels;
}

}  // namespace scholarmerge
