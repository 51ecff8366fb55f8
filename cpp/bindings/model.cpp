#include "scholarmerge/model.hpp"

#include <pybind11/stl.h>

#include "bindings.hpp"
#include "scholarmerge/names/parse.hpp"
#include "scholarmerge/write/jsonl.hpp"
#include "text/split_letters.hpp"

namespace py = pybind11;

namespace scholarmerge::bindings {

namespace {

// Python-style index: negative counts from the end; out of range raises IndexError.
std::size_t checked_index(py::ssize_t i, std::size_t n) {
    if (i < 0) i += static_cast<py::ssize_t>(n);
    if (i < 0 || static_cast<std::size_t>(i) >= n) throw py::index_error("index out of range");
    return static_cast<std::size_t>(i);
}

// Column lists of the works for DataFrame construction in one pass.
py::dict work_columns(const std::vector<Work>& works) {
    py::list title, authors, truncated, year, date, venue, abstract, category, ids, links, source, fmt, line, extra;
    for (const auto& w : works) {
        title.append(w.title);
        py::list names;
        for (const auto& a : w.authors) names.append(a.display);
        authors.append(names);
        truncated.append(w.authors_truncated);
        year.append(w.year ? py::object(py::int_(*w.year)) : py::object(py::none()));
        date.append(w.date.empty() ? py::object(py::none()) : py::object(py::str(w.date)));
        venue.append(w.venue);
        abstract.append(w.abstract);
        category.append(w.category);
        ids.append(py::cast(w.ids));
        links.append(py::cast(w.links));
        source.append(w.source);
        fmt.append(w.source_format);
        line.append(w.source_line);
        extra.append(py::cast(w.extra));
    }
    py::dict d;
    d["title"] = title;
    d["authors"] = authors;
    d["authors_truncated"] = truncated;
    d["year"] = year;
    d["date"] = date;
    d["venue"] = venue;
    d["abstract"] = abstract;
    d["category"] = category;
    d["ids"] = ids;
    d["links"] = links;
    d["source"] = source;
    d["source_format"] = fmt;
    d["source_line"] = line;
    d["extra"] = extra;
    return d;
}

}  // namespace

void bind_model(py::module_& m) {
    py::class_<Author>(m, "Author")
        .def(py::init<>())
        .def_readwrite("raw", &Author::raw)
        .def_readwrite("display", &Author::display)
        .def_readwrite("given", &Author::given)
        .def_readwrite("surname", &Author::surname)
        .def_readwrite("initials", &Author::initials)
        .def_readwrite("suffix", &Author::suffix)
        .def_readwrite("key", &Author::key)
        .def_readwrite("id", &Author::id)
        .def_readwrite("affiliations", &Author::affiliations)
        .def_readwrite("equal_contribution", &Author::equal_contribution)
        .def_readwrite("highlighted", &Author::highlighted)
        .def("to_json", [](const Author& a) { return to_json(a); })
        .def("__repr__", [](const Author& a) { return "Author(" + py::repr(py::str(a.display)).cast<std::string>() + ")"; });

    py::class_<Work>(m, "Work")
        .def(py::init<>())
        .def_readwrite("title", &Work::title)
        .def_readwrite("authors", &Work::authors)
        .def_readwrite("authors_truncated", &Work::authors_truncated)
        .def_readwrite("year", &Work::year)
        .def_property(
            "date", [](const Work& w) { return w.date.empty() ? py::object(py::none()) : py::object(py::str(w.date)); },
            [](Work& w, const std::optional<std::string>& d) { w.date = d.value_or(""); })
        .def_readwrite("venue", &Work::venue)
        .def_readwrite("abstract", &Work::abstract)
        .def_readwrite("category", &Work::category)
        .def_readwrite("ids", &Work::ids)
        .def_readwrite("links", &Work::links)
        .def_readwrite("source", &Work::source)
        .def_readwrite("source_format", &Work::source_format)
        .def_readwrite("source_line", &Work::source_line)
        .def_readwrite("extra", &Work::extra)
        .def("to_json", [](const Work& w) { return to_json(w); })
        .def("__repr__", [](const Work& w) {
            return "Work(" + py::repr(py::str(w.title)).cast<std::string>() + ", " + w.source + ":" +
                   std::to_string(w.source_line) + ")";
        });

    py::class_<Diagnostic>(m, "Diagnostic")
        .def_readonly("source", &Diagnostic::source)
        .def_readonly("line", &Diagnostic::line)
        .def_property_readonly("severity", [](const Diagnostic& d) { return to_string(d.severity); })
        .def_readonly("message", &Diagnostic::message)
        .def("__str__", [](const Diagnostic& d) {
            std::string where = d.source + (d.line > 0 ? ":" + std::to_string(d.line) : "");
            return where + ": " + to_string(d.severity) + ": " + d.message;
        })
        .def("__repr__", [](const Diagnostic& d) {
            return "Diagnostic(" + d.source + ":" + std::to_string(d.line) + ", " + to_string(d.severity) + ", " +
                   py::repr(py::str(d.message)).cast<std::string>() + ")";
        });

    py::class_<ProfileHeader>(m, "ProfileHeader")
        .def_readonly("name", &ProfileHeader::name)
        .def_readonly("source", &ProfileHeader::source)
        .def_readonly("source_format", &ProfileHeader::source_format)
        .def_readonly("inferred", &ProfileHeader::inferred)
        .def_readonly("metrics", &ProfileHeader::metrics)
        .def("__repr__", [](const ProfileHeader& p) {
            return "ProfileHeader(" + py::repr(py::str(p.name)).cast<std::string>() + ", " + p.source + ")";
        });

    py::class_<Corpus>(m, "Corpus")
        .def(py::init<>())
        .def("__len__", &Corpus::size)
        .def(
            "__getitem__", [](Corpus& c, py::ssize_t i) -> Work& { return c.works[checked_index(i, c.size())]; },
            py::return_value_policy::reference_internal, "The work itself (a view: setting a field changes the corpus).")
        .def_readonly("works", &Corpus::works)
        .def_readonly("diagnostics", &Corpus::diagnostics)
        .def_readonly("profiles", &Corpus::profiles)
        .def("columns", [](const Corpus& c) { return work_columns(c.works); })
        .def("to_jsonl", [](const Corpus& c) {
            std::string out;
            for (const auto& w : c.works) {
                out += to_json(w);
                out += '\n';
            }
            return out;
        })
        .def("extend", [](Corpus& self, Corpus other) { self.append(std::move(other)); })
        .def_static(
            "from_columns",
            [](py::object title_column, py::object author_column, py::object year_column, py::object venue_column,
               py::object source_column, py::object doi_column, py::object arxiv_column, py::object page_column,
               py::object note_column, const std::vector<int>& lines) {
                const std::vector<std::string> titles = text_or_empty(title_column), venues = text_or_empty(venue_column),
                                               sources = text_or_empty(source_column), dois = text_or_empty(doi_column),
                                               arxivs = text_or_empty(arxiv_column), pages = text_or_empty(page_column),
                                               notes = text_or_empty(note_column);
                const std::vector<std::optional<std::string>> authors = text_column(author_column);
                const std::vector<std::optional<std::int64_t>> years = int_column(year_column);
                const std::size_t n = titles.size();
                auto sized = [n](std::size_t m) { return m == 0 || m == n; };
                if (!sized(authors.size()) || !sized(years.size()) || !sized(venues.size()) ||
                    !sized(sources.size()) || !sized(dois.size()) || !sized(arxivs.size()) || !sized(pages.size()) || !sized(notes.size()) ||
                    !sized(lines.size()))
                    throw py::value_error("from_columns: every column needs one value per title");
                Corpus c;
                py::gil_scoped_release release;
                c.works.resize(n);
                for (std::size_t i = 0; i < n; ++i) {
                    Work& w = c.works[i];
                    w.title = titles[i];
                    if (!authors.empty() && authors[i]) {
                        // As the matcher reads a table's authors (dedupe_columns): names a
                        // tokenised export split at accented letters joined.
                        std::string joined;
                        AuthorList list = parse_author_list(text::join_split_letters(*authors[i], joined));
                        w.authors = std::move(list.authors);
                        w.authors_truncated = list.truncated;
                    }
                    if (!years.empty() && years[i]) w.year = static_cast<int>(*years[i]);
                    if (!venues.empty()) w.venue = venues[i];
                    if (!sources.empty()) w.source = sources[i];
                    if (!dois.empty() && !dois[i].empty()) w.ids["doi"] = dois[i];
                    if (!arxivs.empty() && !arxivs[i].empty()) w.ids["arxiv"] = arxivs[i];
                    if (!pages.empty() && !pages[i].empty()) w.extra["pages"] = pages[i];
                    if (!notes.empty() && !notes[i].empty()) w.extra["note"] = notes[i];
                    w.source_line = lines.empty() ? static_cast<int>(i) + 1 : lines[i];
                }
                return c;
            },
            py::arg("titles"), py::arg("authors") = py::list(), py::arg("years") = py::list(), py::arg("venues") = py::list(),
            py::arg("sources") = py::list(), py::arg("dois") = py::list(), py::arg("arxivs") = py::list(),
            py::arg("pages") = py::list(), py::arg("notes") = py::list(),
            py::arg("lines") = std::vector<int>{},
            "A Corpus from table columns (one value per row; author lists as text), built without a "
            "Python object per row. A column is a list or Arrow buffers (see dedupe_columns). `lines`: each row's line in its source (default: its position + 1).");
}

}  // namespace scholarmerge::bindings
