// SPDX-License-Identifier: GPL-2.0-or-later
#include <iostream>

#include <ngosearch/search/searcher.hpp>

#include "../cli.hpp"

namespace ngosearch::cli {

int run_stats(const Args& args) {
    Common common;
    bool json = false, check = false;
    po::options_description desc("options");
    add_common_options(desc, common);
    desc.add_options()
        ("json", po::bool_switch(&json), "print one JSON object")
        ("check", po::bool_switch(&check),
         "also read every block of the index to find damage (slow on a large index)");
    po::variables_map vm;
    parse(args, desc, "", vm);
    if (common.help) {
        print_help(std::cout, "stats [options]", "Describes the index.", desc);
        return kExitOk;
    }
    const Searcher searcher(index_path(common));
    const IndexStats s = searcher.stats();
    if (check) searcher.check();
    if (json) {
        print_json(std::cout, {{"documents", s.documents},
                               {"terms", s.terms},
                               {"average_length", s.average_length},
                               {"analyzer", s.analyzer},
                               {"positions", s.positions},
                               {"korean_bigrams", s.korean_bigrams},
                               {"path", s.path.string()}});
    } else {
        std::cout << "index:     " << s.path.string() << "\ndocuments: " << s.documents
                  << "\nterms:     " << s.terms << "\navg terms: " << s.average_length
                  << "\nanalyzer:  " << s.analyzer << "\nstores:    "
                  << (s.positions ? "word positions" : "no word positions (no phrase search)")
                  << ", " << (s.korean_bigrams ? "Korean bigrams" : "no Korean bigrams") << '\n';
    }
    return kExitOk;
}

}  // namespace ngosearch::cli
