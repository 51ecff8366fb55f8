#include <cctype>
#include "json_input.hpp"

#include <algorithm>
#include <cstring>

#include "text/lines.hpp"
#include "text/ascii.hpp"

namespace scholarmerge::detail {

namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

std::string_view trim_json(std::string_view s) {
    while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
    while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
    return s;
}

// The comma-separated items of the array or object whose opening bracket is
// text[0]: a structural scan that knows strings and nesting, nothing more, so
// that a record cut off by truncation costs that record and not the file.
struct Items {
    std::vector<std::string_view> items;
    bool complete = false;  // the closing bracket was found
};

Items split_items(std::string_view text) {
    Items out;
    int depth = 0;
    bool in_string = false, escaped = false;
    std::size_t start = std::string_view::npos;
    auto flush = [&](std::size_t end) {
        if (start != std::string_view::npos) out.items.push_back(trim_json(text.substr(start, end - start)));
        start = std::string_view::npos;
    };
    for (std::size_t i = 1; i < text.size(); ++i) {
        char c = text[i];
        if (in_string) {
            if (escaped) escaped = false;
            else if (c == '\\') escaped = true;
            else if (c == '"') in_string = false;
            continue;
        }
        if (depth == 0 && start == std::string_view::npos && !is_space(c) && c != ',' && c != ']' && c != '}')
            start = i;
        if (c == '"') {
            in_string = true;
        } else if (c == '{' || c == '[') {
            ++depth;
        } else if (c == '}' || c == ']') {
            if (depth == 0) {
                flush(i);
                out.complete = true;
                return out;
            }
            --depth;
        } else if (c == ',' && depth == 0) {
            flush(i);
        }
    }
    flush(text.size());
    return out;
}

// A JSON string token's raw content, for comparing envelope keys.
std::string_view key_of(std::string_view member, std::string_view& value) {
    value = {};
    if (member.empty() || member.front() != '"') return {};
    std::size_t end = 1;
    while (end < member.size() && member[end] != '"') end += member[end] == '\\' ? 2 : 1;
    if (end >= member.size()) return {};
    std::string_view rest = trim_json(member.substr(end + 1));
    if (rest.empty() || rest.front() != ':') return {};
    value = trim_json(rest.substr(1));
    return member.substr(1, end - 1);
}

// 1-based line of a pointer into the text; queries mostly move forward.
class LineCounter {
public:
    explicit LineCounter(std::string_view text) : text_(text) {}
    int line_of(const char* p) {
        std::size_t target = static_cast<std::size_t>(p - text_.data());
        if (target < pos_) pos_ = 0, line_ = 1;
        line_ += static_cast<int>(std::count(text_.begin() + static_cast<long>(pos_),
                                             text_.begin() + static_cast<long>(target), '\n'));
        pos_ = target;
        return line_;
    }

private:
    std::string_view text_;
    std::size_t pos_ = 0;
    int line_ = 1;
};


// A JSON scalar token as text: a string's content (escapes other than \" and
// \\ kept as written: this is for messages), a number or literal as is.
std::string scalar_text(std::string_view token) {
    if (token.size() < 2 || token.front() != '"') return std::string(token);
    std::string out;
    for (std::size_t i = 1; i + 1 < token.size(); ++i) {
        if (token[i] == '\\' && i + 2 < token.size() && (token[i + 1] == '"' || token[i + 1] == '\\')) ++i;
        out += token[i];
    }
    return out;
}

bool is_null_token(std::string_view v) { return v.empty() || v == "null" || v == "false" || v == "\"\"" || v == "[]" || v == "{}"; }

// The pagination members of an envelope: S2's offset/next/total (and its
// bulk search's token), OpenAlex's meta, Crossref's next-cursor.
struct Page {
    std::string next;  // S2's next offset or bulk-search token, a cursor
    long long offset = -1, total = -1, page = 0, per_page = 0;
    std::size_t groups = 0;  // OpenAlex group_by: counts per group, no records

