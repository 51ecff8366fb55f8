// Reading inputs into a Corpus. A reader never matches; it only turns text
// into Works, ProfileHeaders and Diagnostics.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "scholarmerge/model.hpp"

namespace scholarmerge {

struct ReadOptions {
    std::string format = "auto";  // or one of formats()
    int year = 0;                 // year the page was captured, for dates without one; 0: this year
    StringMap params;             // format-specific options (csv column mapping, ...)
    int threads = 1;              // JSON Lines files: pieces parsed at once
};

// The names accepted by ReadOptions::format, "auto" excluded.
std::vector<std::string> formats();

// Reads one text. Throws Error(unknown_format) when format is "auto" and the
// text is of no known format; damage inside the text becomes diagnostics.
Corpus read_text(std::string_view text, const std::string& source, const ReadOptions& options = {});

// Reads one file. Throws Error(io_error) when it cannot be read.
Corpus read_file(const std::string& path, const ReadOptions& options = {});

// Told, after each piece read, the bytes read so far and the total of all inputs.
using Progress = std::function<void(std::size_t done, std::size_t total)>;

// Reads files and directories in the given order; a directory contributes its
// files of a known format, sorted by name (others get an info diagnostic).
Corpus read(const std::vector<std::string>& paths, const ReadOptions& options = {}, const Progress& progress = {});

}  // namespace scholarmerge
