// The refs tagger: a linear-chain CRF that labels each whitespace-separated
// token of one reference (author, title, container, date, volume, pages,
// publisher, location, editor, ...). Weights are trained offline by
// tools/train_refs_crf.py on AnyStyle's core.xml and compiled in
// (refs_crf_model.cpp); decoding is Viterbi over hashed token features.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace scholarmerge {

// One field of a reference: consecutive tokens with the same label. `begin`
// and `end` are byte offsets into the text given to tag_reference.
struct ReferenceField {
    std::string label;  // "author", "title", "container", "date", "volume", "pages", "publisher", ...
    std::string text;   // the tokens joined by single spaces
    std::size_t begin = 0;
    std::size_t end = 0;
};

class RefsTagger {
public:
    // Reads the compact model file written by tools/train_refs_crf.py;
    // throws std::runtime_error when the bytes are not one.
    explicit RefsTagger(std::string_view model_bytes);

    // The model compiled into the library.
    static const RefsTagger& shipped();

    // The fields of `text`, in order (empty for a text without tokens).
    std::vector<ReferenceField> tag(std::string_view text) const;

    // One label index per token (the tokens as refs_crf_tokens gives them).
    std::vector<int> tag_tokens(std::string_view text) const;

    const std::vector<std::string>& labels() const { return labels_; }

private:
    std::vector<std::string> labels_;
    std::vector<float> transitions_;  // [from * L + to]
    // Open addressing on the feature key; a slot holds the range of its
    // (weight, label) entries, so a hit costs two cache lines, not four.
    struct Slot {
        std::uint64_t key;
        std::uint32_t begin;  // into entries_, or ~0u for an empty slot
        std::uint32_t end;
    };
    struct Entry {
        float weight;
        std::uint32_t label;
    };
    std::vector<Slot> slots_;
    std::vector<std::uint64_t> occupied_;  // one bit per slot
    std::vector<Entry> entries_;
};

// tag_reference(text) = RefsTagger::shipped().tag(text): the splitter the
// reader uses, for callers that want the raw fields (e.g. to repair a title
// field that holds a whole reference).
std::vector<ReferenceField> tag_reference(std::string_view text);

// The tagger's tokens: byte ranges of the whitespace-separated words.
std::vector<std::pair<std::size_t, std::size_t>> refs_crf_tokens(std::string_view text);

// The feature strings of every token, as tools/refs_crf_features.py makes
// them (for the test that keeps the two in step).
std::vector<std::vector<std::string>> refs_crf_features(std::string_view text);

// The rule-based splitter's cut of `text` as one region per tagger token
// ("pre", "title", "mid", "cont", "post", or "none" when the rules do not
// split it): a feature of the tagger (tools/refs_crf_features.py reads it
// through the binding, so training and decoding see the same regions).
std::vector<std::string> refs_rule_regions(std::string_view text);

}  // namespace scholarmerge
