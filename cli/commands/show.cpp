// SPDX-License-Identifier: GPL-2.0-or-later
#include <iostream>

#include <ngosearch/error.hpp>
#include <ngosearch/search/searcher.hpp>

#include "../cli.hpp"

namespace ngosearch::cli {

int run_show(const Args& args) {
    Common common;
    std::string id;
    bool json = false;
    po::options_description desc("options");
    add_common_options(desc, common);
    desc.add_options()
        ("id", po::value(&id)->value_name("ID"), "document id (as `search` prints it)")
        ("json", po::bool_switch(&json), "print the document as one JSON object");
    po::variables_map vm;
    parse(args, desc, "id", vm);
    if (common.help) {
        print_help(std::cout, "show [options] ID", "Prints a stored document.", desc);
        return kExitOk;
    }
    if (id.empty()) throw po::error("show needs a document ID");
    const auto db = index_path(common);
    const Searcher searcher(db);
    const auto doc = searcher.find(id);
    if (!doc) {
        error("no document with id '" + id + "' in " + db.string());
        return kExitError;
    }
    if (json) {
        print_json(std::cout, {{"id", doc->id},
                               {"title", doc->title},
                               {"path", doc->path},
                               {"lang", doc->language},
                               {"date", doc->date},
                               {"type", doc->type},
                               {"metadata", doc->metadata},
                               {"body", doc->body}});
        return kExitOk;
    }
    std::cout << "id:    " << printable(doc->id) << "\ntitle: " << printable(doc->title)
              << "\npath:  " << printable(doc->path) << "\ndate:  " << doc->date
              << "\nlang:  " << printable(doc->language) << "\ntype:  " << printable(doc->type)
              << '\n';
    for (const auto& [k, v] : doc->metadata) std::cout << printable(k) << ": " << printable(v) << '\n';
    std::cout << '\n' << printable(doc->body);
    if (!doc->body.empty() && doc->body.back() != '\n') std::cout << '\n';
    return kExitOk;
}

}  // namespace ngosearch::cli
