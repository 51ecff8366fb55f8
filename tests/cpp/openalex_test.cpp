#include "read/openalex.hpp"

#include <gtest/gtest.h>

#include <optional>

#include "match/record.hpp"
#include "source_helpers.hpp"

using namespace scholarmerge;
using samples::diagnostic_on;
using samples::read_source;

TEST(OpenAlex, ApiPageRecordsWithAuthorshipsAndRebuiltAbstract) {
    Corpus c = read_source("openalex_page.json");
    ASSERT_EQ(c.works.size(), 2u);
    const Work& w = c.works[0];
    EXPECT_EQ(w.source_format, "openalex");
    EXPECT_EQ(w.source_line, 4);
    EXPECT_EQ(w.year, 2022);
    EXPECT_EQ(w.date, "2022-06-04");
    EXPECT_EQ(w.venue, "arXiv (Cornell University)");
    EXPECT_EQ(w.ids.at("openalex"), "W4226399826");
    EXPECT_EQ(w.ids.at("doi"), "10.48550/arxiv.2206.01861");
    EXPECT_EQ(w.ids.at("arxiv"), "2206.01861");
    EXPECT_EQ(w.abstract, "How to efficiently serve large models to reduce cost?");
    ASSERT_EQ(w.authors.size(), 3u);
    EXPECT_EQ(w.authors[0].surname, "Yao");
    EXPECT_EQ(w.authors[0].affiliations, std::vector<std::string>{"Microsoft (United States)"});
    EXPECT_EQ(w.authors[1].id, "0000-0002-1825-0097");  // ORCID preferred over the OpenAlex id
    EXPECT_EQ(w.authors[2].id, "A5022222222");
    EXPECT_EQ(std::get<std::int64_t>(w.extra.at("citations")), 187);
    // The legacy host_venue, markup in titles, the raw name when display_name is null.
    const Work& old = c.works[1];
    EXPECT_EQ(old.title, "Learning to Rank with Partially-Labeled Data");
    EXPECT_EQ(old.venue, "SIGIR");
    ASSERT_EQ(old.authors.size(), 1u);
    EXPECT_EQ(old.authors[0].display, "Kevin Duh");
    EXPECT_TRUE(c.diagnostics.empty());
}

TEST(OpenAlex, DamagedLinesBecomeDiagnosticsAndTheRestIsRead) {
    Corpus c = read_source("openalex_works.jsonl");
    std::vector<std::string> titles;
    for (const auto& w : c.works) titles.push_back(w.title);
    EXPECT_EQ(titles, (std::vector<std::string>{"Efficient top-k query evaluation on probabilistic data",
                                                "Łukasz's Guide to Transformers", "", "Deep nesting",
                                                "After the damage"}));
    EXPECT_EQ(c.works[1].year, 2020);  // "2020" as a string
    ASSERT_NE(diagnostic_on(c, 3), nullptr);  // truncated
    EXPECT_NE(diagnostic_on(c, 3)->message.find("unreadable record"), std::string::npos);
    ASSERT_NE(diagnostic_on(c, 4), nullptr);  // title is a number
    EXPECT_NE(diagnostic_on(c, 4)->message.find("field 'title'"), std::string::npos);
    ASSERT_NE(diagnostic_on(c, 5), nullptr);  // all null: kept, but said
    EXPECT_NE(diagnostic_on(c, 5)->message.find("no title"), std::string::npos);
    ASSERT_NE(diagnostic_on(c, 7), nullptr);  // an array of numbers
    EXPECT_EQ(c.works.back().source_line, 9);
}

