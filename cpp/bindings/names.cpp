#include <pybind11/numpy.h>
#include <pybind11/stl.h>

#include "bindings.hpp"
#include "scholarmerge/names/match.hpp"
#include "scholarmerge/names/parse.hpp"

namespace py = pybind11;

namespace scholarmerge::bindings {

void bind_names(py::module_& m) {
    m.def("parse_name", &parse_name, py::arg("text"), R"(One name as an Author: given names, surname, initials, suffix and the matching key.

>>> a = sm.parse_name("Smith, John A.")
>>> a.surname, a.given, a.initials, a.key
('Smith', 'John A.', 'JA', 'smith j'))");
    // The batch form: parsed with the GIL released, returned as one list per field.
    m.def(
        "parse_names_columns",
        [](const std::vector<std::string>& texts) {
            std::vector<Author> parsed(texts.size());
            {
                py::gil_scoped_release release;
                for (std::size_t i = 0; i < texts.size(); ++i) parsed[i] = parse_name(texts[i]);
            }
            const std::size_t n = parsed.size();
            py::list raw(n), display(n), given(n), surname(n), initials(n), suffix(n), key(n), equal(n), bold(n);
            for (std::size_t i = 0; i < n; ++i) {
                const Author& a = parsed[i];
                raw[i] = py::str(a.raw);
                display[i] = py::str(a.display);
                given[i] = py::str(a.given);
                surname[i] = py::str(a.surname);
                initials[i] = py::str(a.initials);
                suffix[i] = py::str(a.suffix);
                key[i] = py::str(a.key);
                equal[i] = py::bool_(a.equal_contribution);
                bold[i] = py::bool_(a.highlighted);
            }
            py::dict d;
            d["raw"] = raw;
            d["display"] = display;
            d["given"] = given;
            d["surname"] = surname;
            d["initials"] = initials;
            d["suffix"] = suffix;
            d["key"] = key;
            d["equal_contribution"] = equal;
            d["highlighted"] = bold;
            return d;
        },
        py::arg("texts"));
    m.def(
        "parse_author_list",
        [](std::string_view text) {
            AuthorList l = parse_author_list(text);
            return py::make_tuple(l.authors, l.truncated);
        },
        py::arg("text"), R"(An author list as (authors, truncated); truncated is True when it ends in "et al." or "...".

>>> authors, truncated = sm.parse_author_list("J. Smith and A. Jones")
>>> [a.display for a in authors], truncated
(['J. Smith', 'A. Jones'], False))");
    m.def("same_author", &same_author, py::arg("a"), py::arg("b"));
    m.def(
        "same_author_pairs",
        [](const std::vector<std::string>& a, const std::vector<std::string>& b) {
            if (a.size() != b.size()) throw py::value_error("same_author_pairs: the lists differ in length");
            py::array_t<double> out(static_cast<py::ssize_t>(a.size()));
            double* o = out.mutable_data();
            {
                py::gil_scoped_release release;
                for (std::size_t i = 0; i < a.size(); ++i) o[i] = same_author(parse_name(a[i]), parse_name(b[i]));
            }
            return out;
        },
        py::arg("a"), py::arg("b"), "same_author over two equal-length lists of names, as a numpy array.");
    m.attr("SAME_AUTHOR_THRESHOLD") = kSameAuthorThreshold;
}

}  // namespace scholarmerge::bindings
