// People resolved over buckets of whole name keys (see distributed.hpp).
#include <algorithm>
#include <map>
#include <numeric>
#include <set>
#include <stdexcept>
#include <string_view>
#include <unordered_map>

#include "scholarmerge/distributed.hpp"
#include "merge/stages.hpp"
#include "match/key_hash.hpp"
#include "scholarmerge/names/people.hpp"

namespace scholarmerge::distributed {

namespace {

void check_mentions(const Mentions& m) {
    const std::size_t n = m.row.size();
    if (m.index.size() != n || m.work.size() != n || m.key.size() != n || m.given.size() != n ||
        m.surname.size() != n || m.initials.size() != n || m.display.size() != n)
        throw std::invalid_argument("mentions: columns of different lengths");
    if (m.coauthor_offsets.size() != m.works.size() + 1 || m.coauthor_offsets.front() != 0 ||
        m.coauthor_offsets.back() != m.coauthors.size() ||
        !std::is_sorted(m.coauthor_offsets.begin(), m.coauthor_offsets.end()))
        throw std::invalid_argument("mentions: co-author offsets do not match the works");
}

// Where mention i of the concatenated parts is: (part, position in it).
std::vector<std::pair<std::size_t, std::size_t>> concatenated(const std::vector<Mentions>& parts) {
    std::vector<std::pair<std::size_t, std::size_t>> at;
    for (std::size_t p = 0; p < parts.size(); ++p) {
        check_mentions(parts[p]);
        for (std::size_t i = 0; i < parts[p].row.size(); ++i) at.emplace_back(p, i);
    }
    return at;
}

}  // namespace

std::vector<Mentions> work_mentions(const Corpus& rows, const std::vector<std::int64_t>& row_ids,
                                    const std::vector<std::int64_t>& labels, std::size_t buckets) {
    const auto& works = rows.works;
    if (buckets == 0) throw std::invalid_argument("work_mentions: buckets must be positive");
    if (row_ids.size() != works.size() || labels.size() != works.size())
        throw std::invalid_argument("work_mentions: one row id and one label per row");
    // Every work's name keys: its rows are all here.
    std::map<std::int64_t, std::set<std::string>> coauthors;
    for (std::size_t r = 0; r < works.size(); ++r)
        for (const auto& a : works[r].authors) coauthors[labels[r]].insert(a.key);

    std::vector<Mentions> out(buckets);
    std::vector<std::set<std::int64_t>> works_in(buckets);  // the works each bucket's mentions are on
    for (std::size_t r = 0; r < works.size(); ++r)
        for (std::size_t i = 0; i < works[r].authors.size(); ++i) {
            const Author& a = works[r].authors[i];
            const std::size_t b = key_hash(a.key) % buckets;
            Mentions& m = out[b];
            m.row.push_back(row_ids[r]);
            m.index.push_back(static_cast<std::int64_t>(i));
            m.work.push_back(labels[r]);
            m.key.push_back(a.key);
            m.given.push_back(a.given);
            m.surname.push_back(a.surname);
            m.initials.push_back(a.initials);
            m.display.push_back(a.display);
            works_in[b].insert(labels[r]);
        }
    for (std::size_t b = 0; b < buckets; ++b)
        for (std::int64_t work : works_in[b]) {
            const auto& keys = coauthors[work];
            out[b].works.push_back(work);
            out[b].coauthors.insert(out[b].coauthors.end(), keys.begin(), keys.end());
            out[b].coauthor_offsets.push_back(out[b].coauthors.size());
        }
    return out;
}

BucketPeople resolve_mentions(const std::vector<Mentions>& parts) {
    const auto at = concatenated(parts);
    const std::size_t n = at.size();
    std::unordered_map<std::int64_t, std::set<std::string>> coauthors;
    for (const auto& p : parts)
        for (std::size_t w = 0; w < p.works.size(); ++w)
            coauthors[p.works[w]].insert(p.coauthors.begin() + static_cast<std::ptrdiff_t>(p.coauthor_offsets[w]),
                                         p.coauthors.begin() + static_cast<std::ptrdiff_t>(p.coauthor_offsets[w + 1]));
    auto row = [&](std::size_t i) { return parts[at[i].first].row[at[i].second]; };
    auto index = [&](std::size_t i) { return parts[at[i].first].index[at[i].second]; };

    // Mention order, as resolve_people sees the mentions: by row, then author index.
    std::vector<std::size_t> order(n);
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return std::make_pair(row(a), index(a)) < std::make_pair(row(b), index(b));
    });
    std::vector<Author> authors(n);
    std::vector<KeyMention> view(n);
    for (std::size_t k = 0; k < n; ++k) {
        const std::size_t i = order[k];
        if (k > 0 && row(i) == row(order[k - 1]) && index(i) == index(order[k - 1]))
            throw std::invalid_argument("resolve_mentions: a mention given twice");
        const Mentions& p = parts[at[i].first];
        const std::size_t j = at[i].second;
        Author& a = authors[k];
        a.key = p.key[j];
        a.given = p.given[j];
        a.surname = p.surname[j];
        a.initials = p.initials[j];
        auto c = coauthors.find(p.work[j]);
        if (c == coauthors.end()) throw std::invalid_argument("resolve_mentions: a mention's work has no co-author keys");
        view[k] = {&a, p.work[j], &c->second};
    }
    const std::vector<std::size_t> first = first_mentions(view);

    BucketPeople out;
    out.person.assign(n, -1);
    std::vector<std::int64_t> person_of(n);  // in mention order
    for (std::size_t k = 0; k < n; ++k) {
        if (first[k] == k) {
            person_of[k] = static_cast<std::int64_t>(out.first_row.size());
            out.first_row.push_back(row(order[k]));
            out.first_index.push_back(index(order[k]));
        } else {
            person_of[k] = person_of[first[k]];
        }
        out.person[order[k]] = person_of[k];
    }
    return out;
}

std::vector<std::int64_t> number_people(const std::vector<std::int64_t>& first_row,
                                        const std::vector<std::int64_t>& first_index) {
    if (first_row.size() != first_index.size()) throw std::invalid_argument("number_people: one index per row");
    std::vector<std::size_t> order(first_row.size());
    std::iota(order.begin(), order.end(), 0);
    auto mention = [&](std::size_t p) { return std::make_pair(first_row[p], first_index[p]); };
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return mention(a) < mention(b); });
    std::vector<std::int64_t> ids(order.size());
    for (std::size_t k = 0; k < order.size(); ++k) {
        if (k > 0 && mention(order[k]) == mention(order[k - 1]))
            throw std::invalid_argument("number_people: two people with one first mention");
        ids[order[k]] = static_cast<std::int64_t>(k);
    }
    return ids;
}

std::vector<Person> bucket_people(const std::vector<Mentions>& parts, const std::vector<std::int64_t>& person) {
    const auto at = concatenated(parts);
    if (person.size() != at.size()) throw std::invalid_argument("bucket_people: one person per mention");
    std::vector<std::int64_t> work(at.size());
    std::vector<std::string_view> spelling(at.size());
    for (std::size_t i = 0; i < at.size(); ++i) {
        work[i] = parts[at[i].first].work[at[i].second];
        spelling[i] = parts[at[i].first].display[at[i].second];
    }
    return people_of(person, work, spelling);
}

}  // namespace scholarmerge::distributed
