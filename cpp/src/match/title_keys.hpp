// Group keys under which titles meet whatever their word sets: the index's
// typo-tolerant channel. Word-set similarity is blind to a typo's size: in a
// title of few informative words one misspelt word is a different word, and
// "convex net" vs "conv exnet" shares none.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace scholarmerge {

// The normalised title with letters that print alike written one way
// ("rn" and "m", "1", "i" and "l", "0" and "o", "c" and "e", "h" and "b", "5"
// and "s", "ti" and "u"): what the candidate index keys titles by, so that a
// title scanned with two or three such confusions ("Databasc Language
// 5tandards") still meets its clean copy. Only candidates are found this
// way: the comparison reads the titles as written.
std::string print_skeleton(std::string_view normalized);

// The distinct word keys of the title's print skeleton: the word sets every
// candidate generator (the index, the distributed stages, the catalogue's
// incremental matcher) compares. Returns the skeleton, for the title keys.
std::string index_word_keys(std::string_view normalized, std::vector<std::uint64_t>& out);

// The normalised title with its spaces left out: titles equal but for where
// words break ("data base" ~ "database", "ab cd" ~ "abc d") share it.
std::uint64_t title_key(std::string_view normalized);

// title_key of the title with one of its words left out, for each word of a
// title of three words or more (two or more remain). Two titles one word
// apart (one word changed, added or dropped) share one of these or the title_key.
// Distinct values, ascending.
void word_out_keys(std::string_view normalized, std::vector<std::uint64_t>& out);

}  // namespace scholarmerge