TEST(OpenAlex, Detected) {
    EXPECT_TRUE(looks_like_openalex(R"({"id":"https://openalex.org/W1","authorships":[]})"));
    EXPECT_FALSE(looks_like_openalex(R"({"paperId":"x","title":"t"})"));
}

TEST(OpenAlex, YearFieldWinsOverADateOfAnotherYear) {
    Corpus c = read_text(
        R"({"id":"https://openalex.org/W1","title":"T","publication_date":"2021-05-01","publication_year":2022,"authorships":[]})"
        "\n"
        R"({"id":"https://openalex.org/W2","title":"U","publication_date":"2021-05-01","publication_year":2021,"authorships":[]})"
        "\n",
        "w.jsonl");
    ASSERT_EQ(c.works.size(), 2u);
    EXPECT_EQ(c.works[0].year, 2022);
    EXPECT_EQ(c.works[0].date, "2022");
    EXPECT_EQ(c.works[1].date, "2021-05-01");  // agreeing: the full date stays
}

TEST(OpenAlex, BiblioGivesVolumeIssueAndPages) {
    Corpus c = read_text(
        R"({"id":"https://openalex.org/W1","title":"T","biblio":{"volume":"103","issue":"2","first_page":"299","last_page":"347"}})"
        "\n"
        R"({"id":"https://openalex.org/W2","title":"U","biblio":{"volume":null,"issue":null,"first_page":"e12","last_page":null}})"
        "\n"
        R"({"id":"https://openalex.org/W3","title":"V","biblio":{"volume":null,"issue":null,"first_page":null,"last_page":null}})"
        "\n"
        R"({"id":"https://openalex.org/W4","title":"W","biblio":{"volume":7,"first_page":"1"}})"
        "\n",
        "w.jsonl");
    ASSERT_EQ(c.works.size(), 4u);
    EXPECT_EQ(std::get<std::string>(c.works[0].extra.at("pages")), "299-347");
    EXPECT_EQ(std::get<std::string>(c.works[0].extra.at("volume")), "103");
    EXPECT_EQ(std::get<std::string>(c.works[0].extra.at("issue")), "2");
    EXPECT_EQ(std::get<std::string>(c.works[1].extra.at("pages")), "e12");
    EXPECT_EQ(c.works[2].extra.count("pages") + c.works[2].extra.count("volume"), 0u);
    // Numbers where OpenAlex writes strings are read as their digits.
    EXPECT_EQ(std::get<std::string>(c.works[3].extra.at("volume")), "7");
    EXPECT_EQ(std::get<std::string>(c.works[3].extra.at("pages")), "1");
    EXPECT_TRUE(c.diagnostics.empty());
    // The pages reach the matcher: BibTeX and CSL write them under their own names.
    EXPECT_EQ(make_match_record(c.works[0]).first_page, 299u);
}

// Keys are read in place unless they hold an escape; escaped keys (and
// escaped abstract words) go through unescaping and mean the same.
TEST(OpenAlex, EscapedKeysReadLikePlainOnes) {
    Corpus c = read_text(
        R"({"id":"https://openalex.org/W1","ti\u0074le":"T","authorships":[{"\u0061uthor":)"
        R"({"display\u005fname":"Ana Cruz","id":"https://openalex.org/A1"}}],)"
        R"("abstract_inverted_index":{"na\"ive":[1],"caf\u00e9":[0],"x\\y":[2]}})"
        "\n"
        R"({"id":"https://openalex.org/W2","title":"T","authorships":[{"author":{"display_name":"Ana Cruz","id":"https://openalex.org/A1"}}],)"
        R"("abstract_inverted_index":{"na\"ive":[1],"café":[0],"x\\y":[2]}})"
        "\n",
        "w.jsonl", ReadOptions{"openalex"});
    ASSERT_EQ(c.works.size(), 2u);
    for (const Work& w : c.works) {
        EXPECT_EQ(w.title, "T");
        ASSERT_EQ(w.authors.size(), 1u);
        EXPECT_EQ(w.authors[0].surname, "Cruz");
        EXPECT_EQ(w.authors[0].id, "A1");
        EXPECT_EQ(w.abstract, "café na\"ive x\\y");
    }
    EXPECT_TRUE(c.diagnostics.empty());
}

