#include "front_matter.hpp"

#include "text/lines.hpp"

namespace scholarmerge::detail {

namespace {

using text::trim;

std::size_t indent_of(std::string_view s) {
    std::size_t n = 0;
    while (n < s.size() && s[n] == ' ') ++n;
    return n;
}

// A scalar as written after "key:": quotes and anchors removed, comments cut.
std::string scalar(std::string_view v) {
    v = trim(v);
    if (!v.empty() && v.front() == '&') {  // "&name "Your Name"": an anchor, then the value
        std::size_t space = v.find(' ');
        v = space == std::string_view::npos ? std::string_view() : trim(v.substr(space));
    }
    if (v.size() >= 2 && v.front() == '\'') {
        std::string out;
        for (std::size_t i = 1; i < v.size(); ++i) {
            if (v[i] == '\'') {
                if (i + 1 < v.size() && v[i + 1] == '\'') {
                    out += '\'';
                    ++i;
                    continue;
                }
                break;
            }
            out += v[i];
        }
        return out;
    }
    if (v.size() >= 2 && v.front() == '"') {
        std::string out;
        for (std::size_t i = 1; i < v.size(); ++i) {
            if (v[i] == '\\' && i + 1 < v.size()) {
                char n = v[++i];
                out += n == 'n' ? '\n' : n == 't' ? '\t' : n;
                continue;
            }
            if (v[i] == '"') break;
            out += v[i];
        }
        return out;
    }
    // Plain: a comment starts at " #".
    if (auto hash = v.find(" #"); hash != std::string_view::npos) v = trim(v.substr(0, hash));
    if (!v.empty() && v.front() == '#') return "";
    return std::string(v);
}

}  // namespace

std::vector<YamlField> parse_yaml(std::string_view text) {
    std::vector<YamlField> out;
    auto lines = text::split_lines(text);
    // The keys of the maps the current line is nested in, with their indents.
    std::vector<std::pair<std::size_t, std::string>> parents;
    std::ptrdiff_t list_into = -1;  // the key a "- item" line belongs to: the last one without a value
    for (std::size_t i = 0; i < lines.size(); ++i) {
        std::string_view raw = lines[i].text;
        std::string_view t = trim(raw);
        if (t.empty() || t.front() == '#') continue;
        std::size_t indent = indent_of(raw);
        while (!parents.empty() && parents.back().first >= indent) parents.pop_back();
        std::string prefix;
        for (const auto& p : parents) prefix += p.second + ".";
        if (t.front() == '-') {
            // A list item under the last key without a value: joined into its value.
            if (list_into >= 0) {
                std::string item = scalar(t.substr(1));
                std::string& value = out[static_cast<std::size_t>(list_into)].value;
                if (!item.empty()) (value.empty() ? value : value += "; ") += item;
            }
            continue;
        }
        std::size_t colon = t.find(':');
        while (colon != std::string_view::npos && colon + 1 < t.size() && t[colon + 1] != ' ') colon = t.find(':', colon + 1);
        if (colon == std::string_view::npos || t.front() == '"' || t.front() == '\'') continue;
        std::string key(trim(t.substr(0, colon)));
        std::string_view rest = trim(t.substr(colon + 1));
        YamlField f{prefix + key, "", lines[i].number};
        if (rest == ">" || rest == "|" || rest == ">-" || rest == "|-" || rest == ">+" || rest == "|+") {
            // A block scalar: the more indented lines that follow.
            bool folded = rest.front() == '>';
            std::string value;
            while (i + 1 < lines.size() &&
                   (trim(lines[i + 1].text).empty() || indent_of(lines[i + 1].text) > indent)) {
                ++i;
                std::string_view l = trim(lines[i].text);
                if (!value.empty()) value += folded ? (l.empty() ? "\n" : " ") : "\n";
                value += l;
            }
            f.value = std::string(trim(value));
            out.push_back(std::move(f));
            list_into = -1;
            continue;
        }
        f.value = scalar(rest);
        bool opens_map = rest.empty() || (rest.front() == '&' && rest.find(' ') == std::string_view::npos);
        out.push_back(std::move(f));
        list_into = opens_map ? static_cast<std::ptrdiff_t>(out.size() - 1) : -1;
        if (opens_map) parents.emplace_back(indent, key);
    }
    return out;
}

FrontMatter front_matter(std::string_view text) {
    FrontMatter fm;
    // A byte-order mark or blank lines before the first "---" are allowed.
    std::size_t start = 0;
    if (text.substr(0, 3) == "\xEF\xBB\xBF") start = 3;
    auto lines = text::split_lines(text.substr(start));
    std::size_t i = 0;
    while (i < lines.size() && trim(lines[i].text).empty()) ++i;
    if (i >= lines.size() || trim(lines[i].text) != "---") {
        fm.body = text;
        return fm;
    }
    fm.present = true;
    std::size_t first = i + 1, end = first;
    while (end < lines.size() && trim(lines[end].text) != "---" && trim(lines[end].text) != "...") ++end;
    fm.closed = end < lines.size();
    if (first < lines.size()) {
        const char* from = lines[first].text.data();
        const char* to = end < lines.size() ? lines[end].text.data() : text.data() + text.size();
        fm.fields = parse_yaml(std::string_view(from, static_cast<std::size_t>(to - from)));
        for (auto& f : fm.fields) f.line += lines[first].number - 1;
    }
    if (fm.closed && end + 1 < lines.size()) {
        fm.body_line = lines[end + 1].number;
        fm.body = text.substr(static_cast<std::size_t>(lines[end + 1].text.data() - text.data()));
    } else {
        fm.body_line = static_cast<int>(lines.size()) + 1;
    }
    return fm;
}

const YamlField* FrontMatter::find(std::string_view key) const {
    for (const auto& f : fields)
        if (f.key == key) return &f;
    return nullptr;
}

std::string FrontMatter::get(std::string_view key) const {
    const YamlField* f = find(key);
    return f ? f->value : std::string();
}

}  // namespace scholarmerge::detail
