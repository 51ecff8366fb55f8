#include <pybind11/numpy.h>
#include <cstdint>
#include <stdexcept>
#include <unordered_map>
#include <pybind11/stl.h>
#include <pybind11/typing.h>

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
    std::vector<std::uint32_t> ends;  // kText per distinct name: where each field ends in bytes
    std::vector<std::uint8_t> flags;  // per distinct name: equal_contribution | highlighted << 1
    std::vector<std::uint32_t> row;   // per input: its distinct name's row

    std::string_view field(std::size_t name, int f) const {
        std::size_t k = name * kText + static_cast<std::size_t>(f);
        std::size_t begin = k == 0 ? 0 : ends[k - 1];
        return std::string_view(bytes).substr(begin, ends[k] - begin);
    }
};

// Names repeat (an author column names the same people again and again):
// each distinct text is parsed once, and later copies point at its row.
ParsedColumns parse_views(const std::vector<std::string_view>& texts) {
    ParsedColumns out;
    out.row.resize(texts.size());
    out.ends.reserve(texts.size() * ParsedColumns::kText);
    out.flags.reserve(texts.size());
    std::unordered_map<std::string_view, std::uint32_t> seen;
    seen.reserve(texts.size());
    Author a;
    for (std::size_t i = 0; i < texts.size(); ++i) {
        auto [it, fresh] = seen.try_emplace(texts[i], static_cast<std::uint32_t>(out.flags.size()));
        out.row[i] = it->second;
        if (!fresh) continue;
        parse_name_into(texts[i], a);
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

// texts: a list of str (sm.parse_names makes one of any input). Their UTF-8 is read in place (CPython keeps it
// with each string), not copied into std::strings; raw and display reuse the
// input's str objects when a name is written as it displays, as most are.
py::dict parse_names_columns(const py::typing::List<py::str>& texts) {
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
    // One str per distinct name and field, shared by its repeats (str is immutable).
    std::vector<PyObject*> first(parsed.flags.size() * ParsedColumns::kText, nullptr);
    for (std::size_t i = 0; i < n; ++i) {
        std::size_t r = parsed.row[i];
        PyObject** objs = &first[r * ParsedColumns::kText];
        if (!objs[0]) {
            py::object raw = parsed.field(r, 0) == views[i] ? py::reinterpret_borrow<py::object>(items[i])
                                                             : utf8_str(parsed.field(r, 0));
            py::object display = parsed.field(r, 1) == parsed.field(r, 0) ? raw : utf8_str(parsed.field(r, 1));
            objs[0] = raw.ptr();
            objs[1] = display.ptr();
            PyList_SET_ITEM(lists[0].ptr(), static_cast<Py_ssize_t>(i), raw.release().ptr());
            PyList_SET_ITEM(lists[1].ptr(), static_cast<Py_ssize_t>(i), display.release().ptr());
            for (int f = 2; f < ParsedColumns::kText; ++f) {
                objs[f] = utf8_str(parsed.field(r, f)).release().ptr();
                PyList_SET_ITEM(lists[f].ptr(), static_cast<Py_ssize_t>(i), objs[f]);
            }
        } else {
            for (int f = 0; f < ParsedColumns::kText; ++f) {
                Py_INCREF(objs[f]);
                PyList_SET_ITEM(lists[f].ptr(), static_cast<Py_ssize_t>(i), objs[f]);
            }
        }
    }
    py::list equal(n), bold(n);
    for (std::size_t i = 0; i < n; ++i) {
        std::uint8_t flags = parsed.flags[parsed.row[i]];
        PyObject* e = (flags & 1) ? Py_True : Py_False;
        PyObject* b = (flags & 2) ? Py_True : Py_False;
        Py_INCREF(e);
        Py_INCREF(b);
        PyList_SET_ITEM(equal.ptr(), static_cast<Py_ssize_t>(i), e);
        PyList_SET_ITEM(bold.ptr(), static_cast<Py_ssize_t>(i), b);
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
