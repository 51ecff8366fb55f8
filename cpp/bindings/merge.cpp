#include "merge/stages.hpp"
#include "scholarmerge/merge/merge.hpp"

#include <pybind11/numpy.h>
#include <pybind11/stl.h>

#include "bindings.hpp"

namespace py = pybind11;

namespace scholarmerge::bindings {

// The merge result as column lists, ready for pandas: one dict per table.

py::dict works_columns(const Corpus& corpus, const std::vector<MergedWork>& works) {
    py::list wid, title, year, date, venue, authors, person_ids, truncated, abstract, ids, links, sources, n_sources,
        provenance;
    for (const auto& w : works) {
        const Work& rec = w.record;
        wid.append(w.work_id);
        title.append(rec.title);
        year.append(rec.year ? py::object(py::int_(*rec.year)) : py::object(py::none()));
        date.append(rec.date.empty() ? py::object(py::none()) : py::object(py::str(rec.date)));
        venue.append(rec.venue);
        py::list names;
        for (const auto& a : rec.authors) names.append(a.display);
        authors.append(names);
        person_ids.append(py::cast(w.person_ids));
        truncated.append(rec.authors_truncated);
        abstract.append(rec.abstract);
        ids.append(py::cast(rec.ids));
        links.append(py::cast(rec.links));
        py::list src;
        for (std::size_t m : w.members)
            src.append(corpus.works[m].source + ":" + std::to_string(corpus.works[m].source_line));
        sources.append(src);
        n_sources.append(w.members.size());
        auto at = [&](std::size_t m) { return corpus.works[m].source + ":" + std::to_string(corpus.works[m].source_line); };
        py::dict prov;
        prov["title"] = at(w.title_from);
        prov["year"] = at(w.year_from);
        prov["venue"] = at(w.venue_from);
        prov["authors"] = at(w.authors_from);
        prov["abstract"] = at(w.abstract_from);
        provenance.append(prov);
    }
    py::dict out;
    out["work_id"] = wid;
    out["title"] = title;
    out["year"] = year;
    out["date"] = date;
    out["venue"] = venue;
    out["authors"] = authors;
    out["person_ids"] = person_ids;
    out["authors_truncated"] = truncated;
    out["abstract"] = abstract;
    out["ids"] = ids;
    out["links"] = links;
    out["sources"] = sources;
    out["n_sources"] = n_sources;
    out["provenance"] = provenance;
    return out;
}

py::dict people_columns(const std::vector<Person>& people) {
    py::list pid, pname, variants, n_works, pworks;
    for (const auto& p : people) {
        pid.append(p.person_id);
        pname.append(p.name);
        variants.append(py::cast(p.variants));
        n_works.append(p.works.size());
        pworks.append(py::cast(p.works));
    }
    py::dict out;
    out["person_id"] = pid;
    out["name"] = pname;
    out["variants"] = variants;
    out["n_works"] = n_works;
    out["work_ids"] = pworks;
    return out;
}

static py::dict profiles_columns(const std::vector<MergedProfile>& profiles) {
    py::list fid, fname, finferred, fsources, fentries, fworks, fwork_ids;
    for (const auto& p : profiles) {
        fid.append(p.person_id >= 0 ? py::object(py::int_(p.person_id)) : py::object(py::none()));
        fname.append(p.name);
        finferred.append(p.inferred);
        fsources.append(py::cast(p.sources));
        fentries.append(p.n_entries);
        fworks.append(p.works.size());
        fwork_ids.append(py::cast(p.works));
    }
    py::dict out;
    out["person_id"] = fid;
    out["name"] = fname;
    out["inferred"] = finferred;
    out["sources"] = fsources;
    out["n_entries"] = fentries;
    out["n_works"] = fworks;
    out["work_ids"] = fwork_ids;
    return out;
}

py::dict conflicts_columns(const std::vector<Conflict>& conflicts) {
    py::list cid, field, values, where;
    for (const auto& c : conflicts) {
        cid.append(c.work_id);
        field.append(c.field);
        py::list vs, ws;
        for (const auto& [v, p] : c.values) {
            vs.append(v);
            ws.append(p.where());
        }
        values.append(vs);
        where.append(ws);
    }
    py::dict out;
    out["work_id"] = cid;
    out["field"] = field;
    out["values"] = values;
    out["sources"] = where;
    return out;
}

static py::dict to_columns(const Corpus& corpus, const MergeResult& r) {
    py::dict out;
    out["works"] = works_columns(corpus, r.works);
    out["people"] = people_columns(r.people);
    out["profiles"] = profiles_columns(r.profiles);
    out["conflicts"] = conflicts_columns(r.conflicts);
    out["work_of"] = py::cast(r.work_of);
    return out;
}

void bind_merge(py::module_& m) {
    m.def(
        "merge_corpus",
        [](const Corpus& corpus, py::array_t<std::int64_t> labels) {
            std::vector<std::int64_t> l(labels.data(), labels.data() + labels.size());
            MergeResult r;
            {
                py::gil_scoped_release release;
                r = merge(corpus, l);
            }
            return to_columns(corpus, r);
        },
        py::arg("corpus"), py::arg("labels"));
    m.def(
        "merge_deduped",
        [](const Corpus& corpus, double threshold, int threads, py::object model) {
            DedupeOptions o;
            o.threshold = threshold;
            o.threads = threads;
            o.model = given_model(model);
            DedupeDetails d;
            MergeResult r;
            {
                py::gil_scoped_release release;
                d = dedupe_prepared(prepare(corpus.works, o.threads), o);
                r = merge(corpus, d);
            }
            py::array_t<std::int64_t> labels(static_cast<py::ssize_t>(d.labels.size()), d.labels.data());
            return py::make_tuple(labels, *d.model, to_columns(corpus, r));
        },
        py::arg("corpus"), py::arg("threshold") = 0.0, py::arg("threads") = 0, py::arg("model") = py::none(),
        "Dedupe then merge, the records prepared once for both: (labels, model, merge columns).");
}

}  // namespace scholarmerge::bindings
