// The one include for users of the C++ API.
#pragma once

#include "scholarmerge/dedupe.hpp"
#include "scholarmerge/error.hpp"
#include "scholarmerge/match/title.hpp"
#include "scholarmerge/model.hpp"
#include "scholarmerge/names/match.hpp"
#include "scholarmerge/names/parse.hpp"
#include "scholarmerge/read/detect.hpp"
#include "scholarmerge/read/read.hpp"
#include "scholarmerge/read/file_reader.hpp"
#include "scholarmerge/write/bibtex.hpp"
#include "scholarmerge/write/citation_keys.hpp"
#include "scholarmerge/write/csl.hpp"
#include "scholarmerge/write/jsonl.hpp"
#include "scholarmerge/merge/merge.hpp"
#include "scholarmerge/names/people.hpp"
#include "scholarmerge/version.hpp"
