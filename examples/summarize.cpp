// Reads bibliographic files with the scholarmerge C++ API and prints, per
// source, how many entries it holds and how many distinct works they are,
// then how many people the merged works name.
//
//   summarize seeds/            # a directory, or any list of files
#include <scholarmerge/scholarmerge.hpp>

#include <iostream>
#include <map>
#include <set>

int main(int argc, char** argv) {
    if (argc < 2) {
        std::cerr << "usage: summarize PATH...  (scholarmerge " << scholarmerge::kVersion << ")\n";
        return 2;
    }
    std::vector<std::string> paths(argv + 1, argv + argc);
    scholarmerge::Corpus corpus;
    try {
        corpus = scholarmerge::read(paths);
    } catch (const scholarmerge::Error& e) {
        std::cerr << "error: " << e.what() << "\n";
        return 1;
    }
    for (const auto& d : corpus.diagnostics)
        std::cerr << d.source << ":" << d.line << ": " << scholarmerge::to_string(d.severity) << ": " << d.message << "\n";

    std::vector<std::int64_t> labels = scholarmerge::dedupe(corpus.works);
    std::map<std::string, std::pair<std::size_t, std::set<std::int64_t>>> per_source;
    for (std::size_t i = 0; i < corpus.works.size(); ++i) {
        auto& [entries, works] = per_source[corpus.works[i].source];
        ++entries;
        works.insert(labels[i]);
    }
    std::set<std::int64_t> all(labels.begin(), labels.end());
    for (const auto& [source, counts] : per_source)
        std::cout << source << ": " << counts.first << " entries, " << counts.second.size() << " distinct works\n";
    std::cout << "total: " << corpus.works.size() << " entries, " << all.size() << " distinct works\n";
    const scholarmerge::MergeResult merged = scholarmerge::merge(corpus, labels);
    std::cout << "people: " << merged.people.size() << " behind the author mentions\n";
    return 0;
}
