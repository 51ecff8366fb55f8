// Deciding whether two records are the same work: title similarity weighed
// with the other evidence a record carries, and the guards against the false
// merges users complain about.
#pragma once

#include <cstdlib>

#include "scholarmerge/match/indel.hpp"
#include "scholarmerge/match/record.hpp"

namespace scholarmerge {

struct MatchPolicy {
    double title_threshold = 0.85;  // title similarity that, with agreeing authors, merges
    double title_alone = 0.95;      // title similarity that merges unless authors clearly disagree
    double author_overlap = 0.5;    // share of the shorter author list found in the other
    int max_year_gap = 2;           // a preprint and its published version are often a year or two apart
};

// The policy for a title threshold (0: the default one).
MatchPolicy match_policy(double title_threshold = 0.0);

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
// (nor a thesis with either), no two different DOIs. Year and venue kind are
// not held against records with the same pages, nor with `trust_pages` (one
// of them is the same printed article as a record that agrees with the other).
bool compatible(const MatchRecord& a, const MatchRecord& b, const MatchPolicy& p, bool trust_pages = false);

// The match score in [0, 1] when the pair is the same work, or a negative value.
// Mostly title similarity; a small share is how well year, venue kind and
// authors agree, so that clustering, which joins the best pairs first, joins
// a record to the version it agrees with when the chain check allows only one.
double match_score(const MatchRecord& a, const MatchRecord& b, const CachedIndel& a_title, const MatchPolicy& p);

}  // namespace scholarmerge
