#include "scholarmerge/read/read.hpp"

#include <pybind11/functional.h>
#include <pybind11/stl.h>

#include "bindings.hpp"
#include "scholarmerge/read/detect.hpp"
#include "scholarmerge/read/file_reader.hpp"
#include "scholarmerge/write/bibtex.hpp"
#include "scholarmerge/write/csl.hpp"

namespace py = pybind11;

namespace scholarmerge::bindings {

static ReadOptions make_options(const std::string& format, int year, const StringMap& params, int threads) {
    ReadOptions o;
    o.format = format;
    o.year = year;
    o.params = params;
    o.threads = threads;
    return o;
}

void bind_read(py::module_& m) {
    m.def("formats", &formats, R"(The names of the input formats, in the order format="auto" tries them.

>>> "bibtex" in sm.formats() and "csv" in sm.formats()
True)");
    m.def("detect_format", [](std::string_view text, std::string_view path) { return detect_format(text, path); },
          py::arg("text"), py::arg("path") = "");
    m.def(
        "read",
        [](const std::vector<std::string>& paths, const std::string& format, int year, const StringMap& params,
           int threads, std::optional<py::function> progress) {
            ReadOptions o = make_options(format, year, params, threads);
            Progress report;
            if (progress)
                report = [fn = *progress](std::size_t done, std::size_t total) {
                    py::gil_scoped_acquire gil;
                    fn(done, total);
                };
            py::gil_scoped_release release;
            return read(paths, o, report);
        },
        py::arg("paths"), py::arg("format") = "auto", py::arg("year") = 0, py::arg("params") = StringMap{},
        py::arg("threads") = 1, py::arg("progress") = py::none());
    m.def(
        "read_text",
        [](const std::string& text, const std::string& format, const std::string& source, int year,
           const StringMap& params, int threads) {
            ReadOptions o = make_options(format, year, params, threads);
            py::gil_scoped_release release;
            return read_text(text, source, o);
        },
        py::arg("text"), py::arg("format") = "auto", py::arg("source") = "<text>", py::arg("year") = 0,
        py::arg("params") = StringMap{}, py::arg("threads") = 1);

    py::class_<FileReader>(m, "FileReader")
        .def(py::init([](const std::string& path, const std::string& format, int year, const StringMap& params,
                         int threads, std::size_t piece_bytes) {
                 return std::make_unique<FileReader>(path, make_options(format, year, params, threads), piece_bytes);
             }),
             py::arg("path"), py::arg("format") = "auto", py::arg("year") = 0, py::arg("params") = StringMap{},
             py::arg("threads") = 1, py::arg("piece_bytes") = std::size_t{32} << 20)
        .def("__iter__", [](FileReader& r) -> FileReader& { return r; })
        .def("__next__",
             [](FileReader& r) {
                 std::optional<Corpus> piece;
                 {
                     py::gil_scoped_release release;
                     piece = r.next();
                 }
                 if (!piece) throw py::stop_iteration();
                 return std::move(*piece);
             })
        .def_property_readonly("bytes_read", &FileReader::bytes_read)
        .def_property_readonly("bytes_total", &FileReader::bytes_total)
        .def_property_readonly("path", &FileReader::path);

    m.def("to_bibtex", [](const Corpus& c) { return to_bibtex(c.works); });
    m.def("to_csl_json", [](const Corpus& c) { return to_csl_json(c.works); });
}

}  // namespace scholarmerge::bindings
