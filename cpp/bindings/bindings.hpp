// The pybind11 module is split by area; each file registers its part.
// Nothing here holds logic: only conversions between Python and the core.
#pragma once

#include <pybind11/pybind11.h>

namespace scholarmerge::bindings {

void bind_errors(pybind11::module_& m);
void bind_model(pybind11::module_& m);
void bind_read(pybind11::module_& m);
void bind_names(pybind11::module_& m);
void bind_match(pybind11::module_& m);
void bind_merge(pybind11::module_& m);
void bind_bench(pybind11::module_& m);
void bind_distributed(pybind11::module_& m);

}  // namespace scholarmerge::bindings
