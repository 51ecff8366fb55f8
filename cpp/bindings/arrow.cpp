// A Corpus as Apache Arrow buffers (offsets + bytes + validity bitmaps) and
// back: the Python side wraps them with pyarrow.Array.from_buffers, so no
// Python object is made per row. Only layout conversions live here.
#include <pybind11/numpy.h>
#include <pybind11/stl.h>

#include <cstring>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>

#include "bindings.hpp"
#include "scholarmerge/model.hpp"
#include "text/fold.hpp"

namespace py = pybind11;

namespace scholarmerge::bindings {

namespace {

// Arrow bitmaps: bit i of byte i / 8, least significant first; 1 = valid or true.
struct Bits {
    std::vector<std::uint8_t> bytes;
    std::size_t size = 0, ones = 0;
    void push(bool v) {
        if (size % 8 == 0) bytes.push_back(0);
        if (v) bytes.back() |= static_cast<std::uint8_t>(1u << (size % 8)), ++ones;
        ++size;
    }
    // (bitmap, null count) with None for a column without nulls, as from_buffers takes it.
    py::object validity() {
        if (ones == size) return py::none();
        std::size_t nulls = size - ones;
        return py::make_tuple(owned(std::move(bytes)), nulls);
    }
};

// A large_string column.
struct Text {
    std::vector<std::int64_t> offsets{0};
    std::string bytes;
    Bits valid;
    void push(std::string_view s) {
        bytes.append(s);
        offsets.push_back(static_cast<std::int64_t>(bytes.size()));
        valid.push(true);
    }
    void push_null() {
        offsets.push_back(static_cast<std::int64_t>(bytes.size()));
        valid.push(false);
    }
    py::tuple release() { return py::make_tuple(owned(std::move(offsets)), owned(std::move(bytes)), valid.validity()); }
};

template <class T>
struct Numbers {
    std::vector<T> values;
    Bits valid;
    void push(T v) { values.push_back(v), valid.push(true); }
    void push_null() { values.push_back(T{}), valid.push(false); }
    py::tuple release() { return py::make_tuple(owned(std::move(values)), valid.validity()); }
};

struct Flags {
    Bits values;
    Bits valid;
    void push(bool v) { values.push(v), valid.push(true); }
    void push_null() { values.push(false), valid.push(false); }
    py::tuple release() { return py::make_tuple(owned(std::move(values.bytes)), valid.validity()); }
};

// Entries of a map<string, string> column, int32 offsets as Arrow's map has.
struct TextMap {
    std::vector<std::int32_t> offsets{0};
    Text keys, values;
    void push(const StringMap& m) {
        for (const auto& [k, v] : m) keys.push(k), values.push(v);
        end_row(keys.offsets.size() - 1);
    }
    void end_row(std::size_t entries) {
        if (entries > static_cast<std::size_t>(INT32_MAX)) throw std::length_error("to_arrow: more than 2^31 map entries");
        offsets.push_back(static_cast<std::int32_t>(entries));
    }
    py::tuple release() { return py::make_tuple(owned(std::move(offsets)), keys.release(), values.release()); }
};

// `extra`: map<string, struct<bool, int, float, text>>, one child set per
// entry by the value's type (none for an empty value), so types round-trip.
struct ValueColumn {
    std::vector<std::int32_t> offsets{0};
    Text keys;
    Flags flag;
    Numbers<std::int64_t> integer;
    Numbers<double> real;
    Text text;
    std::size_t entries = 0;
    void push(const ValueMap& m) {
        for (const auto& [k, v] : m) {
            keys.push(k);
            std::holds_alternative<bool>(v) ? flag.push(std::get<bool>(v)) : flag.push_null();
            std::holds_alternative<std::int64_t>(v) ? integer.push(std::get<std::int64_t>(v)) : integer.push_null();
            std::holds_alternative<double>(v) ? real.push(std::get<double>(v)) : real.push_null();
            std::holds_alternative<std::string>(v) ? text.push(std::get<std::string>(v)) : text.push_null();
            ++entries;
        }
        if (entries > static_cast<std::size_t>(INT32_MAX)) throw std::length_error("to_arrow: more than 2^31 extra entries");
        offsets.push_back(static_cast<std::int32_t>(entries));
    }
    py::tuple release() {
        return py::make_tuple(owned(std::move(offsets)), keys.release(), flag.release(), integer.release(), real.release(),
                              text.release());
    }
};

py::dict arrow_buffers(const Corpus& c) {
    Text title, date, venue, abstract, category, source, format;
    Flags truncated;
    Numbers<std::int32_t> year, line;
    TextMap ids, links;
    ValueColumn extra;
    Numbers<std::int64_t> work;
    Text raw, display, given, surname, initials, suffix, key, id;
    std::vector<std::int32_t> affiliation_offsets{0};
    Text affiliations;
    Flags equal, highlighted;
    {
        py::gil_scoped_release release;
        for (std::size_t i = 0; i < c.works.size(); ++i) {
            const Work& w = c.works[i];
            title.push(w.title);
            truncated.push(w.authors_truncated);
            w.year ? year.push(*w.year) : year.push_null();
            w.date.empty() ? date.push_null() : date.push(w.date);
            venue.push(w.venue), abstract.push(w.abstract), category.push(w.category);
            ids.push(w.ids), links.push(w.links);
            source.push(w.source), format.push(w.source_format);
            line.push(w.source_line);
            extra.push(w.extra);
            for (const Author& a : w.authors) {
                work.push(static_cast<std::int64_t>(i));
                raw.push(a.raw), display.push(a.display), given.push(a.given), surname.push(a.surname);
                initials.push(a.initials), suffix.push(a.suffix), key.push(a.key), id.push(a.id);
                for (const auto& aff : a.affiliations) affiliations.push(aff);
                if (affiliations.offsets.size() - 1 > static_cast<std::size_t>(INT32_MAX))
                    throw std::length_error("to_arrow: more than 2^31 affiliations");
                affiliation_offsets.push_back(static_cast<std::int32_t>(affiliations.offsets.size() - 1));
                equal.push(a.equal_contribution), highlighted.push(a.highlighted);
            }
        }
    }
    py::dict works, authors;
    works["title"] = title.release();
    works["authors_truncated"] = truncated.release();
    works["year"] = year.release();
    works["date"] = date.release();
    works["venue"] = venue.release();
    works["abstract"] = abstract.release();
    works["category"] = category.release();
    works["ids"] = ids.release();
    works["links"] = links.release();
    works["source"] = source.release();
    works["source_format"] = format.release();
    works["source_line"] = line.release();
    works["extra"] = extra.release();
    authors["work"] = work.release();
    authors["raw"] = raw.release();
    authors["display"] = display.release();
    authors["given"] = given.release();
    authors["surname"] = surname.release();
    authors["initials"] = initials.release();
    authors["suffix"] = suffix.release();
    authors["key"] = key.release();
    authors["id"] = id.release();
    authors["affiliations"] = py::make_tuple(owned(std::move(affiliation_offsets)), affiliations.release());
    authors["equal_contribution"] = equal.release();
    authors["highlighted"] = highlighted.release();
    py::dict out;
    out["works"] = works;
    out["authors"] = authors;
    return out;
}

// ---- back: numpy views of Arrow columns the Python side normalised
// (int64 offsets, one bool byte per validity / flag value).

using Int64s = py::array_t<std::int64_t, py::array::c_style | py::array::forcecast>;
using Bools = py::array_t<bool, py::array::c_style | py::array::forcecast>;

struct TextIn {
    Int64s offsets;
    py::array_t<std::uint8_t, py::array::c_style | py::array::forcecast> bytes;
    std::optional<Bools> valid;
    std::string name;
    std::size_t size() const { return offsets.size() == 0 ? 0 : static_cast<std::size_t>(offsets.size() - 1); }
    bool null(std::size_t i) const { return valid && !valid->data()[i]; }
    std::string_view at(std::size_t i) const {
        const std::int64_t* o = offsets.data();
        return {reinterpret_cast<const char*>(bytes.data()) + o[i], static_cast<std::size_t>(o[i + 1] - o[i])};
    }
    void check(std::size_t n) const {
        if (size() != n) throw py::value_error("column '" + name + "': " + std::to_string(size()) + " values, expected " + std::to_string(n));
        if (valid && static_cast<std::size_t>(valid->size()) != n) throw py::value_error("column '" + name + "': validity length differs");
        const std::int64_t* o = offsets.data();
        for (std::size_t i = 0; i < n; ++i)
            if (o[i] < 0 || o[i] > o[i + 1] || o[i + 1] > bytes.size())
                throw py::value_error("column '" + name + "': bad offsets at row " + std::to_string(i));
        if (!text::valid_utf8(std::string_view(reinterpret_cast<const char*>(bytes.data()) + (n ? o[0] : 0),
                                               n ? static_cast<std::size_t>(o[n] - o[0]) : 0)))
            throw py::value_error("column '" + name + "': invalid UTF-8");
    }
};

TextIn text_in(const py::handle& t, const std::string& name) {
    auto parts = t.cast<py::tuple>();
    TextIn in{parts[0].cast<Int64s>(), parts[1].cast<py::array_t<std::uint8_t, py::array::c_style | py::array::forcecast>>(), {}, name};
    if (!parts[2].is_none()) in.valid = parts[2].cast<Bools>();
    return in;
}

void check_offsets(const Int64s& o, std::size_t rows, std::size_t entries, const std::string& name) {
    if (static_cast<std::size_t>(o.size()) != rows + 1) throw py::value_error("column '" + name + "': offsets length differs");
    for (std::size_t i = 0; i < rows; ++i)
        if (o.data()[i] < 0 || o.data()[i] > o.data()[i + 1] || static_cast<std::size_t>(o.data()[i + 1]) > entries)
            throw py::value_error("column '" + name + "': bad offsets at row " + std::to_string(i));
}

Corpus corpus_from_buffers(const py::dict& works, const py::dict& authors) {
    auto text = [](const py::dict& d, const char* name) { return text_in(d[name], name); };
    TextIn title = text(works, "title"), date = text(works, "date"), venue = text(works, "venue"),
           abstract = text(works, "abstract"), category = text(works, "category"), source = text(works, "source"),
           format = text(works, "source_format");
    const std::size_t n = title.size();
    auto numbers = [n](const py::dict& d, const char* name, std::size_t rows) {
        auto a = d[name].cast<Int64s>();
        if (static_cast<std::size_t>(a.size()) != rows) throw py::value_error(std::string("column '") + name + "': length differs");
        return a;
    };
    auto flags = [](const py::dict& d, const char* name, std::size_t rows) {
        auto a = d[name].cast<Bools>();
        if (static_cast<std::size_t>(a.size()) != rows) throw py::value_error(std::string("column '") + name + "': length differs");
        return a;
    };
    Bools truncated = flags(works, "authors_truncated", n), year_valid = flags(works, "year_valid", n);
    Int64s year = numbers(works, "year", n), line = numbers(works, "source_line", n);
    struct MapIn {
        Int64s offsets;
        TextIn keys, values;
    };
    auto map_in = [&](const char* name) {
        auto parts = works[name].cast<py::tuple>();
        MapIn m{parts[0].cast<Int64s>(), text_in(parts[1], std::string(name) + ".key"), text_in(parts[2], std::string(name) + ".value")};
        m.keys.check(m.keys.size());
        m.values.check(m.keys.size());
        check_offsets(m.offsets, n, m.keys.size(), name);
        return m;
    };
    MapIn ids = map_in("ids"), links = map_in("links");
    auto ex = works["extra"].cast<py::tuple>();
    Int64s extra_offsets = ex[0].cast<Int64s>();
    TextIn extra_keys = text_in(ex[1], "extra.key"), extra_text = text_in(ex[6], "extra.text");
    const std::size_t entries = extra_keys.size();
    extra_keys.check(entries);
    extra_text.check(entries);
    check_offsets(extra_offsets, n, entries, "extra");
    auto ex_flags = [&](int k, const char* what) {
        auto a = ex[k].cast<Bools>();
        if (static_cast<std::size_t>(a.size()) != entries) throw py::value_error(std::string("column 'extra.") + what + "': length differs");
        return a;
    };
    Bools flag = ex_flags(2, "bool"), flag_valid = ex_flags(3, "bool"), integer_valid = ex_flags(5, "int"),
          real_valid = ex_flags(8, "float");
    Int64s integer = ex[4].cast<Int64s>();
    auto real = ex[7].cast<py::array_t<double, py::array::c_style | py::array::forcecast>>();
    if (static_cast<std::size_t>(integer.size()) != entries || static_cast<std::size_t>(real.size()) != entries)
        throw py::value_error("column 'extra': value lengths differ");
    for (TextIn* t : {&title, &date, &venue, &abstract, &category, &source, &format}) t->check(n);

    Int64s work = authors["work"].cast<Int64s>();
    const std::size_t m = static_cast<std::size_t>(work.size());
    TextIn a_text[] = {text(authors, "raw"), text(authors, "display"), text(authors, "given"), text(authors, "surname"),
                       text(authors, "initials"), text(authors, "suffix"), text(authors, "key"), text(authors, "id")};
    for (auto& t : a_text) t.check(m);
    auto aff = authors["affiliations"].cast<py::tuple>();
    Int64s aff_offsets = aff[0].cast<Int64s>();
    TextIn aff_text = text_in(aff[1], "affiliations");
    aff_text.check(aff_text.size());
    check_offsets(aff_offsets, m, aff_text.size(), "affiliations");
    Bools equal = flags(authors, "equal_contribution", m), highlighted = flags(authors, "highlighted", m);
    for (std::size_t k = 0; k < m; ++k)
        if (work.data()[k] < 0 || static_cast<std::size_t>(work.data()[k]) >= n ||
            (k > 0 && work.data()[k] < work.data()[k - 1]))
            throw py::value_error("column 'work': author row " + std::to_string(k) +
                                  " names no work, or authors are not in work order");

    Corpus c;
    py::gil_scoped_release release;
    c.works.resize(n);
    auto str = [](const TextIn& t, std::size_t i) { return std::string(t.at(i)); };
    for (std::size_t i = 0; i < n; ++i) {
        Work& w = c.works[i];
        w.title = str(title, i);
        w.authors_truncated = truncated.data()[i];
        if (year_valid.data()[i]) w.year = static_cast<int>(year.data()[i]);
        if (!date.null(i)) w.date = str(date, i);
        w.venue = str(venue, i), w.abstract = str(abstract, i), w.category = str(category, i);
        for (MapIn* mp : {&ids, &links}) {
            StringMap& out = mp == &ids ? w.ids : w.links;
            for (std::int64_t e = mp->offsets.data()[i]; e < mp->offsets.data()[i + 1]; ++e)
                out[str(mp->keys, e)] = mp->values.null(e) ? std::string() : str(mp->values, e);
        }
        w.source = str(source, i), w.source_format = str(format, i);
        w.source_line = static_cast<int>(line.data()[i]);
        for (std::int64_t e = extra_offsets.data()[i]; e < extra_offsets.data()[i + 1]; ++e) {
            Value v;
            if (flag_valid.data()[e]) v = static_cast<bool>(flag.data()[e]);
            else if (integer_valid.data()[e]) v = integer.data()[e];
            else if (real_valid.data()[e]) v = real.data()[e];
            else if (!extra_text.null(e)) v = str(extra_text, e);
            w.extra[str(extra_keys, e)] = std::move(v);
        }
    }
    for (std::size_t k = 0; k < m; ++k) {
        Author a;
        std::string* fields[] = {&a.raw, &a.display, &a.given, &a.surname, &a.initials, &a.suffix, &a.key, &a.id};
        for (int f = 0; f < 8; ++f) *fields[f] = str(a_text[f], k);
        for (std::int64_t e = aff_offsets.data()[k]; e < aff_offsets.data()[k + 1]; ++e) a.affiliations.push_back(str(aff_text, e));
        a.equal_contribution = equal.data()[k];
        a.highlighted = highlighted.data()[k];
        c.works[static_cast<std::size_t>(work.data()[k])].authors.push_back(std::move(a));
    }
    return c;
}

}  // namespace

void bind_arrow(py::module_& m) {
    m.def("arrow_buffers", &arrow_buffers, py::arg("corpus"),
          "The works and authors of a corpus as Arrow buffers (numpy arrays that own the memory), for\n"
          "pyarrow.Array.from_buffers: scholarmerge.arrow builds the tables from them.");
    m.def(
        "extra_dicts",
        [](const Corpus& c) {
            py::list out;
            for (const auto& w : c.works) out.append(py::cast(w.extra));
            return out;
        },
        py::arg("corpus"), "Each work's `extra` as a dict (an object column of pandas holds these).");
    m.def("corpus_from_buffers", &corpus_from_buffers, py::arg("works"), py::arg("authors"),
          "A Corpus from the columns of scholarmerge.arrow's tables as numpy views (int64 offsets, bool validity).");
}

}  // namespace scholarmerge::bindings
