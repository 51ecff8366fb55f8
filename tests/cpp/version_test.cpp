#include <gtest/gtest.h>

#include <fstream>
#include <regex>
#include <string>

#include "scholarmerge/scholarmerge.hpp"

TEST(Version, IsTheOneWrittenInPyproject) {
    std::ifstream in(SCHOLARMERGE_PYPROJECT);
    ASSERT_TRUE(in) << SCHOLARMERGE_PYPROJECT;
    std::string line, written;
    const std::regex version_line("^version *= *\"([0-9.]+)\"");
    std::smatch m;
    while (std::getline(in, line))
        if (std::regex_search(line, m, version_line)) {
            written = m[1];
            break;
        }
    ASSERT_FALSE(written.empty());
    EXPECT_EQ(std::string(scholarmerge::kVersion), written);
    EXPECT_EQ(std::to_string(SCHOLARMERGE_VERSION_MAJOR) + "." + std::to_string(SCHOLARMERGE_VERSION_MINOR) + "." +
                  std::to_string(SCHOLARMERGE_VERSION_PATCH),
              written);
}
