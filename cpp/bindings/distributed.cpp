// The distributed stages as functions of numpy arrays, lists of str and
// dicts of them: what Dask pickles between workers.
#include <pybind11/numpy.h>
#include <pybind11/stl.h>

#include "bindings.hpp"
#include "scholarmerge/distributed.hpp"

namespace py = pybind11;

namespace scholarmerge::bindings {

namespace {

using namespace scholarmerge::distributed;

template <class T>
std::vector<T> vec(const py::array_t<T, py::array::c_style | py::array::forcecast>& a) {
    if (a.ndim() != 1) throw py::value_error("expected a one-dimensional array");
    return std::vector<T>(a.data(), a.data() + a.size());
}

template <class T>
std::vector<T> field(const py::dict& d, const char* name) {
    if (!d.contains(name)) throw py::value_error(std::string("missing array: ") + name);
    return vec<T>(py::array_t<T, py::array::c_style | py::array::forcecast>::ensure(d[name]));
}

py::tuple pair_arrays(const std::vector<RowPair>& pairs) {
    py::array_t<std::int64_t> ys(static_cast<py::ssize_t>(pairs.size())), xs(static_cast<py::ssize_t>(pairs.size()));
    for (std::size_t i = 0; i < pairs.size(); ++i) ys.mutable_data()[i] = pairs[i].first, xs.mutable_data()[i] = pairs[i].second;
    return py::make_tuple(ys, xs);
}

std::vector<RowPair> pairs_of(const py::array_t<std::int64_t>& ys, const py::array_t<std::int64_t>& xs) {
    if (ys.size() != xs.size()) throw py::value_error("pair arrays differ in length");
    std::vector<RowPair> pairs(static_cast<std::size_t>(ys.size()));
    for (std::size_t i = 0; i < pairs.size(); ++i) pairs[i] = {ys.data()[i], xs.data()[i]};
    return pairs;
}

py::dict postings_dict(const Postings& p) {
    py::dict d;
    d["word"] = to_array(p.word);
    d["row"] = to_array(p.row);
    d["position"] = to_array(p.position);
    d["size"] = to_array(p.size);
    d["set_offsets"] = to_array(p.set_offsets);
    d["sets"] = to_array(p.sets);
    return d;
}

Postings postings_of(const py::dict& d) {
    Postings p{field<std::uint32_t>(d, "word"), field<std::int64_t>(d, "row"), field<std::uint32_t>(d, "position"),
               field<std::uint32_t>(d, "size"), field<std::uint64_t>(d, "set_offsets"), field<std::uint32_t>(d, "sets")};
    const std::size_t n = p.row.size();
    if (p.word.size() != n || p.position.size() != n || p.size.size() != n || p.set_offsets.size() != n + 1 ||
        p.set_offsets.back() != p.sets.size())
        throw py::value_error("postings: arrays of inconsistent lengths");
    return p;
}

// The word columns of row_keys' dict.
RowKeys word_keys_of(const py::dict& keys) {
    RowKeys k;
    k.word_offsets = field<std::uint64_t>(keys, "word_offsets");
    k.words = field<std::uint64_t>(keys, "words");
    if (k.word_offsets.empty() || k.word_offsets.back() != k.words.size())
        throw py::value_error("row keys: word offsets do not match the words");
    return k;
}

WordRanks ranks_of(const py::dict& ranks) {
    return WordRanks{field<std::uint64_t>(ranks, "words"), field<std::uint32_t>(ranks, "ranks"),
                     ranks["common_rank"].cast<std::uint32_t>()};
}

// Mentions travel as a dict: int64 arrays and lists of str.
py::dict mentions_dict(const Mentions& m) {
    py::dict d;
    d["row"] = to_array(m.row);
    d["index"] = to_array(m.index);
    d["work"] = to_array(m.work);
    d["key"] = py::cast(m.key);
    d["given"] = py::cast(m.given);
    d["surname"] = py::cast(m.surname);
    d["initials"] = py::cast(m.initials);
    d["display"] = py::cast(m.display);
    d["works"] = to_array(m.works);
    d["coauthor_offsets"] = to_array(m.coauthor_offsets);
    d["coauthors"] = py::cast(m.coauthors);
    return d;
}

std::vector<std::string> strings(const py::dict& d, const char* name) {
    if (!d.contains(name)) throw py::value_error(std::string("missing list: ") + name);
    return d[name].cast<std::vector<std::string>>();
}

std::vector<Mentions> mentions_of(const py::list& parts) {
    std::vector<Mentions> out;
    for (auto item : parts) {
        const auto d = item.cast<py::dict>();
        out.push_back({field<std::int64_t>(d, "row"), field<std::int64_t>(d, "index"), field<std::int64_t>(d, "work"),
                       strings(d, "key"), strings(d, "given"), strings(d, "surname"), strings(d, "initials"),
                       strings(d, "display"), field<std::int64_t>(d, "works"),
                       field<std::uint64_t>(d, "coauthor_offsets"), strings(d, "coauthors")});
    }
    return out;  // lengths are checked by the stages
}

WorkColumns columns(std::vector<std::string> titles, std::vector<std::optional<std::string>> authors,
                    std::vector<std::optional<std::int64_t>> years, std::vector<std::string> venues,
                    std::vector<std::string> sources, std::vector<std::string> dois, std::vector<std::string> arxivs,
                    std::vector<std::string> pages = {}, std::vector<std::string> notes = {}) {
    return WorkColumns{std::move(titles), std::move(authors), std::move(years), std::move(venues), std::move(sources),
                       std::move(dois), std::move(arxivs), std::move(pages), std::move(notes)};
}

}  // namespace

void bind_distributed(py::module_& root) {
    auto m = root.def_submodule("distributed", "dedupe and merge in stages over partitions (see scholarmerge/distributed.hpp)");
    m.def(
        "row_keys",
        [](std::vector<std::string> titles, std::vector<std::string> sources, std::vector<std::string> dois,
           std::vector<std::string> arxivs) {
            WorkColumns c = columns(std::move(titles), {}, {}, {}, std::move(sources), std::move(dois), std::move(arxivs));
            RowKeys k;
            {
                py::gil_scoped_release release;
                k = row_keys(c);
            }
            py::dict d;
            d["word_offsets"] = to_array(k.word_offsets);
            d["words"] = to_array(k.words);
            d["doi"] = to_array(k.doi);
            d["arxiv"] = to_array(k.arxiv);
            d["title"] = to_array(k.title);
            d["main_title"] = to_array(k.main_title);
            d["recurrence"] = to_array(k.recurrence);
            d["word_out_offsets"] = to_array(k.word_out_offsets);
            d["word_out"] = to_array(k.word_out);
            return d;
        },
        py::arg("titles"), py::arg("sources"), py::arg("dois"), py::arg("arxivs"));
    m.def(
        "word_ranks",
        [](py::array_t<std::uint64_t, py::array::c_style | py::array::forcecast> words,
           py::array_t<std::uint64_t, py::array::c_style | py::array::forcecast> df) {
            auto w = vec(words), f = vec(df);
            WordRanks r;
            {
                py::gil_scoped_release release;
                r = word_ranks(w, f);
            }
            py::dict d;
            d["words"] = to_array(r.words);
            d["ranks"] = to_array(r.ranks);
            d["common_rank"] = r.common_rank;
            return d;
        },
        py::arg("words"), py::arg("document_frequency"));
    m.def(
        "prefix_postings",
        [](const py::dict& keys, std::int64_t first_row, const py::dict& ranks, double min_jaccard, std::size_t buckets) {
            RowKeys k = word_keys_of(keys);
            WordRanks r = ranks_of(ranks);
            std::vector<Postings> out;
            {
                py::gil_scoped_release release;
                out = prefix_postings(k, first_row, r, min_jaccard, buckets);
            }
            py::list l;
            for (const auto& p : out) l.append(postings_dict(p));
            return l;
        },
        py::arg("keys"), py::arg("first_row"), py::arg("ranks"), py::arg("min_jaccard"), py::arg("buckets"));
    m.def(
        "prefix_join",
        [](const py::list& parts, double min_jaccard) {
            std::vector<Postings> ps;
            for (auto p : parts) ps.push_back(postings_of(p.cast<py::dict>()));
            std::vector<RowPair> pairs;
            {
                py::gil_scoped_release release;
                pairs = prefix_join(ps, min_jaccard);
            }
            return pair_arrays(pairs);
        },
        py::arg("parts"), py::arg("min_jaccard"));
    m.def(
        "group_entries",
        [](const py::dict& keys, std::int64_t first_row, const py::dict& ranks, double min_jaccard) {
            RowKeys k = word_keys_of(keys);
            k.doi = field<std::uint64_t>(keys, "doi");
            k.arxiv = field<std::uint64_t>(keys, "arxiv");
            k.title = field<std::uint64_t>(keys, "title");
            k.main_title = field<std::uint64_t>(keys, "main_title");
            k.word_out_offsets = field<std::uint64_t>(keys, "word_out_offsets");
            k.word_out = field<std::uint64_t>(keys, "word_out");
            WordRanks r = ranks_of(ranks);
            GroupEntries out;
            {
                py::gil_scoped_release release;
                out = group_entries(k, first_row, r, min_jaccard);
            }
            return py::make_tuple(to_array(out.keys), to_array(out.rows));
        },
        py::arg("keys"), py::arg("first_row"), py::arg("ranks"), py::arg("min_jaccard"));
    m.def(
        "group_pairs",
        [](py::array_t<std::uint64_t, py::array::c_style | py::array::forcecast> keys,
           py::array_t<std::int64_t, py::array::c_style | py::array::forcecast> rows) {
            auto k = vec(keys);
            auto r = vec(rows);
            std::vector<RowPair> pairs;
            {
                py::gil_scoped_release release;
                pairs = group_pairs(k, r);
            }
            return pair_arrays(pairs);
        },
        py::arg("keys"), py::arg("rows"));
    using Ids = py::array_t<std::int64_t, py::array::c_style | py::array::forcecast>;
    using Keys = py::array_t<std::uint64_t, py::array::c_style | py::array::forcecast>;
    m.def(
        "count_anchors",
        [](std::vector<std::string> titles, std::vector<std::optional<std::string>> authors,
           std::vector<std::optional<std::int64_t>> years, std::vector<std::string> venues,
           std::vector<std::string> sources, std::vector<std::string> dois, std::vector<std::string> arxivs,
           std::vector<std::string> pages, std::vector<std::string> notes, Ids row_ids, Keys recurrence, Ids ys, Ids xs) {
            WorkColumns c = columns(std::move(titles), std::move(authors), std::move(years), std::move(venues),
                                    std::move(sources), std::move(dois), std::move(arxivs), std::move(pages), std::move(notes));
            auto ids = vec(row_ids);
            std::vector<std::uint64_t> keys(recurrence.data(), recurrence.data() + recurrence.size());
            auto pairs = pairs_of(ys, xs);
            std::vector<std::uint64_t> counts;
            {
                py::gil_scoped_release release;
                counts = count_anchors(c, ids, keys, pairs);
            }
            return counts;
        },
        py::arg("titles"), py::arg("authors"), py::arg("years"), py::arg("venues"), py::arg("sources"),
        py::arg("dois"), py::arg("arxivs"), py::arg("pages"), py::arg("notes"), py::arg("row_ids"), py::arg("recurrence"), py::arg("ys"),
        py::arg("xs"));
    m.def(
        "merge_anchors",
        [](std::vector<std::vector<std::uint64_t>> states) {
            py::gil_scoped_release release;
            return merge_anchors(states);
        },
        py::arg("states"), "The buckets' venue names (count_anchors) summed.");
    m.def(
        "count_patterns",
        [](std::vector<std::string> titles, std::vector<std::optional<std::string>> authors,
           std::vector<std::optional<std::int64_t>> years, std::vector<std::string> venues,
           std::vector<std::string> sources, std::vector<std::string> dois, std::vector<std::string> arxivs,
           std::vector<std::string> pages, std::vector<std::string> notes, Ids row_ids, Keys recurrence, Ids ys, Ids xs,
           std::vector<std::uint64_t> anchors) {
            WorkColumns c = columns(std::move(titles), std::move(authors), std::move(years), std::move(venues),
                                    std::move(sources), std::move(dois), std::move(arxivs), std::move(pages), std::move(notes));
            auto ids = vec(row_ids);
            std::vector<std::uint64_t> keys(recurrence.data(), recurrence.data() + recurrence.size());
            auto pairs = pairs_of(ys, xs);
            PatternCounts counts;
            {
                py::gil_scoped_release release;
                counts = count_patterns(c, ids, keys, pairs, anchors);
            }
            return to_array(counts);
        },
        py::arg("titles"), py::arg("authors"), py::arg("years"), py::arg("venues"), py::arg("sources"),
        py::arg("dois"), py::arg("arxivs"), py::arg("pages"), py::arg("notes"), py::arg("row_ids"), py::arg("recurrence"), py::arg("ys"),
        py::arg("xs"), py::arg("anchors"));
    m.def(
        "verify_and_cluster",
        [](std::vector<std::string> titles, std::vector<std::optional<std::string>> authors,
           std::vector<std::optional<std::int64_t>> years, std::vector<std::string> venues,
           std::vector<std::string> sources, std::vector<std::string> dois, std::vector<std::string> arxivs,
           std::vector<std::string> pages, std::vector<std::string> notes, Ids row_ids, Keys recurrence, Ids ys, Ids xs,
           const MatchModel& model, double threshold) {
            WorkColumns c = columns(std::move(titles), std::move(authors), std::move(years), std::move(venues),
                                    std::move(sources), std::move(dois), std::move(arxivs), std::move(pages), std::move(notes));
            auto ids = vec(row_ids);
            std::vector<std::uint64_t> keys(recurrence.data(), recurrence.data() + recurrence.size());
            auto pairs = pairs_of(ys, xs);
            std::vector<std::int64_t> labels;
            {
                py::gil_scoped_release release;
                labels = verify_and_cluster(c, ids, keys, pairs, model, threshold);
            }
            return to_array(labels);
        },
        py::arg("titles"), py::arg("authors"), py::arg("years"), py::arg("venues"), py::arg("sources"),
        py::arg("dois"), py::arg("arxivs"), py::arg("pages"), py::arg("notes"), py::arg("row_ids"), py::arg("recurrence"), py::arg("ys"),
        py::arg("xs"), py::arg("model"), py::arg("threshold") = 0.0);

    using Int64s = py::array_t<std::int64_t, py::array::c_style | py::array::forcecast>;
    m.def(
        "work_mentions",
        [](const Corpus& rows, Int64s row_ids, Int64s labels, std::size_t buckets) {
            auto ids = vec(row_ids), l = vec(labels);
            std::vector<Mentions> out;
            {
                py::gil_scoped_release release;
                out = work_mentions(rows, ids, l, buckets);
            }
            py::list parts;
            for (const auto& p : out) parts.append(mentions_dict(p));
            return parts;
        },
        py::arg("rows"), py::arg("row_ids"), py::arg("labels"), py::arg("buckets"),
        "The author mentions of rows holding whole works, as `buckets` dicts by name key.");
    m.def(
        "resolve_mentions",
        [](const py::list& parts) {
            auto ps = mentions_of(parts);
            BucketPeople r;
            {
                py::gil_scoped_release release;
                r = resolve_mentions(ps);
            }
            py::dict d;
            d["person"] = to_array(r.person);
            d["first_row"] = to_array(r.first_row);
            d["first_index"] = to_array(r.first_index);
            return d;
        },
        py::arg("parts"), "The people of one key bucket: per mention a local person; per person its first mention.");
    m.def(
        "number_people",
        [](Int64s first_row, Int64s first_index) {
            auto r = vec(first_row), i = vec(first_index);
            std::vector<std::int64_t> ids;
            {
                py::gil_scoped_release release;
                ids = number_people(r, i);
            }
            return to_array(ids);
        },
        py::arg("first_row"), py::arg("first_index"), "Person ids in order of first mention.");
    m.def(
        "bucket_people",
        [](const py::list& parts, Int64s person) {
            auto ps = mentions_of(parts);
            auto p = vec(person);
            std::vector<Person> people;
            {
                py::gil_scoped_release release;
                people = bucket_people(ps, p);
            }
            return people_columns(people);
        },
        py::arg("parts"), py::arg("person"), "The people table of one key bucket, as merge_corpus gives it.");
    m.def(
        "merge_rows",
        [](const Corpus& rows, Int64s row_ids, Int64s labels, Int64s mention_row, Int64s mention_index, Int64s person) {
            auto ids = vec(row_ids), l = vec(labels), mr = vec(mention_row), mi = vec(mention_index), p = vec(person);
            MergeResult r;
            {
                py::gil_scoped_release release;
                r = merge_rows(rows, ids, l, mr, mi, p);
            }
            py::dict d;
            d["works"] = works_columns(rows, r.works);
            d["conflicts"] = conflicts_columns(r.conflicts);
            return d;
        },
        py::arg("rows"), py::arg("row_ids"), py::arg("labels"), py::arg("mention_row"), py::arg("mention_index"),
        py::arg("person"), "Works and conflicts of one work bucket, as merge_corpus gives them.");
}

}  // namespace scholarmerge::bindings
