#include "scholarmerge/read/read.hpp"

#include <algorithm>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "details/read_piece.hpp"
#include "registry.hpp"
#include "scholarmerge/error.hpp"
#include "details/json_input.hpp"
#include "scholarmerge/read/detect.hpp"
#include "scholarmerge/read/file_reader.hpp"
#include "text/encoding.hpp"
#include "text/fold.hpp"

namespace scholarmerge {

namespace fs = std::filesystem;

int ReadContext::capture_year() const {
    if (options.year > 0) return options.year;
    std::time_t now = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&now, &tm);
    return tm.tm_year + 1900;
}

std::vector<std::string> formats() {
    std::vector<std::string> names;
    for (const auto& f : detail::format_table()) names.emplace_back(f.name);
    return names;
}

namespace {

// The pieces read() and read_file() cut JSON Lines files into: small enough
// that each stays in cache across the passes over it (line count, UTF-8
// check, records), which 32 MB pieces (read_batches' default) do not.
constexpr std::size_t kPieceBytes = std::size_t{2} << 20;

int line_of(std::string_view text, std::size_t offset) {
    return 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<long>(offset), '\n'));
}

}  // namespace

Corpus read_text(std::string_view input, const std::string& source, const ReadOptions& options) {
    detail::check_options(options);
    Corpus out;
    detail::read_piece(out, input, source, options, 1);
    return out;
}

void detail::read_piece(Corpus& out, std::string_view input, const std::string& source, const ReadOptions& options,
                        int first_line, std::size_t padding) {
    std::string owned;
    std::string_view text = input;
    switch (text::detect_bom(text)) {
        case text::Bom::utf8: text.remove_prefix(3); break;
        case text::Bom::utf16le:
        case text::Bom::utf16be: {
            // Reference managers on Windows write UTF-16: convert rather than refuse.
            std::size_t replaced = 0;
            owned = text::utf16_to_utf8(text.substr(2), text::detect_bom(text) == text::Bom::utf16le, replaced);
            out.diagnostics.push_back({source, 1, Severity::info, "UTF-16 input converted to UTF-8"});
            if (replaced > 0)
                out.diagnostics.push_back({source, 1, Severity::warning,
                                           std::to_string(replaced) + " invalid UTF-16 unit(s) replaced with U+FFFD"});
            text = owned;
            break;
        }
        case text::Bom::none: break;
    }
    if (std::size_t bad = text::first_invalid_utf8(text); bad != std::string_view::npos) {
        owned = std::string(text);
        std::size_t n = text::repair_utf8(owned);
        out.diagnostics.push_back({source, first_line - 1 + line_of(text, bad), Severity::warning,
                                   "invalid UTF-8: " + std::to_string(n) +
                                       " byte sequence(s) replaced with U+FFFD, the first on this line"});
        text = owned;
    }
    std::string format = options.format.empty() ? "auto" : options.format;
    if (format == "auto") {
        format = detect_format(text, source);
        if (format.empty()) {
            if (text::valid_utf8(text) && text.find_first_not_of(" \t\r\n") == std::string_view::npos)
                throw Error(ErrorCode::unknown_format, source, 0, "empty input: nothing to read");
            // An API error body saved in place of a response: what it is, not "unknown".
            if (std::string message = detail::api_error_message(text); !message.empty()) {
                out.diagnostics.push_back({source, first_line - 1 + line_of(text, text.find('{')), Severity::error,
                                           "API error response, no records: " + message});
                return;
            }
            throw Error(ErrorCode::unknown_format, source, 0,
                        "format not recognised; pass format= one of the known formats");
        }
    }
    const detail::FormatEntry* entry = detail::find_format(format);
    if (!entry) throw Error(ErrorCode::bad_option, source, 0, "unknown format '" + format + "'");
    if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) {
        out.diagnostics.push_back({source, 0, Severity::warning, "empty input: nothing to read"});
        return;
    }
    // A converted or repaired copy has no padding of its own.
    bool same_end = text.data() + text.size() == input.data() + input.size();
    ReadContext ctx{source, format, options, out, first_line, same_end ? padding : 0, {}};
    entry->read(text, ctx);
}

Corpus read_file(const std::string& path, const ReadOptions& options) {
    FileReader reader(path, options, kPieceBytes);
    Corpus all;
    while (reader.next(all)) {
    }
    return all;
}

Corpus read(const std::vector<std::string>& paths, const ReadOptions& options, const Progress& progress) {
    detail::check_options(options);
    struct Input {
        std::string path;
        bool listed;  // found in a directory: skipped, not fatal, when of no known format
    };
    std::vector<Input> inputs;
    std::size_t total = 0;
    for (const auto& p : paths) {
        std::error_code ec;
        if (fs::is_directory(p, ec)) {
            std::vector<std::string> files;
            // A Jekyll (academicpages) site: its _publications collection and
            // About page, not the site's own files (Gemfile, _config.yml ...).
            bool site = fs::is_regular_file(fs::path(p) / "_config.yml", ec) &&
                        fs::is_directory(fs::path(p) / "_publications", ec);
            auto list = [&](const fs::path& dir) {
                for (const auto& e : fs::directory_iterator(dir, ec))
                    if (e.is_regular_file() && e.path().filename().string()[0] != '.') files.push_back(e.path().string());
            };
            if (site) {
                list(fs::path(p) / "_publications");
                if (fs::is_regular_file(fs::path(p) / "_pages" / "about.md", ec))
                    files.push_back((fs::path(p) / "_pages" / "about.md").string());
            } else {
                list(p);
            }
            std::sort(files.begin(), files.end());
            for (auto& f : files) inputs.push_back({std::move(f), true});
        } else {
            inputs.push_back({p, false});
        }
    }
    for (const auto& in : inputs) {
        std::error_code ec;
        auto size = fs::file_size(in.path, ec);
        if (!ec) total += static_cast<std::size_t>(size);
    }
    Corpus all;
    std::size_t done = 0;
    for (const auto& in : inputs) {
        FileReader reader(in.path, options, kPieceBytes);
        try {
            while (reader.next(all))
                if (progress) progress(done + reader.bytes_read(), total);
        } catch (const Error& err) {
            if (!in.listed || err.code() != ErrorCode::unknown_format) throw;
            all.diagnostics.push_back({in.path, 0, Severity::info, "skipped: not a file of a known format"});
        }
        done += reader.bytes_total();
    }
    if (progress) progress(total, total);
    return all;
}

}  // namespace scholarmerge
