#include "option_names.hpp"

#include <algorithm>

#include "scholarmerge/error.hpp"
#include "match/indel.hpp"

namespace scholarmerge::detail {

std::string_view nearest_name(std::string_view key, const std::vector<std::string_view>& known) {
    std::string_view nearest;
    double best = 0.5;  // less alike than this is no suggestion
    for (std::string_view k : known)
        if (double s = indel_similarity(key, k); s > best) best = s, nearest = k;
    return nearest;
}

void reject_unknown_options(std::string_view where, const std::vector<std::string>& keys,
                            const std::vector<std::string_view>& known) {
    for (const std::string& key : keys) {
        if (std::find(known.begin(), known.end(), key) != known.end()) continue;
        std::string message = std::string(where) + "unknown option '" + key + "'";
        if (std::string_view nearest = nearest_name(key, known); !nearest.empty())
            message += "; did you mean '" + std::string(nearest) + "'?";
        throw Error(ErrorCode::bad_option, "", 0, message);
    }
}

}  // namespace scholarmerge::detail
