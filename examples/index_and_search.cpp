// SPDX-License-Identifier: GPL-2.0-or-later
// Indexes a folder and searches it through the public API.
//
//     index_and_search FOLDER INDEX_DIR QUERY
#include <iostream>

#include <ngosearch/ngosearch.hpp>

int main(int argc, char** argv) try {
    if (argc != 4) {
        std::cerr << "usage: index_and_search FOLDER INDEX_DIR QUERY\n";
        return 2;
    }
    {
        ngosearch::Indexer indexer(argv[2]);
        const ngosearch::IndexReport report = indexer.add_path(argv[1]);
        indexer.commit();  // explicit: the destructor cannot report errors
        std::cout << "indexed " << report.indexed << " (unchanged " << report.unchanged
                  << ", skipped " << report.skipped.size() << ")\n";
        for (const auto& s : report.skipped) std::cout << "  skipped " << s.path << ": " << s.reason << '\n';
    }
    const ngosearch::Searcher searcher(argv[2]);
    const ngosearch::SearchResult result = searcher.search(argv[3], {.limit = 5});
    std::cout << "hits: " << result.total << '\n';
    for (const ngosearch::Hit& hit : result.hits) {
        std::cout << hit.rank + 1 << ". " << hit.title << " (" << hit.id << ", " << hit.score
                  << ")\n   " << ngosearch::mark_highlights(hit, "[", "]") << '\n';
    }
    return 0;
} catch (const ngosearch::Error& e) {
    std::cerr << "error: " << e.what() << '\n';
    return 1;
}