    static long long number(std::string_view v) {
        std::string t = scalar_text(v);
        if (t.empty() || t.size() > 15 || !std::all_of(t.begin(), t.end(), ascii::is_digit)) return -1;
        return std::stoll(t);
    }
    // S2 {offset, next, total, token}; OpenAlex {meta: {count, page, per_page, next_cursor}, group_by};
    // Crossref {total-results, items-per-page, query: {start-index}, next-cursor}.
    void note(std::string_view key, std::string_view value, int depth = 0) {
        if (value.empty() || is_null_token(value)) return;
        if (value.front() == '{') {
            if (depth == 0 && (key == "meta" || key == "query"))
                for (std::string_view m : split_items(value).items) {
                    std::string_view v;
                    std::string_view k = key_of(m, v);
                    note(k, v, depth + 1);
                }
            return;
        }
        if (value.front() == '[') {
            if (key == "group_by" || key == "groups") groups = split_items(value).items.size();
            return;
        }
        if (key == "offset" || key == "start-index") offset = number(value);
        else if (key == "next" || key == "token" || key == "next_cursor" || key == "next-cursor") next = scalar_text(value);
        else if (key == "total" || key == "total-results" || key == "count") total = number(value);
        else if (key == "page") page = number(value);
        else if (key == "per_page") per_page = number(value);
    }
    long long start() const {
        if (offset >= 0) return offset;
        return page > 0 && per_page > 0 ? (page - 1) * per_page : 0;
    }
    // More records exist than this page holds: by the count when there is
    // one, else by a next page named (S2 leaves "next" out on the last page).
    bool more(std::size_t n) const {
        if (total >= 0) return start() + static_cast<long long>(n) < total;
        return !next.empty();
    }
    std::string describe(std::size_t n) const {
        std::string s = "one page of a paginated response";
        if (total >= 0)
            s += ": records " + std::to_string(start() + 1) + "-" + std::to_string(start() + static_cast<long long>(n)) +
                 " of " + std::to_string(total);
        if (!next.empty()) s += "; the next page (" + (next.size() > 40 ? next.substr(0, 40) + "..." : next) + ")";
        return s + (total >= 0 ? "; the others are not in this input" : " and those after it are not in this input");
    }
};

}  // namespace

std::string api_error_message(std::string_view doc) {
    doc = trim_json(doc);
    // Error bodies are short; a page of records is not scanned twice.
    if (doc.size() < 2 || doc.size() > 65536 || doc.front() != '{') return "";
    static constexpr std::string_view allowed[] = {
        "error", "errors", "message", "messages", "code", "status", "statusCode", "status_code", "detail",
        "details", "type", "title", "reason", "message-type", "request_id", "requestId", "timestamp", "path",
        "hint", "error_description", "documentation_url"};
    Items members = split_items(doc);
    bool failed = false;
    std::string message, fallback;
    for (std::string_view m : members.items) {
        std::string_view value;
        std::string_view key = key_of(m, value);
        if (key.empty() && m.empty()) continue;
        if (std::find(std::begin(allowed), std::end(allowed), key) == std::end(allowed)) return "";
        if (is_null_token(value)) continue;
        bool scalar = value.front() != '{' && value.front() != '[';
        bool text = value.front() == '"';
        if (key == "error" || key == "errors" || key == "error_description") {
            failed = true;
            if (text && message.empty()) message = scalar_text(value);
        } else if (key == "status" || key == "statusCode" || key == "status_code" || key == "code") {
            std::string v = scalar_text(value);
            if (v == "failed" || v == "error" || v == "fail" ||
                (v.size() == 3 && std::all_of(v.begin(), v.end(), ascii::is_digit) && v[0] >= '4'))
                failed = true;
        } else if (key == "message" || key == "detail" || key == "reason") {
            // {"message": "Forbidden"} alone is an error; Crossref's
            // {"status": "ok", "message": {...}} is not, its message an object.
            if (text) failed = true, message += (message.empty() ? "" : "; ") + scalar_text(value);
        }
        if (!scalar && fallback.empty()) {
            // Crossref: "message": [{"type": ..., "message": "..."}]: the first message inside.
            std::size_t at = value.find("\"message\"");
            if (at != std::string_view::npos) {
                std::string_view rest;
                key_of(value.substr(at), rest);
                std::size_t end = rest.find('"', 1);
                while (end != std::string_view::npos && rest[end - 1] == '\\') end = rest.find('"', end + 1);
                if (!rest.empty() && rest.front() == '"' && end != std::string_view::npos)
                    fallback = scalar_text(rest.substr(0, end + 1));
            }
        }
    }
    if (!failed) return "";
    if (message.empty()) message = fallback;
    if (message.empty()) message = std::string(doc.substr(0, 120));
    if (message.size() > 200) message = message.substr(0, 200) + "...";
    return "'" + message + "'";
}

