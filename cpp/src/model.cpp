#include "scholarmerge/model.hpp"

#include <iterator>

#include "scholarmerge/error.hpp"

namespace scholarmerge {

std::string_view extra_text(const Work& w, std::initializer_list<std::string_view> keys) {
    for (std::string_view key : keys) {
        auto it = w.extra.find(std::string(key));
        if (it == w.extra.end()) continue;
        if (const auto* text = std::get_if<std::string>(&it->second); text && !text->empty()) return *text;
    }
    return {};
}

const char* to_string(Severity s) {
    switch (s) {
        case Severity::info: return "info";
        case Severity::warning: return "warning";
        case Severity::error: return "error";
    }
    return "warning";
}

void Corpus::append(Corpus&& other) {
    if (works.empty() && works.capacity() < other.works.size()) {  // take the other's works whole
        works = std::move(other.works);
        other.works.clear();
    }
    works.insert(works.end(), std::make_move_iterator(other.works.begin()),
                 std::make_move_iterator(other.works.end()));
    diagnostics.insert(diagnostics.end(), std::make_move_iterator(other.diagnostics.begin()),
                       std::make_move_iterator(other.diagnostics.end()));
    profiles.insert(profiles.end(), std::make_move_iterator(other.profiles.begin()),
                    std::make_move_iterator(other.profiles.end()));
}

const char* to_string(ErrorCode c) {
    switch (c) {
        case ErrorCode::io_error: return "io_error";
        case ErrorCode::unknown_format: return "unknown_format";
        case ErrorCode::bad_option: return "bad_option";
        case ErrorCode::parse_error: return "parse_error";
    }
    return "error";
}

static std::string where(const std::string& source, int line, const std::string& message) {
    std::string s = source;
    if (line > 0) s += ":" + std::to_string(line);
    if (!s.empty()) s += ": ";
    return s + message;
}

Error::Error(ErrorCode code, std::string source, int line, const std::string& message)
    : std::runtime_error(where(source, line, message)), code_(code), source_(std::move(source)), line_(line) {}

}  // namespace scholarmerge
