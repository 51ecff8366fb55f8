#include "match/title_keys.hpp"

#include <algorithm>
#include <string>

#include "match/key_hash.hpp"
#include "scholarmerge/match/title.hpp"

namespace scholarmerge {

namespace {

// The title's words as [begin, end) byte ranges.
std::vector<std::pair<std::size_t, std::size_t>> word_ranges(std::string_view t) {
    std::vector<std::pair<std::size_t, std::size_t>> out;
    for (std::size_t i = 0; i < t.size();) {
        std::size_t j = t.find(' ', i);
        if (j == std::string_view::npos) j = t.size();
        if (j > i) out.emplace_back(i, j);
        i = j + 1;
    }
    return out;
}

}  // namespace

std::string print_skeleton(std::string_view t) {
    std::string out;
    out.reserve(t.size());
    for (std::size_t i = 0; i < t.size(); ++i) {
        const char c = t[i], next = i + 1 < t.size() ? t[i + 1] : '\0';
        if (c == 'r' && next == 'n') { out += 'm'; ++i; continue; }
        if (c == 'c' && next == 'l') { out += 'd'; ++i; continue; }
        if (c == 't' && next == 'i') { out += 'u'; ++i; continue; }
        if (c == 'f' && next == 'i') { out += 'f'; ++i; continue; }
        switch (c) {
            case '0': out += 'o'; break;
            case '1': case 'i': out += 'l'; break;
            case '5': out += 's'; break;
            case 'c': out += 'e'; break;
            case 'h': out += 'b'; break;
            default: out += c;
        }
    }
    return out;
}

std::string index_word_keys(std::string_view normalized, std::vector<std::uint64_t>& out) {
    std::string skeleton = print_skeleton(normalized);
    title_word_keys(skeleton, out);
    return skeleton;
}

std::uint64_t title_key(std::string_view normalized) {
    std::string squeezed;
    squeezed.reserve(normalized.size());
    for (char c : normalized)
        if (c != ' ') squeezed += c;
    return group_key(squeezed, GroupKey::title);
}

void word_out_keys(std::string_view normalized, std::vector<std::uint64_t>& out) {
    out.clear();
    const auto words = word_ranges(normalized);
    if (words.size() < 3) return;  // one word left is too common a key
    std::string rest;
    for (std::size_t skip = 0; skip < words.size(); ++skip) {
        rest.clear();
        for (std::size_t k = 0; k < words.size(); ++k)
            if (k != skip) rest.append(normalized.substr(words[k].first, words[k].second - words[k].first));
        out.push_back(group_key(rest, GroupKey::title));
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
}

}  // namespace scholarmerge
