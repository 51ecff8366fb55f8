#include "scholarmerge/error.hpp"

#include <pybind11/stl.h>

#include "../src/option_names.hpp"
#include "bindings.hpp"

namespace py = pybind11;

namespace scholarmerge::bindings {

// Core errors become the exception classes of scholarmerge.errors, carrying
// source, line and code, so Python callers can catch them by kind.
static const char* python_class(ErrorCode code) {
    switch (code) {
        case ErrorCode::io_error: return "ReadError";
        case ErrorCode::unknown_format: return "UnknownFormatError";
        case ErrorCode::bad_option: return "OptionError";
        case ErrorCode::parse_error: return "ParseError";
    }
    return "ScholarmergeError";
}

void bind_errors(py::module_& m) {
    m.def(
        "check_option_names",
        [](const std::string& where, const std::vector<std::string>& keys, const std::vector<std::string>& known) {
            detail::reject_unknown_options(where, keys, std::vector<std::string_view>(known.begin(), known.end()));
        },
        py::arg("where"), py::arg("keys"), py::arg("known"),
        "Raise OptionError for the first of `keys` not in `known`, naming the nearest known one.");
    py::register_exception_translator([](std::exception_ptr p) {
        try {
            if (p) std::rethrow_exception(p);
        } catch (const Error& e) {
            py::object cls = py::module_::import("scholarmerge.errors").attr(python_class(e.code()));
            py::object line = e.line() > 0 ? py::object(py::int_(e.line())) : py::object(py::none());
            py::object exc = cls(e.what(), e.source(), line, to_string(e.code()));
            PyErr_SetObject(cls.ptr(), exc.ptr());
        }
    });
}

}  // namespace scholarmerge::bindings
