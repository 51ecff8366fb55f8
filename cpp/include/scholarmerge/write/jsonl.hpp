// JSON Lines export: one object per Work with the contract's field names.
#pragma once

#include <ostream>
#include <string>

#include "scholarmerge/model.hpp"

namespace scholarmerge {

std::string to_json(const Author& a);
std::string to_json(const Work& w);
std::string to_json(const Diagnostic& d);

// One line per work, in order.
void write_jsonl(const std::vector<Work>& works, std::ostream& out);

}  // namespace scholarmerge