namespace {

class Walker {
public:
    Walker(std::string_view padded_text, const char* padded_end, ReadContext& ctx,
           std::initializer_list<std::string_view> envelopes, RecordReader read, bool untitled_warning)
        : text_(padded_text),
          end_(padded_end),
          ctx_(ctx),
          envelopes_(envelopes),
          read_(read),
          untitled_warning_(untitled_warning),
          lines_(padded_text) {
        for (auto e : envelopes) quoted_envelopes_.push_back("\"" + std::string(e) + "\"");
    }

    void run() {
        std::string_view t = trim_json(text_);
        if (t.empty()) return;
        if (!is_json_lines(t)) return document(t);
        // Line by line; each record's line is known, no counting needed.
        line_ = 1;
        for (std::size_t pos = 0; pos < text_.size(); ++line_) {
            std::size_t end = text_.find('\n', pos);
            if (end == std::string_view::npos) end = text_.size();
            std::string_view l = trim_json(text_.substr(pos, end - pos));
            if (!l.empty()) document(l);
            pos = end + 1;
        }
    }

private:
    // In JSON Lines every record sits on the current line; elsewhere count.
    int line_of(std::string_view s) { return line_ > 0 ? line_ : lines_.line_of(s.data()); }

    void document(std::string_view doc) {
        if (doc.front() == '[') {
            array(doc, 0);
            return;
        }
        if (doc.front() == '{') return item(doc, 0);
        ctx_.warn(line_of(doc), "unreadable record (not a JSON object or array): '" +
                                    std::string(doc.substr(0, 60)) + "'");
    }

    // An object: a record, an envelope of records, or an API error body.
    void item(std::string_view doc, int depth) {
        // Read as a record first: nearly every object is one. The read
        // stops at a top-level envelope key, and only then, or when it
        // fails, is the object looked at as an envelope.
        if (envelopes_.size() == 0 || depth > 3) return record(doc);
        if (read_record(doc, true)) return;
        if (api_error(doc)) return;
        // API envelopes name their records near the top, after a little
        // metadata ({"meta": {...}, "results": [...]}); records rarely use these keys.
        // memmem skips ahead where string_view::find would stop at every '"' of the 4 KB.
        std::string_view head = doc.substr(0, 4096);
        for (const std::string& key : quoted_envelopes_)
            if (memmem(head.data(), head.size(), key.data(), key.size())) return object(doc, depth);
        record(doc);
    }

    // An error body ({"error": ...}, {"message": "Forbidden"}) is reported
    // as what it is, at its line, and never read as a work.
    bool api_error(std::string_view doc) {
        std::string message = api_error_message(doc);
        if (message.empty()) return false;
        ctx_.diagnose(line_of(doc), Severity::error, "API error response, no records: " + message);
        return true;
    }

    // The items of an array, read; returns how many there were.
    std::size_t array(std::string_view doc, int depth) {
        Items items = split_items(doc);
        std::size_t n = 0;
        for (std::string_view it : items.items) {
            if (it.empty()) continue;
            ++n;
            if (it == "null") ctx_.diagnose(line_of(it), Severity::info, "null item in array (nothing to read)");
            else if (it.front() == '{') item(it, depth + 1);
            else ctx_.warn(line_of(it), "unreadable record (not a JSON object): '" +
                                              std::string(it.substr(0, 60)) + "'");
        }
        if (!items.complete)
            ctx_.warn(line_of(doc), "truncated JSON: the array starting on this line is not closed; "
                                    "its complete records were read");
        return n;
    }

