#include <pybind11/stl.h>

#include "bindings.hpp"
#include "scholarmerge/read/refs.hpp"

namespace py = pybind11;

namespace scholarmerge::bindings {

void bind_refs(py::module_& m) {
    m.def("parse_reference", &parse_reference, py::arg("text"));
    // The batch form: one call, the GIL released; a reference that does not
    // split is kept whole as its title, with a diagnostic naming its row.
    m.def(
        "parse_references",
        [](const std::vector<std::string>& texts, const std::string& source) {
            Corpus c;
            {
                py::gil_scoped_release release;
                c.works.resize(texts.size());
                for (std::size_t i = 0; i < texts.size(); ++i) {
                    Work& w = c.works[i];
                    w.source = source;
                    w.source_format = "refs";
                    w.source_line = static_cast<int>(i) + 1;
                    if (!split_reference(texts[i], w))
                        c.diagnostics.push_back({source, static_cast<int>(i) + 1, Severity::warning,
                                                 "refs: could not split the reference into fields; kept whole as the title"});
                }
            }
            return c;
        },
        py::arg("texts"), py::arg("source") = "<references>");
}

}  // namespace scholarmerge::bindings
