#include "option_names.hpp"

#include <gtest/gtest.h>

#include "scholarmerge/error.hpp"
#include "scholarmerge/read/read.hpp"

using namespace scholarmerge;

TEST(OptionNames, NearestIsTheMostAlikeAboveHalf) {
    std::vector<std::string_view> known = {"threshold", "threads", "model"};
    EXPECT_EQ(detail::nearest_name("treshold", known), "threshold");
    EXPECT_EQ(detail::nearest_name("thread", known), "threads");
    EXPECT_EQ(detail::nearest_name("xyz", known), "");  // nothing alike: no suggestion
}

TEST(OptionNames, UnknownOptionIsBadOptionNamingTheNearest) {
    std::vector<std::string_view> known = {"threshold", "threads"};
    EXPECT_NO_THROW(detail::reject_unknown_options("dedupe: ", {"threads", "threshold"}, known));
    try {
        detail::reject_unknown_options("dedupe: ", {"threads", "treshold"}, known);
        FAIL() << "no error for an unknown option";
    } catch (const Error& e) {
        EXPECT_EQ(e.code(), ErrorCode::bad_option);
        EXPECT_STREQ(e.what(), "dedupe: unknown option 'treshold'; did you mean 'threshold'?");
    }
}

TEST(OptionNames, ReadersUseTheSameSuggestion) {
    ReadOptions o;
    o.params["yaer"] = "2020";
    try {
        read_text("", "<text>", o);
        FAIL() << "no error for an unknown read option";
    } catch (const Error& e) {
        EXPECT_EQ(e.code(), ErrorCode::bad_option);
        EXPECT_NE(std::string(e.what()).find("did you mean 'year'?"), std::string::npos) << e.what();
    }
}
