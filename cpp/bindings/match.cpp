#include <pybind11/numpy.h>
#include <pybind11/stl.h>

#include "../src/dedupe_measure.hpp"
#include "bindings.hpp"
#include "cluster/clusters.hpp"
#include "scholarmerge/dedupe.hpp"
#include "scholarmerge/match/title.hpp"
#include "text/fold.hpp"
#include "text/markup.hpp"

namespace py = pybind11;

namespace scholarmerge::bindings {

// A text column as the Python side hands it over: a list of str (None where
// missing), or an Arrow string column's buffers (offsets, bytes, validity or
// None), read here without a Python object per row.
std::vector<std::optional<std::string>> text_column(const py::handle& column) {
    if (!py::isinstance<py::tuple>(column)) return column.cast<std::vector<std::optional<std::string>>>();
    auto parts = column.cast<py::tuple>();
    auto offsets = parts[0].cast<py::array_t<std::int64_t, py::array::c_style | py::array::forcecast>>();
    auto bytes = parts[1].cast<py::array_t<std::uint8_t, py::array::c_style | py::array::forcecast>>();
    std::optional<py::array_t<bool, py::array::c_style | py::array::forcecast>> valid;
    if (!parts[2].is_none()) valid = parts[2].cast<py::array_t<bool, py::array::c_style | py::array::forcecast>>();
    const std::size_t n = offsets.size() == 0 ? 0 : static_cast<std::size_t>(offsets.size() - 1);
    if (valid && static_cast<std::size_t>(valid->size()) != n) throw py::value_error("text column: validity length differs");
    const std::int64_t* off = offsets.data();
    const char* data = reinterpret_cast<const char*>(bytes.data());
    std::vector<std::optional<std::string>> out(n);
    for (std::size_t i = 0; i < n; ++i) {
        if (off[i] < 0 || off[i] > off[i + 1] || off[i + 1] > bytes.size()) throw py::value_error("text column: bad offsets");
        if (!valid || valid->data()[i]) out[i].emplace(data + off[i], static_cast<std::size_t>(off[i + 1] - off[i]));
    }
    return out;
}

// Missing values as "".
std::vector<std::string> text_or_empty(const py::handle& column) {
    std::vector<std::optional<std::string>> values = text_column(column);
    std::vector<std::string> out(values.size());
    for (std::size_t i = 0; i < values.size(); ++i)
        if (values[i]) out[i] = std::move(*values[i]);
    return out;
}

std::vector<std::optional<std::int64_t>> int_column(const py::handle& column) {
    if (!py::isinstance<py::tuple>(column)) return column.cast<std::vector<std::optional<std::int64_t>>>();
    auto parts = column.cast<py::tuple>();
    auto values = parts[0].cast<py::array_t<std::int64_t, py::array::c_style | py::array::forcecast>>();
    std::optional<py::array_t<bool, py::array::c_style | py::array::forcecast>> valid;
    if (!parts[1].is_none()) valid = parts[1].cast<py::array_t<bool, py::array::c_style | py::array::forcecast>>();
    const std::size_t n = static_cast<std::size_t>(values.size());
    if (valid && static_cast<std::size_t>(valid->size()) != n) throw py::value_error("int column: validity length differs");
    std::vector<std::optional<std::int64_t>> out(n);
    for (std::size_t i = 0; i < n; ++i)
        if (!valid || valid->data()[i]) out[i] = values.data()[i];
    return out;
}

void bind_match(py::module_& m) {
    m.def("normalize_title", &normalize_title, py::arg("text"), R"(A title's matching form: folded, punctuation removed, spaces collapsed.

>>> sm.normalize_title("The Deep-Learning Book!")
'the deeplearning book')");
    m.def("clean_display", &text::clean_display, py::arg("text"), "Display form: tags, entities and LaTeX decoded.");
    m.def("fold", &text::fold, py::arg("text"), "Matching form: case, accents, dashes and quotes folded.");
    m.def("title_similarity", &title_similarity, py::arg("a"), py::arg("b"), R"(How alike two titles are, in [0, 1], compared in their normalised form.

>>> sm.title_similarity("Deep learning", "Deep Learning.")
1.0
>>> sm.title_similarity("Deep learning", "Graph cuts") < 0.5
True)");
    auto run = [](const std::vector<Work>& works, double threshold, int threads, bool brute_force, double min_jaccard,
                  std::size_t sample_every, py::object model) {
        DedupeOptions o;
        o.threshold = threshold;
        o.threads = threads;
        if (min_jaccard > 0) o.min_jaccard = min_jaccard;
        o.model = given_model(model);
        MeasureOptions measure;
        measure.brute_force = brute_force;
        measure.sample_every = sample_every;
        DedupeDetails r;
        {
            py::gil_scoped_release release;
            r = dedupe_prepared(prepare(works, o.threads), o, measure);
        }
        return py::make_tuple(to_array(r.labels), r.candidates, r.matches, *r.model, to_array(r.pattern_counts));
    };
    // A Corpus goes straight to the core: no Python list of Works in between.
    m.def(
        "dedupe_corpus",
        [run](const Corpus& c, double threshold, int threads, bool brute_force, double min_jaccard,
              std::size_t sample_every, py::object model) { return run(c.works, threshold, threads, brute_force, min_jaccard, sample_every, model); },
        py::arg("corpus"), py::arg("threshold") = 0.0, py::arg("threads") = 0, py::arg("brute_force") = false,
        py::arg("min_jaccard") = 0.0, py::arg("sample_every") = 1, py::arg("model") = py::none());
    m.def(
        "nearest_boundary_corpus",
        [](const Corpus& c, std::size_t n, double threshold, int threads, py::object model) {
            DedupeOptions o;
            o.threshold = threshold;
            o.threads = threads;
            o.model = given_model(model);
            std::vector<BoundaryPair> pairs;
            {
                py::gil_scoped_release release;
                pairs = nearest_boundary(c.works, n, o);
            }
            py::list out;
            for (const auto& p : pairs) out.append(py::make_tuple(p.a, p.b, p.probability));
            return out;
        },
        py::arg("corpus"), py::arg("n"), py::arg("threshold") = 0.0, py::arg("threads") = 0, py::arg("model") = py::none(),
        "The n candidate pairs (a, b, probability) nearest the decision threshold, nearest first.");
    m.def(
        "labels_from_pairs",
        [](std::size_t n, py::array_t<std::int64_t> rows, py::array_t<std::int64_t> cols) {
            if (rows.size() != cols.size()) throw py::value_error("rows and cols differ in length");
            std::vector<Edge> edges;
            edges.reserve(static_cast<std::size_t>(rows.size()));
            auto r = rows.unchecked<1>();
            auto c = cols.unchecked<1>();
            for (py::ssize_t k = 0; k < rows.size(); ++k) {
                if (r(k) < 0 || c(k) < 0 || static_cast<std::size_t>(r(k)) >= n || static_cast<std::size_t>(c(k)) >= n)
                    throw py::index_error("pair index out of range");
                if (r(k) != c(k))
                    edges.push_back({static_cast<std::uint32_t>(std::min(r(k), c(k))),
                                     static_cast<std::uint32_t>(std::max(r(k), c(k))), 1.0});
            }
            std::vector<std::int64_t> labels;
            {
                py::gil_scoped_release release;
                labels = cluster_edges(n, std::move(edges), [](std::uint32_t, std::uint32_t) { return true; },
                                       [](std::uint32_t, std::uint32_t) {});
            }
            return to_array(labels);
        },
        py::arg("n"), py::arg("rows"), py::arg("cols"));
    m.def(
        "dedupe_columns",
        [](py::object titles, py::object authors, py::object years, py::object venues,
           py::object sources, py::object dois, py::object arxivs, py::object pages, py::object notes, double threshold,
           int threads, double min_jaccard, std::size_t sample_every, py::object model) {
            WorkColumns c{text_or_empty(titles), text_column(authors), int_column(years), text_or_empty(venues),
                          text_or_empty(sources), text_or_empty(dois), text_or_empty(arxivs), text_or_empty(pages),
                          text_or_empty(notes)};
            DedupeOptions o;
            o.threshold = threshold;
            o.threads = threads;
            if (min_jaccard > 0) o.min_jaccard = min_jaccard;
            o.model = given_model(model);
            MeasureOptions measure;
            measure.sample_every = sample_every;
            DedupeDetails r;
            {
                py::gil_scoped_release release;
                r = dedupe_prepared(prepare(c, o.threads), o, measure);
            }
            return py::make_tuple(to_array(r.labels), r.candidates, r.matches, *r.model, to_array(r.pattern_counts));
        },
        py::arg("titles"), py::arg("authors"), py::arg("years"), py::arg("venues"), py::arg("sources"),
        py::arg("dois"), py::arg("arxivs"), py::arg("pages") = py::list(), py::arg("notes") = py::list(),
        py::arg("threshold") = 0.0, py::arg("threads") = 0,
        py::arg("min_jaccard") = 0.0, py::arg("sample_every") = 1, py::arg("model") = py::none(),
        "Dedupe table columns without building a Work per row (memory: the match records only). A text\n"
        "column is a list of str (None: missing) or Arrow buffers (offsets, bytes, validity or None); years a\n"
        "list of int or None, or (int64 values, bool validity or None).");
    m.def("dedupe_works", run, py::arg("works"), py::arg("threshold") = 0.0, py::arg("threads") = 0,
          py::arg("brute_force") = false, py::arg("min_jaccard") = 0.0, py::arg("sample_every") = 1,
          py::arg("model") = py::none());
}

}  // namespace scholarmerge::bindings
