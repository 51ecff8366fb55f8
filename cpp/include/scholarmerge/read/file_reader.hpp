// Reading one file piece by piece. JSON Lines files (of any JSON format) are
// cut at line ends into pieces of about `piece_bytes`, so memory holds a few
// pieces, not the file; with options.threads > 1 that many pieces are parsed
// at once. Files of other formats arrive as one piece.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>

#include "scholarmerge/read/read.hpp"

namespace scholarmerge {

class FileReader {
public:
    // Throws Error(io_error) when the file cannot be opened.
    explicit FileReader(const std::string& path, const ReadOptions& options = {},
                        std::size_t piece_bytes = std::size_t{32} << 20);
    ~FileReader();
    FileReader(const FileReader&) = delete;
    FileReader& operator=(const FileReader&) = delete;

    // The next piece's works and diagnostics, in file order; nullopt at the end.
    // Throws like read_text (unknown_format) for the first piece.
    std::optional<Corpus> next();
    // The same added to `into` (false at the end): for reading a whole file
    // into one Corpus, where one thread's pieces are read straight into it
    // rather than moved there, with room made for the rest of the file.
    bool next(Corpus& into);

    std::size_t bytes_read() const;   // handed to the parser so far
    std::size_t bytes_total() const;  // the file's size
    const std::string& path() const;

private:
    struct State;
    std::unique_ptr<State> state_;
};

}  // namespace scholarmerge
