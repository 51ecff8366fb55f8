#include "scholarmerge/read/file_reader.hpp"

#include <algorithm>
#include <cstring>
#include <deque>
#include <fstream>
#include <future>

#include "details/json_input.hpp"
#include "details/read_piece.hpp"
#include "registry.hpp"
#include "scholarmerge/error.hpp"
#include "scholarmerge/read/detect.hpp"
#include "text/encoding.hpp"

namespace scholarmerge {

namespace {

constexpr std::size_t kPadding = simdjson::SIMDJSON_PADDING;

int count_lines(std::string_view s) {
    int n = 0;
    for (const char* p = s.data(); (p = static_cast<const char*>(std::memchr(p, '\n', s.data() + s.size() - p)));
         ++p)
        ++n;
    return n;
}

// A piece of the file in an uninitialised buffer (filling 32 MB with zeros
// first costs as much as parsing it), with padding after its end.
class Buffer {
public:
    std::string_view view() const { return {data_.get(), size_}; }
    std::size_t size() const { return size_; }
    std::size_t padding() const { return capacity_ - size_; }
    // Room for n more bytes (plus the padding) at the end.
    char* grow(std::size_t n) {
        if (size_ + n + kPadding > capacity_) {
            std::size_t capacity = std::max(size_ + n + kPadding, capacity_ + capacity_ / 2);
            std::unique_ptr<char[]> bigger(new char[capacity]);
            if (size_) std::memcpy(bigger.get(), data_.get(), size_);
            data_ = std::move(bigger);
            capacity_ = capacity;
        }
        return data_.get() + size_;
    }
    void append(std::string_view s) {
        std::memcpy(grow(s.size()), s.data(), s.size());
        resize(size_ + s.size());
    }
    void added(std::size_t n) { resize(size_ + n); }
    void truncate(std::size_t n) { resize(n); }

private:
    // The padding is read (never used) by the parser: keep it defined.
    void resize(std::size_t n) {
        size_ = n;
        std::memset(data_.get() + size_, 0, kPadding);
    }

    std::unique_ptr<char[]> data_;
    std::size_t size_ = 0;
    std::size_t capacity_ = 0;
};

}  // namespace

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
    bool json_lines = false;  // read in pieces, one record per line
    std::deque<std::future<Corpus>> pending;
    // One thread: the last piece's buffer, reused for the next (a new 32 MB
    // buffer is fresh memory to fault in, page by page).
    std::optional<Buffer> spare;

    // Reads up to n bytes onto the end of buf.
    void read_into(Buffer& buf, std::size_t n) {
        in.read(buf.grow(n), static_cast<std::streamsize>(n));
        buf.added(static_cast<std::size_t>(in.gcount()));
        if (in.bad()) throw Error(ErrorCode::io_error, path, 0, "read failed");
        if (!in) eof = true;
    }

    // Up to piece_bytes more of the file, ending at a line end (or the file's end).
    std::optional<Buffer> read_piece() {
        if (eof && carry.empty()) return std::nullopt;
        Buffer buf;
        if (spare) {
            buf = std::move(*spare);
            spare.reset();
            buf.truncate(0);
        }
        buf.append(carry);
        carry.clear();
        while (!eof) {
            std::size_t old = buf.size();
            read_into(buf, piece_bytes);
            std::string_view text = buf.view();
            std::size_t cut = text.rfind('\n');
            if (cut != std::string_view::npos && cut >= old) {
                if (!eof) {
                    carry = std::string(text.substr(cut + 1));
                    buf.truncate(cut + 1);
                }
                break;
            }
            // A line longer than a piece: keep reading until it ends.
        }
        return buf;
    }

