// The catalogue's matcher: stored records kept prepared between adds.
#include <pybind11/functional.h>
#include <pybind11/numpy.h>
#include <pybind11/stl.h>

#include "bindings.hpp"
#include "incremental.hpp"

namespace py = pybind11;

namespace scholarmerge::bindings {

void bind_incremental(py::module_& m) {
    py::class_<IncrementalMatcher>(m, "IncrementalMatcher",
                                   "Stored records kept prepared and indexed, matched against added ones "
                                   "(scholarmerge/incremental.hpp); the catalogue's add.")
        .def(py::init([](const Corpus& stored, py::array_t<std::int64_t, py::array::c_style | py::array::forcecast> labels,
                         const MatchModel& model, double threshold, double min_jaccard, int threads) {
                 std::vector<std::int64_t> l(labels.data(), labels.data() + labels.size());
                 py::gil_scoped_release release;
                 return new IncrementalMatcher(stored.works, std::move(l), model, threshold, min_jaccard, threads);
             }),
             py::arg("stored"), py::arg("labels"), py::arg("model"), py::arg("threshold") = 0.0,
             py::arg("min_jaccard") = 0.35, py::arg("threads") = 0,
             "`labels`: the stored records' clusters (index of each one's first row), decisions not applied.")
        .def(
            "add",
            [](IncrementalMatcher& self, const Corpus& added) {
                IncrementalMatcher::Update u;
                {
                    py::gil_scoped_release release;
                    u = self.add(added.works);
                }
                return py::make_tuple(to_array(u.rows), to_array(u.labels), u.redecided);
            },
            py::arg("added"),
            "Append the records and fit the model again on the candidate pairs' pattern counts; (rows, labels)\n"
            "of the records clustered again (the new ones among them), and how many stored pairs the refitted\n"
            "model decides otherwise (their clusters are among the rows).")
        .def_static(
            "restore",
            [](const std::vector<py::bytes>& states, py::function fetch, const MatchModel& model, double threshold,
               double min_jaccard, int threads) {
                std::vector<std::string_view> views;
                for (const py::bytes& b : states) {
                    char* data = nullptr;
                    Py_ssize_t size = 0;
                    if (PyBytes_AsStringAndSize(b.ptr(), &data, &size) != 0) throw py::error_already_set();
                    views.emplace_back(data, static_cast<std::size_t>(size));
                }
                // Called by add() with the GIL released, on the caller's thread.
                auto shared = std::make_shared<py::function>(std::move(fetch));
                IncrementalMatcher::Fetch f = [shared](const std::vector<std::uint32_t>& rows) {
                    py::gil_scoped_acquire gil;
                    py::list got = (*shared)(py::cast(rows));
                    std::vector<std::string> out;
                    out.reserve(got.size());
                    for (const py::handle& b : got) out.push_back(b.cast<std::string>());
                    return out;
                };
                py::gil_scoped_release release;  // `states` keeps the bytes alive
                return IncrementalMatcher::restore(views, std::move(f), model, threshold, min_jaccard, threads);
            },
            py::arg("states"), py::arg("fetch"), py::arg("model"), py::arg("threshold") = 0.0,
            py::arg("min_jaccard") = 0.35, py::arg("threads") = 0,
            "The matcher a snapshot and the deltas after it describe (bytes, in order), decided with `model`; "
            "`fetch(rows)` gives the bytes of stored records by row (as take_changed_records gave them), called "
            "by add() for the few it needs. ValueError when the states are cut, of another format version or "
            "options, or do not follow one another.")
        .def(
            "take_changed_records",
            [](IncrementalMatcher& self) {
                std::vector<std::pair<std::uint32_t, std::string>> changed;
                {
                    py::gil_scoped_release release;
                    changed = self.take_changed_records();
                }
                std::vector<std::pair<std::uint32_t, py::bytes>> out;
                out.reserve(changed.size());
                for (auto& [row, bytes] : changed) out.emplace_back(row, py::bytes(bytes));
                return out;
            },
            "The records added or changed since the last call (every record after construction), as "
            "[(row, bytes)]: what restore's fetch gives back by row.")
        .def(
            "snapshot",
            [](const IncrementalMatcher& self) {
                std::string s;
                {
                    py::gil_scoped_release release;
                    s = self.snapshot();
                }
                return py::bytes(s);
            },
            "The state as bytes, all of it but the records (take_changed_records gives those) and the model: "
            "what restore() starts from.")
        .def_property_readonly(
            "last_delta", [](const IncrementalMatcher& self) { return py::bytes(self.last_delta()); },
            "What the last add() changed, as bytes to replay after the state before it (after construction: "
            "a snapshot).")
        .def("__len__", &IncrementalMatcher::size)
        .def_property_readonly("labels", [](const IncrementalMatcher& self) { return to_array(self.labels()); })
        .def_property_readonly("model", &IncrementalMatcher::model,
                               "The model the last add() decided with: fitted on pattern_counts, its anchors "
                               "those of the model given grown by the added records' anchor pairs.")
        .def_property_readonly(
            "pattern_counts",
            [](const IncrementalMatcher& self) {
                const PatternCounts& c = self.pattern_counts();
                return py::array_t<std::uint64_t>(static_cast<py::ssize_t>(c.size()), c.data());
            },
            "The unguarded candidate pairs of the records per evidence pattern, as dedupe counts them.")
        .def_property_readonly(
            "pairs",
            [](const IncrementalMatcher& self) {
                const auto& pairs = self.pairs();
                py::array_t<std::uint32_t> out({static_cast<py::ssize_t>(pairs.size()), py::ssize_t{3}});
                auto v = out.mutable_unchecked<2>();
                for (std::size_t k = 0; k < pairs.size(); ++k) {
                    const auto i = static_cast<py::ssize_t>(k);
                    v(i, 0) = pairs[k].a, v(i, 1) = pairs[k].b, v(i, 2) = pairs[k].pattern;
                }
                return out;
            },
            "The unguarded candidate pairs kept, one row each: row a, row b (a < b), evidence pattern.");
}

}  // namespace scholarmerge::bindings
