#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>
#include <stdexcept>
#include <vector>

#include "incremental/state.hpp"
#include "dedupe_details.hpp"
#include "incremental.hpp"
#include "match/repair.hpp"
#include "scholarmerge/read/read.hpp"

using namespace scholarmerge;

namespace {

std::vector<Work> slice(const std::vector<Work>& works, std::size_t from, std::size_t to) {
    return std::vector<Work>(works.begin() + static_cast<long>(from), works.begin() + static_cast<long>(to));
}

}  // namespace

// The seeds added in three batches to a matcher built on their first half:
// the pairs it counts are those of one dedupe of all of them, the model it
// refits on them is that dedupe's own, and so are the labels.
TEST(IncrementalMatcher, BatchesGiveTheCountsModelAndLabelsOfOneDedupe) {
    const Corpus c = read({SCHOLARMERGE_SEEDS_DIR});
    const std::size_t n = c.works.size(), half = n / 2;
    ASSERT_GT(n, 100u);
    const DedupeDetails first = dedupe_prepared(prepare(slice(c.works, 0, half)));
    IncrementalMatcher matcher(slice(c.works, 0, half), first.labels, *first.model);
    EXPECT_EQ(matcher.pattern_counts(), first.pattern_counts);
    const std::size_t cuts[] = {half, half + (n - half) / 3, half + 2 * (n - half) / 3, n};
    std::size_t reclustered = 0;
    for (int k = 0; k < 3; ++k) {
        const IncrementalMatcher::Update u = matcher.add(slice(c.works, cuts[k], cuts[k + 1]));
        ASSERT_EQ(u.rows.size(), u.labels.size());
        for (std::size_t i = cuts[k]; i < cuts[k + 1]; ++i)  // every new record is in the update
            EXPECT_TRUE(std::binary_search(u.rows.begin(), u.rows.end(), static_cast<std::int64_t>(i)));
        reclustered += u.rows.size();
    }
    EXPECT_LT(reclustered, 2 * n);  // not every record each time
    const DedupeDetails all = dedupe_prepared(prepare(c.works));
    EXPECT_EQ(matcher.pattern_counts(), all.pattern_counts);
    EXPECT_EQ(matcher.model().m, all.model->m);
    EXPECT_EQ(matcher.model().u, all.model->u);
    EXPECT_EQ(matcher.model().prior, all.model->prior);
    EXPECT_EQ(matcher.labels(), all.labels);
    EXPECT_LT(std::set<std::int64_t>(all.labels.begin(), all.labels.end()).size(), n);  // there were duplicates
}

// A matcher built with a model its pairs do not give (one that joins
// nothing: a prior of almost no pair the same work) decides otherwise once an
// add refits it: the clusters of the stored pairs whose pattern flips are
// clustered again, and the labels are those of one dedupe fitting its own
// model, as if every record were taken again.
TEST(IncrementalMatcher, PatternsTheRefitDecidesOtherwiseAreClusteredAgain) {
    const Corpus c = read({SCHOLARMERGE_SEEDS_DIR});
    const std::size_t n = c.works.size(), half = n / 2;
    const DedupeDetails fitted = dedupe_prepared(prepare(slice(c.works, 0, half)));
    auto start = std::make_shared<MatchModel>(*fitted.model);
    start->prior = 1e-30;
    DedupeOptions o;
    o.model = start;
    const DedupeDetails first = dedupe_prepared(prepare(slice(c.works, 0, half)), o);
    EXPECT_EQ(std::set<std::int64_t>(first.labels.begin(), first.labels.end()).size(), half);  // nothing joined
    IncrementalMatcher matcher(slice(c.works, 0, half), first.labels, *start);
    const IncrementalMatcher::Update u = matcher.add(slice(c.works, half, n));
    EXPECT_GT(u.redecided, 0u);
    const DedupeDetails all = dedupe_prepared(prepare(c.works));
    EXPECT_EQ(matcher.pattern_counts(), all.pattern_counts);
    EXPECT_EQ(matcher.labels(), all.labels);
}

TEST(IncrementalMatcher, RefusesLabelsThatAreNotFirstRows) {
    const Corpus c = read({SCHOLARMERGE_SEEDS_DIR});
    const std::vector<Work> two = slice(c.works, 0, 2);
    EXPECT_THROW(IncrementalMatcher(two, {1, 1}, MatchModel::defaults()), std::invalid_argument);
    EXPECT_THROW(IncrementalMatcher(two, {0}, MatchModel::defaults()), std::invalid_argument);
}

