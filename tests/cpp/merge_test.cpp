#include <gtest/gtest.h>

#include <set>
#include <stdexcept>

#include "scholarmerge/dedupe.hpp"
#include "scholarmerge/merge/merge.hpp"

using namespace scholarmerge;

namespace {

Work work(const std::string& title, const std::string& source) {
    Work w;
    w.title = title;
    w.year = 2020;
    w.source = source;
    return w;
}

}  // namespace

TEST(Merge, OneWorkPerLabel) {
    Corpus c;
    c.works = {work("Adaptive query optimisation for relational systems", "a.bib"),
               work("Adaptive query optimisation for relational systems.", "b.bib"),
               work("Notes on view maintenance", "a.bib")};
    const std::vector<std::int64_t> labels = dedupe(c.works);
    const MergeResult m = merge(c, labels);
    EXPECT_EQ(m.works.size(), std::set<std::int64_t>(labels.begin(), labels.end()).size());
    EXPECT_EQ(m.work_of, labels);
}

// The core checks its input, not only the bindings: a label missing or too
// many is an error naming both counts, never a read past the end.
TEST(Merge, RejectsALabelCountOtherThanTheWorks) {
    Corpus c;
    c.works = {work("A", "a.bib"), work("B", "a.bib")};
    EXPECT_THROW(merge(c, {0}), std::invalid_argument);
    EXPECT_THROW(merge(c, {0, 1, 2}), std::invalid_argument);
    try {
        merge(c, {0});
        FAIL() << "merge accepted one label for two works";
    } catch (const std::invalid_argument& e) {
        EXPECT_STREQ(e.what(), "merge: 1 labels for 2 works; one label per work is needed");
    }
}
