#include <stdexcept>

#include "scholarmerge/distributed.hpp"
#include "match/record.hpp"
#include "match/key_hash.hpp"
#include "scholarmerge/match/title.hpp"
#include "match/title_keys.hpp"

namespace scholarmerge::distributed {

RowKeys row_keys(const WorkColumns& c) {
    check_columns(c);
    RowKeys keys;
    const std::size_t n = c.titles.size();
    keys.doi.resize(n);
    keys.arxiv.resize(n);
    keys.title.resize(n);
    keys.main_title.resize(n);
    keys.recurrence.resize(n);
    keys.word_offsets.reserve(n + 1);
    keys.word_out_offsets.reserve(n + 1);
    static const std::string none;
    std::vector<std::uint64_t> words;
    for (std::size_t i = 0; i < n; ++i) {
        Work w;  // only what the keys depend on: authors are not parsed here
        w.title = c.titles[i];
        if (!c.dois.empty() && !c.dois[i].empty()) w.ids["doi"] = c.dois[i];
        if (!c.arxivs.empty() && !c.arxivs[i].empty()) w.ids["arxiv"] = c.arxivs[i];
        const MatchRecord r = make_match_record(w);
        const std::string title = index_word_keys(r.title, words);  // the skeleton, as the index keys it
        keys.words.insert(keys.words.end(), words.begin(), words.end());
        keys.word_offsets.push_back(keys.words.size());
        if (!r.doi.empty()) keys.doi[i] = group_key(r.doi, GroupKey::doi);
        if (!r.arxiv.empty()) keys.arxiv[i] = group_key(r.arxiv, GroupKey::arxiv);
        if (!r.title.empty()) keys.title[i] = title_key(title);
        if (!r.name.empty()) keys.main_title[i] = title_key(print_skeleton(r.name));  // meets titles equal to it
        word_out_keys(title, words);
        keys.word_out.insert(keys.word_out.end(), words.begin(), words.end());
        keys.word_out_offsets.push_back(keys.word_out.size());
        keys.recurrence[i] = recurrence_key(c.sources.empty() ? none : c.sources[i], r);
    }
    return keys;
}

}  // namespace scholarmerge::distributed
