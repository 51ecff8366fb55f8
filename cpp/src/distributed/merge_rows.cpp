// merge_works() of one work bucket, with people resolved elsewhere (see distributed.hpp).
#include <algorithm>
#include <stdexcept>

#include "scholarmerge/distributed.hpp"
#include "merge/stages.hpp"

namespace scholarmerge::distributed {

MergeResult merge_rows(const Corpus& rows, const std::vector<std::int64_t>& row_ids,
                       const std::vector<std::int64_t>& labels, const std::vector<std::int64_t>& mention_row,
                       const std::vector<std::int64_t>& mention_index, const std::vector<std::int64_t>& person) {
    const auto& works = rows.works;
    if (row_ids.size() != works.size() || labels.size() != works.size())
        throw std::invalid_argument("merge_rows: one row id and one label per row");
    // Ascending, so that each work's members are in input order, as in merge().
    if (!std::is_sorted(row_ids.begin(), row_ids.end())) throw std::invalid_argument("merge_rows: row ids must ascend");
    if (mention_index.size() != mention_row.size() || person.size() != mention_row.size())
        throw std::invalid_argument("merge_rows: one index and one person per mention row");
    // person_at[local row][author index]; -1: not given.
    std::vector<std::vector<std::int64_t>> person_at(works.size());
    for (std::size_t r = 0; r < works.size(); ++r) person_at[r].assign(works[r].authors.size(), -1);
    for (std::size_t m = 0; m < mention_row.size(); ++m) {
        auto it = std::lower_bound(row_ids.begin(), row_ids.end(), mention_row[m]);
        if (it == row_ids.end() || *it != mention_row[m]) throw std::invalid_argument("merge_rows: a mention of a row not given");
        auto& slots = person_at[static_cast<std::size_t>(it - row_ids.begin())];
        if (mention_index[m] < 0 || static_cast<std::size_t>(mention_index[m]) >= slots.size())
            throw std::invalid_argument("merge_rows: a mention of an author the row does not have");
        slots[static_cast<std::size_t>(mention_index[m])] = person[m];
    }
    // The bucket's rows prepared as one process prepares them; the fields a
    // corpus repairs are repaired by the bucket's own vocabulary (repair.hpp).
    return merge_works(rows, labels, prepare(rows.works, 1), [&](std::size_t row, std::size_t index) {
        const std::int64_t p = person_at[row][index];
        if (p < 0) throw std::invalid_argument("merge_rows: an author of a merged work has no person");
        return p;
    });
}

}  // namespace scholarmerge::distributed
