// SPDX-License-Identifier: GPL-2.0-or-later
// A program built against the installed ngosearch package.
#include <iostream>

#include <ngosearch/ngosearch.hpp>

int main(int argc, char** argv) {
    if (argc != 2) return 2;
    {
        ngosearch::Indexer ix(argv[1]);
        ix.add({.id = "one", .title = "통일부 서한", .body = "통일부는 답하라."});
        ix.commit();
    }
    const ngosearch::Searcher s(argv[1]);
    std::cout << "consumer found " << s.search("통일부").total << " hit\n";
    return 0;
}
