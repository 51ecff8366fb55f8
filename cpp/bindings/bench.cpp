// Helpers for bench/: measurements that have no place in the core's API.
#include <simdjson.h>

#include <chrono>
#include <cstring>
#include <map>
#include <string>

#include <pybind11/stl.h>

#include "bindings.hpp"
#include "scholarmerge/names/parse.hpp"

namespace py = pybind11;
namespace od = simdjson::ondemand;

namespace scholarmerge::bindings {

namespace {

// Touches every value, as a full parse must: the ceiling for a reader.
bool visit(od::value v, std::size_t& values) {
    od::json_type t;
    if (v.type().get(t)) return false;
    ++values;
    switch (t) {
        case od::json_type::object: {
            od::object o;
            if (v.get_object().get(o)) return false;
            for (auto f : o) {
                std::string_view k;
                od::value x;
                if (f.unescaped_key().get(k) || f.value().get(x) || !visit(x, values)) return false;
            }
            return true;
        }
        case od::json_type::array: {
            od::array a;
            if (v.get_array().get(a)) return false;
            for (auto item : a) {
                od::value x;
                if (item.get(x) || !visit(x, values)) return false;
            }
            return true;
        }
        case od::json_type::string: { std::string_view s; return !v.get_string().get(s); }
        case od::json_type::number: { double d; return !v.get_double().get(d); }
        case od::json_type::boolean: { bool b; return !v.get_bool().get(b); }
        case od::json_type::null: return true;
    }
    return false;
}

}  // namespace

void bind_bench(py::module_& m) {
    // simdjson 3.0 picks its kernel for stage 1 (finding the structure) and
    // for unescaping strings at run time, from the CPU; the On-Demand front
    // end (walking values, numbers) is compiled for the kernel the compiler
    // flags allow, "fallback" without -march. The readers and this ceiling
    // are built with the same flags, so they share both.
    m.def("_bench_simdjson_kernels", [] {
        return std::map<std::string, std::string>{
            {"runtime", simdjson::get_active_implementation()->name()},
            {"on_demand", SIMDJSON_STRINGIFY(SIMDJSON_BUILTIN_IMPLEMENTATION)},
        };
    });
    m.def(
        "_bench_parse_json_lines",
        [](const std::string& path) {
            std::size_t records = 0, values = 0;
            py::gil_scoped_release release;
            simdjson::padded_string text;
            if (simdjson::padded_string::load(path).get(text)) throw std::runtime_error("cannot read " + path);
            od::parser parser;
            const char* p = text.data();
            const char* end = p + text.size();
            while (p < end) {
                const char* nl = static_cast<const char*>(std::memchr(p, '\n', static_cast<std::size_t>(end - p)));
                std::size_t len = static_cast<std::size_t>((nl ? nl : end) - p);
                od::document doc;
                od::value root;
                if (len > 0 && !parser.iterate(p, len, static_cast<std::size_t>(end - p) + simdjson::SIMDJSON_PADDING).get(doc) &&
                    !doc.get_value().get(root) && visit(root, values))
                    ++records;
                p += len + 1;
            }
            return std::make_pair(records, values);  // converted after the GIL is back
        },
        "Parse every line of a JSON Lines file with simdjson On-Demand, visiting every value; "
        "(records, values). For bench/bench_json.py.");
    m.def(
        "_bench_parse_names",
        [](const std::vector<std::string>& texts) {
            py::gil_scoped_release release;
            Author a;
            std::size_t fast = 0;
            auto t0 = std::chrono::steady_clock::now();
            for (const auto& t : texts) parse_name_into(t, a);
            double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
            for (const auto& t : texts) fast += parse_name_takes_shortcut(t);
            return std::make_pair(seconds, fast);
        },
        "Seconds to parse every name into one reused Author (no Python objects), and how many took the "
        "common-shape shortcut. For bench/bench_names.py.");
}

}  // namespace scholarmerge::bindings
