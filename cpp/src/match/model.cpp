#include "match/model.hpp"

#include "match/evidence.hpp"
#include "anchors.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

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
    const std::uint8_t group = t == kUnknown || t <= 1 ? 0 : t <= 3 ? 1 : 2;
    return static_cast<std::uint8_t>(group * kLevelsPerGroup[static_cast<std::size_t>(f)] + l);
}

std::string model_level_name(Feature f, std::uint8_t level) {
    const auto i = static_cast<std::size_t>(f);
    if (kModelLevels[i] == kLevels[i]) return level_name(f, level);
    static constexpr const char* groups[kTitleGroups] = {"title apart", "title alike", "title same"};
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
    d.m[6] = {0.10, 0.15, 0.20, 0.25, 0.30,  0.10, 0.15, 0.20, 0.25, 0.30,  0.10, 0.15, 0.20, 0.25, 0.30};
    d.u[6] = {0.60, 0.20, 0.10, 0.06, 0.04,  0.60, 0.20, 0.10, 0.06, 0.04,  0.60, 0.20, 0.10, 0.06, 0.04};
    // Venue names: most same-work pairs carry one venue's names; a candidate
    // pair of different works often carries two venues'.
    d.m[7] = {0.05, 0.45, 0.50};
    d.u[7] = {0.50, 0.25, 0.25};
    d.prior = 0.05;
    return d;
}

double MatchModel::weight(Feature f, std::uint8_t level) const {
    const auto i = static_cast<std::size_t>(f);
    if (level == kUnknown || level >= kModelLevels[i]) return 0.0;
    return std::log(clamp_probability(m[i][level]) / clamp_probability(u[i][level]));
}

double MatchModel::prior_log_odds() const {
    const double p = clamp_probability(prior);
    return std::log(p / (1.0 - p));
}

double MatchModel::log_odds(const Evidence& e) const {
    if (e.guard) return -std::numeric_limits<double>::infinity();
    double s = prior_log_odds();
    for (std::size_t f = 0; f < kFeatures; ++f) s += weight(e, static_cast<Feature>(f));
    return s;
}

namespace {

using LevelCounts = std::array<std::array<double, kMaxLevels>, kFeatures>;

// M step: each feature's level frequencies in the same-work and the
// different-work class (within each group of levels that sum to one), start's
// values weighing as `strength` pseudo-pairs.
void estimate_levels(MatchModel& model, const MatchModel& start, const LevelCounts& mc, const LevelCounts& uc,
                     double strength) {
    for (std::size_t f = 0; f < kFeatures; ++f)
        for (std::size_t g = 0; g < kModelLevels[f]; g += kLevelsPerGroup[f]) {
            const std::size_t end = g + kLevelsPerGroup[f];
            double m_known = 0, u_known = 0;
            for (std::size_t l = g; l < end; ++l) m_known += mc[f][l], u_known += uc[f][l];
            for (std::size_t l = g; l < end; ++l) {
                model.m[f][l] = (mc[f][l] + strength * start.m[f][l]) / (m_known + strength);
                model.u[f][l] = (uc[f][l] + strength * start.u[f][l]) / (u_known + strength);
            }
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

}  // namespace

MatchModel fit_labelled(const std::vector<Evidence>& evidence, const std::vector<bool>& same, const MatchModel& start,
                        const FitOptions& options) {
    if (evidence.size() != same.size()) throw std::invalid_argument("fit_labelled: one label per pair");
    LevelCounts mc{}, uc{};
    for (std::size_t k = 0; k < evidence.size(); ++k)
        if (!evidence[k].guard) count_levels(same[k] ? mc : uc, evidence[k], 1.0);
    MatchModel model = start;
    estimate_levels(model, start, mc, uc, options.prior_strength);
    return model;
}

namespace {

MatchModel fit_em(const std::vector<std::uint32_t>& seen, const std::vector<Evidence>& levels, const PatternCounts& counts,
                  double total, const MatchModel& start, const FitOptions& options, bool pooled) {
    MatchModel model = start;
    const double a = options.prior_strength;
    for (int it = 0; it < options.iterations; ++it) {
        // E: each pattern's posterior of being the same work.
        LevelCounts mc{}, uc{};
        double matches = 0;
        for (std::size_t k = 0; k < seen.size(); ++k) {
            const double n = static_cast<double>(counts[seen[k]]);
            const double w = 1.0 / (1.0 + std::exp(-model.log_odds(levels[k])));
            matches += n * w;
            count_levels(mc, levels[k], n * w);
            count_levels(uc, levels[k], n * (1.0 - w));
        }
        if (pooled) pool_groups(mc), pool_groups(uc);
        estimate_levels(model, start, mc, uc, a);
        model.prior = (matches + a * start.prior) / (total + a);
    }
    return model;
}

// Whether the classes are the right way round: an equal title is evidence
// for the same work and an unrelated one against it.
bool title_orders_the_classes(const MatchModel& model) {
    return model.weight(Feature::title, 5) > 0 && model.weight(Feature::title, 0) < 0;
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
    MatchModel model = fit_em(seen, levels, counts, total, start, options, false);
    if (!title_orders_the_classes(model)) model = fit_em(seen, levels, counts, total, start, options, true);
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
    x.prior = model.prior_log_odds();
    for (std::size_t f = 0; f < kFeatures; ++f)
        x.contribution[f] = model.weight(x.evidence, static_cast<Feature>(f));
    x.log_odds = model.log_odds(x.evidence);
    x.probability = x.evidence.guard ? 0.0 : 1.0 / (1.0 + std::exp(-x.log_odds));
    x.same = x.log_odds >= log_odds_cutoff(threshold);
    return x;
}

}  // namespace scholarmerge
