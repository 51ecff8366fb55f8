// Shared by the JSON readers (openalex, s2, crossref, csl, jsonl): finding the
// records in a text (JSON Lines, a top-level array, an API envelope) and
// reading values with simdjson On-Demand error codes, never exceptions.
#pragma once

#include <simdjson.h>

#include <cstdint>
#include <cstring>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "read/context.hpp"

namespace scholarmerge::detail {

namespace od = simdjson::ondemand;

// Reads one record object into w (a new Work whose provenance is set: leave
// it, and leave ctx.out alone). Returns "" or what was wrong ("field 'year'").
using RecordReader = std::string (*)(od::object record, Work& w, ReadContext& ctx);

// Calls read for every record in text, which is one of
//   - JSON Lines: one record (or one envelope) per line;
//   - a top-level array of records;
//   - an object holding the records under one of `envelopes` (an array, or an
//     object to look into again: Crossref's message.items), else one record.
// A damaged record becomes a warning with its line; the others are read.
// Records without a title are kept, with a warning when `untitled_warning`.
void read_json_records(std::string_view text, ReadContext& ctx, std::initializer_list<std::string_view> envelopes,
                       RecordReader read, bool untitled_warning = true);

// When doc is an API error body ({"error": "Not found"}, {"message":
// "Forbidden"}, {"status": "failed", "message": [...]}): its message, quoted;
// else "". Error bodies are reported, never read as records.
std::string api_error_message(std::string_view doc);

// True when text is JSON Lines (one object per line), which can be cut at
// any line end.
bool is_json_lines(std::string_view text);

// True when text starts (after whitespace) like JSON and mentions every one of
// `all` and at least one of `any` (empty: no condition) within its first 8 KB.
bool looks_like_json_with(std::string_view text, std::initializer_list<std::string_view> all,
                          std::initializer_list<std::string_view> any = {});

// The start of the first value of `"key":` within the first 8 KB, its
// leading spaces skipped ("" when the key is absent): a detector looks at
// its first character to tell an array from a string, an envelope's string
// value (Crossref's "message-type") is read from it by json_string_at.
std::string_view first_value_of(std::string_view text, std::string_view key);
// The JSON string starting at v (v.front() == '"'), without its quotes and
// unescaped only as far as needed for names ("" when v is no string).
std::string_view json_string_at(std::string_view v);

// --- values: each returns false on a type mismatch; null reads as "absent".
bool get_text(od::value v, std::string& out);            // string; null -> ""
// The same as a view into the parser's string buffer, valid until the next
// record is parsed: for values that are taken apart or copied once anyway.
inline bool get_view(od::value v, std::string_view& out) {
    bool is_null = false;
    if (v.is_null().get(is_null)) return false;
    if (is_null) {
        out = {};
        return true;
    }
    return !v.get_string().get(out);
}
bool get_id(od::value v, std::string& out);              // string or integer
// The same without a copy: a string as a view (see get_view), an integer
// written into `number` and viewed there.
bool get_id_view(od::value v, std::string_view& out, std::string& number);
bool get_int(od::value v, std::optional<std::int64_t>& out);  // integer or numeric string
bool get_texts(od::value v, std::vector<std::string>& out);   // array of strings, or one string
bool get_views(od::value v, std::vector<std::string_view>& out);  // the same, as views (see get_view)
bool get_first_text(od::value v, std::string& out);      // Crossref's ["title"]: the first string

// key == lit, compared inline: field dispatch runs for every key of every record.
template <std::size_t N>
inline bool key_is(std::string_view key, const char (&lit)[N]) {
    if (key.size() != N - 1) return false;
    for (std::size_t i = 0; i < N - 1; ++i)
        if (key[i] != lit[i]) return false;
    return true;
}

// The first '"' or '\\' from p on, eight bytes at a time (a byte loop costs
// a mispredicted exit per key). Reads up to seven bytes past it: the key's
// closing quote is followed by at least ':' and a value, or the padding.
inline const char* quote_or_backslash(const char* p) {
    constexpr std::uint64_t ones = 0x0101010101010101, highs = 0x8080808080808080;
    for (;; p += 8) {
        std::uint64_t bytes;
        std::memcpy(&bytes, p, 8);
        std::uint64_t quotes = bytes ^ (ones * '"'), backslashes = bytes ^ (ones * '\\');
        // The high bit of each zero byte, exact up to the first one.
        std::uint64_t found = ((quotes - ones) & ~quotes & highs) | ((backslashes - ones) & ~backslashes & highs);
        if (!found) continue;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
        return p + __builtin_ctzll(found) / 8;  // the first byte in memory is the lowest
#else
        while (*p != '"' && *p != '\\') ++p;
        return p;
#endif
    }
}

// A field's key. One without a backslash (nearly every key) is a view of the
// text itself: stage 1 has checked that its string is closed, and it needs no
// unescaping into the parser's buffer. Valid, like views, for this record.
inline bool field_key(od::field& field, std::string_view& key) {
    const char* start = field.key().raw();
    const char* end = quote_or_backslash(start);
    if (*end == '"') {
        key = std::string_view(start, static_cast<std::size_t>(end - start));
        return true;
    }
    return !field.unescaped_key().get(key);
}

// Reads each field of a record with f(key, value), false meaning a wrong type;
// "" or what was wrong ("field 'year'"). Stops at any of ctx.stop_keys.
template <class F>
std::string read_fields(od::object record, const ReadContext& ctx, F&& f) {
    for (auto result : record) {
        std::string_view key;
        if (result.error()) return "a malformed key";
        od::field&& field = std::move(result).value_unsafe();  // in place: see each_field
        if (!field_key(field, key)) return "a malformed key";
        for (std::string_view stop : ctx.stop_keys)
            if (key == stop) return "key '" + std::string(key) + "'";
        if (!f(key, field.value())) return "field '" + std::string(key) + "'";
    }
    return "";
}

// Calls f(key, value) for each field of an object value; null is an empty object.
template <class F>
bool each_field(od::value v, F&& f) {
    bool is_null = false;
    if (v.is_null().get(is_null)) return false;
    if (is_null) return true;
    od::object obj;
    if (v.get_object().get(obj)) return false;
    for (auto result : obj) {
        // The field used where the iterator put it, not copied out first:
        // the copy loads what was just stored in narrower pieces, and waits.
        std::string_view key;
        if (result.error()) return false;
        od::field&& field = std::move(result).value_unsafe();
        if (!field_key(field, key)) return false;
        if (!f(key, field.value())) return false;
    }
    return true;
}

// Calls f(value) for each item of an array value; null is an empty array.
template <class F>
bool each_item(od::value v, F&& f) {
    bool is_null = false;
    if (v.is_null().get(is_null)) return false;
    if (is_null) return true;
    od::array arr;
    if (v.get_array().get(arr)) return false;
    for (auto item : arr) {
        if (item.error()) return false;
        const od::value& x = item.value_unsafe();  // in place, as in each_field
        if (!f(x)) return false;
    }
    return true;
}

// "2021-03-04T00:00:00Z", "2021-3", "2021" -> ISO "YYYY[-MM[-DD]]"; year set.
void set_date(Work& w, std::string_view iso);
// A source's year field next to its date: the year wins, and a date of
// another year gives way to it.
void reconcile_year(Work& w, std::optional<std::int64_t> year);
// CSL / Crossref {"date-parts": [[2021, 3, 4]]}, also {"raw": "..."} / {"literal": "..."}.
bool get_date_parts(od::value v, Work& w);

// Identifiers as bare values: "https://doi.org/10.1/x" -> "10.1/x",
// "https://openalex.org/W123" -> "W123", "arXiv:2101.00001v2" -> "2101.00001".
std::string bare_doi(std::string_view s);
std::string bare_url_id(std::string_view s);  // the part after the last '/'
std::string bare_arxiv(std::string_view s);

}  // namespace scholarmerge::detail
