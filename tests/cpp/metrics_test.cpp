#include <gtest/gtest.h>

#include "scholarmerge/read/read.hpp"

using namespace scholarmerge;

static const std::string kSeeds = SCHOLARMERGE_SEEDS_DIR;

TEST(Metrics, ReadsSeed004) {
    Corpus c = read_file(kSeeds + "/004_4a576aff86a16f64.txt");
    ASSERT_EQ(c.works.size(), 15u);
    ASSERT_EQ(c.profiles.size(), 1u);
    const auto& p = c.profiles[0];
    EXPECT_EQ(p.name, "Xiaoxia Wu");
    EXPECT_FALSE(p.inferred);
    EXPECT_EQ(std::get<std::string>(p.metrics.at("category")), "CL");
    EXPECT_EQ(std::get<std::int64_t>(p.metrics.at("h_index")), 29);
    EXPECT_EQ(std::get<std::int64_t>(p.metrics.at("papers")), 15);
    EXPECT_EQ(std::get<std::int64_t>(p.metrics.at("citations")), 1313);
    EXPECT_EQ(std::get<std::int64_t>(p.metrics.at("novelty")), 49);
    EXPECT_EQ(std::get<std::int64_t>(p.metrics.at("ai_score")), 38);

    const Work& w = c.works[1];
    EXPECT_EQ(w.source_format, "metrics");
    EXPECT_EQ(w.source_line, 19);
    EXPECT_EQ(w.title.rfind("DeepSpeed4Science Initiative: Enabling Large-Scale Scientific Discovery", 0), 0u);
    EXPECT_DOUBLE_EQ(std::get<double>(w.extra.at("score")), 17.8);
    EXPECT_EQ(w.category, "AI");
    EXPECT_EQ(w.date, "2023-10-06");
    EXPECT_FALSE(std::get<bool>(w.extra.at("has_code")));
    EXPECT_EQ(std::get<std::string>(w.extra.at("organisation")), "microsoft-research");
    ASSERT_EQ(w.authors.size(), 3u);
    EXPECT_EQ(w.authors[0].display, "Shuaiwen Leon Song");
    EXPECT_TRUE(w.authors_truncated);
    EXPECT_EQ(w.abstract.rfind("In the upcoming decade", 0), 0u);
    const Work& fp = c.works[5];
    EXPECT_EQ(fp.title, "ZeroQuant-FP: A Leap Forward in LLMs Post-Training W4A8 Quantization Using Floating-Point Formats");
    EXPECT_FALSE(fp.authors_truncated);
    EXPECT_EQ(fp.authors[2].display, "Yuxiong He");
    EXPECT_TRUE(c.diagnostics.empty());
}

TEST(Metrics, EntryWithoutAuthorsIsADiagnostic) {
    std::string text =
        "A Person\n\nCL\nh-index3\n2papers\n10citations\n\n1.0CLJun 4, 2022\nOnly a Title\n\n"
        "2.0LGMay 3, 2021\nSecond\n\nAnn Smith, Bob Jones\n\nAbstract two.\n";
    Corpus c = read_text(text, "mem");
    ASSERT_EQ(c.works.size(), 2u);
    EXPECT_EQ(c.works[1].authors.size(), 2u);
    ASSERT_EQ(c.diagnostics.size(), 1u);
    EXPECT_EQ(c.diagnostics[0].line, 9);
}
