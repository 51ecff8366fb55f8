#include "match/repair.hpp"

#include <algorithm>
#include <stdexcept>
#include <string>
#include <utility>

#include "details/bytes.hpp"
#include "details/flat_counts.hpp"
#include "anchors.hpp"
#include "match/key_hash.hpp"
#include "scholarmerge/match/title.hpp"
#include "text/ascii.hpp"

namespace scholarmerge {

namespace {

void collect_tokens(MatchRecord& r) {
    std::vector<std::uint64_t> t;
    title_word_keys(r.title, t);
    for (const std::string& s : r.surnames) t.push_back(key_hash(s));
    t.insert(t.end(), r.venue_words.begin(), r.venue_words.end());
    if (r.year) t.push_back(key_hash(std::to_string(r.year)));
    std::sort(t.begin(), t.end());
    t.erase(std::unique(t.begin(), t.end()), t.end());
    r.tokens = std::move(t);
}

bool year_word(std::string_view w) {
    return w.size() == 4 && (w.rfind("19", 0) == 0 || w.rfind("20", 0) == 0) &&
           std::all_of(w.begin(), w.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

// How often each word is found in each field, counting a record once per word.
struct FieldVocabulary::FieldCounts {
    details::FlatCounts title, author, venue;
    details::FlatCounts venue_names;  // the word sets of venue fields of two words or more
    // The title words of records with authors of their own, and how many such
    // records: no person's name is among those words, whatever the rest hold.
    details::FlatCounts authored_title;
    std::uint64_t authored = 0;
    std::vector<std::uint64_t> keys;

    explicit FieldCounts(std::size_t expected)
        : title(expected / 2), author(expected / 2), venue(1024), venue_names(1024), authored_title(expected / 2) {}
    void add(const MatchRecord& r) {
        title_word_keys(r.title, keys);  // one buffer for every record added
        for (std::uint64_t k : keys) title.add(k);
        if (!r.surnames.empty()) {
            ++authored;
            for (std::uint64_t k : keys) authored_title.add(k);
        }
        for (const std::string& s : r.surnames) author.add(key_hash(s));
        for (std::uint64_t k : r.venue_words) venue.add(k);
        if (r.venue_words.size() >= 2) venue_names.add(venue_name_key(r.venue_words));
    }
    // A word that may be a given name: titles written apart from their authors
    // use it in fewer than one in a thousand ("alon", "nabil"; not "security").
    bool name_like(std::uint64_t k) const { return 1000 * std::uint64_t{get(authored_title, k)} < std::max<std::uint64_t>(authored, 1000); }
    static std::uint32_t get(const details::FlatCounts& m, std::uint64_t k) { return m.get(k); }
    // A word this corpus names as an author at least a third as often as it
    // has it in titles: no title word is that often a surname, and a name the
    // corpus has moved into titles ("... query processing zhao-hui tang") still is.
    bool author_like(std::uint64_t k) const {
        const std::uint32_t a = get(author, k);
        return a > 0 && 3 * a >= get(title, k);
    }
    // 2: a word found in venues far more often than in titles ("vldb", "sigmod");
    // 1: as often ("database", "conference"); 0: a third as often ("of", "on");
    // -1: a title's word.
    int venue_like(std::uint64_t k) const {
        const std::uint32_t v = get(venue, k), t = get(title, k);
        return v >= 2 && v >= 3 * t ? 2 : v > 0 && v >= t ? 1 : v > 0 && 3 * v >= t ? 0 : -1;
    }
    // Words [begin, end) are, as a set, the whole venue field of two records or
    // more ("... international conference on management of data"): a venue
    // spelled out in words that titles use too.
    bool venue_name(const std::vector<std::uint64_t>& keys, std::size_t begin, std::size_t end,
                    std::vector<std::uint64_t>& set) const {
        set.assign(keys.begin() + static_cast<long>(begin), keys.begin() + static_cast<long>(end));
        std::sort(set.begin(), set.end());
        set.erase(std::unique(set.begin(), set.end()), set.end());
        return set.size() >= 2 && venue_names.get(venue_name_key(set)) >= 2;
    }
};

namespace {

// The words [j, end) of a venue name ending at `end`, the longest; `end` when none.
std::size_t venue_name_start(const std::vector<std::uint64_t>& keys, std::size_t end, std::size_t keep,
                             const FieldVocabulary::FieldCounts& counts) {
    constexpr std::size_t kLongest = 12;  // words of a venue's name
    // Most titles end in a word no venue field has: nothing to look up.
    if (counts.venue_names.size() == 0 || counts.venue.get(keys[end - 1]) == 0) return end;
    std::vector<std::uint64_t> set;
    for (std::size_t j = end > kLongest + keep ? end - kLongest : keep; j + 1 < end; ++j)
        if (counts.venue.get(keys[j]) && counts.venue_name(keys, j, end, set)) return j;
    return end;
}

// A letter standing alone: what an export leaves of an accented one it spaced out.
bool lone_letter(std::string_view w) { return w.size() == 1 && ascii::is_alpha(w[0]); }

// Words [from, to) joined, when the join is a surname this corpus names
// ("sch" "o" "ning" -> "schoning"); else empty.
std::string joined_surname(const std::vector<std::string_view>& words, std::size_t from, std::size_t to,
                           const FieldVocabulary::FieldCounts& counts) {
    std::string s;
    for (std::size_t k = from; k < to; ++k) s += words[k];
    return counts.author_like(key_hash(s)) ? s : std::string();
}

// Names listed with commas after the title ("... data structure donovan a
// schneider , marie-anne neimat , witold litwin acm ..."), for a record without
// authors of its own (cut_field_runs' words and their fields): from the end,
// each run between commas of two to four words that titles apart from their
// authors hardly use is a name, its last word the surname (`author`), the rest
// `listed`; the last run may hold the venue and year instead. Before the first
// name listed, the run ends in a name too. A title's own list ("models ,
// methods , applications") is of title words.
void mark_listed_names(const std::vector<std::uint32_t>& commas, const std::vector<std::string_view>& words,
                       const std::vector<std::uint64_t>& keys, const FieldVocabulary::FieldCounts& counts,
                       const std::vector<char>& year, const std::vector<int>& venue, std::vector<char>& author,
                       std::vector<char>& listed) {
    const std::size_t n = words.size();
    std::vector<std::size_t> bounds{0};
    for (std::uint32_t c : commas)
        if (c > bounds.back() && c < n) bounds.push_back(c);
    bounds.push_back(n);
    auto a_name = [&](std::size_t begin, std::size_t end) {
        // One word is a surname only when the corpus names it so ("california" is no name).
        if (end - begin > 4 || lone_letter(words[end - 1]) || (end - begin == 1 && !author[begin])) return false;
        for (std::size_t k = begin; k < end; ++k)
            if (year[k] || venue[k] > 0 || std::any_of(words[k].begin(), words[k].end(), ascii::is_digit) ||
                !(lone_letter(words[k]) || author[k] || counts.name_like(keys[k])))
                return false;
        return true;
    };
    std::size_t runs = 0, k = bounds.size() - 1;  // segment k - 1 is [bounds[k - 1], bounds[k])
    for (; k > 1; --k) {
        const std::size_t begin = bounds[k - 1], end = bounds[k];
        if (a_name(begin, end)) {
            for (std::size_t g = begin; g + 1 < end; ++g) listed[g] = !author[g];
            author[end - 1] = 1, ++runs;
        } else if (k != bounds.size() - 1) {
            break;
        }
    }
    if (!runs) return;
    // The name glued to the title before the first comma: its surname, then
    // initials and one given name before it.
    const std::size_t last = bounds[k] - 1;
    if (last == 0 || year[last] || venue[last] > 0 || lone_letter(words[last]) ||
        !(author[last] || counts.name_like(keys[last])))
        return;
    author[last] = 1;
    std::size_t g = last;
    while (g > 0 && lone_letter(words[g - 1])) listed[--g] = 1;
    if (g > 0 && counts.name_like(keys[g - 1])) listed[g - 1] = !author[g - 1];
}

// A title field that holds its record's other fields after the title proper
// ("... object-oriented databases zhao-hui tang georges gardarin vldb 1996"):
// the end of the title where the words this corpus names as authors, venues and
// years outweigh its title words. The cut values fill the record's empty fields.
void cut_field_runs(MatchRecord& r, const FieldVocabulary::FieldCounts& counts) {
    // Words of title kept: three, or one when every word cut is another field's
    // ("datasplash sigmod conference 1998", "updating xml international
    // conference on management of data 2001"): short titles are glued too.
    constexpr std::size_t kKeep = 1, kKeepMixed = 3;
    // Most titles end in a title word, which ends no run of other fields.
    const std::string_view last = std::string_view(r.title).substr(r.title.rfind(' ') + 1);
    const std::uint64_t last_key = key_hash(last);
    const bool plain_end = !counts.author_like(last_key) && !year_word(last) && counts.venue_like(last_key) < 0 && last.size() > 1;
    if (plain_end && counts.venue_names.size() == 0) return;
    const std::vector<std::string_view> words = title_words(r.title);
    const std::size_t n = words.size();
    if (n <= kKeep) return;
    std::vector<std::uint64_t> keys(n);
    for (std::size_t j = 0; j < n; ++j) keys[j] = key_hash(words[j]);
    // ... or in the last piece of a surname split at an accented letter ("sch ö ning").
    auto split_surname_end = [&] {
        if (!lone_letter(words[n - 2])) return false;
        return !joined_surname(words, n - 2, n, counts).empty() || (n >= 3 && !joined_surname(words, n - 3, n, counts).empty());
    };
    if (plain_end && venue_name_start(keys, n, kKeep, counts) == n && !split_surname_end()) return;
    std::vector<char> author(n), year(n);
    std::vector<int> venue(n);
    // A surname its export split at an accented letter ("harald sch ö ning"):
    // the pieces joined are a surname this corpus names.
    std::vector<std::string> joined(n);  // at a surname's first piece
    std::vector<char> piece(n);          // a later piece of a joined surname
    auto glue = [&](std::size_t from, std::size_t to) {
        std::string s = joined_surname(words, from, to, counts);
        if (s.empty()) return false;
        for (std::size_t k = from; k < to; ++k) author[k] = 1, piece[k] = k > from;
        joined[from] = std::move(s);
        return true;
    };
    for (std::size_t j = 0; j < n; ++j) {
        if (!lone_letter(words[j])) continue;
        if (j > 0 && j + 1 < n && glue(j - 1, j + 2)) continue;
        if (j + 1 < n && glue(j, j + 2)) continue;
        if (j > 0) glue(j - 1, j + 1);
    }
    // A surname of several words, kept as one ("el abbadi", "van den bussche").
    for (std::size_t j = kKeep; j + 1 < n; ++j)
        if (!author[j] && !glue(j, std::min(n, j + 3))) glue(j, j + 2);
    for (std::size_t j = 0; j < n; ++j) {
        author[j] = author[j] || counts.author_like(keys[j]);
        venue[j] = counts.venue_like(keys[j]);
        // "the 1990 's" is a decade of the title, not the record's year.
        year[j] = year_word(words[j]) && !(j + 1 < n && words[j + 1] == "s");
    }
    // Venue names spelled out, each found from its end. A name of two words
    // next to no other field may be the title's topic ("... of machine learning").
    auto field_word = [&](std::size_t j) { return author[j] || year[j] || venue[j] == 2; };
    for (std::size_t end = n; end > kKeep;) {
        const std::size_t begin = venue_name_start(keys, end, kKeep, counts);
        if (begin == end) { --end; continue; }
        const bool before_field = end < n ? field_word(end) : r.year_cut;
        if (end - begin >= 3 || before_field || (begin > 0 && author[begin - 1]))
            for (std::size_t k = begin; k < end; ++k) venue[k] = 2;
        end = begin;
    }
    // Each word's weight for the suffix it ends: strong evidence +1, weak +0.5,
    // a title word -1, except a venue's linking word or a given name before a
    // surname (0).
    // One surname is not enough ("A Tribute to Jim Gray"); a venue's own word is ("... vldb").
    // A given name: a word titles apart from their authors hardly use, before
    // a surname, or before initials and then a surname ("richard t snodgrass",
    // "kenneth a ross").
    auto given_name = [&](std::size_t j) {
        if (!counts.name_like(keys[j])) return false;
        std::size_t k = j + 1;
        while (k < n && lone_letter(words[k])) ++k;
        return k < n && author[k];
    };
    std::vector<char> listed(n);  // a listed name's given names and initials
    if (r.surnames.empty() && !r.commas.empty()) mark_listed_names(r.commas, words, keys, counts, year, venue, author, listed);
    // A word venues use as often as titles is a venue's only inside a run of
    // venue words or before the year ("... conference 1998"); before a name it
    // is the title's ("information warfare and security h v jagadish").
    auto venue_run = [&](std::size_t j) { return j + 1 == n || venue[j + 1] >= 0 || year[j + 1]; };
    // A record with no authors of its own is the likelier to end in them: its
    // one author's whole name (given name or initials first) is enough, and
    // may leave a title of two words, when nothing cut with it is a title's word.
    const bool no_authors = r.surnames.empty();
    double sum = 0, best = 0;
    std::size_t cut = n, names = 0;
    bool strong = false, accept = false, all_fields = true;
    for (std::size_t j = n; j-- > kKeep;) {
        const bool s = author[j] || year[j] || venue[j] == 2;
        const double w = s                                                          ? 1.0
                         : (venue[j] == 1 && venue_run(j)) || lone_letter(words[j]) ? 0.5
                         : venue[j] == 0 || listed[j] || given_name(j)              ? 0.0
                                                                                    : -1.0;
        sum += w;
        strong = strong || s;
        all_fields = all_fields && w >= 0;
        names += author[j];
        const bool own_author = no_authors && names == 1 && all_fields && (given_name(j) || lone_letter(words[j]));
        if (j < kKeepMixed && !(all_fields && (sum >= 2 || (own_author && sum >= 1)))) continue;
        if (sum >= best && sum > 0) best = sum, cut = j, accept = strong && (sum >= 1.5 || names == 0 || own_author);
    }
    if (cut == n || !accept) return;
    const bool fill_authors = r.surnames.empty(), fill_venue = r.venue_words.empty();
    // The venue's kind from the last run of venue words cut ("... vldb j."): a
    // conference paper and its journal version are told apart as when the venue
    // had its own field. A lone initial ("j. widom") is no run.
    if (r.venue == VenueKind::unknown) {
        std::size_t end = n;
        while (end > cut && venue[end - 1] <= 0) --end;
        std::size_t begin = end;
        while (begin > cut && (venue[begin - 1] > 0 || (venue[begin - 1] == 0 && begin - 1 > cut && venue[begin - 2] > 0)))
            --begin;
        if (end > begin && (end - begin >= 2 || words[begin].size() > 1)) {
            const char* first = words[begin].data();
            r.venue = venue_kind(std::string_view(first, static_cast<std::size_t>(words[end - 1].data() + words[end - 1].size() - first)));
        }
    }
    const bool fill_year = !r.year;
    for (std::size_t j = cut; j < n; ++j) {
        if (fill_authors && !joined[j].empty()) r.surnames.push_back(joined[j]);
        else if (fill_authors && author[j] && !piece[j]) r.surnames.emplace_back(words[j]);
        if (fill_venue && venue[j] > 0) r.venue_words.push_back(keys[j]);
        // The last year cut is the record's: an earlier one is a title's ("VLDB '98 ... 2000").
        if (fill_year && year[j]) r.year = std::stoi(std::string(words[j]));
    }
    std::sort(r.surnames.begin(), r.surnames.end());
    r.surnames.erase(std::unique(r.surnames.begin(), r.surnames.end()), r.surnames.end());
    std::sort(r.venue_words.begin(), r.venue_words.end());
    r.venue_words.erase(std::unique(r.venue_words.begin(), r.venue_words.end()), r.venue_words.end());
    cut_title(r, cut);
}

}  // namespace

FieldVocabulary::FieldVocabulary(std::size_t expected) : counts_(std::make_unique<FieldCounts>(expected)) {}
FieldVocabulary::~FieldVocabulary() = default;

void FieldVocabulary::add(const MatchRecord& r) {
    counts_->add(r);
    ++records_;
}

void FieldVocabulary::repair(std::vector<MatchRecord>& records) const {
    if (records_ > 1)
        for (MatchRecord& r : records) cut_field_runs(r, *counts_);
    // Every word weighs the same: weights from this corpus's frequencies would
    // make a bucket of the distributed path decide otherwise than the whole
    // (and cost DBLP-ACM dirty nothing measurable: 0.918 with IDF, 0.914 without).
    for (MatchRecord& r : records) {
        collect_tokens(r);
        r.venue_name = venue_name_key(r.venue_words);
    }
}

namespace {

void write_counts(std::string& out, const details::FlatCounts& c) {
    std::vector<std::pair<std::uint64_t, std::uint32_t>> pairs;  // in key order: equal counts, equal bytes
    pairs.reserve(c.size());
    c.for_each([&](std::uint64_t k, std::uint32_t n) { pairs.emplace_back(k, n); });
    std::sort(pairs.begin(), pairs.end());
    std::vector<std::uint64_t> keys;
    std::vector<std::uint32_t> counts;
    keys.reserve(pairs.size()), counts.reserve(pairs.size());
    for (const auto& [k, n] : pairs) keys.push_back(k), counts.push_back(n);
    state_bytes::put_array(out, keys), state_bytes::put_array(out, counts);
}

// `what`: the field, for the message. A record counts a word once: no count exceeds the records.
details::FlatCounts read_counts(std::string_view in, std::size_t& pos, std::uint64_t records, const char* what) {
    std::vector<std::uint64_t> keys;
    std::vector<std::uint32_t> counts;
    state_bytes::get_array(in, pos, keys), state_bytes::get_array(in, pos, counts);
    auto bad = [&](const std::string& why) {
        return std::invalid_argument(std::string("matcher state: the vocabulary's ") + what + " counts " + why);
    };
    if (keys.size() != counts.size()) throw bad("have " + std::to_string(keys.size()) + " words and " +
                                                std::to_string(counts.size()) + " counts");
    details::FlatCounts c(keys.size());
    for (std::size_t i = 0; i < keys.size(); ++i) {
        if (!keys[i] || (i && keys[i] <= keys[i - 1])) throw bad("are not in key order (a key 0 or twice)");
        if (!counts[i] || counts[i] > records)
            throw bad("do not add up (a word in " + std::to_string(counts[i]) + " of " + std::to_string(records) +
                      " records)");
        c.add(keys[i], counts[i]);
    }
    return c;
}

}  // namespace

void FieldVocabulary::write(std::string& out) const {
    state_bytes::put<std::uint64_t>(out, records_);
    write_counts(out, counts_->title), write_counts(out, counts_->author), write_counts(out, counts_->venue);
    write_counts(out, counts_->venue_names);
    state_bytes::put<std::uint64_t>(out, counts_->authored), write_counts(out, counts_->authored_title);
}

void FieldVocabulary::read(std::string_view in, std::size_t& pos) {
    const auto records = state_bytes::get<std::uint64_t>(in, pos);
    auto counts = std::make_unique<FieldCounts>(0);
    counts->title = read_counts(in, pos, records, "title");
    counts->author = read_counts(in, pos, records, "author");
    counts->venue = read_counts(in, pos, records, "venue");
    counts->venue_names = read_counts(in, pos, records, "venue name");
    counts->authored = state_bytes::get<std::uint64_t>(in, pos);
    if (counts->authored > records) throw std::invalid_argument("matcher state: the vocabulary counts more records with authors than records");
    counts->authored_title = read_counts(in, pos, counts->authored, "authored title");
    counts_ = std::move(counts);  // only once every part is read: a failed read leaves these counts
    records_ = static_cast<std::size_t>(records);
}

void repair_fields(std::vector<MatchRecord>& records) {
    FieldVocabulary vocabulary(records.size());
    for (const MatchRecord& r : records) vocabulary.add(r);
    vocabulary.repair(records);
}

double token_overlap(const MatchRecord& a, const MatchRecord& b) {
    if (a.tokens.empty() || b.tokens.empty()) return -1.0;
    std::size_t both = 0;
    for (std::size_t i = 0, j = 0; i < a.tokens.size() && j < b.tokens.size();) {
        if (a.tokens[i] == b.tokens[j]) ++both, ++i, ++j;
        else if (a.tokens[i] < b.tokens[j]) ++i;
        else ++j;
    }
    const std::size_t either = a.tokens.size() + b.tokens.size() - both;
    return static_cast<double>(both) / static_cast<double>(either);
}

}  // namespace scholarmerge