namespace {

Work work(std::string title, std::vector<std::string> surnames, std::string venue, int year) {
    Work w;
    w.title = std::move(title);
    for (std::string& s : surnames) {
        Author a;
        a.display = a.surname = std::move(s);
        w.authors.push_back(std::move(a));
    }
    w.venue = std::move(venue);
    if (year) w.year = year;
    w.source = "listing.txt";
    return w;
}

// Clean records naming authors and venues, then records whose title field
// holds their authors, venue and year too (a scraped listing): those the
// vocabulary repairs.
std::vector<Work> listing() {
    const char* topics[] = {"query optimisation", "object stores", "view maintenance", "join ordering",
                            "index tuning", "buffer management", "recovery protocols", "schema evolution"};
    std::vector<Work> w;
    for (const char* t : topics) {
        w.push_back(work(std::string("Adaptive ") + t + " for relational systems", {"Gardarin", "Tang"},
                         "Very Large Data Bases", 1996));
        w.push_back(work(std::string("Notes on ") + t, {"Valduriez", "Widom"}, "SIGMOD Conference", 1997));
    }
    w.push_back(work("Object oriented databases in practice tang gardarin very large data bases 1996", {}, "", 0));
    w.push_back(work("Distributed transactions revisited valduriez widom sigmod conference 1997", {}, "", 0));
    w.push_back(work("Adaptive view maintenance for relational systems", {"Gardarin", "Tang"}, "VLDB", 1996));
    return w;
}

std::vector<Work> slice_of(const std::vector<Work>& w, std::size_t from, std::size_t to) {
    return std::vector<Work>(w.begin() + static_cast<long>(from), w.begin() + static_cast<long>(to));
}

}  // namespace

// A FieldVocabulary written and read back repairs as the one written, byte
// for byte (the catalogue's adds repair by the counts it stored), and writes
// the same bytes again.
TEST(FieldVocabulary, ReadBackRepairsAsTheOneWritten) {
    const std::vector<Work> all = listing();
    const std::size_t stored = all.size() - 3;
    const std::vector<Work> batch = slice_of(all, stored, all.size());
    const std::vector<MatchRecord> made = incremental::made_records(batch, 1);
    FieldVocabulary whole;
    for (const MatchRecord& m : incremental::made_records(slice_of(all, 0, stored), 1)) whole.add(m);
    std::string bytes;
    whole.write(bytes);
    FieldVocabulary back;
    std::size_t pos = 0;
    back.read(bytes, pos);
    EXPECT_EQ(pos, bytes.size());
    EXPECT_EQ(back.records(), stored);
    std::string again;
    back.write(again);
    EXPECT_EQ(again, bytes);
    const std::vector<MatchRecord> expected = prepare(batch, 1, &whole);
    const std::vector<MatchRecord> got = prepare(batch, 1, &back);
    ASSERT_EQ(got.size(), expected.size());
    for (std::size_t i = 0; i < got.size(); ++i)
        EXPECT_EQ(incremental::encode_record(got[i]), incremental::encode_record(expected[i])) << i;
    // The listing lines were cut (the test sees a repair), the clean record was not.
    EXPECT_LT(expected[0].title.size(), made[0].title.size());
    EXPECT_LT(expected[1].title.size(), made[1].title.size());
    EXPECT_FALSE(expected[0].surnames.empty());
    EXPECT_EQ(expected[2].title, made[2].title);
}

namespace {

std::string read_error(const std::string& bytes) {
    FieldVocabulary v;
    std::size_t pos = 0;
    try {
        v.read(bytes, pos);
    } catch (const std::invalid_argument& e) {
        return e.what();
    }
    return "";
}

}  // namespace

// Damaged counts are refused, naming what is wrong: cut, a word counted in more
// records than there are, keys out of order.
TEST(FieldVocabulary, DamagedCountsAreRefused) {
    FieldVocabulary v;
    for (const MatchRecord& m : incremental::made_records(listing(), 1)) v.add(m);
    std::string bytes;
    v.write(bytes);
    EXPECT_NE(read_error(bytes.substr(0, bytes.size() - 1)).find("end early"), std::string::npos);
    std::string fewer = bytes;
    fewer[0] = 1;  // records: 1, while words are counted in several
    EXPECT_NE(read_error(fewer).find("do not add up"), std::string::npos) << read_error(fewer);
    // The title keys start after the record count and the array's length: swap the first two.
    std::string swapped = bytes;
    std::swap_ranges(swapped.begin() + 16, swapped.begin() + 24, swapped.begin() + 24);
    EXPECT_NE(read_error(swapped).find("not in key order"), std::string::npos) << read_error(swapped);
    EXPECT_EQ(read_error(bytes), "");
}

