#include <gtest/gtest.h>

#include "read/academicpages.hpp"
#include "scholarmerge/read/read.hpp"

using namespace scholarmerge;

static const std::string kSeeds = SCHOLARMERGE_SEEDS_DIR;

TEST(VenueLine, ConferenceJournalBook) {
    auto a = parse_venue_line("Accepted for publication, Proc. ICML 2021 (Long Talk).");
    EXPECT_EQ(a.venue, "ICML");
    EXPECT_EQ(a.year, 2021);
    EXPECT_EQ(a.note, "Long Talk");
    auto b = parse_venue_line("Journal of Computational Physics 332, 492-503");
    EXPECT_EQ(b.venue, "Journal of Computational Physics");
    EXPECT_EQ(b.volume, "332");
    EXPECT_EQ(b.pages, "492-503");
    EXPECT_EQ(b.year, 0);
    auto c = parse_venue_line("Inverse Problems 32 (7), 075006 (Highlight Paper)");
    EXPECT_EQ(c.venue, "Inverse Problems");
    EXPECT_EQ(c.issue, "7");
    EXPECT_EQ(c.note, "Highlight Paper");
    auto d = parse_venue_line("Low-Power Computer Vision: Improving the Efficiency of Artificial Intelligence, 2021.");
    EXPECT_EQ(d.venue, "Low-Power Computer Vision: Improving the Efficiency of Artificial Intelligence");
    EXPECT_EQ(d.year, 2021);
    EXPECT_EQ(parse_venue_line("Accepted for publication, Proc. IEEE BigData 2021").venue, "IEEE BigData");
}

TEST(AcademicPages, ReadsSeed003) {
    Corpus c = read_file(kSeeds + "/003_3f4984e3fc10ae21.txt");
    ASSERT_EQ(c.works.size(), 36u);
    ASSERT_EQ(c.profiles.size(), 1u);
    EXPECT_EQ(c.profiles[0].name, "Zhewei Yao");
    EXPECT_TRUE(c.diagnostics.empty());

    const Work& q = c.works[0];
    EXPECT_EQ(q.source_format, "academicpages");
    EXPECT_EQ(q.source_line, 20);
    EXPECT_EQ(q.title, "Q-ASR: Integer-only Zero-shot Quantization for Efficient Speech Recognition");
    EXPECT_EQ(q.venue, "ICASSP");
    EXPECT_EQ(q.year, 2022);
    EXPECT_EQ(q.ids.at("arxiv"), "2103.16827");
    EXPECT_EQ(std::get<std::string>(q.extra.at("type")), "Conference");
    ASSERT_EQ(q.authors.size(), 8u);
    EXPECT_EQ(q.authors[2].display, "Z. Yao");
    EXPECT_TRUE(q.authors[2].highlighted);
    EXPECT_FALSE(q.authors[2].equal_contribution);
    EXPECT_EQ(q.authors[6].initials, "MW");

    const Work& hawq = c.works[7];
    EXPECT_EQ(hawq.title, "HAWQ-V3: Dyadic Neural Network Quantization");
    EXPECT_EQ(std::get<std::string>(hawq.extra.at("note")), "Short Talk");
    EXPECT_TRUE(hawq.authors[0].highlighted && hawq.authors[0].equal_contribution);
    EXPECT_TRUE(hawq.authors[2].equal_contribution);
    EXPECT_FALSE(hawq.authors[2].highlighted);
    EXPECT_EQ(hawq.links.at("code"), "https://github.com/Zhen-Dong/HAWQ");

    const Work& whats = c.works[4];
    EXPECT_EQ(whats.title, "What\xE2\x80\x99s Hidden in a One-layer Randomly Weighted Transformer?");

    const Work& jcp = c.works[25];
    EXPECT_EQ(jcp.venue, "Journal of Computational Physics");
    EXPECT_EQ(std::get<std::string>(jcp.extra.at("type")), "Journal");

    const Work& gradient = c.works[29];  // no links line
    EXPECT_EQ(gradient.title, "An Empirical Exploration of Gradient Correlations in Deep Learning");
    EXPECT_EQ(gradient.authors.size(), 8u);
    EXPECT_EQ(gradient.year, 2018);
    EXPECT_TRUE(gradient.ids.empty());

    const Work& last = c.works.back();  // preprints: venue and year from the arXiv id
    EXPECT_EQ(std::get<std::string>(last.extra.at("type")), "Preprint and Technical Report");
    EXPECT_EQ(last.venue, "arXiv");
    EXPECT_EQ(last.year, 2018);
}

TEST(AcademicPages, ItemWithoutSpanIsReadAndReported) {
    std::string text =
        "---\ntitle: \"\"\n---\n\nAbout Me\n======\nAnn Smith is a researcher.\n\nPublications\n======\n## Journal\n"
        "* <span style=\"color:blue\">Good One</span>.\\\\\nA. Smith, B. Jones\\\\\nJournal of Things 3, 1-9\n"
        "* A plain item without span\\\\\nA. Smith\\\\\n";
    Corpus c = read_text(text, "mem");
    ASSERT_EQ(c.works.size(), 2u);
    EXPECT_EQ(c.profiles[0].name, "Ann Smith");
    EXPECT_EQ(c.works[1].title, "A plain item without span");
    ASSERT_EQ(c.diagnostics.size(), 1u);
    EXPECT_EQ(c.diagnostics[0].line, 15);
}

// Issue 21: the _publications collection, the owner in _config.yml, page variants.
TEST(AcademicPages, SiteFolderAndVariants) {
    std::string data = SCHOLARMERGE_TEST_DATA_DIR;
    Corpus site = read({data + "/academicpages/site_b"});
    ASSERT_EQ(site.works.size(), 3u);
    ASSERT_EQ(site.profiles.size(), 3u);
    EXPECT_EQ(site.profiles[0].name, "Kenji Watanabe");
    Corpus page = read({data + "/academicpages/about_variants.md"});
    ASSERT_EQ(page.works.size(), 5u);
    EXPECT_EQ(page.works[3].title, "Mycorrhizal networks revisited");
    EXPECT_TRUE(page.diagnostics.empty());
}
