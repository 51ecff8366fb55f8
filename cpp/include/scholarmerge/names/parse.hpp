// Personal names as bibliographies write them: one name, or a list of them.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "scholarmerge/model.hpp"

namespace scholarmerge {

// "Zhewei Yao", "Yao, Zhewei", "Z. Yao", "**Z. Yao<sup>*</sup>**", "Yao ZW",
// "rivest r.l.", "Caetano Traina, Jr.", "y.mansour".
Author parse_name(std::string_view text);

// parse_name into `out`, whose strings keep their room from one name to the
// next: a batch reusing one Author allocates per field, not per name.
void parse_name_into(std::string_view text, Author& out);

// Every step of parse_name, without its shortcut for the common shapes: the
// reference the shortcut is tested against (the two must always agree).
Author parse_name_reference(std::string_view text);

// Whether parse_name takes its shortcut for `text` (for measurements).
bool parse_name_takes_shortcut(std::string_view text);

// A name a structured source gives in parts (CSL, Crossref, BibTeX's
// "Surname, Given"): display "Given Surname". Without a family part the
// given text is parsed as a whole name (a CSL "literal", an organisation).
Author author_from_parts(std::string_view given, std::string_view family, std::string_view suffix = {});

// The same, the parts taken as they are, never split again: BibTeX's
// brace-protected parts ("{Bell, II}", "{García Márquez}") are one surname.
// The parts are display text already (LaTeX decoded).
Author author_from_fixed_parts(std::string_view given, std::string_view family, std::string_view suffix = {});

// An organisation as author ("World Health Organization"): all surname, no
// given name, so that it is never read as a person called "World Health".
Author corporate_author(std::string_view name);

struct AuthorList {
    std::vector<Author> authors;
    bool truncated = false;  // ended with "et al."
};

// Separators ",", ";", " and ", "&", a final ", and", "et al." (also
// "et. al.", "and others", as whole words), and "Surname, Given" lists
// ("Brodley, C. E. & Utgoff, P. E.", "kearns, m., and valiant, l",
// "Kearns, Michael and Valiant, Leslie"). ", Jr." joins the name before it.
AuthorList parse_author_list(std::string_view text);

// What matching needs of an author list: for each author parse_author_list
// finds, its surname, or its display form when it has none. The same steps,
// without the rest of each Author (initials, key, flags).
std::vector<std::string> author_surnames(std::string_view text);

}  // namespace scholarmerge
