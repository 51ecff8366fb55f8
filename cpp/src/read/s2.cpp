#include "read/s2.hpp"

#include "details/json_input.hpp"
#include "scholarmerge/names/parse.hpp"
#include "text/markup.hpp"
#include "text/ascii.hpp"

namespace scholarmerge {

using namespace detail;

namespace {

// externalIds keys -> our id names.
std::string id_name(std::string_view k) {
    if (detail::key_is(k, "DOI")) return "doi";
    if (detail::key_is(k, "ArXiv")) return "arxiv";
    if (detail::key_is(k, "PubMed")) return "pmid";
    if (detail::key_is(k, "PubMedCentral")) return "pmcid";
    if (detail::key_is(k, "CorpusId") || detail::key_is(k, "CorpusID")) return "s2_corpus";
    std::string out(k);
    for (char& c : out) c = ascii::to_lower(c);
    return out;  // dblp, mag, acl
}

bool read_author(od::value v, Author& out) {
    std::string_view name;  // a view into the parser's buffer, valid for this record: parsed, not copied first
    std::string id;
    bool ok = each_field(v, [&](std::string_view k, od::value x) {
        if (detail::key_is(k, "name")) return get_view(x, name);
        if (detail::key_is(k, "authorId")) return get_id(x, id);
        return true;
    });
    if (!ok) return false;
    parse_name_into(name, out);  // every field set, as a fresh parse would
    out.id = std::move(id);
    return true;
}

bool read_name_of(od::value v, std::string& out) {
    return each_field(v, [&](std::string_view k, od::value x) { return !detail::key_is(k, "name") || get_text(x, out); });
}

std::string read_paper(od::object obj, Work& w, ReadContext& ctx);

// The citations and references endpoints wrap each paper with what the
// citing paper says of it: {"citingPaper": {...}, "contexts": [...], "intents": [...], "isInfluential": true}.
bool read_wrapped(od::value x, Work& w, ReadContext& ctx, const char* relation) {
    od::object inner;
    bool is_null = false;
    if (x.is_null().get(is_null)) return false;
    if (is_null) return true;
    if (x.get_object().get(inner)) return false;
    w.extra["s2_relation"] = std::string(relation);
    return read_paper(inner, w, ctx).empty();
}

std::string read_paper(od::object obj, Work& w, ReadContext& ctx) {
    std::string venue, publication_venue, journal;
    std::optional<std::int64_t> year;
    bool author_record = false;  // {"authorId": ..., "name": ...}: a person, not a paper
    std::string problem = read_fields(obj, ctx, [&](std::string_view key, od::value x) {
        std::string s;
        bool ok = true;
        if (detail::key_is(key, "authorId")) {
            author_record = true;
        } else if (detail::key_is(key, "citingPaper")) {
            ok = read_wrapped(x, w, ctx, "citing");
        } else if (detail::key_is(key, "citedPaper")) {
            ok = read_wrapped(x, w, ctx, "cited");
        } else if (detail::key_is(key, "isInfluential")) {
            bool b = false;
            bool is_null = false;
            ok = !x.is_null().get(is_null) && (is_null || !x.get_bool().get(b));
            if (ok && !is_null) w.extra["influential"] = b;
        } else if (detail::key_is(key, "intents")) {
            std::vector<std::string> intents;
            ok = get_texts(x, intents);
            std::string joined;
            for (const auto& i : intents) (joined.empty() ? joined : joined += ", ") += i;
            if (ok && !joined.empty()) w.extra["intents"] = joined;
        } else if (detail::key_is(key, "contexts")) {
            std::vector<std::string> contexts;
            ok = get_texts(x, contexts);
            if (ok && !contexts.empty()) w.extra["contexts"] = static_cast<std::int64_t>(contexts.size());
        } else if (detail::key_is(key, "corpusid") || detail::key_is(key, "corpusId")) {
            // The datasets API's records (one per line, lower-case keys) name a paper by its corpus id.
            ok = get_id(x, s);
            if (!s.empty()) w.ids.emplace("s2_corpus", s);
        } else if (detail::key_is(key, "paperId")) {
            ok = get_text(x, s);
            if (!s.empty()) w.ids["s2"] = s;
        } else if (detail::key_is(key, "title")) {
            ok = get_text(x, w.title);
        } else if (detail::key_is(key, "year")) {
            ok = get_int(x, year);
        } else if ((detail::key_is(key, "publicationDate") || detail::key_is(key, "publicationdate"))) {
            ok = get_text(x, s);
            set_date(w, s);
        } else if (detail::key_is(key, "venue")) {
            ok = get_text(x, venue);
        } else if (detail::key_is(key, "publicationVenue")) {
            ok = read_name_of(x, publication_venue);
        } else if (detail::key_is(key, "journal")) {
            ok = read_name_of(x, journal);
        } else if (detail::key_is(key, "abstract")) {
            ok = get_text(x, w.abstract);
        } else if (detail::key_is(key, "url")) {
            ok = get_text(x, s);
            if (!s.empty()) w.links["landing"] = s;
        } else if (detail::key_is(key, "openAccessPdf")) {
            ok = each_field(x, [&](std::string_view k, od::value y) {
                std::string url;
                if (!detail::key_is(k, "url")) return true;
                if (!get_text(y, url)) return false;
                if (!url.empty()) w.links["pdf"] = url;
                return true;
            });
        } else if ((detail::key_is(key, "citationCount") || detail::key_is(key, "citationcount"))) {
            std::optional<std::int64_t> n;
            ok = get_int(x, n);
            if (n) w.extra["citations"] = *n;
        } else if ((detail::key_is(key, "publicationTypes") || detail::key_is(key, "publicationtypes"))) {
            std::vector<std::string> types;
            ok = get_texts(x, types);
            if (ok && !types.empty()) w.category = types.front();
        } else if ((detail::key_is(key, "externalIds") || detail::key_is(key, "externalids"))) {
            ok = each_field(x, [&](std::string_view k, od::value y) {
                std::string id;
                if (!get_id(y, id)) return false;
                if (id.empty()) return true;
                std::string name = id_name(k);
                w.ids[name] = name == "doi" ? bare_doi(id) : name == "arxiv" ? bare_arxiv(id) : id;
                return true;
            });
        } else if (detail::key_is(key, "authors")) {
            ok = each_item(x, [&](od::value a) { return read_author(a, w.authors.emplace_back()); });
        }
        return ok;
    });
    if (!problem.empty()) return problem;
    if (author_record && w.title.empty() && !w.ids.count("s2"))
        return "an S2 author record, not a paper: its papers come with fields=papers or /author/{id}/papers";
    w.title = text::clean_display(w.title);
    if (w.venue.empty()) w.venue = !venue.empty() ? venue : !publication_venue.empty() ? publication_venue : journal;
    reconcile_year(w, year);
    return "";
}

}  // namespace

bool looks_like_s2(std::string_view text) {
    return looks_like_json_with(text, {}, {"\"paperId\"", "\"externalIds\"", "\"corpusId\"", "\"corpusid\"", "\"citingPaper\"",
                                           "\"citedPaper\"", "\"recommendedPapers\"", "\"authorId\""});
}

// Envelopes: search, batch, author papers and citations/references pages
// ("data"), recommendations ("recommendedPapers"), an author with "papers".
void read_s2(std::string_view text, ReadContext& ctx) {
    read_json_records(text, ctx, {"data", "recommendedPapers", "papers"}, read_paper);
}

}  // namespace scholarmerge
