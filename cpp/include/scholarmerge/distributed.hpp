// dedupe() in stages over any split of the rows, for an engine that
// partitions and shuffles (scholarmerge.dask): the same labels as one
// process. The candidate pairs of dedupe() are exactly those whose title word
// sets (common words left out) reach min_jaccard, unless both are fragile,
// plus those sharing a DOI, arXiv, title or main title key (for rows of fragile word sets,
// their word-out keys too): CandidateIndex::candidates. Every stage below
// computes a share of them:
//
//   row_keys         per partition: word, group and recurrence keys
//   (word ranks)     global: document frequencies -> WordRanks
//   prefix_postings  per partition: each row under its prefix words, by bucket
//   prefix_join      per bucket: pairs reaching min_jaccard, each in one bucket
//   group_entries    per partition: each row under its group keys (by bucket: key)
//   group_pairs      per bucket: pairs among the first members of each key
//   (components)     global: connected components of all pairs
//   verify_and_cluster per component bucket: verified pairs clustered -> labels
//
// merge() likewise, with rows shuffled by work label (whole works per bucket)
// and author mentions by name key (whole keys per bucket), as people are
// resolved key by key (first_mentions in names/people.hpp):
//
//   work_mentions    per work bucket: author mentions, by name key bucket
//   resolve_mentions per key bucket: people, each known by its first mention
//   number_people    global: person ids in order of first mention
//   bucket_people    per key bucket: the people table
//   merge_rows       per work bucket: works with their person ids, conflicts
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "scholarmerge/dedupe.hpp"
#include "scholarmerge/merge/merge.hpp"

