#include <gtest/gtest.h>

#include "scholarmerge/error.hpp"
#include "scholarmerge/read/read.hpp"

using namespace scholarmerge;

static const std::string kSeeds = SCHOLARMERGE_SEEDS_DIR;

TEST(Bzpeer, ReadsEveryEntryOfSeed000) {
    Corpus c = read_file(kSeeds + "/000_602d7c1470f5eabb.txt");
    ASSERT_EQ(c.works.size(), 13u);
    const Work& first = c.works[0];
    EXPECT_EQ(first.title, "Arctic-Text2SQL-R1: Simple Rewards, Strong Reasoning in Text-to-SQL");
    EXPECT_EQ(first.year, 2026);
    EXPECT_EQ(first.venue, "arXiv");
    EXPECT_EQ(first.source_line, 55);
    EXPECT_EQ(first.source_format, "bzpeer");
    EXPECT_EQ(std::get<std::string>(first.extra.at("kind")), "preprint");
    EXPECT_EQ(first.abstract.rfind("Translating natural language into SQL", 0), 0u);
    EXPECT_EQ(c.works[1].title, "R³-SQL: Ranking Reward and Resampling for Text-to-SQL");
    const Work& last = c.works.back();
    EXPECT_EQ(last.title, "HAWQ: Hessian AWare Quantization of Neural Networks with Mixed-Precision");
    EXPECT_EQ(last.year, 2019);
    EXPECT_EQ(last.source_line, 127);
    EXPECT_EQ(last.abstract.rfind("Model size and inference speed", 0), 0u);
    EXPECT_TRUE(c.diagnostics.empty());
}

TEST(Bzpeer, ReadsTheProfileHeader) {
    Corpus c = read_file(kSeeds + "/001_c744249fae11127d.txt");
    ASSERT_EQ(c.profiles.size(), 1u);
    const ProfileHeader& p = c.profiles[0];
    EXPECT_EQ(p.name, "Yuxiong He");
    EXPECT_EQ(std::get<std::int64_t>(p.metrics.at("works")), 15);
    EXPECT_EQ(std::get<std::int64_t>(p.metrics.at("followers")), 0);
    EXPECT_EQ(std::get<std::int64_t>(p.metrics.at("topics")), 6);
    EXPECT_EQ(std::get<std::int64_t>(p.metrics.at("close_collaborators")), 4);
    EXPECT_EQ(std::get<std::int64_t>(p.metrics.at("trust_score")), 21);
    EXPECT_EQ(std::get<std::string>(p.metrics.at("trust_level")), "Emerging");
    EXPECT_EQ(std::get<std::string>(p.metrics.at("verification_level")), "L1");
    EXPECT_EQ(std::get<bool>(p.metrics.at("claimed")), false);
    EXPECT_EQ(c.works.size(), 15u);
}

TEST(Bzpeer, DamagedEntryBecomesADiagnostic) {
    std::string text =
        "Researcher profile\n\nA Person\n\nTrust snapshot\n\n2 published item(s)\n\n"
        "preprint2020arXiv\n\nFirst Title\n\nAbstract one.\n\npreprint2021arXiv\n\n";
    Corpus c = read_text(text, "mem");
    ASSERT_EQ(c.works.size(), 2u);
    EXPECT_EQ(c.works[0].title, "First Title");
    ASSERT_FALSE(c.diagnostics.empty());
    EXPECT_EQ(c.diagnostics[0].line, 15);
    EXPECT_NE(c.diagnostics[0].message.find("no title"), std::string::npos);
}

TEST(Read, UnknownFormatIsAClearError) {
    try {
        read_text("just some words\n", "notes.txt");
        FAIL() << "expected an error";
    } catch (const Error& e) {
        EXPECT_EQ(e.code(), ErrorCode::unknown_format);
        EXPECT_NE(std::string(e.what()).find("notes.txt"), std::string::npos);
    }
    EXPECT_THROW(read_file("/nonexistent/file.txt"), Error);
}

TEST(Read, InvalidUtf8IsRepairedAndReported) {
    std::string text = "Researcher profile\n\nA Person\n\nTrust snapshot\n\npreprint2020arXiv\n\nBad \xff title\n";
    Corpus c = read_text(text, "mem");
    ASSERT_EQ(c.works.size(), 1u);
    EXPECT_EQ(c.works[0].title, "Bad \xEF\xBF\xBD title");
    ASSERT_EQ(c.diagnostics.size(), 1u);
    EXPECT_EQ(c.diagnostics[0].line, 9);
}

TEST(Read, Utf16WithBomIsConverted) {
    std::string utf8 = "Researcher profile\n\nA Person\n\nTrust snapshot\n\npreprint2020arXiv\n\nCaf\xC3\xA9 \xF0\x9F\x98\x80\n";
    std::string le = "\xFF\xFE";
    // ASCII and U+00E9 are one unit; U+1F600 is the pair D83D DE00.
    for (std::size_t i = 0; i < utf8.size(); ++i) {
        unsigned char c = static_cast<unsigned char>(utf8[i]);
        if (c == 0xC3) { le += '\xE9'; le += '\0'; ++i; continue; }
        if (c == 0xF0) { le += std::string("\x3D\xD8\x00\xDE", 4); i += 3; continue; }
        le += utf8[i];
        le += '\0';
    }
    Corpus c = read_text(le, "utf16");
    ASSERT_EQ(c.works.size(), 1u);
    EXPECT_EQ(c.works[0].title, "Caf\xC3\xA9 \xF0\x9F\x98\x80");
    EXPECT_EQ(c.works[0].source_line, 7);
}

TEST(Read, EmptyInputWithAnExplicitFormatIsADiagnostic) {
    ReadOptions o;
    o.format = "bzpeer";
    Corpus c = read_text("\n\n", "empty", o);
    EXPECT_TRUE(c.works.empty());
    ASSERT_EQ(c.diagnostics.size(), 1u);
    EXPECT_NE(c.diagnostics[0].message.find("empty"), std::string::npos);
}
