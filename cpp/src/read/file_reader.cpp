#include "scholarmerge/read/file_reader.hpp"

#include <algorithm>
#include <deque>
#include <fstream>
#include <future>

#include "details/json_input.hpp"
#include "details/read_piece.hpp"
#include "registry.hpp"
#include "scholarmerge/error.hpp"
#include "scholarmerge/read/detect.hpp"
#include "scholarmerge/text/encoding.hpp"

namespace scholarmerge {

struct FileReader::State {
    std::string path;
    ReadOptions options;
    std::size_t piece_bytes;
    std::ifstream in;
    std::size_t total = 0;
    std::size_t handed = 0;
    int next_line = 1;
    std::string carry;  // the start of a line cut by the last piece
    bool eof = false;
    bool first = true;
    std::deque<std::future<Corpus>> pending;

    // Up to piece_bytes more of the file, ending at a line end (or the file's end).
    std::optional<std::string> read_piece() {
        if (eof && carry.empty()) return std::nullopt;
        std::string buf = std::move(carry);
        carry.clear();
        while (!eof) {
            std::size_t old = buf.size();
            buf.resize(old + piece_bytes);
            in.read(buf.data() + old, static_cast<std::streamsize>(piece_bytes));
            buf.resize(old + static_cast<std::size_t>(in.gcount()));
            if (in.bad()) throw Error(ErrorCode::io_error, path, 0, "read failed");
            if (!in) eof = true;
            std::size_t cut = buf.rfind('\n');
            if (cut != std::string::npos && cut >= old) {
                if (!eof) {
                    carry = buf.substr(cut + 1);
                    buf.resize(cut + 1);
                }
                break;
            }
            // A line longer than a piece: keep reading until it ends.
        }
        return buf;
    }

    // The first piece decides the format, and whether the file can be split.
    void settle_format(std::string& piece) {
        first = false;
        std::string_view head = piece;
        text::Bom bom = text::detect_bom(head);
        if (bom == text::Bom::utf8) head.remove_prefix(3);
        std::string format = options.format.empty() ? "auto" : options.format;
        if (format == "auto" && bom == text::Bom::none) format = detect_format(head, path);
        const detail::FormatEntry* entry = format.empty() || format == "auto" ? nullptr : detail::find_format(format);
        bool splittable = bom != text::Bom::utf16le && bom != text::Bom::utf16be && entry && entry->json_records &&
                          detail::is_json_lines(head);
        if (entry) options.format = format;  // later pieces need no detection
        if (!splittable) {
            // One piece: the rest of the file joins the first.
            piece += carry;
            carry.clear();
            std::string rest((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
            if (in.bad()) throw Error(ErrorCode::io_error, path, 0, "read failed");
            piece += rest;
            eof = true;
        }
    }

    bool launch() {
        std::optional<std::string> piece = read_piece();
        if (!piece) return false;
        if (first) settle_format(*piece);
        int line = next_line;
        next_line += static_cast<int>(std::count(piece->begin(), piece->end(), '\n'));
        handed += piece->size();
        if (options.threads <= 1) {
            std::promise<Corpus> done;
            done.set_value(detail::read_piece(*piece, path, options, line));
            pending.push_back(done.get_future());
        } else {
            pending.push_back(std::async(std::launch::async, [this, text = std::move(*piece), line] {
                return detail::read_piece(text, path, options, line);
            }));
        }
        return true;
    }
};

FileReader::FileReader(const std::string& path, const ReadOptions& options, std::size_t piece_bytes)
    : state_(std::make_unique<State>()) {
    State& s = *state_;
    s.path = path;
    s.options = options;
    s.piece_bytes = std::max<std::size_t>(piece_bytes, 4096);
    s.in.open(path, std::ios::binary);
    if (!s.in) throw Error(ErrorCode::io_error, path, 0, "cannot open file");
    s.in.seekg(0, std::ios::end);
    s.total = static_cast<std::size_t>(std::max<std::streamoff>(0, s.in.tellg()));
    s.in.seekg(0, std::ios::beg);
}

FileReader::~FileReader() {
    // Pieces still being parsed reference the state: wait for them.
    for (auto& f : state_->pending)
        if (f.valid()) f.wait();
}

std::optional<Corpus> FileReader::next() {
    State& s = *state_;
    while (s.pending.size() < static_cast<std::size_t>(std::max(1, s.options.threads)) && s.launch()) {
    }
    if (s.pending.empty()) return std::nullopt;
    Corpus out = s.pending.front().get();
    s.pending.pop_front();
    return out;
}

std::size_t FileReader::bytes_read() const { return std::min(state_->handed, state_->total); }
std::size_t FileReader::bytes_total() const { return state_->total; }
const std::string& FileReader::path() const { return state_->path; }

}  // namespace scholarmerge