    // An envelope (a page of results) or, failing that, one record.
    void object(std::string_view doc, int depth) {
        // Envelopes nest once or twice (Crossref's message.items); deeper is a record.
        if (depth > 3) return record(doc);
        Items members = split_items(doc);
        Page page;
        for (std::string_view m : members.items) {
            std::string_view value;
            std::string_view key = key_of(m, value);
            page.note(key, value);
        }
        if (page.groups > 0) {
            // OpenAlex's group_by: a count per group, which no reader turns into works.
            ctx_.warn(line_of(doc), "a group-by response (" + std::to_string(page.groups) +
                                        " groups of counts), no records");
            return;
        }
        for (std::string_view m : members.items) {
            std::string_view value;
            std::string_view key = key_of(m, value);
            if (value.empty() || std::find(envelopes_.begin(), envelopes_.end(), key) == envelopes_.end()) continue;
            if (value.front() == '{') return object(value, depth + 1);
            if (value.front() != '[') continue;
            std::size_t n = array(value, depth);
            if (page.more(n)) ctx_.diagnose(line_of(doc), Severity::info, page.describe(n));
            else if (n == 0) ctx_.diagnose(line_of(doc), Severity::info, "the response holds no records");
            return;
        }
        record(doc);
    }

    void record(std::string_view raw) { read_record(raw, false); }

    // Reads one record. A first try stops at an envelope key and, failed or
    // stopped, leaves no trace: false, for the caller to look further.
    bool read_record(std::string_view raw, bool first_try) {
        int line = line_of(raw);
        od::document doc;
        od::object obj;
        std::string problem;
        // Read straight into the output (the readers leave its provenance
        // alone); a record that turns out unreadable is taken back out.
        Work& w = ctx_.add_work(line);
        auto capacity = static_cast<std::size_t>(end_ - raw.data());
        if (auto error = parser_.iterate(raw.data(), raw.size(), capacity).get(doc)) {
            problem = simdjson::error_message(error);
        } else if (doc.get_object().get(obj)) {
            problem = "not a JSON object";
        } else {
            ctx_.stop_keys.clear();
            if (first_try) ctx_.stop_keys.assign(envelopes_.begin(), envelopes_.end());
            problem = read_(obj, w, ctx_);
        }
        if (!problem.empty()) {
            ctx_.out.works.pop_back();
            if (first_try) return false;
            ctx_.warn(line, "unreadable record (" + problem + "): '" + std::string(raw.substr(0, 60)) + "'");
            return true;
        }
        if (w.title.empty() && w.ids.empty() && w.authors.empty() && !api_error_message(raw).empty()) {
            ctx_.out.works.pop_back();
            if (first_try) return false;
            api_error(raw);
            return true;
        }
        if (w.title.empty() && untitled_warning_) ctx_.warn(line, "record has no title");
        return true;
    }

