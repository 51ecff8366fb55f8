// IncrementalMatcher::restore (a catalogue opened) on damaged state, then an
// add on what it restored. Damage must be refused with std::invalid_argument:
// any other exception, a crash or a sanitizer report is a finding.
//
// The input is edits of a valid state built once (a snapshot, a delta and the
// stored records of a few works), so that the fuzzer reaches the parsers
// behind the checksums: each 4 bytes are (op, offset low, offset high, value),
// op % 3 choosing the snapshot, the delta or a stored record (offset % rows),
// op & 4 a cut at the offset instead of an xor with value. The edited states
// are sealed again (their checksum recomputed) unless op & 8: then the
// checksum must refuse them. A trailing 1 to 3 bytes are left out.
#include <cstddef>
#include <cstdint>
#include <map>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "incremental/state.hpp"
#include "scholarmerge/dedupe.hpp"
#include "incremental.hpp"

namespace {

using namespace scholarmerge;

Work work(const char* title, const char* surname, const char* venue, int year) {
    Work w;
    w.title = title;
    Author a;
    a.display = a.surname = surname;
    w.authors.push_back(a);
    w.venue = venue;
    w.year = year;
    w.source = "listing.txt";
    return w;
}

struct Valid {
    std::string snapshot, delta;
    std::map<std::uint32_t, std::string> records;  // by row, as a catalogue keeps them
    MatchModel model = MatchModel::defaults();
    std::vector<Work> added;
};

const Valid& valid() {
    static const Valid v = [] {
        Valid out;
        const std::vector<Work> stored{
            work("Adaptive query optimisation for relational systems", "Gardarin", "Very Large Data Bases", 1996),
            work("Adaptive query optimisation for relational systems.", "Gardarin", "VLDB", 1996),
            work("Notes on view maintenance", "Widom", "SIGMOD Conference", 1997),
            work("Object oriented databases in practice tang gardarin very large data bases 1996", "", "", 0),
            work("Join ordering revisited", "Valduriez", "SIGMOD Conference", 1997)};
        const DedupeResult first = dedupe_detailed(stored);
        out.model = *first.model;
        IncrementalMatcher m(stored, first.labels, out.model);
        out.snapshot = m.last_delta();
        for (auto& [row, bytes] : m.take_changed_records()) out.records[row] = bytes;
        m.add({work("Notes on view maintenance", "Widom", "SIGMOD", 1997),
               work("Buffer management in practice", "Tang", "VLDB", 1998)});
        out.delta = m.last_delta();
        for (auto& [row, bytes] : m.take_changed_records()) out.records[row] = bytes;
        out.added = {work("Join ordering revisited", "Valduriez", "SIGMOD Conference", 1997),
                     work("Schema evolution", "Tang", "", 2001)};
        return out;
    }();
    return v;
}

void edit(std::string& s, std::uint8_t op, std::size_t offset, std::uint8_t value) {
    if (s.empty()) return;
    offset %= s.size();
    if (op & 4)
        s.resize(offset);
    else
        s[offset] = static_cast<char>(s[offset] ^ (value ? value : 1));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const Valid& v = valid();
    std::string snapshot = v.snapshot, delta = v.delta;
    std::map<std::uint32_t, std::string> records = v.records;
    bool sealed = true;
    for (std::size_t k = 0; k + 4 <= size && k < 64; k += 4) {
        const std::uint8_t op = data[k], value = data[k + 3];
        const std::size_t offset = data[k + 1] | static_cast<std::size_t>(data[k + 2]) << 8;
        sealed = sealed && !(op & 8);
        if (op % 3 == 2) edit(records[static_cast<std::uint32_t>(offset % records.size())], op, offset >> 4, value);
        else edit(op % 3 ? delta : snapshot, op, offset, value);
    }
    // The states' checksums recomputed over what is left of them: the damage reaches the parsers.
    for (std::string* s : {&snapshot, &delta})
        if (sealed && s->size() >= 8) s->resize(s->size() - 8), incremental::seal(*s);
    auto fetch = [&](const std::vector<std::uint32_t>& rows) {
        std::vector<std::string> out;
        for (std::uint32_t r : rows) {
            auto it = records.find(r);
            out.push_back(it != records.end() ? it->second : incremental::encode_record(MatchRecord{}, r));
        }
        return out;
    };
    try {
        std::unique_ptr<IncrementalMatcher> m = IncrementalMatcher::restore({snapshot, delta}, fetch, v.model);
        if (m->labels().size() != m->size()) __builtin_trap();
        m->add(v.added);
        if (m->labels().size() != m->size()) __builtin_trap();
        (void)m->snapshot();
    } catch (const std::invalid_argument&) {
        // refused by name: what a catalogue turns into a rebuild
    }
    return 0;
}
