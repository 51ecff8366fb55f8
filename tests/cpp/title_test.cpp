#include <gtest/gtest.h>

#include "scholarmerge/dedupe.hpp"
#include "scholarmerge/match/title.hpp"

using namespace scholarmerge;

TEST(Title, NormalFormUnifiesSpellings) {
    EXPECT_EQ(normalize_title("HAWQ-V3: Dyadic Neural Network Quantization"),
              normalize_title("HAWQV3: Dyadic Neural Network Quantization"));
    EXPECT_EQ(normalize_title("What’s Hidden"), normalize_title("What's Hidden"));
    EXPECT_EQ(normalize_title("  R$^3$-SQL "), normalize_title("R³-SQL"));
    EXPECT_EQ(normalize_title(normalize_title("A Title: Sub-Title")), normalize_title("A Title: Sub-Title"));
}

TEST(Title, PlainAsciiAndMarkupPathsAgree) {
    // Plain ASCII skips markup decoding and folding; text that needs them takes
    // the general path and must land on the same form.
    EXPECT_EQ(normalize_title("  Deep\tLearning --  for\n Graphs:  A Survey  "), "deep learning for graphs a survey");
    EXPECT_EQ(normalize_title("HAWQ-V3's  Model"), normalize_title("HAWQ-V3's &amp; Model"));
    EXPECT_EQ(normalize_title("Cr\u00e8me BRÛLÉE-2"), normalize_title("Cr{\\`e}me BRÛLÉE-2"));
    EXPECT_EQ(normalize_title("x - y -z '' a'b"), "x y z ab");
    EXPECT_EQ(normalize_title(""), "");
}

TEST(Title, SimilarityIsSymmetricAndBounded) {
    double s = title_similarity("ZeroQuant", "ZeroQuant-V2");
    EXPECT_DOUBLE_EQ(s, title_similarity("ZeroQuant-V2", "ZeroQuant"));
    EXPECT_GT(s, 0.0);
    EXPECT_LT(s, 1.0);
    EXPECT_DOUBLE_EQ(title_similarity("Same", "same"), 1.0);
}

TEST(Dedupe, LabelsPointAtTheFirstRowOfTheCluster) {
    std::vector<Work> works(3);
    works[0].title = "HAWQ-V3: Dyadic Neural Network Quantization";
    works[1].title = "Something else";
    works[2].title = "HAWQV3: Dyadic Neural Network Quantization";
    auto labels = dedupe(works);
    EXPECT_EQ(labels, (std::vector<std::int64_t>{0, 1, 0}));
}
