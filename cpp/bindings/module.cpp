#include "bindings.hpp"

PYBIND11_MODULE(_core, m) {
    m.doc() = "scholarmerge C++ core";
    using namespace scholarmerge::bindings;
    bind_errors(m);
    bind_model(m);
    bind_read(m);
    bind_names(m);
    bind_decision(m);  // before its users, so their signatures name MatchModel
    bind_match(m);
    bind_merge(m);
    bind_bench(m);
    bind_distributed(m);
    bind_refs(m);
    bind_arrow(m);
    bind_incremental(m);
}
