// Deciding which records are the same work: block -> compare -> cluster.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "scholarmerge/model.hpp"

namespace scholarmerge {

// The decision model dedupe fits on a corpus (its evidence weights and venue
// names). Its layout is the library's own: a fitted model is handed back
// through DedupeOptions::model to decide another corpus the same way.
struct MatchModel;

struct DedupeOptions {
    double threshold = 0.0;      // match probability at which a pair is the same work; 0: 0.5
    int threads = 0;             // 0: all cores; labels do not depend on it
    double min_jaccard = 0.35;    // candidate generation: title word-set overlap that must be shared
    std::shared_ptr<const MatchModel> model;  // decide with this model instead of fitting one on the corpus
};

struct DedupeResult {
    std::vector<std::int64_t> labels;  // per work: index of its cluster's first row
    std::size_t candidates = 0;        // pairs compared
    std::size_t matches = 0;           // pairs verified as the same work
    std::shared_ptr<const MatchModel> model;  // the one decided with: fitted on the corpus, with its venue names
};

DedupeResult dedupe_detailed(const std::vector<Work>& works, const DedupeOptions& options = {});

// For review: the `n` candidate pairs whose decision is closest to the
// threshold (smallest |log-odds - cutoff|), nearest first; `probability` is
// the model's for the pair's evidence, guards having kept none that fired.
struct BoundaryPair {
    std::uint32_t a, b;
    double probability;
};
std::vector<BoundaryPair> nearest_boundary(const std::vector<Work>& works, std::size_t n,
                                           const DedupeOptions& options = {});

// A table's columns, one value per row; an empty column is absent. Authors are
// list text ("A. Smith, B. Jones"). Rows become match records one at a time
// and are never all held as Works: memory is the records' only.
struct WorkColumns {
    std::vector<std::string> titles;
    std::vector<std::optional<std::string>> authors;
    std::vector<std::optional<std::int64_t>> years;
    std::vector<std::string> venues, sources, dois, arxivs;
    std::vector<std::string> pages;  // "pp. 299-347": the same range is the same printed article
    std::vector<std::string> notes;  // the venue of a row without one ("to appear in ...")
};
// Throws std::invalid_argument (check_columns) unless every column is empty or one value per title.
DedupeResult dedupe_columns(const WorkColumns& columns, const DedupeOptions& options = {});

// Throws std::invalid_argument unless every column is empty or one value per title.
void check_columns(const WorkColumns& columns);

// One label per work: rows with the same label are the same work; a label is
// the index of the first row of its cluster.
std::vector<std::int64_t> dedupe(const std::vector<Work>& works, const DedupeOptions& options = {});

}  // namespace scholarmerge
