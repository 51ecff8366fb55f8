// The academicpages template's own form of a publication: one Markdown file
// per work in the site's _publications/ collection, its metadata in front
// matter (title, venue, date, citation, paperurl, excerpt, ...), the site's
// owner named in _config.yml (author.name, else name).
#pragma once

#include <string>
#include <string_view>

#include "read/context.hpp"

namespace scholarmerge::detail {

bool looks_like_publication_page(std::string_view text);
void read_publication_page(std::string_view text, ReadContext& ctx);

// A citation string as sites write it: APA ("Doe, J., **Smith, A.** (2020).
// Title. <i>Venue</i>."), quoted titles ("A. Smith, ***J. Doe***, "Title,"
// in Proc. X, 2020"), the template's own ("Name, You. (2009). &quot;Title.&quot; <i>Journal</i>.").
struct Citation {
    std::string authors;  // as written, markup kept (the owner's bold)
    std::string title;
    std::string venue;
    int year = 0;
};
Citation parse_citation(std::string_view text);

// The owner a site's _config.yml names: author.name, else name; "" if none.
std::string owner_in_config(std::string_view config);
// The owner of the site holding the file at `path` (…/site/_publications/x.md
// or …/site/_pages/about.md): "" when there is no such _config.yml.
std::string site_owner(const std::string& path);

}  // namespace scholarmerge::detail
