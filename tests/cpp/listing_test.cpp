#include <gtest/gtest.h>

#include "read/details/glued_authors.hpp"
#include "read/details/scored_header.hpp"
#include "scholarmerge/read/read.hpp"

using namespace scholarmerge;
using detail::parse_scored_header;
using detail::split_glued_line;

static const std::string kSeeds = SCHOLARMERGE_SEEDS_DIR;

TEST(ScoredHeader, AllShapes) {
    auto a = parse_scored_header("54.2CLMay 30");
    ASSERT_TRUE(a);
    EXPECT_DOUBLE_EQ(*a->score, 54.2);
    EXPECT_EQ(a->category, "CL");
    EXPECT_EQ(a->month, 5);
    EXPECT_EQ(a->day, 30);
    EXPECT_EQ(a->year, 0);
    EXPECT_EQ(detail::iso_date(*a, 2026), "2026-05-30");
    auto b = parse_scored_header("CLJun 4, 2022Code");
    ASSERT_TRUE(b);
    EXPECT_FALSE(b->score);
    EXPECT_TRUE(b->has_code);
    EXPECT_EQ(detail::iso_date(*b, 2026), "2022-06-04");
    EXPECT_EQ(parse_scored_header("AIFeb 10Code")->category, "AI");
    EXPECT_FALSE(parse_scored_header("CLJun 44, 2022"));
    EXPECT_FALSE(parse_scored_header("Learning to Self-Evolve"));
    EXPECT_FALSE(parse_scored_header("CLJun 4, 2022Codes"));
    EXPECT_FALSE(parse_scored_header("99999999999999999CLJun 4"));
}

TEST(GluedLine, SeamAfterAcronymsCapitalsAndPunctuation) {
    std::unordered_set<std::string> none;
    auto a = split_glued_line("ExCoT: Optimizing Reasoning for Text-to-SQLZhewei Yao, Canwen Xu et al.", none);
    EXPECT_EQ(a.title, "ExCoT: Optimizing Reasoning for Text-to-SQL");
    EXPECT_EQ(a.authors, (std::vector<std::string>{"Zhewei Yao", "Canwen Xu"}));
    EXPECT_TRUE(a.truncated);
    auto b = split_glued_line("STUN: Pruning for Scalable MoE PruningJaeseong Lee, seung-won hwang", none);
    EXPECT_EQ(b.title, "STUN: Pruning for Scalable MoE Pruning");
    EXPECT_EQ(b.authors[1], "seung-won hwang");
    auto c = split_glued_line("Framework for W8A8 TransformersZhewei Yao, Reza Yazdani Aminabadi", none);
    EXPECT_EQ(c.title, "Framework for W8A8 Transformers");
    auto d = split_glued_line("Steps of Guided Diffusion Important?Pareesa Ameneh Golnari, Zhewei Yao", none);
    EXPECT_EQ(d.title, "Steps of Guided Diffusion Important?");
    EXPECT_EQ(d.authors[0], "Pareesa Ameneh Golnari");
    auto e = split_glued_line("Strategy for Diverse Generative TasksXiaoxia Wu, Haojun Xia et al. \xC2\xB7 microsoft-research", none);
    EXPECT_EQ(e.organisation, "microsoft-research");
    EXPECT_TRUE(e.truncated);
}

TEST(GluedLine, CommasInsideTheTitleAreNotNameBoundaries) {
    auto g = split_glued_line("Latency Speedup, Composability, and Failure CasesXiaoxia Wu, Cheng Li", {});
    EXPECT_EQ(g.title, "Latency Speedup, Composability, and Failure Cases");
    EXPECT_EQ(g.authors, (std::vector<std::string>{"Xiaoxia Wu", "Cheng Li"}));
}

TEST(GluedLine, LowerCaseFirstAuthorNeedsTheNameSeenElsewhere) {
    std::unordered_set<std::string> known{"seung-won hwang"};
    auto g = split_glued_line("Pruning for Scalable MoE Pruningseung-won hwang, Jaeseong Lee", known);
    EXPECT_EQ(g.title, "Pruning for Scalable MoE Pruning");
    EXPECT_EQ(g.authors[0], "seung-won hwang");
    auto none = split_glued_line("all lower case words here", {});
    EXPECT_FALSE(none.split_found);
    EXPECT_EQ(none.title, "all lower case words here");
}

TEST(Listing, ReadsSeed002) {
    ReadOptions o;
    o.year = 2026;
    Corpus c = read_file(kSeeds + "/002_472301fbda57fcbe.txt", o);
    ASSERT_EQ(c.works.size(), 50u);
    const Work& w = c.works[2];  // "54.2CLMay 30": score, no year on the page
    EXPECT_EQ(w.source_format, "listing");
    EXPECT_EQ(w.source_line, 7);
    EXPECT_EQ(w.title, "Learning to Retrieve: Dual-Level Long-Term Memory for Text-to-SQL Agents");
    EXPECT_EQ(w.date, "2026-05-30");
    EXPECT_EQ(w.year, 2026);
    EXPECT_DOUBLE_EQ(std::get<double>(w.extra.at("score")), 54.2);
    EXPECT_EQ(w.category, "CL");
    ASSERT_EQ(w.authors.size(), 3u);
    EXPECT_EQ(w.authors[2].display, "Philip S. Yu");
    EXPECT_EQ(w.authors[2].initials, "PS");
    EXPECT_TRUE(w.authors_truncated);
    const Work& z = c.works[1];
    EXPECT_EQ(z.date, "2022-06-04");
    EXPECT_TRUE(std::get<bool>(z.extra.at("has_code")));
    EXPECT_EQ(std::get<std::string>(c.works[0].extra.at("organisation")), "berkeley");
    EXPECT_EQ(c.works[0].abstract.rfind("The field of natural language processing", 0), 0u);
    ASSERT_EQ(c.profiles.size(), 1u);
    EXPECT_EQ(c.profiles[0].name, "Zhewei Yao");
    EXPECT_TRUE(c.profiles[0].inferred);
}

TEST(Listing, MissingTitleLineIsADiagnostic) {
    ReadOptions o;
    o.format = "listing";
    o.year = 2026;
    Corpus c = read_text("CLJun 4, 2022\nA TitleAnn Smith, Bob Jones\nAbstract.\nLGMay 3\n", "mem", o);
    ASSERT_EQ(c.works.size(), 2u);
    EXPECT_EQ(c.works[0].title, "A Title");
    bool found = false;
    for (const auto& d : c.diagnostics) found = found || (d.line == 4 && d.message.find("no title") != std::string::npos);
    EXPECT_TRUE(found);
}