// A matcher restored from its snapshot, deltas and records (fetched by row)
// adds as the one that wrote them: the same labels, state and records.
TEST(IncrementalMatcher, RestoredMatcherAddsAsTheOneThatWroteTheState) {
    const Corpus c = read({SCHOLARMERGE_SEEDS_DIR});
    const std::size_t n = c.works.size(), half = n / 2, third = half + (n - half) / 3;
    const DedupeResult first = dedupe_detailed(slice(c.works, 0, half));
    IncrementalMatcher warm(slice(c.works, 0, half), first.labels, *first.model);
    std::map<std::uint32_t, std::string> stored;  // what a catalogue keeps, by row
    auto keep = [&](IncrementalMatcher& m) {
        for (auto& [row, bytes] : m.take_changed_records()) stored[row] = std::move(bytes);
    };
    keep(warm);
    std::vector<std::string> states{warm.last_delta()};
    warm.add(slice(c.works, half, third));
    keep(warm);
    states.push_back(warm.last_delta());
    std::size_t fetched = 0;
    auto fetch = [&](const std::vector<std::uint32_t>& rows) {
        std::vector<std::string> out;
        for (std::uint32_t r : rows) out.push_back(stored.at(r));
        fetched += rows.size();
        return out;
    };
    std::vector<std::string_view> views(states.begin(), states.end());
    // With the model the last add refitted (the catalogue stores it beside the state).
    std::unique_ptr<IncrementalMatcher> cold = IncrementalMatcher::restore(views, fetch, warm.model());
    EXPECT_EQ(cold->labels(), warm.labels());
    EXPECT_EQ(cold->pattern_counts(), warm.pattern_counts());
    EXPECT_EQ(cold->pairs().size(), warm.pairs().size());
    EXPECT_EQ(cold->snapshot(), warm.snapshot());
    const std::vector<Work> rest = slice(c.works, third, n);
    const IncrementalMatcher::Update a = warm.add(rest), b = cold->add(rest);
    EXPECT_EQ(a.rows, b.rows);
    EXPECT_EQ(a.labels, b.labels);
    EXPECT_EQ(a.redecided, b.redecided);
    EXPECT_EQ(cold->model().m, warm.model().m);
    EXPECT_EQ(cold->labels(), warm.labels());
    EXPECT_EQ(cold->snapshot(), warm.snapshot());
    EXPECT_EQ(cold->last_delta(), warm.last_delta());
    EXPECT_EQ(cold->take_changed_records(), warm.take_changed_records());
    EXPECT_GT(fetched, 0u);
    EXPECT_LT(fetched, half);  // a few records, not every one
    // Cut, reordered or foreign states are refused.
    const std::string cut = states[0].substr(0, states[0].size() - 3);
    EXPECT_THROW(IncrementalMatcher::restore({cut}, fetch, *first.model), std::invalid_argument);
    EXPECT_THROW(IncrementalMatcher::restore({states[1]}, fetch, *first.model), std::invalid_argument);
    EXPECT_THROW(IncrementalMatcher::restore({states[0], states[0]}, fetch, *first.model), std::invalid_argument);
    EXPECT_THROW(IncrementalMatcher::restore({states[0]}, fetch, *first.model, 0.9), std::invalid_argument);
    std::string other = states[0];
    other[4] = static_cast<char>(other[4] + 1);  // another format version
    EXPECT_THROW(IncrementalMatcher::restore({other}, fetch, *first.model), std::invalid_argument);
}

namespace {

// The message restore() or add() refuses with ("" when none).
template <class F>
std::string refusal(F&& f) {
    try {
        f();
    } catch (const std::invalid_argument& e) {
        return e.what();
    }
    return "";
}

}  // namespace

