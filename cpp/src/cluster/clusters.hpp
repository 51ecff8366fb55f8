// From verified pairs to clusters: strongest links first, and no chaining of
// two groups through one weak link.
#pragma once

#include <cstdint>
#include <functional>
#include <vector>

#include "match/evidence.hpp"

namespace scholarmerge {

struct Edge {
    std::uint32_t a, b;  // a < b
    double score;
    double support = 0;  // of two equal scores, the link with the higher support is taken first
};

// `linked(x, y)` tells whether the groups whose first members are x and y may
// join; `merged(into, from)` is told when they did (first members again).
// Labels: the index of each cluster's first row. Deterministic for a given
// edge set, whatever order the edges arrive in.
std::vector<std::int64_t> cluster_edges(std::size_t n, std::vector<Edge> edges,
                                        const std::function<bool(std::uint32_t, std::uint32_t)>& linked,
                                        const std::function<void(std::uint32_t, std::uint32_t)>& merged);

// Share of the two ends' matches they have in common, in [0, 1]: each edge's
// |N[a] & N[b]| / |N[a] | N[b]| over closed neighbourhoods (a record is its
// own neighbour). 1 for every edge of a group whose members all match each
// other; low for a link between two groups that only its ends join.
std::vector<double> shared_neighbours(std::size_t n, const std::vector<Edge>& edges);

// Verified pairs of records into works. Two groups join only if every pair
// across them (the first kChainCheck members of each) is compatible: no
// cluster holds a 1988 and a 1993 version, or a conference and a journal
// version, through a chain of weak links. Links are taken best first; of
// equal ones, the one with more shared_neighbours: a record that matches two
// versions the check keeps apart equally well (a citation without a year)
// joins the one most of its matches belong to.
inline constexpr std::size_t kChainCheck = 32;
// `anchors`: what the corpus's anchors taught (anchors.hpp); two records of a
// source that lists each work once join only when their titles are one.
class CorpusAnchors;
std::vector<std::int64_t> cluster_matches(const std::vector<MatchRecord>& records, std::vector<Edge> edges,
                                          const MatchPolicy& policy, bool chain_check = true,
                                          const CorpusAnchors* anchors = nullptr);

}  // namespace scholarmerge
