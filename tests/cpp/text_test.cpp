#include <gtest/gtest.h>

#include <cctype>
#include <clocale>

#include "text/ascii.hpp"
#include "text/fold.hpp"
#include "text/lines.hpp"
#include "text/markup.hpp"

using namespace scholarmerge::text;

TEST(Markup, DecodesNumericAndNamedEntities) {
    EXPECT_EQ(decode_entities("Barbar&#225; &amp; Co"), "Barbará & Co");
    EXPECT_EQ(decode_entities("What&#39;s &#x41;"), "What's A");
    EXPECT_EQ(decode_entities("&eacute;t&eacute;"), "été");
    EXPECT_EQ(decode_entities("AT&T &bogus; &#0;"), "AT&T &bogus; &#0;");
}

TEST(Markup, StripsTagsButNotComparisons) {
    EXPECT_EQ(strip_tags("<span style=\"color:blue\">Title</span>"), "Title");
    EXPECT_EQ(strip_tags("a < b"), "a < b");
}

TEST(Markup, DecodesLatex) {
    EXPECT_EQ(decode_latex("R$^3$-SQL"), "R³-SQL");
    EXPECT_EQ(decode_latex("M{\\\"u}ller"), "Müller");
    EXPECT_EQ(decode_latex("Caf\\'{e}"), "Café");
    EXPECT_EQ(decode_latex("\\c{C}a\\u{g}lar"), "Çağlar");
    EXPECT_EQ(decode_latex("Stra\\ss e"), "Straße");
    EXPECT_EQ(decode_latex("\\$3.7K \\& more"), "$3.7K & more");
    EXPECT_EQ(decode_latex("H$_2$O"), "H₂O");
}

TEST(Markup, CleanDisplay) {
    EXPECT_EQ(clean_display("  <b>What&#39;s</b>\n Hidden  "), "What's Hidden");
}

TEST(Fold, FoldsCaseAccentsDashesQuotes) {
    EXPECT_EQ(fold("Łukasz"), "lukasz");
    EXPECT_EQ(fold("Barbará"), "barbara");
    EXPECT_EQ(fold("What’s"), "what's");
    EXPECT_EQ(fold("Crank–Nicolson"), "crank-nicolson");
    EXPECT_EQ(fold("ﬁnite"), "finite");
    EXPECT_EQ(fold("ASCII Only"), "ascii only");
}

// fold() takes ASCII and U+0080..U+027F character by character (from a
// table), anything else through utf8proc for the whole text. A character
// outside that range appended to a Latin text forces the whole-text path:
// both paths must agree, character by character.
TEST(Fold, LatinFastPathMatchesTheGeneralPath) {
    auto utf8 = [](char32_t cp) {
        std::string s;
        if (cp < 0x80) {
            s += static_cast<char>(cp);
        } else {
            s += static_cast<char>(0xC0 | (cp >> 6));
            s += static_cast<char>(0x80 | (cp & 0x3F));
        }
        return s;
    };
    const std::string omega = "\xCE\xA9";  // U+03A9, outside the table
    std::string all;
    for (char32_t cp = 0x20; cp < 0x280; ++cp) {
        if (cp == 0x7F) continue;
        std::string c = utf8(cp);
        all += c;
        for (const std::string& context : {std::string("a"), std::string("Z "), std::string()})
            EXPECT_EQ(fold(context + c + context + omega), fold(context + c + context) + fold(omega)) << int(cp);
    }
    EXPECT_EQ(fold(all + omega), fold(all) + fold(omega));
}

TEST(Fold, RepairsInvalidUtf8) {
    std::string s = "ok\xff\xfe done";
    EXPECT_FALSE(valid_utf8(s));
    EXPECT_EQ(repair_utf8(s), 2u);
    EXPECT_TRUE(valid_utf8(s));
    EXPECT_EQ(s, "ok\xEF\xBF\xBD\xEF\xBF\xBD done");
}

TEST(Lines, SplitsAllLineEnds) {
    auto lines = split_lines("a\r\nb\rc\n\nd");
    ASSERT_EQ(lines.size(), 5u);
    EXPECT_EQ(lines[0].text, "a");
    EXPECT_EQ(lines[2].text, "c");
    EXPECT_EQ(lines[3].text, "");
    EXPECT_EQ(lines[4].number, 5);
    EXPECT_EQ(trim("\xC2\xA0 x \t"), "x");
}

TEST(Ascii, ClassesAndCaseAreTheCLocalesWhateverTheProcessLocale) {
    // The core decides as the "C" locale does, byte for byte, so that the locale
    // Python sets from the environment (tr_TR, Latin-1 ones) changes nothing.
    const std::string previous = std::setlocale(LC_CTYPE, nullptr);
    std::setlocale(LC_CTYPE, "C");
    for (int b = 0; b < 256; ++b) {
        const auto c = static_cast<unsigned char>(b);
        EXPECT_EQ(scholarmerge::ascii::is_alpha(c), std::isalpha(c) != 0) << b;
        EXPECT_EQ(scholarmerge::ascii::is_digit(c), std::isdigit(c) != 0) << b;
        EXPECT_EQ(scholarmerge::ascii::is_alnum(c), std::isalnum(c) != 0) << b;
        EXPECT_EQ(scholarmerge::ascii::is_space(c), std::isspace(c) != 0) << b;
        EXPECT_EQ(scholarmerge::ascii::is_upper(c), std::isupper(c) != 0) << b;
        EXPECT_EQ(scholarmerge::ascii::is_lower(c), std::islower(c) != 0) << b;
        EXPECT_EQ(static_cast<unsigned char>(scholarmerge::ascii::to_lower(c)), std::tolower(c)) << b;
        EXPECT_EQ(static_cast<unsigned char>(scholarmerge::ascii::to_upper(c)), std::toupper(c)) << b;
    }
    std::setlocale(LC_CTYPE, previous.c_str());
    static_assert(scholarmerge::ascii::to_upper('i') == 'I' && !scholarmerge::ascii::is_alpha(0xC9));
}
