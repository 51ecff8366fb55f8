// The pybind11 module is split by area; each file registers its part.
// Nothing here holds logic: only conversions between Python and the core.
#pragma once

#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>

#include <algorithm>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "match/model.hpp"
#include "scholarmerge/merge/merge.hpp"

namespace scholarmerge::bindings {

// A Python model argument as DedupeOptions::model takes it (None: fit one).
inline std::shared_ptr<const MatchModel> given_model(const pybind11::object& model) {
    if (model.is_none()) return nullptr;
    return std::make_shared<const MatchModel>(model.cast<MatchModel>());
}

// A vector as a new one-dimensional numpy array.
template <class T>
pybind11::array_t<T> to_array(const std::vector<T>& v) {
    pybind11::array_t<T> a(static_cast<pybind11::ssize_t>(v.size()));
    std::copy(v.begin(), v.end(), a.mutable_data());
    return a;
}

// A vector handed to numpy without a copy: the array owns it.
template <class T>
pybind11::array_t<T> owned(std::vector<T>&& v) {
    auto* heap = new std::vector<T>(std::move(v));
    pybind11::capsule free(heap, [](void* p) { delete static_cast<std::vector<T>*>(p); });
    return pybind11::array_t<T>(static_cast<pybind11::ssize_t>(heap->size()), heap->data(), free);
}

// Bytes handed to numpy (uint8) without a copy.
inline pybind11::array_t<std::uint8_t> owned(std::string&& s) {
    auto* heap = new std::string(std::move(s));
    pybind11::capsule free(heap, [](void* p) { delete static_cast<std::string*>(p); });
    return pybind11::array_t<std::uint8_t>(static_cast<pybind11::ssize_t>(heap->size()),
                                           reinterpret_cast<const std::uint8_t*>(heap->data()), free);
}

// Table columns as the Python side hands them over (scholarmerge.tables): a
// list (None: missing), or Arrow buffers read without a Python object per row:
// text (int64 offsets, bytes, bool validity or None), ints (int64 values,
// bool validity or None). Defined in match.cpp.
std::vector<std::optional<std::string>> text_column(const pybind11::handle& column);
std::vector<std::string> text_or_empty(const pybind11::handle& column);  // missing: ""
std::vector<std::optional<std::int64_t>> int_column(const pybind11::handle& column);

void bind_errors(pybind11::module_& m);
void bind_model(pybind11::module_& m);
void bind_read(pybind11::module_& m);
void bind_names(pybind11::module_& m);
void bind_match(pybind11::module_& m);
void bind_merge(pybind11::module_& m);
void bind_bench(pybind11::module_& m);
void bind_distributed(pybind11::module_& m);
void bind_decision(pybind11::module_& m);
void bind_refs(pybind11::module_& m);
void bind_arrow(pybind11::module_& m);
void bind_incremental(pybind11::module_& m);

// Tables of a merge result as dicts of column lists (for pandas), shared by
// merge_corpus and the distributed stages.
pybind11::dict works_columns(const Corpus& corpus, const std::vector<MergedWork>& works);
pybind11::dict people_columns(const std::vector<Person>& people);
pybind11::dict conflicts_columns(const std::vector<Conflict>& conflicts);

}  // namespace scholarmerge::bindings
