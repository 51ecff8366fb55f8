#include "read/s2.hpp"

#include <gtest/gtest.h>

#include "source_helpers.hpp"

using namespace scholarmerge;
using samples::diagnostic_on;
using samples::read_source;

TEST(SemanticScholar, BatchArrayWithNullAndWrongTypes) {
    Corpus c = read_source("s2_batch.json");
    ASSERT_EQ(c.works.size(), 2u);
    const Work& w = c.works[0];
    EXPECT_EQ(w.source_format, "s2");
    EXPECT_EQ(w.title, "Don’t Stop Pretraining: Adapt Language Models to Domains and Tasks");
    EXPECT_EQ(w.date, "2020-04-23");
    EXPECT_EQ(w.venue, "Annual Meeting of the Association for Computational Linguistics");
    EXPECT_EQ(w.ids.at("doi"), "10.18653/v1/2020.acl-main.447");
    EXPECT_EQ(w.ids.at("arxiv"), "2004.10964");
    EXPECT_EQ(w.ids.at("s2_corpus"), "216080466");
    EXPECT_EQ(w.links.at("pdf"), "https://www.aclweb.org/anthology/2020.acl-main.740.pdf");
    ASSERT_EQ(w.authors.size(), 4u);
    EXPECT_EQ(w.authors[1].surname, "Marasović");
    EXPECT_EQ(w.authors[0].id, "40895369");
    EXPECT_EQ(w.authors[3].id, "");
    EXPECT_FALSE(c.works[1].year.has_value());
    ASSERT_NE(diagnostic_on(c, 15), nullptr);
    EXPECT_EQ(diagnostic_on(c, 15)->severity, Severity::info);  // null: a paper not found
    ASSERT_NE(diagnostic_on(c, 17), nullptr);
    EXPECT_NE(diagnostic_on(c, 17)->message.find("field 'authors'"), std::string::npos);
}

TEST(SemanticScholar, SearchPageEnvelope) {
    Corpus c = read_source("s2_search.json");
    ASSERT_EQ(c.works.size(), 2u);
    EXPECT_EQ(c.works[1].title, "HAWQ-V2: Hessian Aware trace-Weighted Quantization of Neural Networks");
    EXPECT_EQ(c.works[1].source_line, 3);
    EXPECT_EQ(c.works[0].venue, "ICML");
}

// Issue 21: envelopes around papers, and error bodies instead of records.
TEST(SemanticScholar, CitationEnvelopesReadTheWrappedPaper) {
    Corpus c = read({std::string(SCHOLARMERGE_TEST_DATA_DIR) + "/s2/citations_page.json"});
    ASSERT_EQ(c.works.size(), 3u);
    EXPECT_EQ(c.works[0].ids.at("arxiv"), "1810.04805");
    EXPECT_EQ(std::get<std::string>(c.works[0].extra.at("s2_relation")), "citing");
    ASSERT_EQ(c.diagnostics.size(), 1u);  // the next page is not in the file
    EXPECT_EQ(c.diagnostics[0].severity, Severity::info);
}

TEST(SemanticScholar, ErrorBodiesAreDiagnostics) {
    for (const char* text : {"{\"error\":\"Paper with id x not found\"}", "{\"message\": \"Forbidden\"}",
                             "\n{\"status\":\"failed\",\"message\":[{\"message\":\"bad rows\"}]}"}) {
        for (const char* format : {"auto", "s2"}) {
            ReadOptions o;
            o.format = format;
            Corpus c = read_text(text, "resp.json", o);
            EXPECT_TRUE(c.works.empty()) << text;
            ASSERT_EQ(c.diagnostics.size(), 1u) << text;
            EXPECT_EQ(c.diagnostics[0].severity, Severity::error);
            EXPECT_EQ(c.diagnostics[0].line, text[0] == '\n' ? 2 : 1);
        }
    }
}
