// The pybind11 module is split by area; each file registers its part.
// Nothing here holds logic: only conversions between Python and the core.
#pragma once

#include <pybind11/pybind11.h>

#include <vector>

#include "scholarmerge/merge/merge.hpp"

namespace scholarmerge::bindings {

void bind_errors(pybind11::module_& m);
void bind_model(pybind11::module_& m);
void bind_read(pybind11::module_& m);
void bind_names(pybind11::module_& m);
void bind_match(pybind11::module_& m);
void bind_merge(pybind11::module_& m);
void bind_bench(pybind11::module_& m);
void bind_distributed(pybind11::module_& m);

// Tables of a merge result as dicts of column lists (for pandas), shared by
// merge_corpus and the distributed stages.
pybind11::dict works_columns(const Corpus& corpus, const std::vector<MergedWork>& works);
pybind11::dict people_columns(const std::vector<Person>& people);
pybind11::dict conflicts_columns(const std::vector<Conflict>& conflicts);

}  // namespace scholarmerge::bindings
