// The YAML that Jekyll sites keep in front matter and _config.yml, as far as
// those use it: "key: value" (plain, '...' or "..." quoted, with an &anchor),
// block scalars (> and |), nested maps by indentation ("author.name") and
// lists of scalars ("- item"). No full YAML: what a site's metadata holds.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace scholarmerge::detail {

struct YamlField {
    std::string key;    // the path: "title", "author.name"
    std::string value;  // a list's items joined with "; "
    int line = 0;       // 1-based, of the key
};

struct FrontMatter {
    bool present = false;  // the text starts with a "---" line
    bool closed = false;   // and a second "---" (or "...") line ends it
    std::vector<YamlField> fields;
    int body_line = 1;          // first line after the front matter
    std::string_view body;      // the text after it

    const YamlField* find(std::string_view key) const;
    std::string get(std::string_view key) const;  // "" when absent
};

// YAML mappings in `text`, lines numbered from 1.
std::vector<YamlField> parse_yaml(std::string_view text);

// The front matter of a Markdown page.
FrontMatter front_matter(std::string_view text);

}  // namespace scholarmerge::detail
