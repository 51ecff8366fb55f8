#include <pybind11/numpy.h>
#include <cstdint>
#include <cstring>
#include <optional>
#include <stdexcept>
#include <string>
#include <pybind11/stl.h>
#include <pybind11/typing.h>

#include "bindings.hpp"
#include "scholarmerge/names/match.hpp"
#include "scholarmerge/names/parse.hpp"
#include "text/fold.hpp"

namespace py = pybind11;

namespace scholarmerge::bindings {

namespace {

// Room after the bytes a field is copied from and to, so that copy_short's fixed 16 bytes stay inside.
constexpr std::size_t kCopySlack = 16;

// A field copied as one fixed 16-byte move when short (most are): a call to
// memcpy for every field of every row costs more than the copy.
inline void copy_short(char* to, std::string_view from) {
    if (from.size() <= 16)
        std::memcpy(to, from.data(), 16);
    else
        std::memcpy(to, from.data(), from.size());
}

// Fields of parsed names, in one arena: what the lists are built from once
// the GIL is held again. One reused Author parses every name.
struct ParsedColumns {
    static constexpr int kText = 7;  // raw, display, given, surname, initials, suffix, key
    std::string bytes;
    std::vector<std::uint32_t> ends;  // kText per distinct name: where each field ends in bytes
    std::vector<std::uint8_t> flags;  // per distinct name: equal_contribution | highlighted << 1
    std::vector<std::uint32_t> row;   // per input: its distinct name's row

    std::string_view field(std::size_t name, int f) const {
        std::size_t k = name * kText + static_cast<std::size_t>(f);
        std::size_t begin = k == 0 ? 0 : ends[k - 1];
        return std::string_view(bytes).substr(begin, ends[k] - begin);
    }
};

// Texts seen so far, each with its row: open addressing over views of the
// texts (names repeat: an author column names the same people again and
// again), no node per text as std::unordered_map has.
class DistinctTexts {
public:
    DistinctTexts() : slots_(1024, 0), mask_(1023) {}
    // The row of s; a new text gets the next row and `fresh`.
    std::uint32_t find_or_add(std::string_view s, bool& fresh) {
        for (std::size_t i = hash(s) & mask_;; i = (i + 1) & mask_) {
            std::uint32_t slot = slots_[i];
            if (slot == 0) {
                keys_.push_back(s);
                slots_[i] = static_cast<std::uint32_t>(keys_.size());  // row + 1: 0 is empty
                fresh = true;
                if (2 * keys_.size() > slots_.size()) grow();  // at most half full
                return static_cast<std::uint32_t>(keys_.size() - 1);
            }
            if (keys_[slot_row(slot)] == s) {
                fresh = false;
                return slot_row(slot);
            }
        }
    }

private:
    static std::uint32_t slot_row(std::uint32_t slot) { return slot - 1; }
    // Eight bytes at a time, mixed: names are short, and std::hash's byte loop costs more than the lookup.
    static std::uint64_t hash(std::string_view s) {
        constexpr std::uint64_t k = 0xFF51AFD7ED558CCDULL;
        std::uint64_t h = (s.size() + 1) * 0x9E3779B97F4A7C15ULL;
        const char* p = s.data();
        std::size_t n = s.size();
        for (; n >= 8; p += 8, n -= 8) {
            std::uint64_t w;
            std::memcpy(&w, p, 8);
            h = (h ^ w) * k;
            h ^= h >> 32;
        }
        std::uint64_t w = 0;
        for (std::size_t i = 0; i < n; ++i) w |= static_cast<std::uint64_t>(static_cast<unsigned char>(p[i])) << (8 * i);
        h = (h ^ w) * k;
        h ^= h >> 29;
        h *= 0xC4CEB9FE1A85EC53ULL;
        return h ^ (h >> 32);
    }

    // Sized by the distinct texts, not the input: a batch of repeats stays in cache.
    void grow() {
        slots_.assign(slots_.size() * 2, 0);
        mask_ = slots_.size() - 1;
        for (std::uint32_t r = 0; r < keys_.size(); ++r) {
            std::size_t i = hash(keys_[r]) & mask_;
            while (slots_[i] != 0) i = (i + 1) & mask_;
            slots_[i] = r + 1;
        }
    }

