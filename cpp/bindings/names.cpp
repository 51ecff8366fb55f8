#include <pybind11/stl.h>

#include "bindings.hpp"
#include "scholarmerge/names/match.hpp"
#include "scholarmerge/names/parse.hpp"

namespace py = pybind11;

namespace scholarmerge::bindings {

void bind_names(py::module_& m) {
    m.def("parse_name", &parse_name, py::arg("text"));
    m.def(
        "parse_names",
        [](const std::vector<std::string>& texts) {
            py::gil_scoped_release release;
            std::vector<Author> out;
            out.reserve(texts.size());
            for (const auto& t : texts) out.push_back(parse_name(t));
            return out;
        },
        py::arg("texts"));
    m.def(
        "parse_author_list",
        [](std::string_view text) {
            AuthorList l = parse_author_list(text);
            return py::make_tuple(l.authors, l.truncated);
        },
        py::arg("text"));
    m.def("same_author", &same_author, py::arg("a"), py::arg("b"));
    m.attr("SAME_AUTHOR_THRESHOLD") = kSameAuthorThreshold;
}

}  // namespace scholarmerge::bindings
