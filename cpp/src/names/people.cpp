#include "scholarmerge/names/people.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <string_view>
#include <unordered_map>

#include "cluster/union_find.hpp"
#include "scholarmerge/names/match.hpp"
#include "text/fold.hpp"

namespace scholarmerge {

namespace {

// Full names this compatible are one person: the same name, or a short form ("Len" / "Leonard").
constexpr double kSameNameFamily = 0.85;

bool full_given(const Author& a) {
    // "Zhewei" is a name; "Z.", "Z", "MW" are initials.
    std::string first = a.given.substr(0, a.given.find(' '));
    std::size_t letters = 0;
    for (char c : first)
        if (c != '.' && c != '-') ++letters;
    return letters > 1 && !(first.size() <= 3 && first == a.initials);
}

}  // namespace

std::vector<std::size_t> resolve_key(const std::string& key, const std::vector<KeyMention>& mentions) {
    const std::size_t n = mentions.size();
    // Local indices in mention order: union by size keeps the roots, and so the
    // order of `people` below, that of a union-find over the whole corpus.
    UnionFind uf(n);
    auto author = [&](std::size_t m) -> const Author& { return *mentions[m].author; };

    std::vector<std::size_t> full, initials;
    for (std::size_t m = 0; m < n; ++m) (full_given(author(m)) ? full : initials).push_back(m);
    // Full names: one person per compatible spelling family. Mentions with
    // the same given name join at once; distinct given names are compared
    // with their neighbours in sorted order only (prefixes such as
    // "Len" / "Leonard" sort close), which keeps a key shared by thousands
    // of people ("Wang, Y.") from costing the square of their number.
    // Typos do not join people here: a chain of them would join strangers.
    std::map<std::string, std::size_t> by_given;  // folded given name -> first mention
    for (std::size_t m : full) {
        auto [it, inserted] = by_given.emplace(text::fold(author(m).given), m);
        if (!inserted) uf.unite(static_cast<std::uint32_t>(it->second), static_cast<std::uint32_t>(m));
    }
    std::vector<std::size_t> distinct;
    distinct.reserve(by_given.size());
    for (const auto& kv : by_given) distinct.push_back(kv.second);
    constexpr std::size_t kWindow = 32;
    for (std::size_t i = 0; i < distinct.size(); ++i)
        for (std::size_t j = i + 1; j < distinct.size() && j <= i + kWindow; ++j)
            if (same_author(author(distinct[i]), author(distinct[j])) >= kSameNameFamily)
                uf.unite(static_cast<std::uint32_t>(distinct[i]), static_cast<std::uint32_t>(distinct[j]));
    // The full-name people of this key, as root -> members.
    std::map<std::uint32_t, std::vector<std::size_t>> people;
    for (std::size_t m : full) people[uf.find(static_cast<std::uint32_t>(m))].push_back(m);

    std::uint32_t initials_only = UINT32_MAX;  // the person of initials no full name claims
    for (std::size_t m : initials) {
        std::vector<std::uint32_t> compatible;
        for (const auto& [root, members] : people)
            for (std::size_t f : members)
                if (same_author(author(m), author(f)) >= kSameAuthorThreshold) {
                    compatible.push_back(root);
                    break;
                }
        std::uint32_t chosen = UINT32_MAX;
        // 1. Another source names the person on this very work.
        for (std::uint32_t root : compatible)
            for (std::size_t f : people[root])
                if (mentions[f].work == mentions[m].work) chosen = root;
        // 2. Only one full name fits.
        if (chosen == UINT32_MAX && compatible.size() == 1) chosen = compatible[0];
        // 3. The one sharing most co-authors, if any share some.
        if (chosen == UINT32_MAX && compatible.size() > 1) {
            std::size_t best = 0;
            const auto& mine = *mentions[m].coauthors;
            for (std::uint32_t root : compatible) {
                std::set<std::string> theirs;
                for (std::size_t f : people[root]) theirs.insert(mentions[f].coauthors->begin(), mentions[f].coauthors->end());
                std::size_t shared = 0;
                for (const auto& k : mine) shared += k != key && theirs.count(k);
                if (shared > best) {
                    best = shared;
                    chosen = root;
                }
            }
        }
        if (chosen != UINT32_MAX) {
            uf.unite(chosen, static_cast<std::uint32_t>(m));
        } else if (compatible.empty()) {
            // No full name at all: initials of one key are one person.
            if (initials_only == UINT32_MAX) initials_only = static_cast<std::uint32_t>(m);
            else uf.unite(initials_only, static_cast<std::uint32_t>(m));
        }  // else ambiguous: a person of its own
    }
    // Each mention's person as its first mention.
    std::vector<std::size_t> first(n);
    std::unordered_map<std::uint32_t, std::size_t> first_of_root;
    for (std::size_t m = 0; m < n; ++m) first[m] = first_of_root.emplace(uf.find(static_cast<std::uint32_t>(m)), m).first->second;
    return first;
}

std::vector<std::size_t> first_mentions(const std::vector<KeyMention>& mentions) {
    std::map<std::string_view, std::vector<std::size_t>> by_key;
    for (std::size_t m = 0; m < mentions.size(); ++m)
        if (!mentions[m].author->key.empty()) by_key[mentions[m].author->key].push_back(m);

    std::vector<std::size_t> first(mentions.size());
    for (std::size_t m = 0; m < mentions.size(); ++m) first[m] = m;  // a mention without a key: its own person
    std::vector<KeyMention> group;
    for (const auto& [key, members] : by_key) {
        group.clear();
        for (std::size_t m : members) group.push_back(mentions[m]);
        const std::vector<std::size_t> local = resolve_key(std::string(key), group);
        for (std::size_t i = 0; i < members.size(); ++i) first[members[i]] = members[local[i]];
    }
    return first;
}

std::vector<std::int64_t> resolve_people(const std::vector<Work>& works, const std::vector<Mention>& mentions) {
    const std::size_t n = mentions.size();
    auto author = [&](std::size_t m) -> const Author& { return works[mentions[m].row].authors[mentions[m].index]; };

    // Co-author keys per work label, for the last tie-break.
    std::unordered_map<std::int64_t, std::set<std::string>> coauthors;
    for (std::size_t m = 0; m < n; ++m) coauthors[mentions[m].work].insert(author(m).key);

    std::vector<KeyMention> view(n);
    for (std::size_t m = 0; m < n; ++m) view[m] = {&author(m), mentions[m].work, &coauthors[mentions[m].work]};
    const std::vector<std::size_t> first = first_mentions(view);
    // Ids in order of first appearance: a first mention precedes its person's others.
    std::vector<std::int64_t> ids(n, -1);
    std::int64_t next = 0;
    for (std::size_t m = 0; m < n; ++m) ids[m] = first[m] == m ? next++ : ids[first[m]];
    return ids;
}

}  // namespace scholarmerge
