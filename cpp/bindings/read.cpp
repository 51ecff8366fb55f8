#include "scholarmerge/read/read.hpp"

#include <pybind11/stl.h>

#include "bindings.hpp"
#include "scholarmerge/read/detect.hpp"

namespace py = pybind11;

namespace scholarmerge::bindings {

static ReadOptions make_options(const std::string& format, int year, const StringMap& params) {
    ReadOptions o;
    o.format = format;
    o.year = year;
    o.params = params;
    return o;
}

void bind_read(py::module_& m) {
    m.def("formats", &formats);
    m.def("detect_format", [](std::string_view text, std::string_view path) { return detect_format(text, path); },
          py::arg("text"), py::arg("path") = "");
    m.def(
        "read",
        [](const std::vector<std::string>& paths, const std::string& format, int year, const StringMap& params) {
            ReadOptions o = make_options(format, year, params);
            py::gil_scoped_release release;
            return read(paths, o);
        },
        py::arg("paths"), py::arg("format") = "auto", py::arg("year") = 0, py::arg("params") = StringMap{});
    m.def(
        "read_text",
        [](const std::string& text, const std::string& format, const std::string& source, int year,
           const StringMap& params) {
            ReadOptions o = make_options(format, year, params);
            py::gil_scoped_release release;
            return read_text(text, source, o);
        },
        py::arg("text"), py::arg("format") = "auto", py::arg("source") = "<text>", py::arg("year") = 0,
        py::arg("params") = StringMap{});
}

}  // namespace scholarmerge::bindings
