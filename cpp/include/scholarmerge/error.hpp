// Errors that stop a read: the input cannot be read at all. Damage inside a
// readable input becomes a Diagnostic instead, and reading goes on.
#pragma once

#include <stdexcept>
#include <string>

namespace scholarmerge {

enum class ErrorCode {
    io_error,        // the file cannot be opened or read
    unknown_format,  // format="auto" recognised nothing
    bad_option,      // an option that the format does not know or a bad value
    parse_error,     // the input as a whole is unreadable in the given format
};
const char* to_string(ErrorCode c);

class Error : public std::runtime_error {
public:
    Error(ErrorCode code, std::string source, int line, const std::string& message);
    ErrorCode code() const { return code_; }
    const std::string& source() const { return source_; }
    int line() const { return line_; }  // 0 when not about one line

private:
    ErrorCode code_;
    std::string source_;
    int line_;
};

}  // namespace scholarmerge
