// What the matcher knows of a work, prepared once: the normalised title and
// its parts, title tokens, version markers, author surnames, year, identifiers.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "scholarmerge/model.hpp"

namespace scholarmerge {

// Titles longer than this are compared on their first kMaxTitleBytes bytes:
// no real title is that long, and it bounds the cost of hostile input.
inline constexpr std::size_t kMaxTitleBytes = 512;

// What kind of venue published the record: a conference paper and its
// extended journal version are two works, and so are a thesis and a paper
// drawn from it; a preprint merges with any of them.
enum class VenueKind { unknown, preprint, proceedings, journal, thesis };

VenueKind venue_kind(std::string_view venue);

struct MatchRecord {
    std::string title;  // normalize_title(), capped
    // The title proper within the raw title field, citation debris cut away
    // ("Seung (1995). Learning from ..."): what merge shows.
    std::uint32_t title_begin = 0, title_length = 0;
    std::string name;   // a short system name before a colon ("zeroquant v2"), else ""
    std::string core;   // the title after that name, else ""
    std::uint32_t word_count = 0;      // distinct words of the title (the index splits it again)
    std::vector<std::uint64_t> title_stems;  // its words' first five bytes, hashed, sorted, distinct
    std::vector<std::string> markers;  // words with digits, roman numerals, pluses: "v2", "ii", "3d", "c++"
    std::vector<std::string> surnames; // folded author surnames, sorted, distinct
    int year = 0;                      // 0: unknown
    std::string doi, arxiv;            // lower-cased bare identifiers
    VenueKind venue = VenueKind::unknown;
    std::uint32_t first_page = 0, last_page = 0;  // a page range ("pp. 299-347"); 0: none
    bool generic = false;              // "Preface", "Introduction", ... : needs corroboration
    bool correction = false;           // "Erratum: X" is about X, not X
    bool damaged = false;              // a letter of the title lost to a wrong encoding ("Th?mis")
    bool year_cut = false;             // a year was cut from the title's end ("... sigmod conference 1997")
    bool recurring = false;            // its title recurs within its own source (a column, a series)
    std::uint64_t recurrence = 0;      // recurrence_key() of a title recurring within its source, else 0
    std::vector<std::uint64_t> venue_words;  // key_hash of each venue word, distinct
    std::uint64_t venue_name = 0;            // the venue words as one key (anchors.hpp); 0: none
    std::uint64_t source = 0;                // key_hash of the list it came from; 0: none given
    // The words of every field together (title, surnames, venue, year), each
    // as its key_hash, ascending and distinct (repair.hpp): a value in the
    // wrong field still counts.
    std::vector<std::uint64_t> tokens;
    // Where the title field's commas fell, as positions in title's words (the
    // first word after each): a list of names run on after a title shows as
    // short runs between them (repair.cpp). Empty when it has none.
    std::vector<std::uint32_t> commas;
};

// What a record is made from: views into the caller's fields.
struct MatchInput {
    std::string_view title;
    std::vector<std::string_view> authors;  // each author's surname, or display name when it has none
    int year = 0;                           // 0: unknown
    std::string_view venue, doi, arxiv;
    std::string_view pages;  // "pp. 299-347", "pages 411-420,"
    std::string_view note;   // BibTeX's note: where an unpublished or forthcoming work without
                             // a venue names it ("to appear in Machine Learning")
};

MatchRecord make_match_record(const MatchInput& in);

// The page range in a pages field ("pp. 299-347", "103(2):299--347"): first and
// last page, or {0, 0} when it holds no range of whole numbers, first before last.
struct PageRange {
    std::uint32_t first = 0, last = 0;
};
PageRange page_range(std::string_view pages);
MatchRecord make_match_record(const Work& w);

// Keeps the first `keep` words of the record's title (and of its core), and
// what depends on them: markers, word count, generic. Another field's values
// found at the title's end are cut this way (repair.hpp).
void cut_title(MatchRecord& r, std::size_t keep);

// A short title that recurs within one source is a column or a series ("Book
// Review Column"), not one work; long titles recur in dirty sources because
// the source itself holds duplicates. Records with equal keys are counted;
// 0: the title is empty or too long to be one, or the source is unknown
// (rows of a table without a source column are not known to share one).
std::uint64_t recurrence_key(std::string_view source, const MatchRecord& r);

}  // namespace scholarmerge