namespace scholarmerge::distributed {

// What the global statistics need from each row. Keys are key_hash values; 0: none.
struct RowKeys {
    std::vector<std::uint64_t> word_offsets{0};  // row i's words: words[word_offsets[i], word_offsets[i + 1])
    std::vector<std::uint64_t> words;            // its distinct title words
    std::vector<std::uint64_t> doi, arxiv, title, main_title;  // group keys (title_key of the title, of its main title before a colon)
    std::vector<std::uint64_t> recurrence;       // recurrence_key (short titles within a source)
    // Row i's word_out_keys: word_out[word_out_offsets[i], word_out_offsets[i + 1]).
    std::vector<std::uint64_t> word_out_offsets{0};
    std::vector<std::uint64_t> word_out;
};
RowKeys row_keys(const WorkColumns& rows);

// The words found in two or more records, with their rank in the global
// rarest-first order (document frequency, then key); words in one record
// only rank before all of them and are only counted.
struct WordRanks {
    std::vector<std::uint64_t> words;  // ascending
    std::vector<std::uint32_t> ranks;  // rank of words[i]
    std::uint32_t common_rank = 0;     // ranks from here on are common words, left out
};

// From every distinct word with its document frequency (summed over all partitions).
WordRanks word_ranks(const std::vector<std::uint64_t>& words, const std::vector<std::uint64_t>& document_frequency);

// Row `row`'s word set as the index sees it: the number of its words (common
// ones left out), with the ranks of those in two or more records in `ranked`, ascending.
std::uint32_t word_set(const RowKeys& keys, std::size_t row, const WordRanks& ranks, std::vector<std::uint32_t>& ranked);

// Rows posted under their prefix words (AllPairs), with their word sets.
struct Postings {
    std::vector<std::uint32_t> word;      // the prefix word's rank
    std::vector<std::int64_t> row;        // global row index
    std::vector<std::uint32_t> position;  // of the word in the row's rarest-first order
    std::vector<std::uint32_t> size;      // the row's number of distinct words (common ones left out)
    std::vector<std::uint64_t> set_offsets{0};  // posting i's word set: sets[set_offsets[i], set_offsets[i + 1])
    std::vector<std::uint32_t> sets;      // ranks ascending; words in one record only are not listed
};
// The partition's rows (global indices first_row, first_row + 1, ...) split
// into `buckets` by prefix word.
std::vector<Postings> prefix_postings(const RowKeys& keys, std::int64_t first_row, const WordRanks& ranks,
                                      double min_jaccard, std::size_t buckets);

using RowPair = std::pair<std::int64_t, std::int64_t>;  // (y, x), y < x

// The partition's rows (global indices first_row, first_row + 1, ...) under
// each of their group keys: DOI, arXiv, title key, and the word-out keys of
// rows whose word set is fragile (CandidateIndex::fragile).
struct GroupEntries {
    std::vector<std::uint64_t> keys;
    std::vector<std::int64_t> rows;
};
GroupEntries group_entries(const RowKeys& keys, std::int64_t first_row, const WordRanks& ranks, double min_jaccard);

// The pairs among the first kMaxGroup rows of each group key, from (key,
// row) entries holding every row of the keys they hold (one shuffle bucket).
std::vector<RowPair> group_pairs(const std::vector<std::uint64_t>& keys, const std::vector<std::int64_t>& rows);

// The pairs of one bucket's postings whose word sets reach min_jaccard, each
// found only under its first shared prefix word, so in one bucket only.
std::vector<RowPair> prefix_join(const std::vector<Postings>& parts, double min_jaccard);

// Rows (ascending global indices, with their columns and recurrence keys: a
// row's row_keys recurrence key when all partitions together count it more
// than once, else 0) holding whole connected components of the candidate pairs: the pairs are
// verified and clustered. Labels: the global index of each row's cluster's first row.
// The model is the one fitted (fit) on the patterns count_patterns gives
// for all buckets summed, as dedupe() fits it on all candidate pairs.
// The venue names the bucket's anchors join (anchors.hpp), as numbers;
// merge_anchors sums the buckets', and count_patterns and the model
// (fit's, its venues set from them) read the sum, as dedupe() learns
// them from all candidate pairs.
std::vector<std::uint64_t> count_anchors(const WorkColumns& rows, const std::vector<std::int64_t>& row_ids,
                                             const std::vector<std::uint64_t>& recurrence,
                                             const std::vector<RowPair>& pairs);
std::vector<std::uint64_t> merge_anchors(const std::vector<std::vector<std::uint64_t>>& states);
std::vector<std::uint64_t> count_patterns(const WorkColumns& rows, const std::vector<std::int64_t>& row_ids,
                                          const std::vector<std::uint64_t>& recurrence,
                                          const std::vector<RowPair>& pairs,
                                          const std::vector<std::uint64_t>& anchors);
// The model fitted on the pattern counts of all buckets summed, with the
// venue names of merge_anchors: what dedupe() fits on all candidate pairs.
// Throws std::invalid_argument when `anchors` is not a merge_anchors state.
std::shared_ptr<const MatchModel> fit(const std::vector<std::uint64_t>& counts,
                                      const std::vector<std::uint64_t>& anchors);
std::vector<std::int64_t> verify_and_cluster(const WorkColumns& rows, const std::vector<std::int64_t>& row_ids,
                                             const std::vector<std::uint64_t>& recurrence,
                                             const std::vector<RowPair>& pairs, const MatchModel& model,
                                             double threshold = 0.0);

// Author mentions with what resolving and listing people reads of them, as columns.
struct Mentions {
    std::vector<std::int64_t> row, index, work;  // global row, author position, the row's work label
    std::vector<std::string> key, given, surname, initials, display;  // of the Author
    // The name keys of every author of each work named above (its co-authors):
    // works[i]'s are coauthors[coauthor_offsets[i], coauthor_offsets[i + 1]).
    std::vector<std::int64_t> works;
    std::vector<std::uint64_t> coauthor_offsets{0};
    std::vector<std::string> coauthors;
};

// The author mentions of rows holding whole works (global indices row_ids,
// dedupe labels), split by name key into `buckets`.
std::vector<Mentions> work_mentions(const Corpus& rows, const std::vector<std::int64_t>& row_ids,
                                    const std::vector<std::int64_t>& labels, std::size_t buckets);

struct BucketPeople {
    std::vector<std::int64_t> person;  // per mention of the parts, in order: 0, 1, ... by first mention
    std::vector<std::int64_t> first_row, first_index;  // per person: its first mention
};
// The people of one key bucket: every mention of its keys, from any parts in any order.
BucketPeople resolve_mentions(const std::vector<Mentions>& parts);

// Person ids for the first mentions of every bucket's people (concatenated):
// 0, 1, ... in mention order (row, then author index), as resolve_people numbers them.
std::vector<std::int64_t> number_people(const std::vector<std::int64_t>& first_row,
                                        const std::vector<std::int64_t>& first_index);

// The people table of one key bucket, given each mention's person id.
std::vector<Person> bucket_people(const std::vector<Mentions>& parts, const std::vector<std::int64_t>& person);

// merge_works() of rows holding whole works (global indices row_ids, ascending),
// the person of each author mention given as (mention_row, mention_index) -> person.
MergeResult merge_rows(const Corpus& rows, const std::vector<std::int64_t>& row_ids,
                       const std::vector<std::int64_t>& labels, const std::vector<std::int64_t>& mention_row,
                       const std::vector<std::int64_t>& mention_index, const std::vector<std::int64_t>& person);

}  // namespace scholarmerge::distributed
