// The data model shared by every stage: what a reader produces and what
// matching, clustering and merging consume.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace scholarmerge {

// A loosely typed field value (profile metrics, format-specific extras).
using Value = std::variant<std::monostate, bool, std::int64_t, double, std::string>;
using ValueMap = std::map<std::string, Value>;
using StringMap = std::map<std::string, std::string>;

struct Author {
    std::string raw;       // as written in the source, markup included
    std::string display;   // markup removed: "Z. Yao"
    std::string given;     // "Zhewei", "Z.", "" when unknown
    std::string surname;   // "Yao"
    std::string initials;  // "Z", "MW"
    std::string suffix;    // "Jr.", "III"
    std::string key;       // canonical blocking key: folded surname + first initial
    std::string id;        // the source's identifier for the person: ORCID, OpenAlex or S2 author id
    std::vector<std::string> affiliations;  // as the source names them
    bool equal_contribution = false;  // marked with * / <sup>*</sup>
    bool highlighted = false;         // set in bold (the page owner)
};

struct Work {
    std::string title;  // display text: markup removed, entities decoded
    std::vector<Author> authors;
    bool authors_truncated = false;  // an "et al." was seen
    std::optional<int> year;
    std::string date;  // ISO 8601: YYYY, YYYY-MM or YYYY-MM-DD; empty when unknown
    std::string venue;
    std::string abstract;
    std::string category;
    StringMap ids;    // doi, arxiv, openalex, s2, ... as bare identifiers
    StringMap links;  // code, pdf, arxiv, ...
    std::string source;         // path or given name
    std::string source_format;  // "bzpeer", "listing", ...
    int source_line = 0;        // 1-based line where the entry starts
    ValueMap extra;             // format-specific fields
};

// A text field of `extra` under the first of `keys` present: formats name one
// field differently (BibTeX "pages", CSL and Crossref "page"). "" when none.
std::string_view extra_text(const Work& w, std::initializer_list<std::string_view> keys);

enum class Severity { info, warning, error };
const char* to_string(Severity s);

struct Diagnostic {
    std::string source;
    int line = 0;
    Severity severity = Severity::warning;
    std::string message;
};

// One per profile page: whose page it is and the numbers the site shows.
struct ProfileHeader {
    std::string name;
    std::string source;
    std::string source_format;
    bool inferred = false;  // the page does not name its owner; taken from the entries
    ValueMap metrics;       // works, followers, h_index, citations, ...
};

// Everything read from one or more inputs, in input order.
struct Corpus {
    std::vector<Work> works;
    std::vector<Diagnostic> diagnostics;
    std::vector<ProfileHeader> profiles;

    void append(Corpus&& other);
    std::size_t size() const { return works.size(); }
};

}  // namespace scholarmerge
