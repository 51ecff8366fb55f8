// Matching new records against stored ones without deduplicating them all
// again (the catalogue's add): the stored records stay prepared, their
// candidate index grows by the new ones, and only the clusters a new record
// links to are clustered again, with a model fitted before.
//
// What a batch dedupe() of all the records would decide is kept where it only
// depends on the pairs: the candidate set is CandidateIndex's definition (word
// sets reaching min_jaccard, common words left out, unless both are fragile;
// the first kMaxGroup members of a DOI, arXiv, title or main-title key; the
// word-out keys of fragile sets), the evidence is compare()'s, the decision is
// the model's, and recurring titles are counted over all records. What a batch
// learns from the whole corpus is the one of the records at build time and of
// each added batch: the model and its anchors (fitted once, given here), the
// field repairs (repair.hpp: each added batch by the vocabulary of the records
// so far, whose counts the state keeps), a word
// turning common after it was indexed, and the records of sourceless tables
// copied more than any long title. A cluster is taken again whole, with the
// new records linked to it, so a chain the batch would weigh through
// clusters no new record touches is not weighed again.
//
// The model is fitted again at each add, as a batch fits it on all its
// records: EM depends only on the candidate pairs' evidence patterns, so the
// matcher keeps every unguarded candidate pair by pattern (row a, row b,
// pattern; the venue-name level by the anchors), counts an add's new pairs
// into them and refits on the counts. A pattern the refitted model decides
// otherwise moves its stored pairs across the threshold: the clusters holding
// them are clustered again with the new records'. The anchors (venue names,
// catalogue sources) grow by the new anchor pairs as a batch's would count
// them, and the stored pairs whose venue names they weigh otherwise change
// pattern (each record's venue-name key is kept for it).
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "match/model.hpp"
#include "match/record.hpp"
#include "scholarmerge/model.hpp"
#include "incremental/row_lists.hpp"

namespace scholarmerge {

class FieldVocabulary;
class CorpusAnchors;

class IncrementalMatcher {
public:
    // `works`: the stored records in order; `labels`: their clusters (index of
    // each cluster's first row, as dedupe gives them, decisions not applied);
    // `model`: the one to decide with (its anchors too).
    IncrementalMatcher(const std::vector<Work>& works, std::vector<std::int64_t> labels, MatchModel model,
                       double threshold = 0.0, double min_jaccard = 0.35, int threads = 0);
    ~IncrementalMatcher();

    struct Update {
        std::vector<std::int64_t> rows;    // the records clustered again (ascending; the new ones among them)
        std::vector<std::int64_t> labels;  // their labels now
        std::size_t redecided = 0;         // stored pairs the refitted model decides otherwise (their clusters among rows)
    };
    // Appends `works` (rows size() .. size() + n - 1), refits the model on
    // the pattern counts with their new pairs, and clusters again the clusters
    // they link to and those holding a stored pair of a pattern the refitted
    // model decides otherwise, together with them.
    Update add(const std::vector<Work>& works);

    std::size_t size() const { return records_.size(); }
    const std::vector<std::int64_t>& labels() const { return labels_; }
    const MatchModel& model() const { return model_; }

    // An unguarded candidate pair (a < b), as dedupe() counts it for the fit.
    struct Pair {
        std::uint32_t a, b, pattern;
    };
    const std::vector<Pair>& pairs() const { return pairs_; }
    // Per evidence pattern, the pairs of it: what the model is fitted on.
    const PatternCounts& pattern_counts() const { return counts_; }