// JSON Lines lines are read as records first; a line that is an API page
// (its records under a top-level "results") is read as one, whatever comes
// before its records, as is a damaged page. "results" elsewhere (an abstract
// word, a nested key, a string) leaves a record a record.
TEST(OpenAlex, PagesAmongJsonLinesRecords) {
    Corpus c = read_text(
        R"({"id":"https://openalex.org/W1","title":"A","abstract_inverted_index":{"results":[1],"Good":[0]}})" "\n"
        R"({"meta":{"count":2,"q":{"results":1}},"results":[{"title":"B"},{"title":"C"}]})" "\n"
        R"({"title":"D","results":"none","primary_location":{"results":[]}})" "\n"
        R"({"title":5,"results":[{"title":"E"}]})" "\n"
        R"({"results":[{"title":"F"},{"title":"G"},{"tit)" "\n"
        R"({"title":"H","results":[{"title":"I"}]})" "\n",
        "w.jsonl", ReadOptions{"openalex"});
    std::vector<std::string> titles;
    for (const Work& w : c.works) titles.push_back(w.title);
    EXPECT_EQ(titles, (std::vector<std::string>{"A", "B", "C", "D", "E", "F", "G", "I"}));
    EXPECT_EQ(c.works[0].abstract, "Good results");
    EXPECT_EQ(c.works[2].source_line, 2);
    ASSERT_EQ(c.diagnostics.size(), 2u);  // the cut record, and the page not closed
    EXPECT_EQ(c.diagnostics[0].line, 5);
    EXPECT_NE(c.diagnostics[1].message.find("truncated JSON"), std::string::npos);
}

// Words of every length (each is copied by size class), in a dense index
// with gaps and in a sparse one.
TEST(OpenAlex, InvertedAbstractsOfWordsOfEveryLength) {
    std::string dense = "{", sparse = "{", expected;
    for (int n = 1; n <= 40; ++n) {
        std::string word(static_cast<std::size_t>(n), static_cast<char>('a' + n % 26));
        word[0] = 'W';
        // Dense: at 2n (gaps between), and again at 2n + 1 for even n.
        dense += (n > 1 ? "," : "") + ("\"" + word + "\":[" + std::to_string(2 * n)) +
                 (n % 2 ? "" : "," + std::to_string(2 * n + 1)) + "]";
        sparse += (n > 1 ? "," : "") + ("\"" + word + "\":[" + std::to_string(1000000 * n) + "]");
        expected += (n > 1 ? " " : "") + word + (n % 2 ? "" : " " + word);
    }
    std::string text = R"({"id":"https://openalex.org/W1","title":"A","abstract_inverted_index":)" + dense + "}}\n" +
                       R"({"id":"https://openalex.org/W2","title":"B","abstract_inverted_index":)" + sparse + "}}\n";
    Corpus c = read_text(text, "w.jsonl", ReadOptions{"openalex"});
    ASSERT_EQ(c.works.size(), 2u);
    EXPECT_EQ(c.works[0].abstract, expected);
    std::string expected_sparse;
    for (int n = 1; n <= 40; ++n) {
        std::string word(static_cast<std::size_t>(n), static_cast<char>('a' + n % 26));
        word[0] = 'W';
        expected_sparse += (n > 1 ? " " : "") + word;
    }
    EXPECT_EQ(c.works[1].abstract, expected_sparse);
    EXPECT_TRUE(c.diagnostics.empty());
}

// Positions are read by a shortcut when plain (1 to 7 digits), by simdjson
// otherwise: both give the same abstracts and the same damaged records.
TEST(OpenAlex, InvertedAbstractPositionsOfEveryForm) {
    auto abstract_of = [](const std::string& positions) -> std::optional<std::string> {
        Corpus c = read_text(R"({"title":"T","abstract_inverted_index":{"a":[0],"b":)" + positions + "}}\n", "w.jsonl",
                             ReadOptions{"openalex"});
        if (c.works.empty()) return std::nullopt;
        return c.works[0].abstract;
    };
    EXPECT_EQ(abstract_of("[1]"), "a b");
    EXPECT_EQ(abstract_of("[ 1 , 2 ]"), "a b b");
    EXPECT_EQ(abstract_of("[1,\n2\t]"), "a b b");
    EXPECT_EQ(abstract_of("[-0]"), "b");  // -0 is 0 (the later word wins the position)
    EXPECT_EQ(abstract_of("[1234567]"), "a b");
    EXPECT_EQ(abstract_of("[12345678]"), "a b");
    EXPECT_EQ(abstract_of("[123456789012]"), "a b");
    EXPECT_EQ(abstract_of("[0, 9]"), "b b");
    for (const char* damaged : {"[007]", "[01]", "[1.0]", "[1e2]", "[-1]", "[\"1\"]", "[1 2]", "[1x]", "[true]",
                                "[[1]]", "[99999999999999999999]", "[1,]", "[,1]"})
        EXPECT_EQ(abstract_of(damaged), std::nullopt) << damaged;
}
