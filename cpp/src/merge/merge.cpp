#include "scholarmerge/merge/merge.hpp"
#include "merge/stages.hpp"

#include <algorithm>
#include <map>
#include <functional>
#include <set>
#include <stdexcept>

#include "match/record.hpp"
#include "scholarmerge/match/title.hpp"
#include "scholarmerge/names/match.hpp"
#include "scholarmerge/names/parse.hpp"
#include "scholarmerge/names/people.hpp"
#include "text/fold.hpp"

namespace scholarmerge {

namespace {

Provenance where(const Work& w) { return {w.source, w.source_line}; }

// The value most members agree on; ties go to the earliest member.
template <class Key>
std::size_t consensus(const std::vector<std::size_t>& rows, Key key) {
    std::map<std::string, std::pair<std::size_t, std::size_t>> votes;  // value -> (count, first row)
    for (std::size_t r : rows) {
        std::string k = key(r);
        if (k.empty()) continue;
        auto [it, inserted] = votes.emplace(k, std::make_pair(0, r));
        ++it->second.first;
    }
    std::size_t best = rows.front(), count = 0;
    for (const auto& [k, v] : votes)
        if (v.first > count || (v.first == count && v.second < best)) {
            count = v.first;
            best = v.second;
        }
    return best;
}

// Records disagreeing on a field: each distinct value (as compare_as tells
// them apart) with its first source.
void add_conflict(std::vector<Conflict>& out, std::int64_t id, const std::string& field,
                  const std::vector<std::size_t>& rows, const std::vector<Work>& works,
                  const std::function<std::string(std::size_t)>& value,
                  const std::function<std::string(std::size_t)>& compare_as) {
    Conflict c{id, field, {}};
    std::set<std::string> seen;
    for (std::size_t r : rows) {
        std::string v = value(r);
        if (v.empty()) continue;
        if (seen.insert(compare_as(r)).second) c.values.push_back({v, where(works[r])});
    }
    if (c.values.size() > 1) out.push_back(std::move(c));
}

// A venue's words as the matcher keyed them, order and case aside: the same venue
// however it is written ("Proc. VLDB" and "proc vldb"), as one string.
std::string venue_key(const MatchRecord& r) {
    std::string k;
    for (std::uint64_t h : r.venue_words) k.append(reinterpret_cast<const char*>(&h), sizeof h);
    return k;
}

// The title proper of a raw title field (citation debris cut, edges trimmed).
std::string title_proper(const Work& w, const MatchRecord& r) {
    if (r.title_length == 0 || std::size_t{r.title_begin} + r.title_length > w.title.size()) return w.title;
    std::string_view t = std::string_view(w.title).substr(r.title_begin, r.title_length);
    while (!t.empty() && (t.back() == ' ' || t.back() == '.' || t.back() == ',')) t.remove_suffix(1);
    while (!t.empty() && t.front() == ' ') t.remove_prefix(1);
    return t.empty() ? w.title : std::string(t);
}

}  // namespace

MergeResult merge_works(const Corpus& corpus, const std::vector<std::int64_t>& labels,
                        const std::vector<MatchRecord>& prepared, const PersonOf& person_of) {
    const auto& works = corpus.works;
    if (labels.size() != works.size() || prepared.size() != works.size())
        throw std::invalid_argument("merge: one label and one prepared record per work");
    MergeResult result;
    result.work_of = labels;
    std::map<std::int64_t, std::vector<std::size_t>> groups;
    for (std::size_t r = 0; r < works.size(); ++r) groups[labels[r]].push_back(r);

    for (const auto& [id, rows] : groups) {
        MergedWork mw;
        mw.work_id = id;
        mw.members = rows;
        // Authors: a full list over "et al.", then the longest, then the fullest names.
        mw.authors_from = rows.front();
        auto author_rank = [&](std::size_t r) {
            std::size_t given = 0;
            for (const auto& a : works[r].authors) given += a.given.size();
            return std::make_tuple(!works[r].authors_truncated && !works[r].authors.empty(), works[r].authors.size(), given);
        };
        for (std::size_t r : rows)
            if (author_rank(r) > author_rank(mw.authors_from)) mw.authors_from = r;
        mw.title_from = consensus(rows, [&](std::size_t r) { return prepared[r].title; });
        // Year and venue: the published record's when there is one.
        auto published = [&](std::size_t r) { return !works[r].venue.empty() && prepared[r].venue != VenueKind::preprint; };
        auto year = [&](std::size_t r) { return prepared[r].year ? std::to_string(prepared[r].year) : std::string(); };
        std::vector<std::size_t> pub;
        for (std::size_t r : rows)
            if (published(r)) pub.push_back(r);
        const auto& basis = pub.empty() ? rows : pub;
        mw.year_from = consensus(basis, year);
        mw.venue_from = consensus(basis, [&](std::size_t r) { return works[r].venue; });
        mw.abstract_from = rows.front();
        for (std::size_t r : rows)
            if (works[r].abstract.size() > works[mw.abstract_from].abstract.size()) mw.abstract_from = r;

        Work& rec = mw.record;
        rec = works[rows.front()];
        rec.title = title_proper(works[mw.title_from], prepared[mw.title_from]);
        rec.authors = works[mw.authors_from].authors;
        rec.authors_truncated = works[mw.authors_from].authors_truncated;
        // The year as matching read it: the field's, else one found in the venue or title.
        rec.year = prepared[mw.year_from].year ? std::optional<int>(prepared[mw.year_from].year) : works[mw.year_from].year;
        rec.venue = works[mw.venue_from].venue;
        rec.abstract = works[mw.abstract_from].abstract;
        // The most precise date of the chosen year.
        rec.date = rec.year ? std::to_string(*rec.year) : "";
        for (std::size_t r : rows)
            if (works[r].year == rec.year && works[r].date.size() > rec.date.size()) rec.date = works[r].date;
        for (std::size_t r : rows) {
            if (rec.category.empty()) rec.category = works[r].category;
            for (const auto& [k, v] : works[r].ids) rec.ids.emplace(k, v);
            for (const auto& [k, v] : works[r].links) rec.links.emplace(k, v);
            for (const auto& [k, v] : works[r].extra) rec.extra.emplace(k, v);
        }
        for (std::size_t i = 0; i < rec.authors.size(); ++i) mw.person_ids.push_back(person_of(mw.authors_from, i));

        add_conflict(result.conflicts, id, "year", rows, works, year, year);
        add_conflict(result.conflicts, id, "venue", pub, works, [&](std::size_t r) { return works[r].venue; },
                     [&](std::size_t r) { return venue_key(prepared[r]); });
        std::set<std::string> id_keys;
        for (std::size_t r : rows)
            for (const auto& kv : works[r].ids) id_keys.insert(kv.first);
        for (const auto& k : id_keys) {
            auto value = [&](std::size_t r) {
                auto it = works[r].ids.find(k);
                return it == works[r].ids.end() ? std::string() : it->second;
            };
            // DOIs and arXiv ids as the matcher keyed them: "https://doi.org/10.1/X" is "10.1/x".
            auto key = [&](std::size_t r) {
                return k == "doi" ? prepared[r].doi : k == "arxiv" ? prepared[r].arxiv : value(r);
            };
            add_conflict(result.conflicts, id, "ids." + k, rows, works, value, key);
        }
        result.works.push_back(std::move(mw));
    }
    return result;
}

std::vector<Person> people_of(const std::vector<std::int64_t>& person, const std::vector<std::int64_t>& work,
                              const std::vector<std::string_view>& spelling) {
    std::map<std::int64_t, Person> people;
    std::map<std::int64_t, std::map<std::string_view, std::size_t>> spellings;
    for (std::size_t m = 0; m < person.size(); ++m) {
        Person& p = people[person[m]];
        p.person_id = person[m];
        p.works.push_back(work[m]);
        ++spellings[p.person_id][spelling[m]];
    }
    std::vector<Person> out;
    out.reserve(people.size());
    for (auto& [id, p] : people) {
        std::sort(p.works.begin(), p.works.end());
        p.works.erase(std::unique(p.works.begin(), p.works.end()), p.works.end());
        // The fullest spelling; of equals, the most frequent, then the first in order.
        std::pair<std::size_t, std::size_t> best{0, 0};
        for (const auto& [s, count] : spellings[id]) {
            p.variants.emplace_back(s);
            if (std::make_pair(s.size(), count) > best) {
                best = {s.size(), count};
                p.name = std::string(s);
            }
        }
        out.push_back(std::move(p));
    }
    return out;
}

MergeResult merge(const Corpus& corpus, const std::vector<std::int64_t>& labels) {
    if (labels.size() != corpus.works.size())
        throw std::invalid_argument("merge: " + std::to_string(labels.size()) + " labels for " +
                                    std::to_string(corpus.works.size()) + " works; one label per work is needed");
    DedupeDetails deduped;
    deduped.labels = labels;
    deduped.records = prepare(corpus.works);
    return merge(corpus, deduped);
}

MergeResult merge(const Corpus& corpus, const DedupeDetails& deduped) {
    const auto& works = corpus.works;
    const auto& labels = deduped.labels;
    if (labels.size() != works.size() || deduped.records.size() != works.size())
        throw std::invalid_argument("merge: one label and one prepared record per work");
    // People first: every author mention of every row.
    std::vector<Mention> mentions;
    for (std::size_t r = 0; r < works.size(); ++r)
        for (std::size_t i = 0; i < works[r].authors.size(); ++i) mentions.push_back({r, i, labels[r]});
    std::vector<std::int64_t> person_of_mention = resolve_people(works, mentions);
    // A row's mentions are consecutive: the first of each row locates the rest.
    std::vector<std::size_t> first_mention(works.size() + 1, 0);
    for (std::size_t r = 0; r < works.size(); ++r) first_mention[r + 1] = first_mention[r] + works[r].authors.size();

    MergeResult result = merge_works(corpus, labels, deduped.records, [&](std::size_t row, std::size_t index) {
        return person_of_mention[first_mention[row] + index];
    });

    std::vector<std::int64_t> work_of_mention;
    std::vector<std::string_view> spelling;
    for (const auto& m : mentions) {
        work_of_mention.push_back(m.work);
        spelling.push_back(works[m.row].authors[m.index].display);
    }
    result.people = people_of(person_of_mention, work_of_mention, spelling);

    // Profile owners: the person whose name fits the owner's best, most often
    // on the owner's own page, else anywhere; pages of one person are joined.
    std::map<std::int64_t, std::size_t> profile_of_person;
    std::map<std::string, std::size_t> profile_of_name;  // owners who match nobody
    for (const auto& header : corpus.profiles) {
        Author owner = parse_name(header.name);
        std::map<std::int64_t, std::pair<std::size_t, std::size_t>> votes;  // person -> (on page, anywhere)
        for (std::size_t m = 0; m < mentions.size(); ++m) {
            const Author& a = works[mentions[m].row].authors[mentions[m].index];
            if (a.key != owner.key || same_author(owner, a) < kSameAuthorThreshold) continue;
            auto& v = votes[person_of_mention[m]];
            v.first += works[mentions[m].row].source == header.source;
            ++v.second;
        }
        std::int64_t person = -1;
        std::pair<std::size_t, std::size_t> best{0, 0};
        for (const auto& [id, v] : votes)
            if (v > best) {
                best = v;
                person = id;
            }
        std::size_t slot;
        if (person >= 0 && profile_of_person.count(person)) {
            slot = profile_of_person[person];
        } else if (person < 0 && profile_of_name.count(text::fold(header.name))) {
            slot = profile_of_name[text::fold(header.name)];
        } else {
            slot = result.profiles.size();
            MergedProfile p;
            p.person_id = person;
            p.name = person >= 0 ? result.people[static_cast<std::size_t>(person)].name : header.name;  // ids are 0..n-1
            p.inferred = true;
            result.profiles.push_back(p);
            if (person >= 0) profile_of_person[person] = slot;
            else profile_of_name[text::fold(header.name)] = slot;
        }
        MergedProfile& p = result.profiles[slot];
        p.inferred = p.inferred && header.inferred;  // named on any page: not inferred
        if (std::find(p.sources.begin(), p.sources.end(), header.source) == p.sources.end())
            p.sources.push_back(header.source);
    }
    for (auto& p : result.profiles) {
        std::set<std::int64_t> distinct;
        for (std::size_t r = 0; r < works.size(); ++r)
            if (std::find(p.sources.begin(), p.sources.end(), works[r].source) != p.sources.end()) {
                ++p.n_entries;
                distinct.insert(labels[r]);
            }
        p.works.assign(distinct.begin(), distinct.end());
    }
    return result;
}

}  // namespace scholarmerge