    std::vector<std::uint32_t> slots_;
    std::vector<std::string_view> keys_;
    std::size_t mask_;
};

// Each distinct text is parsed once, and later copies point at its row.
ParsedColumns parse_views(const std::vector<std::string_view>& texts) {
    ParsedColumns out;
    out.row.resize(texts.size());
    DistinctTexts seen;
    Author a;
    std::size_t input_bytes = 0;
    for (auto t : texts) input_bytes += t.size();
    out.bytes.reserve(3 * input_bytes);  // raw, display and the parts: about three times the input
    for (std::size_t i = 0; i < texts.size(); ++i) {
        bool fresh = false;
        out.row[i] = seen.find_or_add(texts[i], fresh);
        if (!fresh) continue;
        parse_name_into(texts[i], a);
        for (const std::string* f : {&a.raw, &a.display, &a.given, &a.surname, &a.initials, &a.suffix, &a.key}) {
            out.bytes += *f;
            if (out.bytes.size() > UINT32_MAX) throw std::length_error("parse_names: more than 4 GB of names in one batch");
            out.ends.push_back(static_cast<std::uint32_t>(out.bytes.size()));
        }
        out.flags.push_back(static_cast<std::uint8_t>(a.equal_contribution | (a.highlighted << 1)));
    }
    out.bytes.reserve(out.bytes.size() + kCopySlack);  // copy_short reads up to 16 bytes from a field's start
    return out;
}

py::object utf8_str(std::string_view s) {
    // ASCII (nearly every field) is copied in, without the decoder's checks.
    unsigned char high = 0;
    for (char c : s) high |= static_cast<unsigned char>(c);
    PyObject* o;
    if (high < 0x80 && s.size() > 1) {
        o = PyUnicode_New(static_cast<Py_ssize_t>(s.size()), 127);
        if (o) std::memcpy(PyUnicode_DATA(o), s.data(), s.size());
    } else {
        o = PyUnicode_DecodeUTF8(s.data(), static_cast<Py_ssize_t>(s.size()), nullptr);  // strict, as py::str was; "" and one letter shared
    }
    if (!o) throw py::error_already_set();
    return py::reinterpret_steal<py::object>(o);
}

// texts: a list of str (sm.parse_names makes one of any input). Their UTF-8 is read in place (CPython keeps it
// with each string), not copied into std::strings; raw and display reuse the
// input's str objects when a name is written as it displays, as most are.
py::dict parse_names_columns(const py::typing::List<py::str>& texts) {
    py::tuple items = py::reinterpret_steal<py::tuple>(PySequence_Tuple(texts.ptr()));  // holds every item
    if (!items) throw py::error_already_set();
    const std::size_t n = items.size();
    std::vector<std::string_view> views(n);
    for (std::size_t i = 0; i < n; ++i) {
        PyObject* o = PyTuple_GET_ITEM(items.ptr(), static_cast<Py_ssize_t>(i));
        if (!PyUnicode_Check(o)) throw py::type_error("parse_names_columns: item " + std::to_string(i) + " is not a str");
        Py_ssize_t size = 0;
        const char* data = PyUnicode_AsUTF8AndSize(o, &size);
        if (!data) throw py::error_already_set();
        views[i] = std::string_view(data, static_cast<std::size_t>(size));
    }
    ParsedColumns parsed;
    {
        py::gil_scoped_release release;
        parsed = parse_views(views);
    }
    static const char* names[] = {"raw", "display", "given", "surname", "initials", "suffix", "key"};
    py::list lists[ParsedColumns::kText];
    for (auto& l : lists) l = py::list(n);
    // One str per distinct name and field, shared by its repeats (str is immutable).
    std::vector<PyObject*> first(parsed.flags.size() * ParsedColumns::kText, nullptr);
    for (std::size_t i = 0; i < n; ++i) {
        std::size_t r = parsed.row[i];
        PyObject** objs = &first[r * ParsedColumns::kText];
        if (!objs[0]) {
            py::object raw = parsed.field(r, 0) == views[i] ? py::reinterpret_borrow<py::object>(items[i])
                                                             : utf8_str(parsed.field(r, 0));
            py::object display = parsed.field(r, 1) == parsed.field(r, 0) ? raw : utf8_str(parsed.field(r, 1));
            objs[0] = raw.ptr();
            objs[1] = display.ptr();
            PyList_SET_ITEM(lists[0].ptr(), static_cast<Py_ssize_t>(i), raw.release().ptr());
            PyList_SET_ITEM(lists[1].ptr(), static_cast<Py_ssize_t>(i), display.release().ptr());
            for (int f = 2; f < ParsedColumns::kText; ++f) {
                objs[f] = utf8_str(parsed.field(r, f)).release().ptr();
                PyList_SET_ITEM(lists[f].ptr(), static_cast<Py_ssize_t>(i), objs[f]);
            }
        } else {
            for (int f = 0; f < ParsedColumns::kText; ++f) {
                Py_INCREF(objs[f]);
                PyList_SET_ITEM(lists[f].ptr(), static_cast<Py_ssize_t>(i), objs[f]);
            }
        }
    }
    py::list equal(n), bold(n);
    for (std::size_t i = 0; i < n; ++i) {
        std::uint8_t flags = parsed.flags[parsed.row[i]];
        PyObject* e = (flags & 1) ? Py_True : Py_False;
        PyObject* b = (flags & 2) ? Py_True : Py_False;
        Py_INCREF(e);
        Py_INCREF(b);
        PyList_SET_ITEM(equal.ptr(), static_cast<Py_ssize_t>(i), e);
        PyList_SET_ITEM(bold.ptr(), static_cast<Py_ssize_t>(i), b);
    }
    py::dict d;
    for (int f = 0; f < ParsedColumns::kText; ++f) d[names[f]] = lists[f];
    d["equal_contribution"] = equal;
    d["highlighted"] = bold;
    return d;
}

// An Arrow bitmap (bit i of byte i / 8, least significant first) of flags.
template <class F>
std::string bitmap(std::size_t n, F&& bit) {
    std::string out((n + 7) / 8, '\0');
    for (std::size_t i = 0; i < n; ++i)
        if (bit(i)) out[i / 8] = static_cast<char>(out[i / 8] | (1 << (i % 8)));
    return out;
}

// texts: a text column as Arrow buffers (int64 offsets, bytes, bool validity
// or None: scholarmerge.tables.text_buffers), read in place. Returns the
// fields as Arrow buffers: (int32 offsets, bytes, None) for each text field,
// one value per row, or with `distinct` one per distinct name plus "rows",
// each row's distinct name (int32: the indices of Arrow's dictionary
// arrays); (bitmap, None) for each flag, one per row; "valid", (bitmap,
// nulls) or None (a missing name is a null row). No Python object per name.
py::dict parse_names_buffers(const py::tuple& texts, bool distinct_only) {
    auto offsets = texts[0].cast<py::array_t<std::int64_t, py::array::c_style | py::array::forcecast>>();
    auto bytes = texts[1].cast<py::array_t<std::uint8_t, py::array::c_style | py::array::forcecast>>();
    std::optional<py::array_t<bool, py::array::c_style | py::array::forcecast>> valid;
    if (!texts[2].is_none()) valid = texts[2].cast<py::array_t<bool, py::array::c_style | py::array::forcecast>>();
    const std::size_t n = offsets.size() == 0 ? 0 : static_cast<std::size_t>(offsets.size() - 1);
    if (valid && static_cast<std::size_t>(valid->size()) != n) throw py::value_error("parse_names: validity length differs");
    if (n > static_cast<std::size_t>(INT32_MAX)) throw py::value_error("parse_names_arrow: more than 2^31 names in one batch");
    const std::int64_t* off = offsets.data();
    const char* data = reinterpret_cast<const char*>(bytes.data());
    const bool* ok = valid ? valid->data() : nullptr;
    std::vector<std::string_view> views(n);
    for (std::size_t i = 0; i < n; ++i) {
        if (off[i] < 0 || off[i] > off[i + 1] || off[i + 1] > bytes.size()) throw py::value_error("parse_names: bad offsets");
        if (!ok || ok[i]) views[i] = std::string_view(data + off[i], static_cast<std::size_t>(off[i + 1] - off[i]));
    }
    static const char* names[] = {"raw", "display", "given", "surname", "initials", "suffix", "key"};
    struct Column {
        std::vector<std::int32_t> offsets;  // Arrow's string type
        std::string bytes;
    };
    Column columns[ParsedColumns::kText];
    std::string equal, bold, validity;
    std::size_t nulls = 0;
    ParsedColumns parsed;
    {
        py::gil_scoped_release release;
        // Text, never arbitrary bytes: the buffer valid UTF-8 and no name
        // starting inside a character make every name valid, in one pass.
        // (Failing that, each name is checked: a missing one's bytes do not count.)
        std::string_view all = n ? std::string_view(data + off[0], static_cast<std::size_t>(off[n] - off[0])) : std::string_view();
        bool whole = text::first_invalid_utf8(all) == std::string_view::npos;
        for (std::size_t i = 0; i < n && whole; ++i)
            whole = views[i].empty() || (static_cast<unsigned char>(views[i][0]) & 0xC0) != 0x80;
        for (std::size_t i = 0; i < n && !whole; ++i)
            if (text::first_invalid_utf8(views[i]) != std::string_view::npos)
                throw std::invalid_argument("parse_names: name " + std::to_string(i) + " is not valid UTF-8");
        parsed = parse_views(views);
        const std::size_t distinct = parsed.flags.size();
        if (parsed.bytes.size() > static_cast<std::size_t>(INT32_MAX))
            throw std::length_error("parse_names_arrow: more than 2 GB of parsed names in one batch; pass fewer names at once");
        for (int f = 0; f < ParsedColumns::kText; ++f) {
            Column& c = columns[f];
            if (distinct_only) {
                c.offsets.resize(distinct + 1);
                c.offsets[0] = 0;
                for (std::size_t r = 0; r < distinct; ++r) {
                    c.bytes.append(parsed.field(r, f));
                    c.offsets[r + 1] = static_cast<std::int32_t>(c.bytes.size());
                }
                continue;
            }
            // One value per row, sized first, then copied: one allocation a column.
            std::size_t total = 0;
            for (std::size_t i = 0; i < n; ++i)
                if (!ok || ok[i]) total += parsed.field(parsed.row[i], f).size();
            if (total > static_cast<std::size_t>(INT32_MAX))
                throw std::length_error("parse_names_arrow: more than 2 GB in one field of one batch; pass fewer names at once");
            c.offsets.resize(n + 1);
            c.bytes.resize(total + kCopySlack);
            char* out = c.bytes.data();
            std::int32_t at = 0;
            c.offsets[0] = 0;
            for (std::size_t i = 0; i < n; ++i) {
                if (!ok || ok[i]) {
                    std::string_view v = parsed.field(parsed.row[i], f);
                    copy_short(out + at, v);
                    at += static_cast<std::int32_t>(v.size());
                }
                c.offsets[i + 1] = at;
            }
            c.bytes.resize(total);
        }
        equal = bitmap(n, [&](std::size_t i) { return (!ok || ok[i]) && (parsed.flags[parsed.row[i]] & 1); });
        bold = bitmap(n, [&](std::size_t i) { return (!ok || ok[i]) && (parsed.flags[parsed.row[i]] & 2); });
        if (ok) {
            validity = bitmap(n, [&](std::size_t i) { return ok[i]; });
            for (std::size_t i = 0; i < n; ++i) nulls += !ok[i];
        }
    }
    py::dict d;
    for (int f = 0; f < ParsedColumns::kText; ++f)
        d[names[f]] = py::make_tuple(owned(std::move(columns[f].offsets)), owned(std::move(columns[f].bytes)), py::none());
    d["equal_contribution"] = py::make_tuple(owned(std::move(equal)), py::none());
    d["highlighted"] = py::make_tuple(owned(std::move(bold)), py::none());
    if (distinct_only) d["rows"] = owned(std::vector<std::int32_t>(parsed.row.begin(), parsed.row.end()));
    d["valid"] = nulls ? py::object(py::make_tuple(owned(std::move(validity)), nulls)) : py::object(py::none());
    return d;
}

}  // namespace

void bind_names(py::module_& m) {
    m.def("parse_name", &parse_name, py::arg("text"), R"(One name as an Author: given names, surname, initials, suffix and the matching key.

>>> a = sm.parse_name("Smith, John A.")
>>> a.surname, a.given, a.initials, a.key
('Smith', 'John A.', 'JA', 'smith j'))");
    m.def("_parse_name_reference", &parse_name_reference, py::arg("text"),
          "parse_name without its shortcut for common shapes: the reference tests compare it with.");
    // The batch form: parsed with the GIL released, returned as one list per field.
    m.def("parse_names_columns", &parse_names_columns, py::arg("texts"));
    // The same over Arrow buffers, for sm.parse_names_arrow: no Python object per name.
    m.def("parse_names_buffers", &parse_names_buffers, py::arg("texts"), py::arg("distinct") = false);
    m.def(
        "parse_author_list",
        [](std::string_view text) {
            AuthorList l = parse_author_list(text);
            return py::make_tuple(l.authors, l.truncated);
        },
        py::arg("text"), R"(An author list as (authors, truncated); truncated is True when it ends in "et al." or "...".

>>> authors, truncated = sm.parse_author_list("J. Smith and A. Jones")
>>> [a.display for a in authors], truncated
(['J. Smith', 'A. Jones'], False))");
    m.def("same_author", &same_author, py::arg("a"), py::arg("b"));
    m.def(
        "same_author_pairs",
        [](const std::vector<std::string>& a, const std::vector<std::string>& b) {
            if (a.size() != b.size()) throw py::value_error("same_author_pairs: the lists differ in length");
            py::array_t<double> out(static_cast<py::ssize_t>(a.size()));
            double* o = out.mutable_data();
            {
                py::gil_scoped_release release;
                for (std::size_t i = 0; i < a.size(); ++i) o[i] = same_author(parse_name(a[i]), parse_name(b[i]));
            }
            return out;
        },
        py::arg("a"), py::arg("b"), "same_author over two equal-length lists of names, as a numpy array.");
    m.attr("SAME_AUTHOR_THRESHOLD") = kSameAuthorThreshold;
}

}  // namespace scholarmerge::bindings