    // The first piece decides the format, and whether the file can be split.
    void settle_format(Buffer& piece) {
        first = false;
        std::string_view head = piece.view();
        text::Bom bom = text::detect_bom(head);
        if (bom == text::Bom::utf8) head.remove_prefix(3);
        std::string format = options.format.empty() ? "auto" : options.format;
        if (format == "auto" && bom == text::Bom::none) format = detect_format(head, path);
        const detail::FormatEntry* entry = format.empty() || format == "auto" ? nullptr : detail::find_format(format);
        bool splittable = bom != text::Bom::utf16le && bom != text::Bom::utf16be && entry && entry->json_records &&
                          detail::is_json_lines(head);
        if (entry) options.format = format;  // later pieces need no detection
        json_lines = splittable;
        if (!splittable) {
            // One piece: the rest of the file joins the first.
            piece.append(carry);
            carry.clear();
            while (!eof) read_into(piece, piece_bytes);
        }
    }

    // The next piece, its first line and how many works to make room for
    // (a JSON Lines piece: its lines); nullopt at the end.
    struct Piece {
        Buffer text;
        int line;
        std::size_t records;
    };
    std::optional<Piece> take() {
        std::optional<Buffer> piece = read_piece();
        if (!piece) return std::nullopt;
        if (first) settle_format(*piece);
        int line = next_line;
        int lines = count_lines(piece->view());
        next_line += lines;
        handed += piece->size();
        return Piece{std::move(*piece), line, json_lines ? static_cast<std::size_t>(lines) + 1 : 0};
    }

    // The padding after the text lets the JSON readers parse in place.
    void parse(Corpus& out, const Buffer& b, int line) {
        detail::read_piece(out, b.view(), path, options, line, b.padding());
    }

    bool launch() {
        std::optional<Piece> piece = take();
        if (!piece) return false;
        Corpus out;
        out.works.reserve(piece->records);  // one allocation, no moves as the works arrive
        if (options.threads <= 1) {
            parse(out, piece->text, piece->line);
            std::promise<Corpus> done;
            done.set_value(std::move(out));
            pending.push_back(done.get_future());
            spare = std::move(piece->text);
        } else {
            pending.push_back(std::async(std::launch::async, [this, out = std::move(out), p = std::move(*piece)]() mutable {
                parse(out, p.text, p.line);
                return std::move(out);
            }));
        }
        return true;
    }

    // Room in `into` for n more works and, when that takes a new allocation,
    // for the rest of the file at the rate so far (with 1/16 to spare), so
    // that the works read move once at most.
    void make_room(Corpus& into, std::size_t n) {
        works_so_far += n;
        std::size_t need = into.works.size() + n;
        if (need <= into.works.capacity()) return;
        double per_byte = handed == 0 ? 0.0 : static_cast<double>(works_so_far) / static_cast<double>(handed);
        auto rest = static_cast<std::size_t>(per_byte * static_cast<double>(std::max(total, handed) - handed));
        into.works.reserve(need + rest + rest / 16);
    }
    std::size_t works_so_far = 0;  // this file's, for make_room
};

FileReader::FileReader(const std::string& path, const ReadOptions& options, std::size_t piece_bytes)
    : state_(std::make_unique<State>()) {
    detail::check_options(options);
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

bool FileReader::next(Corpus& into) {
    State& s = *state_;
    // The first piece (which may throw, having added nothing) and those of
    // other threads come in a Corpus of their own.
    if (s.first || s.options.threads > 1 || !s.pending.empty()) {
        std::optional<Corpus> piece = next();
        if (!piece) return false;
        s.make_room(into, piece->works.size());
        into.append(std::move(*piece));
        return true;
    }
    std::optional<State::Piece> piece = s.take();
    if (!piece) return false;
    s.make_room(into, piece->records);
    s.parse(into, piece->text, piece->line);
    s.spare = std::move(piece->text);
    return true;
}

std::size_t FileReader::bytes_read() const { return std::min(state_->handed, state_->total); }
std::size_t FileReader::bytes_total() const { return state_->total; }
const std::string& FileReader::path() const { return state_->path; }

}  // namespace scholarmerge
