// The decision model and its explanations: MatchModel, explain_pair, and
// explain_columns (rows as the matcher sees them, for error analysis).
#include <pybind11/numpy.h>
#include <pybind11/stl.h>

#include "bindings.hpp"
#include "dedupe_details.hpp"
#include "scholarmerge/distributed.hpp"
#include "match/model.hpp"

namespace py = pybind11;

namespace scholarmerge::bindings {

static const char* kind_name(VenueKind k) {
    switch (k) {
        case VenueKind::preprint: return "preprint";
        case VenueKind::proceedings: return "proceedings";
        case VenueKind::journal: return "journal";
        case VenueKind::thesis: return "thesis";
        default: return "unknown";
    }
}

static py::dict record_dict(const MatchRecord& r) {
    py::dict d;
    d["title"] = r.title;
    d["name"] = r.name;
    d["surnames"] = r.surnames;
    d["markers"] = r.markers;
    d["year"] = r.year;
    d["venue"] = kind_name(r.venue);
    d["generic"] = r.generic;
    d["pages"] = py::make_tuple(r.first_page, r.last_page);
    return d;
}

static py::dict explanation_dict(const Explanation& x) {
    py::list rows;
    for (std::size_t f = 0; f < kFeatures; ++f) {
        const auto feature = static_cast<Feature>(f);
        const std::uint8_t l = model_level(x.evidence, feature);
        rows.append(py::make_tuple(feature_name(feature), l == kUnknown ? std::string("unknown") : model_level_name(feature, l),
                                   x.contribution[f]));
    }
    py::dict d;
    d["evidence"] = rows;
    d["title_similarity"] = x.evidence.title;
    d["guards"] = x.evidence.guard ? py::list(py::make_tuple(x.evidence.guard)) : py::list();
    d["prior"] = x.prior;
    d["against"] = x.against_team ? "team" : "unrelated";
    d["other_kind"] = x.other_kind;
    d["log_odds"] = x.log_odds;
    d["probability"] = x.probability;
    d["same"] = x.same;
    return d;
}

// The corpus decided as dedupe decides it (with `model`, or one fitted):
// its records, model and venue names, which every explanation needs.
static DedupeDetails decided(std::vector<MatchRecord> records, std::shared_ptr<const MatchModel> model,
                             double threshold) {
    DedupeOptions o;
    o.threshold = threshold;
    o.model = std::move(model);
    return dedupe_prepared(std::move(records), o);
}

static py::tuple model_state(const MatchModel& m) {
    return py::make_tuple(m.m, m.u, m.prior, anchor_state(m), m.t, m.team);
}

static MatchModel model_from_state(const py::tuple& t) {
    if (t.size() != 3 && t.size() != 4 && t.size() != 6)
        throw py::value_error("MatchModel: expected (m, u, prior, venue names, t, team)");
    // A model pickled before a feature was added keeps the defaults for it; one
    // pickled before the record overlap was held per group has its stored
    // groups repeated in the new ones.
    MatchModel m = MatchModel::defaults();
    using Levels = std::vector<std::vector<double>>;
    const Levels mm = t[0].cast<Levels>(), uu = t[1].cast<Levels>();
    if (mm.size() > kFeatures || uu.size() != mm.size()) throw py::value_error("MatchModel: m and u per feature");
    for (std::size_t f = 0; f < mm.size(); ++f) {
        if (mm[f].size() != uu[f].size() || mm[f].size() > kMaxLevels)
            throw py::value_error("MatchModel: m and u per level");
        // Fewer groups of levels than the model holds (rows were padded to the
        // widest feature): the groups added since are copies of those stored.
        const std::size_t per = kLevelsPerGroup[f];
        const std::size_t stored = std::max<std::size_t>(1, std::min<std::size_t>(mm[f].size(), kModelLevels[f]) / per) * per;
        for (std::size_t l = 0; l < kModelLevels[f]; ++l) {
            const std::size_t from = l % stored;
            if (from < mm[f].size()) m.m[f][l] = mm[f][from], m.u[f][l] = uu[f][from];
        }
    }
    m.prior = t[2].cast<double>();
    // A model pickled before the team class has two classes.
    m.team = 0;
    if (t.size() == 6) {
        const Levels tt = t[4].cast<Levels>();
        if (tt.size() != kFeatures) throw py::value_error("MatchModel: t per feature");
        for (std::size_t f = 0; f < kFeatures; ++f) {
            if (tt[f].size() != kMaxLevels) throw py::value_error("MatchModel: t per level");
            std::copy(tt[f].begin(), tt[f].end(), m.t[f].begin());
        }
        m.team = t[5].cast<double>();
    }
    if (t.size() >= 4) {
        try {
            set_anchor_state(m, t[3].cast<std::vector<std::uint64_t>>());
        } catch (const std::invalid_argument& e) {
            throw py::value_error(std::string("MatchModel: ") + e.what());
        }
    }
    return m;
}

void bind_decision(py::module_& m) {
    py::class_<MatchModel>(m, "MatchModel",
                           "The Fellegi-Sunter decision model: per feature and level, m = P(level | same work) and\n"
                           "u = P(level | different works), and the prior P(same) of a candidate pair.")
        .def(py::init([]() { return MatchModel::defaults(); }), "The documented priors.")
        .def_readonly("m", &MatchModel::m)
        .def_readonly("u", &MatchModel::u)
        .def_readonly("prior", &MatchModel::prior)
        .def_readonly("t", &MatchModel::t, "P(level | another work of the same team), per feature and level.")
        .def_readonly("team", &MatchModel::team,
                      "P(another work of the same team) for a candidate pair; 0: a two-class model.")
        .def(py::pickle(&model_state, &model_from_state))
        .def("weights", [](const MatchModel& mm, const std::string& against) {
            const bool team = against == "team";
            if (!team && against != "unrelated")
                throw py::value_error("weights: against is 'unrelated' or 'team', not '" + against + "'");
            if (team && mm.team <= 0) throw py::value_error("weights: a two-class model has no team class");
            py::list rows;
            for (std::size_t f = 0; f < kFeatures; ++f)
                for (std::uint8_t l = 0; l < kModelLevels[f]; ++l) {
                    const auto feature = static_cast<Feature>(f);
                    rows.append(py::make_tuple(feature_name(feature), model_level_name(feature, l), mm.m[f][l],
                                               team ? mm.t[f][l] : mm.u[f][l],
                                               team ? mm.team_weight(feature, l) : mm.weight(feature, l)));
                }
            return rows;
        }, py::arg("against") = "unrelated",
           "(feature, level, m, u, weight) per level: weight = log(m / u), the same work against an unrelated\n"
           "one; with against='team', (feature, level, m, t, log(m / t)) against another work of the same team\n"
           "(a three-class model only).");
    m.def("evidence_of_pattern", [](std::uint32_t p) {
        if (p >= kPatterns) throw py::index_error("no such pattern");
        const Evidence e = evidence_from_pattern(p);
        py::list out;
        for (std::size_t f = 0; f < kFeatures; ++f) out.append(level_name(static_cast<Feature>(f), e.level[f]));
        return out;
    }, py::arg("pattern"), "The level names of an evidence pattern, one per feature.");
    m.def("fit_model", [](py::array_t<std::uint64_t, py::array::c_style | py::array::forcecast> counts,
                          std::vector<std::uint64_t> anchors) {
        try {
            return *distributed::fit(PatternCounts(counts.data(), counts.data() + counts.size()), anchors);
        } catch (const std::invalid_argument& e) {
            throw py::value_error(std::string("fit_model: ") + e.what());
        }
    }, py::arg("counts"), py::arg("anchors") = std::vector<std::uint64_t>{},
       "The model fitted by EM on per-pattern counts of candidate pairs, with the corpus's venue names\n"
       "(the distributed path's count_anchors, summed).");
    m.def(
        "explain_pair",
        [](const Work& a, const Work& b, const MatchModel& model, double threshold) {
            // Prepared as a corpus of two, as dedupe would.
            const std::vector<MatchRecord> r = prepare(std::vector<Work>{a, b}, 1);
            return explanation_dict(explain(r[0], r[1], model, threshold));
        },
        py::arg("a"), py::arg("b"), py::arg("model"), py::arg("threshold") = 0.0,
        "The decision on two works: evidence rows (feature, level, contribution), guards, probability.");
    m.def(
        "explain_corpus_pairs",
        [](const Corpus& corpus, std::vector<std::pair<std::uint32_t, std::uint32_t>> pairs, py::object model,
           double threshold) {
            std::shared_ptr<const MatchModel> given = given_model(model);
            DedupeDetails d;
            {
                py::gil_scoped_release release;
                d = decided(prepare(corpus.works), std::move(given), threshold);
            }
            const std::vector<MatchRecord>& records = d.records;
            py::list out;
            for (auto [a, b] : pairs) {
                if (a >= records.size() || b >= records.size()) throw py::index_error("pair index out of range");
                out.append(explanation_dict(explain(records[a], records[b], *d.model, threshold)));
            }
            return py::make_tuple(out, *d.model);
        },
        py::arg("corpus"), py::arg("pairs"), py::arg("model") = py::none(), py::arg("threshold") = 0.0,
        "Each (i, j) pair of a corpus decided alone, its records prepared with the whole corpus and the\n"
        "model fitted on it (unless one is given): (explanations, model).");
    m.def(
        "fit_labelled_corpus",
        [](const Corpus& corpus, std::vector<std::pair<std::uint32_t, std::uint32_t>> pairs, std::vector<bool> same,
           const MatchModel& start) {
            if (pairs.size() != same.size()) throw py::value_error("fit: one label per pair");
            py::gil_scoped_release release;
            const DedupeDetails d = decided(prepare(corpus.works), std::make_shared<const MatchModel>(start), 0.0);
            const std::vector<MatchRecord>& records = d.records;
            std::vector<Evidence> evidence;
            evidence.reserve(pairs.size());
            for (auto [a, b] : pairs) {
                if (a >= records.size() || b >= records.size()) throw py::index_error("pair index out of range");
                evidence.push_back(explain(records[a], records[b], *d.model, 0.5).evidence);
            }
            return fit_labelled(evidence, same, *d.model);
        },
        py::arg("corpus"), py::arg("pairs"), py::arg("same"), py::arg("start"),
        "The model `start` refined by labelled (i, j) pairs of a corpus, each same work or not\n"
        "(its records prepared with the whole corpus).");
    m.def(
        "explain_columns",
        [](std::vector<std::string> titles, std::vector<std::optional<std::string>> authors,
           std::vector<std::optional<std::int64_t>> years, std::vector<std::string> venues,
           std::vector<std::pair<std::uint32_t, std::uint32_t>> pairs, const MatchModel& model, double threshold,
           std::vector<std::string> pages, std::vector<std::string> notes) {
            WorkColumns c{std::move(titles), std::move(authors), std::move(years), std::move(venues), {}, {}, {},
                          std::move(pages), std::move(notes)};
            check_columns(c);
            const std::vector<MatchRecord> records = prepare(c);
            py::list rows, verdicts;
            for (const MatchRecord& r : records) rows.append(record_dict(r));
            for (auto [a, b] : pairs) {
                if (a >= records.size() || b >= records.size()) throw py::index_error("pair index out of range");
                verdicts.append(explanation_dict(explain(records[a], records[b], model, threshold)));
            }
            return py::make_tuple(rows, verdicts);
        },
        py::arg("titles"), py::arg("authors"), py::arg("years"), py::arg("venues"), py::arg("pairs"),
        py::arg("model"), py::arg("threshold") = 0.0, py::arg("pages") = std::vector<std::string>{},
        py::arg("notes") = std::vector<std::string>{},
        "Rows as the matcher sees them (dicts) and, for each (i, j) pair, its explanation (dict).");
}

}  // namespace scholarmerge::bindings
