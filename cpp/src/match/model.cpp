#include "match/model.hpp"

#include "match/evidence.hpp"
#include "anchors.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <utility>

namespace scholarmerge {

namespace {

constexpr std::array<std::uint8_t, kFeatures> kRadix = {7, 5, 5, 4, 3, 3, 6, 4};  // levels + unknown

constexpr const char* kLevelNames[kFeatures][kMaxLevels] = {
    {"unrelated", "weak", "contained", "close", "near", "equal"},
    {"none shared", "some shared", "half shared", "all shared"},
    {"far apart", "two apart", "one apart", "same"},
    {"different kinds", "preprint and published", "same kind"},
    {"different", "same range"},
    {"none shared", "same"},
    {"little shared", "some shared", "much shared", "most shared", "nearly all shared"},
    {"unrelated names", "corresponding names", "same name"},
};

double clamp_probability(double p) { return std::min(1.0 - 1e-9, std::max(1e-9, p)); }

}  // namespace

const char* feature_name(Feature f) {
    static constexpr const char* names[kFeatures] = {"title", "authors", "year", "venue", "pages", "ids", "record", "venue name"};
    return names[static_cast<std::size_t>(f)];
}

std::uint8_t model_level(const Evidence& e, Feature f) {
    const std::uint8_t l = e.level[static_cast<std::size_t>(f)];
    if (f != Feature::record || l == kUnknown) return l;
    const std::uint8_t t = e.level[static_cast<std::size_t>(Feature::title)];
    const bool authors = e.level[static_cast<std::size_t>(Feature::authors)] != kUnknown;
    const int group = (t == kUnknown || t <= 1 ? 0 : t <= 3 ? 1 : 2) + (authors ? 0 : 3);
    return static_cast<std::uint8_t>(group * kLevelsPerGroup[static_cast<std::size_t>(f)] + l);
}

std::string model_level_name(Feature f, std::uint8_t level) {
    const auto i = static_cast<std::size_t>(f);
    if (kModelLevels[i] == kLevels[i]) return level_name(f, level);
    static constexpr const char* groups[kRecordGroups] = {"title apart", "title alike", "title same",
        "title apart, no authors", "title alike, no authors", "title same, no authors"};
    const std::size_t per = kLevelsPerGroup[i];
    return std::string(level_name(f, static_cast<std::uint8_t>(level % per))) + ", " + groups[level / per];
}

const char* level_name(Feature f, std::uint8_t level) {
    if (level == kUnknown) return "unknown";
    const auto i = static_cast<std::size_t>(f);
    return level < kLevels[i] ? kLevelNames[i][level] : "?";
}

std::uint32_t Evidence::pattern() const {
    std::uint32_t p = 0;
    for (std::size_t f = 0; f < kFeatures; ++f) {
        const std::uint32_t l = level[f] == kUnknown ? kLevels[f] : level[f];
        p = p * kRadix[f] + l;
    }
    return p;
}

Evidence evidence_from_pattern(std::uint32_t pattern) {
    Evidence e;
    for (std::size_t k = kFeatures; k-- > 0;) {
        const auto l = static_cast<std::uint8_t>(pattern % kRadix[k]);
        pattern /= kRadix[k];
        e.level[k] = l == kLevels[k] ? kUnknown : l;
    }
    return e;
}

// The priors, per level lowest agreement first. They say what a same-work pair
// and a different-work pair that share title words (a candidate pair) tend to
// look like across bibliographic sources: most same-work pairs have equal or
// near titles, the same people and the same year; most candidate pairs of
// different works share a few title words and nothing else. They were set by
// reading the level frequencies EM finds on the benchmarks, rounded and made
// less sure, and they weigh as FitOptions::prior_strength pairs of each class.
MatchModel MatchModel::defaults() {
    MatchModel d;
    d.m[0] = {0.02, 0.03, 0.03, 0.10, 0.17, 0.65};
    d.u[0] = {0.80, 0.15, 0.03, 0.015, 0.01, 0.005};
    d.m[1] = {0.04, 0.06, 0.25, 0.65};
    d.u[1] = {0.80, 0.12, 0.06, 0.02};
    d.m[2] = {0.02, 0.04, 0.14, 0.80};
    d.u[2] = {0.55, 0.12, 0.13, 0.20};
    d.m[3] = {0.05, 0.25, 0.70};
    d.u[3] = {0.30, 0.20, 0.50};
    d.m[4] = {0.10, 0.90};
    d.u[4] = {0.995, 0.005};
    d.m[5] = {0.70, 0.30};
    d.u[5] = {0.9995, 0.0005};
    // The record overlap, the same in each title group until a corpus says
    // how the groups differ.
    for (std::size_t g = 0; g < kRecordGroups; ++g)
        for (std::size_t l = 0; l < 5; ++l) {
            d.m[6][g * 5 + l] = std::array{0.10, 0.15, 0.20, 0.25, 0.30}[l];
            d.u[6][g * 5 + l] = std::array{0.60, 0.20, 0.10, 0.06, 0.04}[l];
        }
    // Venue names: most same-work pairs carry one venue's names; a candidate
    // pair of different works often carries two venues'.
    d.m[7] = {0.05, 0.45, 0.50};
    d.u[7] = {0.50, 0.25, 0.25};
    d.prior = 0.05;
    // Another work of the same team: the people, venue and years of a match,
    // the titles and identifiers of unrelated works (sharing a word or two),
    // and the record overlap between the two.
    d.t = d.u;
    d.t[0] = {0.45, 0.40, 0.08, 0.04, 0.02, 0.01};
    d.t[1] = {0.05, 0.25, 0.35, 0.35};
    d.t[2] = {0.25, 0.20, 0.25, 0.30};
    d.t[3] = {0.10, 0.15, 0.75};
    for (std::size_t l = 0; l < kMaxLevels; ++l) d.t[6][l] = (d.m[6][l] + d.u[6][l]) / 2;
    d.t[7] = {0.15, 0.40, 0.45};
    d.team = 0;  // two classes until a corpus is fitted (FitOptions::team)
    return d;
}

double MatchModel::weight(Feature f, std::uint8_t level) const {
    const auto i = static_cast<std::size_t>(f);
    if (level == kUnknown || level >= kModelLevels[i]) return 0.0;
    return std::log(clamp_probability(m[i][level]) / clamp_probability(u[i][level]));
}

double MatchModel::team_weight(Feature f, std::uint8_t level) const {
    const auto i = static_cast<std::size_t>(f);
    if (level == kUnknown || level >= kModelLevels[i]) return 0.0;
    return std::log(clamp_probability(m[i][level]) / clamp_probability(t[i][level]));
}

double MatchModel::prior_log_odds() const {
    return std::log(clamp_probability(prior) / clamp_probability(1.0 - prior - team));
}

double MatchModel::team_prior_log_odds() const {
    if (team <= 0) return -std::numeric_limits<double>::infinity();
    return std::log(clamp_probability(prior) / clamp_probability(team));
}

namespace {

// The log-odds of the same work against an unrelated work and against the
// team's other work (-infinity without a team class).
std::pair<double, double> class_log_odds(const MatchModel& model, const Evidence& e) {
    double su = model.prior_log_odds();
    for (std::size_t f = 0; f < kFeatures; ++f) su += model.weight(e, static_cast<Feature>(f));
    if (model.team <= 0) return {su, -std::numeric_limits<double>::infinity()};
    double st = model.team_prior_log_odds();
    for (std::size_t f = 0; f < kFeatures; ++f)
        st += model.team_weight(static_cast<Feature>(f), model_level(e, static_cast<Feature>(f)));
    return {su, st};
}

// -log(e^-a + e^-b): the odds against two alternatives together.
double combined_log_odds(double a, double b) {
    if (std::isinf(b)) return a;
    const double lo = std::min(a, b);
    return lo - std::log1p(std::exp(lo - std::max(a, b)));
}

}  // namespace

double MatchModel::log_odds(const Evidence& e) const {
    if (e.guard) return -std::numeric_limits<double>::infinity();
    const auto [su, st] = class_log_odds(*this, e);
    return combined_log_odds(su, st);
}

namespace {

using LevelCounts = LevelTable;

// One class's level frequencies within each group of levels that sum to one,
// `prior`'s values weighing as `strength` pseudo-pairs.
void estimate_class(LevelTable& out, const LevelTable& prior, const LevelCounts& counts, double strength) {
    for (std::size_t f = 0; f < kFeatures; ++f)
        for (std::size_t g = 0; g < kModelLevels[f]; g += kLevelsPerGroup[f]) {
            const std::size_t end = g + kLevelsPerGroup[f];
            double known = 0;
            for (std::size_t l = g; l < end; ++l) known += counts[f][l];
            for (std::size_t l = g; l < end; ++l) out[f][l] = (counts[f][l] + strength * prior[f][l]) / (known + strength);
        }
}

// One distribution for all groups of a grouped feature: each group's count of a
// level becomes the level's count over all groups.
void pool_groups(LevelCounts& counts) {
    for (std::size_t f = 0; f < kFeatures; ++f) {
        const std::size_t per = kLevelsPerGroup[f];
        for (std::size_t l = 0; l < per && per < kModelLevels[f]; ++l) {
            double total = 0;
            for (std::size_t g = l; g < kModelLevels[f]; g += per) total += counts[f][g];
            for (std::size_t g = l; g < kModelLevels[f]; g += per) counts[f][g] = total;
        }
    }
}

// Adds n pairs of evidence e to one class's level counts.
void count_levels(LevelCounts& counts, const Evidence& e, double n) {
    for (std::size_t f = 0; f < kFeatures; ++f) {
        const std::uint8_t l = model_level(e, static_cast<Feature>(f));
        if (l != kUnknown) counts[f][l] += n;
    }
}

// The posterior share of each class for evidence e: same work, team, unrelated.
std::array<double, 3> class_shares(const MatchModel& model, const Evidence& e) {
    const auto [su, st] = class_log_odds(model, e);
    // Relative to the same-work class: P(other) / P(same) = e^-s.
    const double pu = std::exp(-std::max(-700.0, std::min(700.0, su)));
    const double pt = model.team > 0 ? std::exp(-std::max(-700.0, std::min(700.0, st))) : 0.0;
    const double z = 1.0 + pu + pt;
    return {1.0 / z, pt / z, pu / z};
}

}  // namespace

MatchModel fit_labelled(const std::vector<Evidence>& evidence, const std::vector<bool>& same, const MatchModel& start,
                        const FitOptions& options) {
    if (evidence.size() != same.size()) throw std::invalid_argument("fit_labelled: one label per pair");
    // A label says "same" or "different"; which kind of other work a different
    // pair is, start's classes say.
    LevelCounts mc{}, tc{}, uc{};
    for (std::size_t k = 0; k < evidence.size(); ++k) {
        if (evidence[k].guard) continue;
        if (same[k]) {
            count_levels(mc, evidence[k], 1.0);
            continue;
        }
        const auto w = class_shares(start, evidence[k]);
        const double team = w[1] + w[2] > 0 ? w[1] / (w[1] + w[2]) : 0.0;
        count_levels(tc, evidence[k], team);
        count_levels(uc, evidence[k], 1.0 - team);
    }
    MatchModel model = start;
    estimate_class(model.m, start.m, mc, options.prior_strength);
    estimate_class(model.u, start.u, uc, options.prior_strength);
    if (start.team > 0) estimate_class(model.t, start.t, tc, options.prior_strength);
    return model;
}

namespace {

MatchModel fit_em(const std::vector<std::uint32_t>& seen, const std::vector<Evidence>& levels, const PatternCounts& counts,
                  double total, const MatchModel& start, const FitOptions& options, bool pooled) {
    MatchModel model = start;
    const double a = options.prior_strength;
    for (int it = 0; it < options.iterations; ++it) {
        // E: each pattern's posterior share of each class.
        LevelCounts mc{}, tc{}, uc{};
        double matches = 0, teams = 0;
        for (std::size_t k = 0; k < seen.size(); ++k) {
            const double n = static_cast<double>(counts[seen[k]]);
            const auto w = class_shares(model, levels[k]);
            matches += n * w[0];
            teams += n * w[1];
            count_levels(mc, levels[k], n * w[0]);
            if (start.team > 0) count_levels(tc, levels[k], n * w[1]);
            count_levels(uc, levels[k], n * w[2]);
        }
        if (pooled) pool_groups(mc), pool_groups(tc), pool_groups(uc);
        estimate_class(model.m, start.m, mc, a);
        estimate_class(model.u, start.u, uc, a);
        if (start.team > 0) {
            estimate_class(model.t, start.t, tc, a);
            model.team = (teams + a * start.team) / (total + a);
        }
        model.prior = (matches + a * start.prior) / (total + a);
    }
    return model;
}

// Whether the classes are the right way round: an equal title is evidence
// for the same work and an unrelated one against it, against both kinds of
// other work; and a near title (one typo) is evidence for the same work
// against the team's other work, whose titles differ: a team class that
// holds the copies with a typo has taken a part of the same-work class.
bool title_orders_the_classes(const MatchModel& model) {
    const bool unrelated = model.weight(Feature::title, 5) > 0 && model.weight(Feature::title, 0) < 0;
    if (model.team <= 0) return unrelated;
    return unrelated && model.team_weight(Feature::title, 5) > 0 && model.team_weight(Feature::title, 4) > 0 &&
           model.team_weight(Feature::title, 0) < 0;
}

}  // namespace

MatchModel fit_model(const PatternCounts& counts, const MatchModel& start, const FitOptions& options) {
    std::vector<std::uint32_t> seen;  // the patterns that occur, with their levels decoded once
    std::vector<Evidence> levels;
    double total = 0;
    for (std::uint32_t p = 0; p < counts.size() && p < kPatterns; ++p)
        if (counts[p]) {
            seen.push_back(p);
            levels.push_back(evidence_from_pattern(p));
            total += static_cast<double>(counts[p]);
        }
    if (seen.empty()) return start;
    // The record overlap weighed per title group gives EM more freedom than a
    // corpus of one template can pin down ("X and Y for large database
    // systems" by the same people): it may take the look-alikes for the copies.
    // Then the record is weighed alike in every group.
    auto fit = [&](const MatchModel& from) {
        MatchModel model = fit_em(seen, levels, counts, total, from, options, false);
        if (!title_orders_the_classes(model)) model = fit_em(seen, levels, counts, total, from, options, true);
        return model;
    };
    MatchModel three = start;
    if (three.team <= 0) three.team = options.team;
    MatchModel model = fit(three);
    // A corpus with no second kind of other work can leave the team class
    // holding copies; then two classes it is.
    if (!title_orders_the_classes(model) && three.team > 0) {
        MatchModel two = start;
        two.team = 0;
        model = fit(two);
    }
    return model;
}

std::vector<std::uint64_t> anchor_state(const MatchModel& model) {
    return model.anchors ? model.anchors->state() : std::vector<std::uint64_t>{};
}

void set_anchor_state(MatchModel& model, const std::vector<std::uint64_t>& state) {
    model.anchors = state.empty() ? nullptr : std::make_shared<const CorpusAnchors>(CorpusAnchors::from_state(state));
}

double log_odds_cutoff(double threshold) {
    const double p = threshold > 0 && threshold < 1 ? threshold : 0.5;
    return std::log(p / (1.0 - p));
}

std::vector<float> pattern_log_odds(const MatchModel& model) {
    std::vector<float> out(kPatterns);
    for (std::uint32_t p = 0; p < kPatterns; ++p) out[p] = static_cast<float>(model.log_odds(evidence_from_pattern(p)));
    return out;
}

Explanation explain(const MatchRecord& a, const MatchRecord& b, const MatchModel& model, double threshold) {
    Explanation x;
    x.evidence = compare(a, b, CachedIndel(a.title));
    if (model.anchors) x.evidence.level[static_cast<std::size_t>(Feature::venue_name)] = model.anchors->level(a, b);
    x.log_odds = model.log_odds(x.evidence);
    if (!x.evidence.guard) {
        const auto [su, st] = class_log_odds(model, x.evidence);
        x.against_team = st < su;
        x.other_kind = x.log_odds - std::min(su, st);
    }
    x.prior = x.against_team ? model.team_prior_log_odds() : model.prior_log_odds();
    for (std::size_t f = 0; f < kFeatures; ++f) {
        const auto feature = static_cast<Feature>(f);
        const std::uint8_t l = model_level(x.evidence, feature);
        x.contribution[f] = x.against_team ? model.team_weight(feature, l) : model.weight(feature, l);
    }
    x.probability = x.evidence.guard ? 0.0 : 1.0 / (1.0 + std::exp(-x.log_odds));
    x.same = x.log_odds >= log_odds_cutoff(threshold);
    return x;
}

}  // namespace scholarmerge
