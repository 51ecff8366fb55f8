#include "incremental/row_lists.hpp"

#include <algorithm>
#include <stdexcept>

#include "../match/details/bytes.hpp"

namespace scholarmerge {

namespace {

// Keys are key_hash() values, well mixed: their low bits index the table.
std::size_t table_size(std::size_t keys) {
    std::size_t c = 16;
    while (c < 2 * keys) c *= 2;
    return c;
}

}  // namespace

bool RowLists::Rows::contains(std::uint32_t row) const {
    return std::find(flat.begin, flat.end, row) != flat.end || std::find(grown.begin, grown.end, row) != grown.end;
}

void RowLists::build(std::vector<std::pair<std::uint64_t, std::uint32_t>> pairs, std::size_t cap) {
    std::sort(pairs.begin(), pairs.end());
    keys_.clear(), start_.assign(1, 0), rows_.clear(), grown_.clear();
    rows_.reserve(pairs.size());
    for (std::size_t i = 0; i < pairs.size();) {
        std::size_t j = i;
        while (j < pairs.size() && pairs[j].first == pairs[i].first) ++j;
        keys_.push_back(pairs[i].first);
        for (std::size_t k = i; k < j && k - i < cap; ++k) rows_.push_back(pairs[k].second);
        start_.push_back(static_cast<std::uint32_t>(rows_.size()));
        i = j;
    }
    if (rows_.size() > UINT32_MAX) throw std::length_error("RowLists: more than 2^32 rows");
    index_keys();
}

void RowLists::index_keys() {
    table_.clear();
    if (!hashed_) return;
    table_.assign(table_size(keys_.size()), 0);
    const std::size_t mask = table_.size() - 1;
    for (std::size_t k = 0; k < keys_.size(); ++k) {
        std::size_t i = static_cast<std::size_t>(keys_[k]) & mask;
        while (table_[i]) i = (i + 1) & mask;
        table_[i] = static_cast<std::uint32_t>(k + 1);
    }
}

RowLists::Rows RowLists::find(std::uint64_t key) const {
    Rows out;
    if (!hashed_) {
        const auto it = std::lower_bound(keys_.begin(), keys_.end(), key);
        if (it != keys_.end() && *it == key) {
            const auto k = static_cast<std::size_t>(it - keys_.begin());
            out.flat = {rows_.data() + start_[k], rows_.data() + start_[k + 1]};
        }
    } else if (!table_.empty()) {
        const std::size_t mask = table_.size() - 1;
        for (std::size_t i = static_cast<std::size_t>(key) & mask; table_[i]; i = (i + 1) & mask) {
            const std::size_t k = table_[i] - 1;
            if (keys_[k] == key) {
                out.flat = {rows_.data() + start_[k], rows_.data() + start_[k + 1]};
                break;
            }
        }
    }
    if (!grown_.empty()) {
        auto it = grown_.find(key);
        if (it != grown_.end()) out.grown = {it->second.data(), it->second.data() + it->second.size()};
    }
    return out;
}

void RowLists::append(std::uint64_t key, std::uint32_t row, std::size_t cap) {
    if (find(key).size() < cap) grown_[key].push_back(row);
}

void RowLists::write(std::string& out) const {
    using namespace state_bytes;
    if (grown_.empty()) {
        put_array(out, keys_), put_array(out, start_), put_array(out, rows_);
        return;
    }
    std::vector<std::uint64_t> keys = keys_;
    for (const auto& [k, rows] : grown_) keys.push_back(k);
    std::sort(keys.begin(), keys.end());
    keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
    std::vector<std::uint32_t> start{0}, rows;
    rows.reserve(rows_.size() + grown_.size());
    for (std::uint64_t k : keys) {
        find(k).each([&](std::uint32_t r) { return rows.push_back(r), true; });
        start.push_back(static_cast<std::uint32_t>(rows.size()));
    }
    put_array(out, keys), put_array(out, start), put_array(out, rows);
}

void RowLists::read(std::string_view in, std::size_t& pos) {
    using namespace state_bytes;
    get_array(in, pos, keys_), get_array(in, pos, start_), get_array(in, pos, rows_);
    grown_.clear();
    if (start_.size() != keys_.size() + 1 || start_.front() != 0 || start_.back() != rows_.size() ||
        !std::is_sorted(start_.begin(), start_.end()) || std::adjacent_find(keys_.begin(), keys_.end(),
                                                                            std::greater_equal<>()) != keys_.end())
        throw std::invalid_argument("matcher state: a malformed row list");
    for (std::size_t k = 0; k + 1 < start_.size(); ++k)  // each key's rows ascending: lookups stop at the first past x
        if (std::adjacent_find(rows_.begin() + start_[k], rows_.begin() + start_[k + 1], std::greater_equal<>()) !=
            rows_.begin() + start_[k + 1])
            throw std::invalid_argument("matcher state: a row list out of row order");
    index_keys();
}

}  // namespace scholarmerge
