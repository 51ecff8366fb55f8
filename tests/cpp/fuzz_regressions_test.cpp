// Every input the fuzzers ever crashed on, read with every format: each must
// now give a Corpus or a scholarmerge::Error.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "scholarmerge/error.hpp"
#include "scholarmerge/names/match.hpp"
#include "scholarmerge/names/parse.hpp"
#include "scholarmerge/read/read.hpp"

using namespace scholarmerge;

TEST(FuzzRegressions, EveryFindingReadsWithEveryFormat) {
    namespace fs = std::filesystem;
    std::size_t files = 0;
    for (const auto& entry : fs::directory_iterator(std::string(SCHOLARMERGE_TEST_DATA_DIR) + "/fuzz-regressions")) {
        std::ifstream in(entry.path(), std::ios::binary);
        std::stringstream buf;
        buf << in.rdbuf();
        std::vector<std::string> all = formats();
        all.push_back("auto");
        for (const auto& f : all) {
            ReadOptions o;
            o.format = f;
            try {
                read_text(buf.str(), entry.path().string(), o);
            } catch (const Error&) {
            }
        }
        ++files;
    }
    EXPECT_GE(files, 1u);
}

// The names fuzzer's property on every finding: same_author symmetric and in [0, 1].
TEST(FuzzRegressions, EveryFindingKeepsSameAuthorSymmetric) {
    namespace fs = std::filesystem;
    for (const auto& entry : fs::directory_iterator(std::string(SCHOLARMERGE_TEST_DATA_DIR) + "/fuzz-regressions")) {
        std::ifstream in(entry.path(), std::ios::binary);
        std::stringstream buf;
        buf << in.rdbuf();
        AuthorList list = parse_author_list(buf.str());
        for (std::size_t i = 1; i < list.authors.size(); ++i) {
            double ab = same_author(list.authors[i - 1], list.authors[i]);
            double ba = same_author(list.authors[i], list.authors[i - 1]);
            EXPECT_EQ(ab, ba) << entry.path();
            EXPECT_GE(ab, 0.0);
            EXPECT_LE(ab, 1.0);
        }
    }
}
