#include "match/markers.hpp"

#include <algorithm>
#include <cstdint>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

#include "scholarmerge/match/title.hpp"
#include "text/ascii.hpp"

namespace scholarmerge {

namespace {

// A marker as a value ("2" for "v2", "II", "second" and "2nd"; "++" for
// "c++") and the name it numbers ("zeroquant" for "zeroquantv2", the word
// before a bare "2"): a version only counts where the other title has that name.
struct Marker {
    std::string value;
    std::string_view anchor;
    std::size_t word = SIZE_MAX;  // its position among the title's words; SIZE_MAX: not a word ("c++")
    bool spellable = true;        // false for a number with a unit letter ("2d", "5g"): "two d" is no "2d"
    std::string_view text;        // the marker as written ("v2", "ii", "c++")
};

constexpr std::string_view kCardinals[] = {"zero", "one", "two", "three", "four", "five", "six", "seven", "eight",
                                           "nine", "ten", "eleven", "twelve"};
constexpr std::string_view kOrdinals[] = {"zeroth", "first", "second", "third", "fourth", "fifth", "sixth",
                                          "seventh", "eighth", "ninth", "tenth", "eleventh", "twelfth"};
constexpr std::string_view kRomans[] = {"", "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii"};

// Words that number things: a number after them is no version of a name.
constexpr std::string_view kNumbering[] = {"part", "volume", "vol", "chapter", "no", "number",
                                           "version", "v", "release", "phase", "book", "issue"};
// Of those, the ones that number parts of one work: "Part 2" is a part even where
// the other title says nothing ("X" and "X, Part II"), while a system name's
// number went with its name ("MPEG-7 Standard for ..." ~ "Standard for ...") and
// "Vol. 3" is often the journal's volume leaked into a title.
constexpr std::string_view kParts[] = {"part", "chapter", "phase", "release", "version"};

template <std::size_t N>
bool one_of(const std::string_view (&list)[N], std::string_view w) {
    return std::find(std::begin(list), std::end(list), w) != std::end(list);
}

bool ordinal_suffix(std::string_view s) { return s == "st" || s == "nd" || s == "rd" || s == "th"; }

bool has_letter(std::string_view w) { return std::any_of(w.begin(), w.end(), ascii::is_alpha); }

// The nearest word before `k` with a letter in it: what a bare number numbers.
std::string_view word_before(const std::vector<std::string_view>& words, std::size_t k) {
    while (k-- > 0)
        if (has_letter(words[k])) return words[k];
    return {};
}

std::vector<Marker> markers_of(const MatchRecord& r, const std::vector<std::string_view>& words) {
    std::vector<Marker> out;
    for (std::size_t k = 0; k < words.size(); ++k) {
        const std::string_view w = words[k];
        if (!std::binary_search(r.markers.begin(), r.markers.end(), w)) continue;
        const auto roman = std::find(std::begin(kRomans) + 1, std::end(kRomans), w);
        if (roman != std::end(kRomans)) {
            out.push_back({std::to_string(roman - std::begin(kRomans)), word_before(words, k), k, true, w});
            continue;
        }
        std::size_t first = 0;
        while (first < w.size() && !ascii::is_digit(w[first])) ++first;
        std::size_t last = w.size();
        while (last > first && !ascii::is_digit(w[last - 1])) --last;
        const std::string_view prefix = w.substr(0, first), suffix = w.substr(last);
        std::string value;
        for (char c : w.substr(first, last - first)) value += ascii::is_digit(c) ? c : '.';
        std::string_view anchor;
        if (suffix.empty() && prefix.size() >= 2) {
            anchor = prefix;  // "mpeg7", "zeroquantv2", "gpt4"
            if (anchor.size() > 2 && anchor.back() == 'v') anchor.remove_suffix(1);
        } else if (prefix.empty() || (prefix.size() == 1 && suffix.empty()) || ordinal_suffix(suffix)) {
            anchor = word_before(words, k);  // "2", "v2", "3d", "2layer", "5th"
        } else {
            anchor = w;  // letters on both sides ("b2b", "i3pob", "h2o"): a name of its own
        }
        out.push_back({std::move(value), anchor, k, suffix.size() != 1, w});
    }
    for (const std::string& m : r.markers)
        if (m.size() > 2 && m.compare(m.size() - 2, 2, "++") == 0)
            out.push_back({"++", std::string_view(m).substr(0, m.size() - 2), SIZE_MAX, false, m});
    return out;
}

// `word` spells the number `value` ("two", "second", "twolayer" for "2layer").
bool spells(std::string_view word, const std::string& value) {
    if (value.empty() || value.size() > 2 || !std::all_of(value.begin(), value.end(), ascii::is_digit)) return false;
    const std::size_t n = static_cast<std::size_t>(std::stoi(value));
    if (n >= std::size(kCardinals)) return false;
    for (std::string_view name : {kCardinals[n], kOrdinals[n]})
        if (word.compare(0, name.size(), name) == 0 &&
            (word.size() == name.size() || (word.size() >= name.size() + 3 && name == kCardinals[n])))
            return true;
    return false;
}

// Whether x's marker `m` tells x from y: y has no other marker of that value, does not
// spell it out, and has the name it numbers. A marker whose name y lacks went
// with its name ("MPEG-7 Standard for ..." ~ "Standard for ..."), a number of a
// name y does not have ("PAWS-2000"). A second or later part is one whether or
// not y names parts; a first part may be the whole title's only part.
bool distinguishes(const Marker& m, const std::vector<const Marker*>& y_markers,
                   const std::vector<std::string_view>& y_words) {
    for (const Marker* o : y_markers)
        if (o->value == m.value) return false;
    bool named = m.anchor.empty() || (one_of(kParts, m.anchor) && m.value != "1" && m.value != "0");
    for (std::string_view w : y_words) {
        if (m.spellable && spells(w, m.value)) return false;
        named = named || w.compare(0, m.anchor.size(), m.anchor) == 0;
    }
    return named;
}

// A bare number inside x's title where y's has nothing: a footnote mark or
// page number leaked into a citation ("Weakly Learning DNF 10 and
// Characterizing ..."), not a version. Not first or last, not after a word that
// numbers things ("Part 2"), not in a system name ("ZeroQuant(4+2): ..."), and
// its neighbours side by side in y's title: "Top 10 Algorithms" is not "Top 20
// Algorithms".
bool stray_number(const Marker& m, const MatchRecord& x, const std::vector<std::string_view>& words,
                  const MatchRecord& y) {
    const std::size_t k = m.word;
    if (k == SIZE_MAX || k == 0 || k + 1 >= words.size()) return false;
    const std::string_view w = words[k];
    if (!std::all_of(w.begin(), w.end(), ascii::is_digit)) return false;
    if (static_cast<std::size_t>(w.data() - x.title.data()) <= x.name.size()) return false;
    if (one_of(kNumbering, words[k - 1])) return false;
    const std::string other = " " + y.title + " ";
    return other.find(" " + std::string(words[k - 1]) + " " + std::string(words[k + 1]) + " ") != std::string::npos;
}

// x's markers that tell it from y, less the stray numbers: true when there are any.
bool own_markers(const MatchRecord& x, const std::vector<std::string_view>& x_words, const std::vector<Marker>& mine,
                 const MatchRecord& y, const std::vector<std::string_view>& y_words, const std::vector<Marker>& theirs,
                 bool& strays_only) {
    // A marker both titles write alike after the same word ("db2", "smart 2")
    // answers for itself only: "DB2 Parallel Edition II" is no "DB2 Parallel Edition".
    auto same = [](const Marker& p, const Marker& q) { return p.text == q.text && p.anchor == q.anchor; };
    auto in = [&](const Marker& m, const std::vector<Marker>& list) {
        return std::any_of(list.begin(), list.end(), [&](const Marker& o) { return same(m, o); });
    };
    std::vector<const Marker*> unpaired;
    for (const Marker& o : theirs)
        if (!in(o, mine)) unpaired.push_back(&o);
    bool any = false;
    strays_only = true;
    for (const Marker& m : mine) {
        auto misread = [&](std::string_view w) { return misread_word(m.text, w); };
        if (!in(m, theirs) && std::none_of(y_words.begin(), y_words.end(), misread) &&
            distinguishes(m, unpaired, y_words)) {
            any = true;
            strays_only = strays_only && stray_number(m, x, x_words, y);
        }
    }
    return any;
}

// A digit OCR reads for a letter that looks alike in print: the letters it may be.
std::string_view misread_as(char digit) {
    switch (digit) {
        case '0': return "o";
        case '1': return "li";
        case '5': return "s";
        case '8': return "b";
        default: return {};
    }
}

}  // namespace

bool misread_word(std::string_view seen, std::string_view word) {
    if (seen.size() != word.size() || seen == word) return false;
    const auto digits = static_cast<std::size_t>(std::find_if_not(seen.begin(), seen.end(), ascii::is_digit) - seen.begin());
    if (std::count_if(seen.begin(), seen.end(), ascii::is_alpha) < 2 || (digits > 0 && ordinal_suffix(seen.substr(digits))))
        return false;  // "b2" is no misread "bz", "10th" a number
    for (std::size_t k = 0; k < seen.size(); ++k)
        if (seen[k] != word[k] && !(ascii::is_digit(seen[k]) && misread_as(seen[k]).find(word[k]) != std::string_view::npos))
            return false;
    return true;
}

bool same_markers(const MatchRecord& a, const MatchRecord& b) {
    if (a.markers == b.markers) return true;  // most pairs: none on either side
    const std::vector<std::string_view> a_words = title_words(a.title), b_words = title_words(b.title);
    const std::vector<Marker> x = markers_of(a, a_words), y = markers_of(b, b_words);
    bool a_strays = true, b_strays = true;
    const bool a_own = own_markers(a, a_words, x, b, b_words, y, a_strays);
    const bool b_own = own_markers(b, b_words, y, a, a_words, x, b_strays);
    // "GPT-2" and "GPT-3", "Part I" and "Part II"; stray numbers on both sides are debris.
    if (a_own && b_own) return a_strays && b_strays;
    return a_own ? a_strays : b_own ? b_strays : true;
}

}  // namespace scholarmerge
