// One decision for every pair: the evidence two records give, each piece as a
// level, combined by a Fellegi-Sunter model into a match probability.
//
// Each feature f at level l has m = P(l | same work) and u = P(l | different
// works); a pair's log-odds is the prior's plus the sum of log(m / u) over its
// known features. The m and u are estimated from the corpus itself by EM over
// the candidate pairs (fit_model), starting from, and held near by, documented
// priors (MatchModel::defaults) so that tiny inputs stay sensible. Guards
// (evidence.hpp) are hard constraints: a guarded pair is never the same work.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "match/indel.hpp"
#include "match/record.hpp"

namespace scholarmerge {

enum class Feature : std::uint8_t { title, authors, year, venue, pages, ids, record, venue_name };
inline constexpr std::size_t kFeatures = 8;
// Levels per feature, lowest agreement first.
//   title:   unrelated, weak (>= 0.65), contained (a subtitle added or dropped, or the words reordered), close (>= 0.88),
//            near (>= 0.95), equal (>= 0.995); a generic title ("Preface") is at most weak.
//   authors: none shared, some, half or more of the shorter list, all (of at least two: one sole author
//            shared is "half", a sole author writing many works).
//   year:    far (> 2 apart), two apart, one apart, same.
//   venue:   different kinds, a preprint and a published version, same kind.
//   pages:   different ranges, the same range.
//   ids:     no shared identifier, the same DOI or arXiv id (two different DOIs are a guard).
//   record:  the overlap of all fields' words together (repair.hpp), so that a
//            value in the wrong field still counts: < 0.3, 0.3, 0.45, 0.6, 0.75 and more.
//   venue name: unrelated names, corresponding names, the same name, as the corpus's own
//            near-certain pairs join them (anchors.hpp); unknown without a corpus.
inline constexpr std::array<std::uint8_t, kFeatures> kLevels = {6, 4, 4, 3, 2, 2, 5, 3};
inline constexpr std::uint8_t kUnknown = 0xff;  // a record lacks the field: no evidence either way

// The record overlap counts the title's and the authors' words again, so the
// model scores it given both: its m and u are held once per group of title
// agreement (apart: unrelated or weak; alike: contained or close; same: near or
// equal) and of whether the authors were compared, the levels of each group
// summing to one. Without that, two papers of one team in one venue and year
// ("contained" titles, all fields' words shared) would count the shared words
// twice, while a record whose authors sit in its title field (nothing else to
// compare them by) needs the overlap most.
inline constexpr std::size_t kRecordGroups = 6;
inline constexpr std::size_t kMaxLevels = 30;  // the record's 5 levels in each of 6 groups
// Levels the model holds per feature, and how many of them sum to one together.
inline constexpr std::array<std::uint8_t, kFeatures> kModelLevels = {6, 4, 4, 3, 2, 2, 30, 3};
inline constexpr std::array<std::uint8_t, kFeatures> kLevelsPerGroup = {6, 4, 4, 3, 2, 2, 5, 3};

const char* feature_name(Feature f);
const char* level_name(Feature f, std::uint8_t level);

struct Evidence {
    std::array<std::uint8_t, kFeatures> level{};  // per feature, or kUnknown
    double title = 0;              // the title similarity behind the title level
    const char* guard = nullptr;   // the hard constraint that keeps the pair apart, or nullptr

    // The levels as one number below kPatterns (kUnknown counts as one more level).
    std::uint32_t pattern() const;
};
inline constexpr std::uint32_t kPatterns = 7 * 5 * 5 * 4 * 3 * 3 * 6 * 4;

Evidence evidence_from_pattern(std::uint32_t pattern);

// The model's level of feature f for evidence e (below kModelLevels[f]): e's
// own level, or for the record its level within the title's group; kUnknown
// when e has none.
std::uint8_t model_level(const Evidence& e, Feature f);
// "most shared, title alike": a model level's name.
std::string model_level_name(Feature f, std::uint8_t level);

// The evidence of a pair; a_title caches a.title.
Evidence compare(const MatchRecord& a, const MatchRecord& b, const CachedIndel& a_title);

class CorpusAnchors;

// Candidate pairs of different works are of two kinds, so the model has three
// classes (Winkler's three-class latent model for households): the same work
// (m), another work of the same team (t: the same people, venue and years,
// titles apart) and an unrelated work (u). With two classes, a corpus where
// one team writes many works in one venue lets EM take the team for the match
// class, because authors, venue, year and record overlap agree there together.
using LevelTable = std::array<std::array<double, kMaxLevels>, kFeatures>;

struct MatchModel {
    LevelTable m{}, u{}, t{};  // per feature, per model level: same work, unrelated work, same team's other work
    double prior = 0.05;  // P(same work) for a candidate pair
    double team = 0;      // P(another work of the same team); 0: a two-class model (t the start EM opens it from)
    // What the anchors of the corpus it decided taught (anchors.hpp): its venue
    // names and the sources that list each work once; none: the venue-name
    // evidence is unknown and no source is a catalogue.
    std::shared_ptr<const CorpusAnchors> anchors;

