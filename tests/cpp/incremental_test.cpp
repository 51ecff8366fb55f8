#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <stdexcept>
#include <vector>

#include "scholarmerge/dedupe.hpp"
#include "scholarmerge/incremental.hpp"
#include "scholarmerge/read/read.hpp"

using namespace scholarmerge;

namespace {

std::vector<Work> slice(const std::vector<Work>& works, std::size_t from, std::size_t to) {
    return std::vector<Work>(works.begin() + static_cast<long>(from), works.begin() + static_cast<long>(to));
}

}  // namespace

// The seeds added in three batches to a matcher built on their first half give
// the labels of one dedupe of all of them with the model fitted on that half.
TEST(IncrementalMatcher, BatchesGiveTheLabelsOfOneDedupeWithTheSameModel) {
    const Corpus c = read({SCHOLARMERGE_SEEDS_DIR});
    const std::size_t n = c.works.size(), half = n / 2;
    ASSERT_GT(n, 100u);
    const DedupeResult first = dedupe_detailed(slice(c.works, 0, half));
    IncrementalMatcher matcher(slice(c.works, 0, half), first.labels, first.model);
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
    DedupeOptions o;
    o.model = first.model;
    const std::vector<std::int64_t> batch = dedupe_detailed(c.works, o).labels;
    EXPECT_EQ(matcher.labels(), batch);
    EXPECT_LT(std::set<std::int64_t>(batch.begin(), batch.end()).size(), n);  // there were duplicates to join
}

TEST(IncrementalMatcher, RefusesLabelsThatAreNotFirstRows) {
    const Corpus c = read({SCHOLARMERGE_SEEDS_DIR});
    const std::vector<Work> two = slice(c.works, 0, 2);
    EXPECT_THROW(IncrementalMatcher(two, {1, 1}, MatchModel::defaults()), std::invalid_argument);
    EXPECT_THROW(IncrementalMatcher(two, {0}, MatchModel::defaults()), std::invalid_argument);
}
