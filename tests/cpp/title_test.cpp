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

TEST(Title, CitationRemnantsAreCutFromTitles) {
    auto title = [](const char* raw) { return std::string(strip_citation_remnants(raw).title); };
    auto venue = [](const char* raw) { return std::string(strip_citation_remnants(raw).venue); };
    // The author list's end or an author-year before the title.
    EXPECT_EQ(title("seung (1995). learning from a population of hypotheses"), "learning from a population of hypotheses");
    EXPECT_EQ(strip_citation_remnants("seung (1995). learning from a population of hypotheses").year, 1995);
    EXPECT_EQ(title("[1995] a decision-theoretic generalization of on-line learning"),
              "a decision-theoretic generalization of on-line learning");
    EXPECT_EQ(title("d.p. helmbold, and m.k. warmuth. on-line prediction and conversion strategies"),
              "on-line prediction and conversion strategies");
    EXPECT_EQ(title("w.s.: boosting the margin: a new explanation"), "boosting the margin: a new explanation");
    EXPECT_EQ(title("warmuth 'how to use expert advice"), "how to use expert advice");
    // Venue and pages after it.
    EXPECT_EQ(title("the strength of weak learnability. machine learning 5 197-227."), "the strength of weak learnability");
    EXPECT_EQ(venue("the strength of weak learnability. machine learning 5 197-227."), "machine learning 5 197-227.");
    EXPECT_EQ(title("rigorous learning curve bounds from statistical mechanics' proceedings of colt-94"),
              "rigorous learning curve bounds from statistical mechanics");
    EXPECT_EQ(title("experiments with a new boosting algorithm, in saitta l.(ed.)"), "experiments with a new boosting algorithm");
    // Real titles stay whole.
    for (const char* t : {"HAWQ-V3: Dyadic Neural Network Quantization", "Contrast Plots and P-Sphere Trees: Space vs. Time in Nearest Neighbour Searches",
                          "KRDB '98: The 5th International Workshop on Knowledge Representation Meets Databases",
                          "SQL: 1999, formerly known as SQL 3", "Report on FQAS 2002: fifth international conference",
                          "AutoAdmin 'What-if' Index Analysis Utility", "Title, Foreword, Index Vol. 3",
                          "C. elegans genome sequencing at scale", "Et tu, XML? The downfall of the relational empire (abstract)",
                          "A Response to R. Camps' Article ``Domains, Relations and Religious Wars''", "E.piphany Epicenter Technology Overview"})
        EXPECT_EQ(title(t), t);
}
