#include <pybind11/stl.h>

#include "bindings.hpp"
#include "read/refs.hpp"

namespace py = pybind11;

namespace scholarmerge::bindings {

namespace {

// One call over a batch, the GIL released; a reference that does not split
// is kept whole as its title, with a diagnostic naming its row.
template <class Split>
Corpus split_all(const std::vector<std::string>& texts, const std::string& source, Split&& split) {
    Corpus c;
    py::gil_scoped_release release;
    c.works.resize(texts.size());
    for (std::size_t i = 0; i < texts.size(); ++i) {
        Work& w = c.works[i];
        w.source = source;
        w.source_format = "refs";
        w.source_line = static_cast<int>(i) + 1;
        if (!split(texts[i], w))
            c.diagnostics.push_back({source, static_cast<int>(i) + 1, Severity::warning,
                                     "refs: could not split the reference into fields; kept whole as the title"});
    }
    return c;
}

}  // namespace

void bind_refs(py::module_& m) {
    m.def("parse_reference", &parse_reference, py::arg("text"));
    // The batch form: one call, the GIL released; a reference that does not
    // split is kept whole as its title, with a diagnostic naming its row.
    m.def(
        "parse_references",
        [](const std::vector<std::string>& texts, const std::string& source) {
            return split_all(texts, source, [](const std::string& t, Work& w) { return split_reference(t, w); });
        },
        py::arg("texts"), py::arg("source") = "<references>");
    // For bench/refs_quality.py and tools/train_refs_crf.py: the tagger with the
    // shipped model, the rule-based splitter alone, and the tagger with a model
    // file given as bytes (cross-validation).
    m.def(
        "_parse_references_crf",
        [](const std::vector<std::string>& texts, const std::string& source) {
            return split_all(texts, source, [](const std::string& t, Work& w) {
                return split_reference(t, w, RefsTagger::shipped());
            });
        },
        py::arg("texts"), py::arg("source") = "<references>");
    m.def(
        "_parse_references_rules",
        [](const std::vector<std::string>& texts, const std::string& source) {
            return split_all(texts, source, [](const std::string& t, Work& w) { return split_reference_rules(t, w); });
        },
        py::arg("texts"), py::arg("source") = "<references>");
    m.def(
        "_parse_references_with_model",
        [](const std::vector<std::string>& texts, const py::bytes& model, const std::string& source) {
            RefsTagger tagger{std::string_view(std::string(model))};
            return split_all(texts, source, [&](const std::string& t, Work& w) { return split_reference(t, w, tagger); });
        },
        py::arg("texts"), py::arg("model"), py::arg("source") = "<references>");
    // The model's label of every token (tools/train_refs_crf.py's tokens),
    // for the test that the C++ decoder agrees with crfsuite's.
    m.def(
        "_tag_tokens_with_model",
        [](const std::vector<std::string>& texts, const py::bytes& model) {
            RefsTagger tagger{std::string_view(std::string(model))};
            std::vector<std::vector<std::string>> out;
            for (const auto& t : texts) {
                auto& labels = out.emplace_back();
                for (int l : tagger.tag_tokens(t)) labels.push_back(tagger.labels()[l]);
            }
            return out;
        },
        py::arg("texts"), py::arg("model"));
    m.def("tag_reference", [](const std::string& text) {
        std::vector<std::pair<std::string, std::string>> out;
        for (auto& f : tag_reference(text)) out.emplace_back(f.label, f.text);
        return out;
    }, py::arg("text"));
    m.def("_refs_crf_features", &refs_crf_features, py::arg("text"));
    m.def("_refs_rule_regions", &refs_rule_regions, py::arg("text"));
}

}  // namespace scholarmerge::bindings
