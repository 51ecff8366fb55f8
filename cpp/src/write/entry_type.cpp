#include "entry_type.hpp"

#include "text/fold.hpp"

namespace scholarmerge::detail {

Kind kind_of(const Work& w) {
    std::string c = text::fold(w.category);
    if (c == "article" || c == "journal-article" || c == "article-journal" || c == "journalarticle" ||
        c == "journal" || c == "review")
        return Kind::article;
    if (c == "inproceedings" || c == "conference" || c == "proceedings-article" || c == "paper-conference" ||
        c == "conference paper")
        return Kind::proceedings;
    if (c == "book" || c == "monograph") return Kind::book;
    if (c == "incollection" || c == "chapter" || c == "book-chapter" || c == "inbook") return Kind::chapter;
    if (c == "phdthesis" || c == "thesis" || c == "dissertation") return Kind::thesis;
    if (c == "mastersthesis") return Kind::masters_thesis;
    if (c == "techreport" || c == "report") return Kind::report;
    if (!c.empty() && c != "misc" && c != "preprint" && c != "posted-content" && c != "other") return Kind::other;
    if (c.empty() && !w.venue.empty()) {
        std::string v = text::fold(w.venue);
        for (const char* word : {"proceedings", "conference", "workshop", "symposium"})
            if (v.find(word) != std::string::npos) return Kind::proceedings;
        if (v.find("arxiv") == std::string::npos) return Kind::article;
    }
    return Kind::other;
}

}  // namespace scholarmerge::detail