    std::string_view text_;
    const char* end_;
    ReadContext& ctx_;
    std::initializer_list<std::string_view> envelopes_;
    std::vector<std::string> quoted_envelopes_;  // "\"results\"", as they appear in the text
    RecordReader read_;
    bool untitled_warning_;
    LineCounter lines_;
    int line_ = 0;  // the current line when reading JSON Lines, else 0
    od::parser parser_;
};

bool all_digits(std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

void read_json_records(std::string_view text, ReadContext& ctx, std::initializer_list<std::string_view> envelopes,
                       RecordReader read, bool untitled_warning) {
    // simdjson reads ahead of a record's end: with padding after the text
    // (FileReader's pieces) records are parsed in place, else in one copy.
    if (ctx.padding >= simdjson::SIMDJSON_PADDING) {
        Walker(text, text.data() + text.size() + ctx.padding, ctx, envelopes, read, untitled_warning).run();
        return;
    }
    simdjson::padded_string padded(text);
    std::string_view view(padded.data(), padded.size());
    Walker(view, padded.data() + padded.size() + simdjson::SIMDJSON_PADDING, ctx, envelopes, read, untitled_warning).run();
}

bool is_json_lines(std::string_view text) {
    // The first line a whole object, or (when it is damaged) the next line
    // starting another one. Pretty-printed JSON breaks lines after "{", "[",
    // "," or ":" instead.
    std::string_view t = trim_json(text);
    std::size_t end = t.find('\n');
    if (end == std::string_view::npos) return false;
    std::string_view first = trim_json(t.substr(0, end));
    if (first.size() < 2 || first.front() != '{') return false;
    if (first.back() == '}') return true;
    if (std::strchr("{[,:", first.back())) return false;
    std::string_view rest = trim_json(t.substr(end));
    return !rest.empty() && rest.front() == '{';
}

bool looks_like_json_with(std::string_view text, std::initializer_list<std::string_view> all,
                          std::initializer_list<std::string_view> any) {
    std::string_view head = trim_json(text.substr(0, 8192));
    if (head.empty() || (head.front() != '{' && head.front() != '[')) return false;
    for (auto s : all)
        if (head.find(s) == std::string_view::npos) return false;
    if (any.size() == 0) return true;
    for (auto s : any)
        if (head.find(s) != std::string_view::npos) return true;
    return false;
}

std::string_view first_value_of(std::string_view text, std::string_view key) {
    std::string_view head = text.substr(0, 8192);
    std::string quoted = "\"" + std::string(key) + "\"";
    for (std::size_t at = head.find(quoted); at != std::string_view::npos; at = head.find(quoted, at + 1)) {
        std::size_t i = at + quoted.size();
        while (i < head.size() && std::isspace(static_cast<unsigned char>(head[i]))) ++i;
        if (i >= head.size() || head[i] != ':') continue;  // the key written as a value
        ++i;
        while (i < head.size() && std::isspace(static_cast<unsigned char>(head[i]))) ++i;
        return head.substr(i);
    }
    return {};
}

std::string_view json_string_at(std::string_view v) {
    if (v.empty() || v.front() != '"') return {};
    std::size_t end = v.find('"', 1);
    return end == std::string_view::npos ? std::string_view{} : v.substr(1, end - 1);
}

bool get_text(od::value v, std::string& out) {
    std::string_view s;
    if (!get_view(v, s)) return false;
    out.assign(s);
    return true;
}

bool get_id_view(od::value v, std::string_view& out, std::string& number) {
    od::json_type t;
    if (v.type().get(t)) return false;
    if (t == od::json_type::number) {
        std::int64_t i;
        if (v.get_int64().get(i)) return false;
        number = std::to_string(i);
        out = number;
        return true;
    }
    return get_view(v, out);
}

bool get_id(od::value v, std::string& out) {
    std::string_view id;
    std::string number;
    if (!get_id_view(v, id, number)) return false;
    out.assign(id);
    return true;
}

bool get_int(od::value v, std::optional<std::int64_t>& out) {
    od::json_type t;
    if (v.type().get(t)) return false;
    switch (t) {
        case od::json_type::null: out.reset(); return true;
        case od::json_type::number: {
            double d;
            if (v.get_double().get(d) || d != static_cast<double>(static_cast<std::int64_t>(d))) return false;
            out = static_cast<std::int64_t>(d);
            return true;
        }
        case od::json_type::string: {
            std::string_view s;
            if (v.get_string().get(s)) return false;
            if (s.empty()) return out.reset(), true;
            if (!all_digits(s) || s.size() > 12) return false;
            out = std::stoll(std::string(s));
            return true;
        }
        default: return false;
    }
}

// One string, kept even when empty, or an array of strings, its empty ones
// left out: each read by get (get_text copies and cleans, get_view does not).
template <class T, class Get>
bool get_strings(od::value v, std::vector<T>& out, Get get) {
    od::json_type t;
    if (v.type().get(t)) return false;
    auto one = [&](od::value x, bool keep_empty) {
        T s;
        if (!get(x, s)) return false;
        if (keep_empty || !s.empty()) out.push_back(std::move(s));
        return true;
    };
    if (t == od::json_type::string) return one(v, true);
    return each_item(v, [&](od::value x) { return one(x, false); });
}

bool get_texts(od::value v, std::vector<std::string>& out) {
    return get_strings(v, out, [](od::value x, std::string& s) { return get_text(x, s); });
}

bool get_views(od::value v, std::vector<std::string_view>& out) {
    return get_strings(v, out, [](od::value x, std::string_view& s) { return get_view(x, s); });
}

bool get_first_text(od::value v, std::string& out) {
    std::vector<std::string> all;
    if (!get_texts(v, all)) return false;
    out = all.empty() ? std::string() : all.front();
    return true;
}

void set_date(Work& w, std::string_view iso) {
    iso = trim_json(iso);
    if (iso.size() < 4 || !all_digits(iso.substr(0, 4))) return;
    auto digit = [&](std::size_t i) { return iso[i] - '0'; };
    w.year = ((digit(0) * 10 + digit(1)) * 10 + digit(2)) * 10 + digit(3);
    std::string date(iso.substr(0, 4));
    for (std::size_t pos = 4; pos + 1 < iso.size() && iso[pos] == '-' && date.size() < 10;) {
        std::size_t end = pos + 1;
        while (end < iso.size() && ascii::is_digit(iso[end])) ++end;
        std::size_t digits = end - pos - 1;
        if (digits == 0 || digits > 2) break;
        int n = digits == 1 ? digit(pos + 1) : digit(pos + 1) * 10 + digit(pos + 2);
        if (n < 1 || n > (date.size() == 4 ? 12 : 31)) break;
        date += '-';
        date += static_cast<char>('0' + n / 10);
        date += static_cast<char>('0' + n % 10);
        pos = end;
    }
    w.date = std::move(date);
}

void reconcile_year(Work& w, std::optional<std::int64_t> year) {
    if (!year || (w.year && *w.year == *year)) return;
    w.year = static_cast<int>(*year);
    w.date = std::to_string(*year);
}

bool get_date_parts(od::value v, Work& w) {
    return each_field(v, [&](std::string_view key, od::value x) {
        if (key == "date-parts") {
            // [[2021, 3, 4]]; parts may be strings or null in the wild.
            std::vector<std::int64_t> parts;
            bool first = true;
            bool ok = each_item(x, [&](od::value row) {
                if (!first) return true;
                first = false;
                return each_item(row, [&](od::value p) {
                    std::optional<std::int64_t> n;
                    if (!get_int(p, n)) return false;
                    if (n) parts.push_back(*n);
                    return true;
                });
            });
            if (!ok) return false;
            if (!parts.empty() && parts[0] > 0 && parts[0] < 10000) {
                std::string iso = std::to_string(parts[0]);
                for (std::size_t i = 1; i < parts.size() && i < 3; ++i) iso += "-" + std::to_string(parts[i]);
                set_date(w, iso);
            }
            return true;
        }
        if (key == "raw" || key == "literal") {
            std::string s;
            if (!get_text(x, s)) return false;
            if (!w.year) set_date(w, s);
        }
        return true;
    });
}

std::string bare_doi(std::string_view s) {
    s = trim_json(s);
    for (std::string_view p : {"https://doi.org/", "http://doi.org/", "https://dx.doi.org/", "http://dx.doi.org/",
                               "doi:", "DOI:"})
        if (text::starts_with(s, p)) s.remove_prefix(p.size());
    std::string out(s);
    // DOIs are case-insensitive; the lower-case form is the one to compare
    // (ASCII: whatever the locale, a UTF-8 byte is never changed).
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

std::string bare_url_id(std::string_view s) {
    s = trim_json(s);
    while (!s.empty() && s.back() == '/') s.remove_suffix(1);
    auto slash = s.rfind('/');
    return std::string(slash == std::string_view::npos ? s : s.substr(slash + 1));
}

std::string bare_arxiv(std::string_view s) {
    s = trim_json(s);
    for (std::string_view p : {"https://arxiv.org/abs/", "http://arxiv.org/abs/", "https://arxiv.org/pdf/",
                               "arXiv:", "arxiv:", "10.48550/arXiv.", "10.48550/arxiv.",
                               "https://doi.org/10.48550/arXiv."})
        if (text::starts_with(s, p)) s.remove_prefix(p.size());
    if (text::ends_with(s, ".pdf")) s.remove_suffix(4);
    // The version suffix names a revision of the same work.
    auto v = s.rfind('v');
    if (v != std::string_view::npos && v > 0 && all_digits(s.substr(v + 1))) s = s.substr(0, v);
    return std::string(s);
}

}  // namespace scholarmerge::detail