    // The state as bytes (incremental/state.cpp), so that a process opening a
    // catalogue neither prepares nor indexes every stored record again:
    //  - the index, labels and vocabulary counts: a snapshot (all of them) or
    //    a delta (what the last add() or the construction changed, replayed
    //    on the state before it), each with kStateVersion and the options;
    //  - the prepared records, one by one, kept by row: a restored matcher
    //    fetches those it compares or clusters again, a few per added record.
    // The model is not in them.
    // 2: the vocabulary's own counts, checksums; 3: the candidate pairs by pattern, the
    // vocabulary's authored titles, the records' title commas
    static constexpr std::uint32_t kStateVersion = 3;
    std::string snapshot() const;
    const std::string& last_delta() const { return last_delta_; }
    // The records added or changed since the last call (every record after
    // construction), as (row, bytes): what `Fetch` gives back by row.
    std::vector<std::pair<std::uint32_t, std::string>> take_changed_records();
    // The bytes of records by row (in the order asked); called from the thread calling add().
    using Fetch = std::function<std::vector<std::string>(const std::vector<std::uint32_t>& rows)>;
    // A snapshot followed by the deltas made after it, in order; throws
    // std::invalid_argument, naming the state and what is wrong, when they are
    // cut or damaged (each state and each record ends in a checksum; the
    // counts and rows in them are checked against one another), of another
    // version or options, or do not follow one another (and add() when a
    // record it fetches is damaged or another row's).
    static std::unique_ptr<IncrementalMatcher> restore(const std::vector<std::string_view>& states, Fetch fetch,
                                                       MatchModel model, double threshold = 0.0,
                                                       double min_jaccard = 0.35, int threads = 0);

private:
    IncrementalMatcher(MatchModel model, double threshold, double min_jaccard, int threads);
    const MatchRecord& record(std::uint32_t r) const { return *records_[r]; }
    void load(std::vector<std::uint32_t> rows);  // the records of `rows` not held yet, fetched
    // Appends prepared records (their recurrence counted already): words, labels, index.
    void append(std::vector<MatchRecord> fresh);
    void build_index();  // postings_ and groups_ of every record, as construction makes them
    void count_recurrence(std::size_t from);  // recurrence_ of rkeys_[from ..]
    void read_snapshot(std::string_view in, std::size_t pos, std::size_t n);
    void replay_delta(std::string_view in, std::size_t pos);
    // last_delta_ of the records from `first` on (`made`: their vocabulary inputs), the
    // stored records that recur now (row, recurrence key), the labels `update` set, the
    // new pairs and the stored ones whose pattern changed (their index in pairs_).
    void write_delta(std::size_t first, std::string_view made,
                     const std::vector<std::pair<std::uint32_t, std::uint64_t>>& touched, const Update& update,
                     const std::vector<Pair>& fresh_pairs, const std::vector<std::uint64_t>& repatterned,
                     bool paired_again);
    // The unguarded pairs of x with the candidates `found` (rows below x), as dedupe() counts them.
    // Their patterns with the venue name unknown (with_venue_level sets it); the anchor pairs among them into `anchors`.
    void pairs_of(std::uint32_t x, const std::vector<std::uint32_t>& found, std::vector<Pair>& out,
                  CorpusAnchors* anchors = nullptr) const;
    // p's pattern, the venue-name level by `anchors` (none: unknown).
    std::uint32_t with_venue_level(const Pair& p, const CorpusAnchors* anchors) const;
    void count(const std::vector<Pair>& pairs);  // into counts_
    // The model fitted on counts_ (its anchors `anchors`); marks in `take` the
    // clusters of the stored pairs (the first `stored` of pairs_; `was`: the
    // patterns some had before, by index) it decides otherwise than the model
    // before it; returns how many pairs those are.
    std::size_t refit(std::shared_ptr<const CorpusAnchors> anchors, std::size_t stored,
                      const std::unordered_map<std::size_t, std::uint32_t>& was, std::vector<char>& take);
    bool same(const MatchModel& m, std::uint32_t pattern) const;  // decided as dedupe() decides a pattern

    void index(std::uint32_t r);  // r's title words and group keys into the index
    std::uint32_t df(std::uint64_t word) const;
    // The candidates y < x of x (CandidateIndex's set; with !earlier_only every y != x), each once, into out.
    void candidates(std::uint32_t x, std::vector<std::uint32_t>& out, bool earlier_only = true);
    // The stored pairs (rows below `first`) of the records holding a word that
    // turned common in this add, found again as a batch finds them now (their
    // word sets lost it); the dropped ones into `dropped`, the found ones into `found`.
    void pair_again(std::uint32_t first, const CorpusAnchors* anchors, std::vector<Pair>& dropped,
                    std::vector<Pair>& found);
    std::uint32_t set_size(std::uint32_t r) const;  // distinct title words, common ones left out
    void count_common();  // common_ from the postings' flat part
    void group_keys(std::uint32_t r, std::vector<std::uint64_t>& out) const;

    std::vector<std::unique_ptr<MatchRecord>> records_;  // null: stored, not fetched yet
    std::unique_ptr<FieldVocabulary> vocabulary_;  // of every record so far: added ones are repaired by it
    std::vector<std::int64_t> labels_;
    MatchModel model_;
    std::vector<Pair> pairs_;  // every unguarded candidate pair of the records, in the order found
    std::vector<std::uint64_t> venue_names_;  // per record, its venue_name key (what the anchors weigh)
    PatternCounts counts_;     // per pattern, the pairs_ of it
    double cutoff_, min_jaccard_;
    int threads_;
    // Per record, its distinct title words (index_word_keys) and how many of them are common
    // (in more than kMaxDocumentFrequency records): its word set is the others.
    std::vector<std::uint16_t> words_, common_;
    RowLists postings_;         // word -> records, in order
    RowLists groups_{false};    // group key -> first kMaxGroup records (looked up a few times per add)
    std::vector<std::uint64_t> rkeys_;  // per record, recurrence_key() by its source (0: none)
    std::unordered_map<std::uint64_t, std::uint32_t> recurrence_;        // recurrence key -> records
    std::unordered_map<std::uint64_t, std::uint32_t> recurrence_first_;  // ... and its first record
    std::vector<std::uint32_t> seen_;  // scratch: per record, the candidate pass that met it last
    std::vector<std::uint32_t> shared_, met_;  // scratch: per record, words shared with x; the records met
    std::uint32_t pass_ = 0;
    std::vector<std::uint32_t> changed_;  // rows whose bytes take_changed_records() has not given
    std::vector<std::uint64_t> turned_common_;  // the words that turned common since add() began
    std::string last_delta_;
    Fetch fetch_;
};

}  // namespace scholarmerge
