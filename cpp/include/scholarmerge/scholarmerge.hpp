// The one include for users of the C++ API: every installed header
// (docs/cpp-api.md). Everything else is the library's own.
#pragma once

#include "scholarmerge/dedupe.hpp"
#include "scholarmerge/distributed.hpp"
#include "scholarmerge/error.hpp"
#include "scholarmerge/match/title.hpp"
#include "scholarmerge/merge/merge.hpp"
#include "scholarmerge/model.hpp"
#include "scholarmerge/names/match.hpp"
#include "scholarmerge/names/parse.hpp"
#include "scholarmerge/names/people.hpp"
#include "scholarmerge/read/detect.hpp"
#include "scholarmerge/read/file_reader.hpp"
#include "scholarmerge/read/read.hpp"
#include "scholarmerge/version.hpp"
#include "scholarmerge/write/bibtex.hpp"
#include "scholarmerge/write/csl.hpp"
#include "scholarmerge/write/jsonl.hpp"
