// Why the matcher decided what it did, for error analysis (bench/cora_errors.py):
// each row as the matcher sees it, and the verdict on chosen pairs.
#include <pybind11/numpy.h>
#include <pybind11/stl.h>

#include "bindings.hpp"
#include "scholarmerge/dedupe.hpp"
#include "scholarmerge/match/evidence.hpp"

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

void bind_explain(py::module_& m) {
    m.def(
        "explain_columns",
        [](std::vector<std::string> titles, std::vector<std::optional<std::string>> authors,
           std::vector<std::optional<std::int64_t>> years, std::vector<std::string> venues,
           std::vector<std::pair<std::uint32_t, std::uint32_t>> pairs, double threshold,
           std::vector<std::string> pages, std::vector<std::string> notes) {
            WorkColumns c{std::move(titles), std::move(authors), std::move(years), std::move(venues), {}, {}, {},
                          std::move(pages), std::move(notes)};
            check_columns(c);
            std::vector<MatchRecord> records;
            for (std::size_t i = 0; i < c.titles.size(); ++i) records.push_back(match_record(c, i));
            py::list rows;
            for (const MatchRecord& r : records) {
                py::dict d;
                d["title"] = r.title;
                d["name"] = r.name;
                d["surnames"] = r.surnames;
                d["markers"] = r.markers;
                d["year"] = r.year;
                d["venue"] = kind_name(r.venue);
                d["generic"] = r.generic;
                d["pages"] = py::make_tuple(r.first_page, r.last_page);
                rows.append(d);
            }
            const MatchPolicy policy = match_policy(threshold);
            py::list verdicts;
            for (auto [a, b] : pairs) {
                if (a >= records.size() || b >= records.size()) throw py::index_error("pair index out of range");
                const MatchRecord &x = records[a], &y = records[b];
                const char* why = guard(x, y);
                verdicts.append(py::make_tuple(match_score(x, y, CachedIndel(x.title), policy),
                                               title_score(x, y, CachedIndel(x.title)), author_overlap(x, y),
                                               compatible(x, y, policy), why ? why : ""));
            }
            return py::make_tuple(rows, verdicts);
        },
        py::arg("titles"), py::arg("authors"), py::arg("years"), py::arg("venues"), py::arg("pairs"),
        py::arg("threshold") = 0.0, py::arg("pages") = std::vector<std::string>{},
        py::arg("notes") = std::vector<std::string>{},
        "Rows as the matcher sees them (dicts) and, for each (i, j) pair, (match score, title score,\n"
        "author overlap, compatible, guard reason).");
}

}  // namespace scholarmerge::bindings
