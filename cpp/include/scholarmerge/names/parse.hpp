// Personal names as bibliographies write them: one name, or a list of them.
#pragma once

#include <string_view>
#include <vector>

#include "scholarmerge/model.hpp"

namespace scholarmerge {

// "Zhewei Yao", "Yao, Zhewei", "Z. Yao", "**Z. Yao<sup>*</sup>**", "Yao ZW".
Author parse_name(std::string_view text);

struct AuthorList {
    std::vector<Author> authors;
    bool truncated = false;  // ended with "et al."
};

// Separators ",", ";", " and ", "&", a final ", and", "et al.", and
// "Surname, Given" lists ("Brodley, C. E. & Utgoff, P. E.").
AuthorList parse_author_list(std::string_view text);

}  // namespace scholarmerge
