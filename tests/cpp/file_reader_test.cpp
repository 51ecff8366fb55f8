#include "scholarmerge/read/file_reader.hpp"

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "scholarmerge/error.hpp"

using namespace scholarmerge;

namespace {

std::string write_temp(const std::string& name, const std::string& text) {
    auto path = std::filesystem::temp_directory_path() / name;
    std::ofstream(path, std::ios::binary) << text;
    return path.string();
}

std::string openalex_lines(int n) {
    std::string text;
    for (int i = 0; i < n; ++i) {
        text += R"({"id":"https://openalex.org/W)" + std::to_string(i) + R"(","title":"Work number )" +
                std::to_string(i) + R"(","publication_year":2020,"authorships":[{"author":{"display_name":"Ada Lovelace"}}]})";
        text += i == 500 ? "\n{\"title\": \"cut off\n" : "\n";  // one damaged line in the middle
    }
    return text;
}

}  // namespace

TEST(FileReader, PiecesOfJsonLinesKeepFileLineNumbersAndOrder) {
    std::string path = write_temp("sm_pieces.jsonl", openalex_lines(3000));
    for (int threads : {1, 2}) {
        ReadOptions o;
        o.threads = threads;
        FileReader reader(path, o, 4096);  // many small pieces
        Corpus all;
        int pieces = 0;
        while (auto piece = reader.next()) {
            ++pieces;
            all.append(std::move(*piece));
        }
        EXPECT_GT(pieces, 50);
        EXPECT_EQ(reader.bytes_read(), reader.bytes_total());
        ASSERT_EQ(all.works.size(), 3000u);
        for (int i = 0; i < 3000; ++i) {
            EXPECT_EQ(all.works[i].title, "Work number " + std::to_string(i));
            EXPECT_EQ(all.works[i].source_line, i + 1 + (i > 500 ? 1 : 0));
            EXPECT_EQ(all.works[i].source_format, "openalex");
        }
        ASSERT_EQ(all.diagnostics.size(), 1u);
        EXPECT_EQ(all.diagnostics[0].line, 502);
    }
    std::remove(path.c_str());
}

// next(into) reads the pieces straight into one Corpus (one thread) or moves
// them there (two): the same works, lines and diagnostics as next().
TEST(FileReader, PiecesReadIntoOneCorpusAreThoseOfNext) {
    std::string path = write_temp("sm_into.jsonl", openalex_lines(3000));
    for (int threads : {1, 2}) {
        ReadOptions o;
        o.threads = threads;
        Corpus expected, into;
        {
            FileReader reader(path, o, 4096);
            while (auto piece = reader.next()) expected.append(std::move(*piece));
        }
        FileReader reader(path, o, 4096);
        into.diagnostics.push_back({"before", 1, Severity::info, "kept"});  // added to, not replaced
        int pieces = 0;
        while (reader.next(into)) ++pieces;
        EXPECT_GT(pieces, 50);
        ASSERT_EQ(into.works.size(), expected.works.size());
        for (std::size_t i = 0; i < into.works.size(); ++i) {
            EXPECT_EQ(into.works[i].title, expected.works[i].title);
            EXPECT_EQ(into.works[i].source_line, expected.works[i].source_line);
            EXPECT_EQ(into.works[i].authors.size(), 1u);
        }
        ASSERT_EQ(into.diagnostics.size(), 2u);
        EXPECT_EQ(into.diagnostics[0].source, "before");
        EXPECT_EQ(into.diagnostics[1].line, 502);
    }
    std::remove(path.c_str());
}

TEST(FileReader, OtherFilesArriveWhole) {
    std::string text = "@article{a, title={One}, year=2000}\n@article{b, title={Two}, year=2001}\n";
    std::string path = write_temp("sm_whole.bib", text);
    FileReader reader(path, {}, 4096);
    auto first = reader.next();
    ASSERT_TRUE(first.has_value());
    EXPECT_EQ(first->works.size(), 2u);
    EXPECT_FALSE(reader.next().has_value());
    std::remove(path.c_str());
}

TEST(FileReader, ALineLongerThanAPieceIsNotCut) {
    std::string big(100000, 'x');
    std::string text = R"({"id":"https://openalex.org/W1","title":")" + big + R"(","authorships":[]})" "\n" +
                       R"({"id":"https://openalex.org/W2","title":"short","authorships":[]})" "\n";
    std::string path = write_temp("sm_long.jsonl", text);
    Corpus c = read_file(path);
    ASSERT_EQ(c.works.size(), 2u);
    EXPECT_EQ(c.works[0].title.size(), big.size());
    EXPECT_EQ(c.works[1].source_line, 2);
    std::remove(path.c_str());
}

TEST(FileReader, MissingFileIsAnIoError) {
    EXPECT_THROW(FileReader reader("/nonexistent/file.jsonl"), Error);
}
