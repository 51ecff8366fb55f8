// A minimal streaming JSON object builder for the writers (internal).
#pragma once

#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>

#include "scholarmerge/model.hpp"

namespace scholarmerge::detail {

inline void json_escape(std::string& out, std::string_view s) {
    out += '"';
    for (char ch : s) {
        unsigned char c = static_cast<unsigned char>(ch);
        switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            case '\t': out += "\\t"; break;
            default:
                if (c < 0x20) {
                    char buf[8];
                    std::snprintf(buf, sizeof buf, "\\u%04x", c);
                    out += buf;
                } else {
                    out += ch;
                }
        }
    }
    out += '"';
}

class JsonObject {
public:
    explicit JsonObject(std::string& out) : out_(out) { out_ += '{'; }
    ~JsonObject() { out_ += '}'; }
    JsonObject(const JsonObject&) = delete;
    JsonObject& operator=(const JsonObject&) = delete;

    std::string& key(std::string_view k) {
        if (!first_) out_ += ',';
        first_ = false;
        json_escape(out_, k);
        out_ += ':';
        return out_;
    }
    void str(std::string_view k, std::string_view v) { json_escape(key(k), v); }
    // Empty strings are written as null: "unknown", not "known to be empty".
    void str_or_null(std::string_view k, std::string_view v) {
        if (v.empty()) key(k) += "null";
        else str(k, v);
    }
    void boolean(std::string_view k, bool v) { key(k) += v ? "true" : "false"; }
    void integer(std::string_view k, std::int64_t v) { key(k) += std::to_string(v); }
    void value(std::string_view k, const Value& v) {
        std::string& o = key(k);
        if (std::holds_alternative<std::monostate>(v)) o += "null";
        else if (auto b = std::get_if<bool>(&v)) o += *b ? "true" : "false";
        else if (auto i = std::get_if<std::int64_t>(&v)) o += std::to_string(*i);
        else if (auto d = std::get_if<double>(&v)) {
            char buf[32];
            std::snprintf(buf, sizeof buf, "%.17g", *d);
            o += buf;
        } else json_escape(o, std::get<std::string>(v));
    }
    void string_map(std::string_view k, const StringMap& m) {
        std::string& o = key(k);
        JsonObject inner(o);
        for (const auto& [name, v] : m) inner.str(name, v);
    }
    void value_map(std::string_view k, const ValueMap& m) {
        std::string& o = key(k);
        JsonObject inner(o);
        for (const auto& [name, v] : m) inner.value(name, v);
    }

private:
    std::string& out_;
    bool first_ = true;
};

}  // namespace scholarmerge::detail
