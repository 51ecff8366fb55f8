// Fuzzes one reader (SCHOLARMERGE_FUZZ_FORMAT, "auto" for detection too):
// any bytes must give a Corpus or a scholarmerge::Error, never a crash.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "scholarmerge/error.hpp"
#include "scholarmerge/read/read.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    scholarmerge::ReadOptions options;
    options.format = SCHOLARMERGE_FUZZ_FORMAT;
    options.year = 2026;
    try {
        scholarmerge::Corpus c =
            scholarmerge::read_text(std::string_view(reinterpret_cast<const char*>(data), size), "fuzz", options);
        // Every work must carry its provenance.
        for (const auto& w : c.works)
            if (w.source != "fuzz" || w.source_line < 1) __builtin_trap();
    } catch (const scholarmerge::Error&) {
    }
    return 0;
}
