// The refs tagger's decoder: the compact model file (see
// tools/train_refs_crf.py, export()) read into an open-addressing table of
// feature hashes, and Viterbi over the tokens' summed feature weights.
#include "read/refs_crf.hpp"

#include <cstring>
#include <limits>
#include <stdexcept>

#include "details/refs_crf_features.hpp"

namespace scholarmerge {

namespace refs_crf_data {
extern const unsigned char kModel[];
extern const std::size_t kModelSize;
}  // namespace refs_crf_data

namespace {

constexpr std::uint32_t kEmpty = ~0u;

struct Reader {
    std::string_view b;
    std::size_t at = 0;
    void need(std::size_t n) const {
        if (at + n > b.size()) throw std::runtime_error("refs tagger: the model file is truncated");
    }
    template <class T>
    T get() {
        need(sizeof(T));
        T v;
        std::memcpy(&v, b.data() + at, sizeof(T));
        at += sizeof(T);
        return v;
    }
    template <class T>
    void array(std::vector<T>& out, std::size_t n) {
        need(n * sizeof(T));
        out.resize(n);
        if (n) std::memcpy(out.data(), b.data() + at, n * sizeof(T));
        at += n * sizeof(T);
    }
};

}  // namespace

RefsTagger::RefsTagger(std::string_view bytes) {
    static constexpr char magic[8] = {'S', 'M', 'C', 'R', 'F', '2', 0, 0};  // 2: feature_key hashes
    if (bytes.size() < 8 || std::memcmp(bytes.data(), magic, 8) != 0)
        throw std::runtime_error("refs tagger: not a model file (no SMCRF2 header)");
    Reader r{bytes, 8};
    std::uint32_t L = r.get<std::uint32_t>();
    if (L == 0 || L > 255) throw std::runtime_error("refs tagger: bad label count");
    for (std::uint32_t i = 0; i < L; ++i) {
        std::uint8_t n = r.get<std::uint8_t>();
        r.need(n);
        labels_.emplace_back(bytes.substr(r.at, n));
        r.at += n;
    }
    r.array(transitions_, std::size_t(L) * L);
    std::uint32_t F = r.get<std::uint32_t>();
    std::uint32_t E = r.get<std::uint32_t>();
    std::vector<std::uint64_t> keys;
    r.array(keys, F);
    std::vector<std::uint32_t> offsets;
    std::vector<std::uint8_t> labels;
    std::vector<float> weights;
    r.array(offsets, std::size_t(F) + 1);
    r.array(labels, E);
    r.array(weights, E);
    if (offsets.back() != E) throw std::runtime_error("refs tagger: inconsistent model file");
    for (std::uint32_t f = 0; f < F; ++f)
        if (offsets[f] > offsets[f + 1]) throw std::runtime_error("refs tagger: inconsistent model file");
    for (auto l : labels)
        if (l >= L) throw std::runtime_error("refs tagger: inconsistent model file");
    entries_.resize(E);
    for (std::uint32_t e = 0; e < E; ++e) entries_[e] = Entry{weights[e], labels[e]};
    std::size_t cap = 64;  // at least one bitmap word
    while (cap < std::size_t(F) * 2) cap <<= 1;
    slots_.assign(cap, Slot{0, kEmpty, 0});
    occupied_.assign(cap / 64, 0);
    for (std::uint32_t f = 0; f < F; ++f) {
        std::size_t s = keys[f] & (cap - 1);
        while (slots_[s].begin != kEmpty) s = (s + 1) & (cap - 1);
        slots_[s] = Slot{keys[f], offsets[f], offsets[f + 1]};
        occupied_[s / 64] |= std::uint64_t(1) << (s % 64);
    }
}

const RefsTagger& RefsTagger::shipped() {
    static const RefsTagger t(
        std::string_view(reinterpret_cast<const char*>(refs_crf_data::kModel), refs_crf_data::kModelSize));
    return t;
}

std::vector<int> RefsTagger::tag_tokens(std::string_view text) const {
    auto spans = refs_crf_tokens(text);
    const std::size_t n = spans.size();
    if (n == 0) return {};
    thread_local std::vector<std::uint64_t> hashes;
    thread_local std::vector<std::uint32_t> offsets;
    detail::refs_crf_feature_hashes(text, spans, hashes, offsets);
    const std::size_t L = labels_.size();
    const std::size_t mask = slots_.size() - 1;
    thread_local std::vector<float> score, best;
    score.assign(n * L, 0.0f);
    best.resize(n * L);
    for (std::size_t i = 0; i < n; ++i) {
        float* row = &score[i * L];
        for (std::uint32_t k = offsets[i]; k < offsets[i + 1]; ++k) {
            std::uint64_t h = hashes[k];
            // most features of a token are not in the model: their home slot
            // is empty, which the bitmap (a few KB, in L1) tells
            if (!(occupied_[(h & mask) / 64] >> (h & 63) & 1)) continue;
            for (std::size_t s = h & mask; slots_[s].begin != kEmpty; s = (s + 1) & mask) {
                const Slot& slot = slots_[s];
                if (slot.key != h) continue;
                for (std::uint32_t e = slot.begin; e < slot.end; ++e) row[entries_[e].label] += entries_[e].weight;
                break;
            }
        }
    }
    // Viterbi: best[i][y] = score[i][y] + max_x best[i-1][x] + trans[x][y].
    // The forward pass keeps only the maxima, with the previous label x as
    // the outer loop: the inner one runs over independent y and vectorises.
    // The backtrack finds the arg max again for the one label it follows
    // (the first x reaching the maximum, as a strict > scan would keep).
    float m[256];
    for (std::size_t y = 0; y < L; ++y) best[y] = score[y];
    for (std::size_t i = 1; i < n; ++i) {
        const float* prev = &best[(i - 1) * L];
        for (std::size_t y = 0; y < L; ++y) m[y] = prev[0] + transitions_[y];
        for (std::size_t x = 1; x < L; ++x) {
            const float px = prev[x];
            const float* tx = &transitions_[x * L];
            for (std::size_t y = 0; y < L; ++y) {
                float v = px + tx[y];
                m[y] = v > m[y] ? v : m[y];
            }
        }
        for (std::size_t y = 0; y < L; ++y) best[i * L + y] = m[y] + score[i * L + y];
    }
    std::vector<int> out(n);
    std::size_t y = 0;
    for (std::size_t k = 1; k < L; ++k)
        if (best[(n - 1) * L + k] > best[(n - 1) * L + y]) y = k;
    for (std::size_t i = n; i-- > 0;) {
        out[i] = static_cast<int>(y);
        if (!i) break;
        const float* prev = &best[(i - 1) * L];
        std::size_t arg = 0;
        float top = prev[0] + transitions_[y];
        for (std::size_t x = 1; x < L; ++x) {
            float v = prev[x] + transitions_[x * L + y];
            if (v > top) {
                top = v;
                arg = x;
            }
        }
        y = arg;
    }
    return out;
}

std::vector<ReferenceField> RefsTagger::tag(std::string_view text) const {
    auto spans = refs_crf_tokens(text);
    auto labels = tag_tokens(text);
    std::vector<ReferenceField> out;
    for (std::size_t i = 0; i < spans.size(); ++i) {
        auto [b, e] = spans[i];
        // "B-title" opens a title field ("title" goes on with one): the
        // model may give a field's first token a label of its own
        std::string_view name = labels_[labels[i]];
        bool opens = name.compare(0, 2, "B-") == 0;
        if (opens || name.compare(0, 2, "E-") == 0) name.remove_prefix(2);  // "E-title" closes one
        if (out.empty() || opens || out.back().label != name) {
            out.push_back({std::string(name), std::string(text.substr(b, e - b)), b, e});
        } else {
            out.back().text += ' ';
            out.back().text.append(text.substr(b, e - b));
            out.back().end = e;
        }
    }
    return out;
}

std::vector<ReferenceField> tag_reference(std::string_view text) { return RefsTagger::shipped().tag(text); }

}  // namespace scholarmerge
