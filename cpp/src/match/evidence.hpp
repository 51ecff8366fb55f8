// Deciding whether two records are the same work: title similarity weighed
// with the other evidence a record carries, and the guards against the false
// merges users complain about.
#pragma once

#include <cstdlib>

#include "match/indel.hpp"
#include "match/model.hpp"
#include "match/record.hpp"

namespace scholarmerge {

// The thresholds of the hard constraints (incompatibility below).
struct MatchPolicy {
    double generic_title = 0.95;    // title similarity a generic title ("Preface") needs
    double author_overlap = 0.5;    // share of the shorter author list found in the other
    int max_year_gap = 2;           // a preprint and its published version are often a year or two apart
};

// Indel similarity of the titles; a dropped or added short prefix before a
// colon ("Q-ASR: Integer-only ..." ~ "Integer-only ...") is forgiven.
double title_score(const MatchRecord& a, const MatchRecord& b, const CachedIndel& a_title);

// Share of the shorter surname list present in the other; -1 when either is empty.
double author_overlap(const MatchRecord& a, const MatchRecord& b);

// Why a pair is kept apart regardless of title similarity, or nullptr.
// Different version/part markers ("V2", "Part II") or different system names
// before a colon ("ZeroQuant-FP:" vs "ZeroQuant-HERO:") mean different works.
const char* guard(const MatchRecord& a, const MatchRecord& b);

// Both carry the same page range: the same printed article.
bool same_pages(const MatchRecord& a, const MatchRecord& b);

// Hard constraints that hold between any two members of one cluster: years
// within max_year_gap, the guards above, no conference-vs-journal versions
// (nor a thesis with either), no two different DOIs, a recurring title only
// in one year by the same people. Year and venue kind are not held against
// records with the same pages, nor with `trust_pages` (one of them is the same
// printed article as a record that agrees with the other). The reason the
// pair is kept apart, or nullptr.
const char* incompatibility(const MatchRecord& a, const MatchRecord& b, const MatchPolicy& p, bool trust_pages = false);
bool compatible(const MatchRecord& a, const MatchRecord& b, const MatchPolicy& p, bool trust_pages = false);

}  // namespace scholarmerge