// Damage that still parses is found by the checksums, and named: a byte of a
// state changed (a count, a row), a stored record changed or at another row.
TEST(IncrementalMatcher, DamagedStatesAndRecordsAreRefusedByName) {
    const Corpus c = read({SCHOLARMERGE_SEEDS_DIR});
    const std::size_t n = c.works.size(), half = n / 2;
    const DedupeResult first = dedupe_detailed(slice(c.works, 0, half));
    IncrementalMatcher warm(slice(c.works, 0, half), first.labels, *first.model);
    std::map<std::uint32_t, std::string> stored;
    for (auto& [row, bytes] : warm.take_changed_records()) stored[row] = std::move(bytes);
    auto fetch = [&](const std::vector<std::uint32_t>& rows) {
        std::vector<std::string> out;
        for (std::uint32_t r : rows) out.push_back(stored.at(r));
        return out;
    };
    const std::string state = warm.last_delta();
    for (std::size_t at : {state.size() / 3, state.size() / 2, state.size() - 20}) {
        std::string flipped = state;
        flipped[at] = static_cast<char>(flipped[at] ^ 0x10);
        const std::string why = refusal([&] { IncrementalMatcher::restore({flipped}, fetch, *first.model); });
        EXPECT_NE(why.find("snapshot of 1 states: the stored state fails its checksum"), std::string::npos) << why;
    }
    // A stored record damaged, or swapped with another row's: the add that fetches it names the row.
    const std::vector<Work> rest = slice(c.works, half, n);
    for (const bool swap : {false, true}) {
        std::unique_ptr<IncrementalMatcher> cold = IncrementalMatcher::restore({state}, fetch, *first.model);
        auto saved = stored;
        for (std::uint32_t row = 0; row + 1 < stored.size(); row += 2) {
            std::string &a = stored[row], &b = stored[row + 1];
            if (swap) std::swap(a, b);
            else a[a.size() / 2] = static_cast<char>(a[a.size() / 2] ^ 1), b[b.size() / 2] = static_cast<char>(b[b.size() / 2] ^ 1);
        }
        const std::string why = refusal([&] { cold->add(rest); });
        EXPECT_NE(why.find("matcher state: the stored record of row "), std::string::npos) << why;
        EXPECT_NE(why.find("fails its checksum"), std::string::npos) << why;
        stored = std::move(saved);
    }
}

namespace {

// Titles of four words drawn from a small vocabulary, each with "zeta"; every
// seventh work a copy of an earlier one in another source (a duplicate).
std::vector<Work> zeta_corpus(std::size_t n) {
    const char* words[] = {"lattice", "kernel", "sparse", "graph", "stream", "query", "index", "tensor",
                           "robust", "cache", "vector", "fusion", "spectral", "crypt", "mesh", "agent"};
    std::vector<Work> works;
    for (std::size_t i = 0; i < n; ++i) {
        if (i % 7 == 6) {
            Work copy = works[i - 5];
            copy.source = "other.txt";
            works.push_back(std::move(copy));
            continue;
        }
        std::string title = "zeta";
        for (std::size_t k = 0, h = i * 2654435761u; k < 4; ++k, h /= 16) title += std::string(" ") + words[h % 16];
        works.push_back(work(title + " " + std::to_string(i % 97), {"Surname" + std::to_string(i % 13)}, "Venue", 2000));
    }
    return works;
}

}  // namespace

// "zeta" turns common (in more than kMaxDocumentFrequency titles) inside an
// add: the stored records holding it are paired again as a batch of all the
// records pairs them (their word sets lost it), so the counts, model and
// labels are that batch's; and a matcher restored from the states adds the same.
TEST(IncrementalMatcher, AWordTurningCommonPairsItsStoredRecordsAgain) {
    const std::vector<Work> works = zeta_corpus(1100);
    const std::size_t built = 980;
    const DedupeDetails first = dedupe_prepared(prepare(slice(works, 0, built)));
    IncrementalMatcher warm(slice(works, 0, built), first.labels, *first.model);
    std::map<std::uint32_t, std::string> stored;
    auto keep = [&](IncrementalMatcher& m) {
        for (auto& [row, bytes] : m.take_changed_records()) stored[row] = std::move(bytes);
    };
    keep(warm);
    std::vector<std::string> states{warm.last_delta()};
    warm.add(slice(works, built, 1050));
    keep(warm);
    states.push_back(warm.last_delta());
    const DedupeDetails batch = dedupe_prepared(prepare(slice(works, 0, 1050)));
    EXPECT_EQ(warm.pattern_counts(), batch.pattern_counts);
    EXPECT_NE(first.pattern_counts, std::vector<std::uint64_t>(kPatterns, 0));
    EXPECT_EQ(warm.labels(), batch.labels);
    auto fetch = [&](const std::vector<std::uint32_t>& rows) {
        std::vector<std::string> out;
        for (std::uint32_t r : rows) out.push_back(stored.at(r));
        return out;
    };
    std::vector<std::string_view> views(states.begin(), states.end());
    std::unique_ptr<IncrementalMatcher> cold = IncrementalMatcher::restore(views, fetch, warm.model());
    EXPECT_EQ(cold->snapshot(), warm.snapshot());
    const std::vector<Work> rest = slice(works, 1050, works.size());
    warm.add(rest), cold->add(rest);
    EXPECT_EQ(cold->snapshot(), warm.snapshot());
    EXPECT_EQ(warm.labels(), dedupe_prepared(prepare(works)).labels);
}
