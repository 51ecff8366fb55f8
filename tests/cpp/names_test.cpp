#include <gtest/gtest.h>

#include "scholarmerge/names/match.hpp"
#include "scholarmerge/names/parse.hpp"

using namespace scholarmerge;

TEST(ParseName, MarkdownMarksAreUnderstoodAndStripped) {
    Author a = parse_name("**Z. Yao<sup>*</sup>**");
    EXPECT_EQ(a.display, "Z. Yao");
    EXPECT_EQ(a.surname, "Yao");
    EXPECT_EQ(a.initials, "Z");
    EXPECT_TRUE(a.highlighted);
    EXPECT_TRUE(a.equal_contribution);
    EXPECT_EQ(a.key, "yao z");
}

TEST(ParseName, Forms) {
    EXPECT_EQ(parse_name("M. W. Mahoney").initials, "MW");
    EXPECT_EQ(parse_name("Yao, Zhewei").given, "Zhewei");
    EXPECT_EQ(parse_name("Ludwig van Beethoven").surname, "van Beethoven");
    Author lower = parse_name("seung-won hwang");
    EXPECT_EQ(lower.surname, "Hwang");
    EXPECT_EQ(lower.display, "seung-won hwang");
}

TEST(SameAuthor, CompatibleAndIncompatible) {
    EXPECT_GE(same_author(parse_name("Z. Yao"), parse_name("Zhewei Yao")), kSameAuthorThreshold);
    EXPECT_GE(same_author(parse_name("K Keutzer"), parse_name("Kurt Keutzer")), kSameAuthorThreshold);
    EXPECT_LT(same_author(parse_name("Zhen Zheng"), parse_name("Zhangcheng Zheng")), kSameAuthorThreshold);
    EXPECT_LT(same_author(parse_name("Yuxiong He"), parse_name("Yexiao He")), kSameAuthorThreshold);
}

TEST(AuthorList, SeparatorsAndEtAl) {
    auto l = parse_author_list("Zhewei Yao, Reza Yazdani Aminabadi, Minjia Zhang et al.");
    ASSERT_EQ(l.authors.size(), 3u);
    EXPECT_TRUE(l.truncated);
    auto c = parse_author_list("Brodley, C. E. & Utgoff, P. E.");
    ASSERT_EQ(c.authors.size(), 2u);
    EXPECT_EQ(c.authors[1].surname, "Utgoff");
    auto d = parse_author_list("J. Chen, Y. Gai, **Z. Yao**, M. W. Mahoney, and J. E. GonZalez");
    ASSERT_EQ(d.authors.size(), 5u);
    EXPECT_EQ(d.authors[4].surname, "GonZalez");
}
