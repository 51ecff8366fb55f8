#include <pybind11/numpy.h>
#include <cstdint>
#include <stdexcept>
#include <pybind11/stl.h>

#include "bindings.hpp"
#include "scholarmerge/names/match.hpp"
#include "scholarmerge/names/parse.hpp"

namespace py = pybind11;

namespace scholarmerge::bindings {

namespace {

// Fields of parsed names, in one arena: what the lists are built from once
// the GIL is held again. One reused Author parses every name.
struct ParsedColumns {
    static constexpr int kText = 7;  // raw, display, given, surname, initials, suffix, key
    std::string bytes;
    std::vector<std::uint32_t> ends;  // kText per name: where each field ends in bytes
    std::vector<std::uint8_t> flags;  // per name: equal_contribution | highlighted << 1

    std::string_view field(std::size_t name, int f) const {
        std::size_t k = name * kText + static_cast<std::size_t>(f);
        std::size_t begin = k == 0 ? 0 : ends[k - 1];
        return std::string_view(bytes).substr(begin, ends[k] - begin);
    }
};

ParsedColumns parse_views(const std::vector<std::string_view>& texts) {
    ParsedColumns out;
    out.ends.reserve(texts.size() * ParsedColumns::kText);
    out.flags.reserve(texts.size());
    std::size_t total = 0;
    for (auto t : texts) total += t.size();
    out.bytes.reserve(total * 3 + 8 * texts.size());  // raw, display, given + surname; initials and key are short
    Author a;
    for (auto t : texts) {
        parse_name_into(t, a);
        for (const std::string* f : {&a.raw, &a.display, &a.given, &a.surname, &a.initials, &a.suffix, &a.key}) {
            out.bytes += *f;
            if (out.bytes.size() > UINT32_MAX) throw std::length_error("parse_names: more than 4 GB of names in one batch");
            out.ends.push_back(static_cast<std::uint32_t>(out.bytes.size()));
        }
        out.flags.push_back(static_cast<std::uint8_t>(a.equal_contribution | (a.highlighted << 1)));
    }
    return out;
}

py::object utf8_str(std::string_view s) {
    PyObject* o = PyUnicode_DecodeUTF8(s.data(), static_cast<Py_ssize_t>(s.size()), nullptr);  // strict, as py::str was
    if (!o) throw py::error_already_set();
    return py::reinterpret_steal<py::object>(o);
}

// texts: any sequence of str. Their UTF-8 is read in place (CPython keeps it
// with each string), not copied into std::strings; raw and display reuse the
// input's str objects when a name is written as it displays, as most are.
py::dict parse_names_columns(const py::sequence& texts) {
    py::tuple items = py::reinterpret_steal<py::tuple>(PySequence_Tuple(texts.ptr()));  // holds every item
    if (!items) throw py::error_already_set();
    const std::size_t n = items.size();
    std::vector<std::string_view> views(n);
    for (std::size_t i = 0; i < n; ++i) {
        PyObject* o = PyTuple_GET_ITEM(items.ptr(), static_cast<Py_ssize_t>(i));
        if (!PyUnicode_Check(o)) throw py::type_error("parse_names_columns: item " + std::to_string(i) + " is not a str");
        Py_ssize_t size = 0;
        const char* data = PyUnicode_AsUTF8AndSize(o, &size);
        if (!data) throw py::error_already_set();
        views[i] = std::string_view(data, static_cast<std::size_t>(size));
    }
    ParsedColumns parsed;
    {
        py::gil_scoped_release release;
        parsed = parse_views(views);
    }
    static const char* names[] = {"raw", "display", "given", "surname", "initials", "suffix", "key"};
    py::list lists[ParsedColumns::kText];
    for (auto& l : lists) l = py::list(n);
    for (std::size_t i = 0; i < n; ++i) {
        py::object raw = parsed.field(i, 0) == views[i] ? py::reinterpret_borrow<py::object>(items[i])
                                                           : utf8_str(parsed.field(i, 0));
        py::object display = parsed.field(i, 1) == parsed.field(i, 0) ? raw : utf8_str(parsed.field(i, 1));
        PyList_SET_ITEM(lists[0].ptr(), static_cast<Py_ssize_t>(i), raw.release().ptr());
        PyList_SET_ITEM(lists[1].ptr(), static_cast<Py_ssize_t>(i), display.release().ptr());
        for (int f = 2; f < ParsedColumns::kText; ++f)
            PyList_SET_ITEM(lists[f].ptr(), static_cast<Py_ssize_t>(i), utf8_str(parsed.field(i, f)).release().ptr());
    }
    py::list equal(n), bold(n);
    for (std::size_t i = 0; i < n; ++i) {
        equal[i] = py::bool_(parsed.flags[i] & 1);
        bold[i] = py::bool_(parsed.flags[i] & 2);
    }
    py::dict d;
    for (int f = 0; f < ParsedColumns::kText; ++f) d[names[f]] = lists[f];
    d["equal_contribution"] = equal;
    d["highlighted"] = bold;
    return d;
}

}  // namespace

void bind_names(py::module_& m) {
    m.def("parse_name", &parse_name, py::arg("text"), R"(One name as an Author: given names, surname, initials, suffix and the matching key.

>>> a = sm.parse_name("Smith, John A.")
>>> a.surname, a.given, a.initials, a.key
('Smith', 'John A.', 'JA', 'smith j'))");
    m.def("_parse_name_reference", &parse_name_reference, py::arg("text"),
          "parse_name without its shortcut for common shapes: the reference tests compare it with.");
    // The batch form: parsed with the GIL released, returned as one list per field.
    m.def("parse_names_columns", &parse_names_columns, py::arg("texts"));
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
