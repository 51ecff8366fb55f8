#include "read/jsonl.hpp"

#include <simdjson.h>

#include "details/json_input.hpp"
#include "text/lines.hpp"

namespace scholarmerge {

namespace od = simdjson::ondemand;

namespace {

// Each reader returns false (and the line is reported) on a type mismatch.
// Error codes throughout: a damaged document must never become an exception.
bool null_value(od::value& v, bool& is_null) { return !v.is_null().get(is_null); }

bool read_string(od::value v, std::string& out) {
    bool is_null = false;
    if (!null_value(v, is_null)) return false;
    if (is_null) {
        out.clear();
        return true;
    }
    std::string_view s;
    if (v.get_string().get(s)) return false;
    out = std::string(s);
    return true;
}

bool read_strings(od::value v, std::vector<std::string>& out) {
    od::array arr;
    if (v.get_array().get(arr)) return false;
    for (auto item : arr) {
        od::value x;
        if (item.get(x) || !read_string(x, out.emplace_back())) return false;
    }
    return true;
}

bool read_bool(od::value v, bool& out) { return !v.get_bool().get(out); }

bool read_map(od::value v, StringMap& out) {
    od::object obj;
    if (v.get_object().get(obj)) return false;
    for (auto field : obj) {
        std::string_view key;
        if (field.unescaped_key().get(key)) return false;
        std::string value;
        od::value x;
        if (field.value().get(x) || !read_string(x, value)) return false;
        out[std::string(key)] = value;
    }
    return true;
}

bool read_value(od::value v, Value& out) {
    od::json_type t;
    if (v.type().get(t)) return false;
    switch (t) {
        case od::json_type::null: out = std::monostate{}; return true;
        case od::json_type::boolean: { bool b; if (v.get_bool().get(b)) return false; out = b; return true; }
        case od::json_type::number: {
            od::number_type nt;
            if (v.get_number_type().get(nt)) return false;
            if (nt == od::number_type::signed_integer) { std::int64_t i; if (v.get_int64().get(i)) return false; out = i; }
            else { double d; if (v.get_double().get(d)) return false; out = d; }
            return true;
        }
        case od::json_type::string: { std::string s; if (!read_string(v, s)) return false; out = s; return true; }
        default: return false;  // extras are flat
    }
}

bool read_author(od::value v, Author& a) {
    od::object obj;
    if (v.get_object().get(obj)) return false;
    for (auto field : obj) {
        std::string_view key;
        if (field.unescaped_key().get(key)) return false;
        od::value x;
        if (field.value().get(x)) return false;
        bool ok = detail::key_is(key, "raw") ? read_string(x, a.raw)
                : detail::key_is(key, "display") ? read_string(x, a.display)
                : detail::key_is(key, "given") ? read_string(x, a.given)
                : detail::key_is(key, "surname") ? read_string(x, a.surname)
                : detail::key_is(key, "initials") ? read_string(x, a.initials)
                : detail::key_is(key, "suffix") ? read_string(x, a.suffix)
                : detail::key_is(key, "key") ? read_string(x, a.key)
                : detail::key_is(key, "id") ? read_string(x, a.id)
                : detail::key_is(key, "affiliations") ? read_strings(x, a.affiliations)
                : detail::key_is(key, "equal_contribution") ? read_bool(x, a.equal_contribution)
                : detail::key_is(key, "highlighted") ? read_bool(x, a.highlighted)
                : true;  // unknown keys: ignored, as JSON readers do
        if (!ok) return false;
    }
    return true;
}

// Fills w from one line: "" or the offending field.
std::string read_work(od::object obj, Work& w, ReadContext& ctx) {
    return detail::read_fields(obj, ctx, [&](std::string_view key, od::value x) {
        bool ok = true;
        if (detail::key_is(key, "title")) ok = read_string(x, w.title);
        else if (detail::key_is(key, "venue")) ok = read_string(x, w.venue);
        else if (detail::key_is(key, "abstract")) ok = read_string(x, w.abstract);
        else if (detail::key_is(key, "category")) ok = read_string(x, w.category);
        else if (detail::key_is(key, "date")) ok = read_string(x, w.date);
        else if (detail::key_is(key, "authors_truncated")) ok = read_bool(x, w.authors_truncated);
        else if (detail::key_is(key, "ids")) ok = read_map(x, w.ids);
        else if (detail::key_is(key, "links")) ok = read_map(x, w.links);
        else if (detail::key_is(key, "year")) {
            bool is_null = false;
            ok = null_value(x, is_null);
            if (ok && !is_null) {
                std::int64_t y;
                ok = !x.get_int64().get(y) && y > -100000 && y < 100000;
                if (ok) w.year = static_cast<int>(y);
            }
        } else if (detail::key_is(key, "authors")) {
            od::array arr;
            ok = !x.get_array().get(arr);
            if (ok)
                for (auto item : arr) {
                    od::value av;
                    if (item.get(av) || !read_author(av, w.authors.emplace_back())) {
                        ok = false;
                        break;
                    }
                }
        } else if (detail::key_is(key, "extra")) {
            od::object e;
            ok = !x.get_object().get(e);
            if (ok)
                for (auto f : e) {
                    std::string_view k;
                    Value val;
                    od::value fv;
                    if (f.unescaped_key().get(k) || f.value().get(fv) || !read_value(fv, val)) {
                        ok = false;
                        break;
                    }
                    w.extra[std::string(k)] = val;
                }
        } else if (detail::key_is(key, "source") || detail::key_is(key, "source_line") || detail::key_is(key, "source_format")) {
            // The original provenance travels in extra; this file is the new source.
            std::string s;
            if (detail::key_is(key, "source_line")) {
                std::int64_t n;
                ok = !x.get_int64().get(n);
                if (ok) w.extra["original_line"] = n;
            } else {
                ok = read_string(x, s);
                if (ok) w.extra[detail::key_is(key, "source") ? "original_source" : "original_format"] = s;
            }
        }
        return ok;
    });
}

}  // namespace

bool looks_like_jsonl(std::string_view text) {
    std::string_view t = text::trim(text.substr(0, 4096));
    return !t.empty() && t.front() == '{' && t.find("\"source_format\"") != std::string_view::npos &&
           t.find("\"title\"") != std::string_view::npos;
}

void read_jsonl(std::string_view text, ReadContext& ctx) {
    // Our own export: an untitled work was exported untitled, nothing to warn about.
    detail::read_json_records(text, ctx, {}, read_work, false);
}

}  // namespace scholarmerge
