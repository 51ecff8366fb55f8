// Markup found in scraped and exported text: HTML entities and tags, LaTeX
// math and accents, Markdown emphasis. Each function returns display text.
#pragma once

#include <string>
#include <string_view>

namespace scholarmerge::text {

// "&#39;" -> "'", "&amp;" -> "&", "&eacute;" -> "é". Unknown entities stay as written.
std::string decode_entities(std::string_view s);

// Removes <tags>, keeping their text content.
std::string strip_tags(std::string_view s);

// LaTeX in titles: "$^3$" -> "³", "{\"u}" -> "ü", "\&" -> "&", braces dropped.
std::string decode_latex(std::string_view s);

// Collapses runs of whitespace to one space and trims both ends.
std::string squeeze_spaces(std::string_view s);

// All of the above, in the order that keeps them from interfering:
// tags, entities, LaTeX, whitespace. The display form of a title.
std::string clean_display(std::string_view s);

}  // namespace scholarmerge::text