    // The documented starting point (model.cpp says where each number comes from).
    static MatchModel defaults();

    // log(m / u) of a feature's model level; 0 for kUnknown and for a feature no record has.
    double weight(Feature f, std::uint8_t level) const;
    double weight(const Evidence& e, Feature f) const { return weight(f, model_level(e, f)); }
    // log(m / t): the level's weight against the team's other works.
    double team_weight(Feature f, std::uint8_t level) const;
    double prior_log_odds() const;
    // log(P(same) / P(another work of the same team)); -infinity without a team class.
    double team_prior_log_odds() const;
    // Log-odds that the pair is the same work (against both kinds of other
    // work); -infinity when a guard fired.
    double log_odds(const Evidence& e) const;
};

// The anchors' counts as numbers (for pickling) and back; throws
// std::invalid_argument on a malformed list.
std::vector<std::uint64_t> anchor_state(const MatchModel& model);
void set_anchor_state(MatchModel& model, const std::vector<std::uint64_t>& state);

// Per pattern, the number of candidate pairs that showed it.
using PatternCounts = std::vector<std::uint64_t>;

struct FitOptions {
    int iterations = 40;
    double prior_strength = 20.0;  // pseudo-pairs of each class the priors weigh as
    // The team class's share EM starts from when `start` has none (the
    // documented defaults are a two-class model, for records decided without a
    // corpus); 0 fits two classes.
    double team = 0.10;
};

// m, u and the prior estimated by EM over the candidate pairs' patterns.
MatchModel fit_model(const PatternCounts& counts, const MatchModel& start = MatchModel::defaults(),
                     const FitOptions& options = {});

// m and u re-estimated from labelled pairs (their evidence, and whether each is
// one work): each feature's level frequencies in each class, with `start`'s as
// options.prior_strength pseudo-pairs so that a level no label shows keeps its
// estimate. The prior stays start's: labelled pairs are chosen, not a sample
// of the candidates. Guarded pairs say nothing (guards decide them anyway).
MatchModel fit_labelled(const std::vector<Evidence>& evidence, const std::vector<bool>& same,
                        const MatchModel& start = MatchModel::defaults(), const FitOptions& options = {});

// The log-odds at which a pair is the same work, for a probability threshold
// (0 or out of (0, 1): 0.5).
double log_odds_cutoff(double threshold);

// Per pattern, the model's log-odds (the decision depends on nothing else).
std::vector<float> pattern_log_odds(const MatchModel& model);

}  // namespace scholarmerge

namespace scholarmerge {

// The decision on one pair, piece by piece: what dedupe decides, because it is
// made of the same compare() and MatchModel::log_odds().
struct Explanation {
    Evidence evidence;
    // Weighed against the kind of other work the pair most resembles
    // (`against_team`: another work of the same team, else an unrelated one):
    // each feature's log(m / t) or log(m / u), and the prior's log-odds.
    std::array<double, kFeatures> contribution{};
    double prior = 0;
    bool against_team = false;
    double other_kind = 0;  // <= 0: the other kind's share, -log(1 + its odds against the first)
    double log_odds = 0;    // their sum; -infinity when a guard fired
    double probability = 0;
    bool same = false;      // probability >= the threshold
};

// The decision on a pair, as dedupe makes it with `model` (whose anchors' venue names
// say the venue-name level).
Explanation explain(const MatchRecord& a, const MatchRecord& b, const MatchModel& model, double threshold = 0.5);

}  // namespace scholarmerge
