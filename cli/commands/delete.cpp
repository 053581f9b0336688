// SPDX-License-Identifier: GPL-2.0-or-later
#include <iostream>

#include <ngosearch/index/indexer.hpp>

#include "../cli.hpp"

namespace ngosearch::cli {

int run_delete(const Args& args) {
    Common common;
    std::vector<std::string> ids;
    double wait = 0;
    po::options_description desc("options");
    add_common_options(desc, common);
    add_wait_option(desc, wait);
    desc.add_options()("id", po::value(&ids)->value_name("ID"), "ids of the documents to remove");
    po::variables_map vm;
    parse(args, desc, "id", vm);
    if (common.help) {
        print_help(std::cout, "delete [options] ID...",
                   "Removes documents from the index (the source files are not touched).", desc);
        return kExitOk;
    }
    if (ids.empty()) throw po::error("delete needs at least one document ID");
    const auto db = index_path(common);
    Indexer indexer(db, IndexOptions{.create = false, .lock_wait = lock_wait(wait)});
    int status = kExitOk;
    for (const auto& id : ids) {
        if (indexer.remove(id)) {
            std::cout << "deleted " << printable(id) << '\n';
        } else {
            error("no document with id '" + id + "' in " + db.string());
            status = kExitError;
        }
    }
    indexer.commit();
    return status;
}

}  // namespace ngosearch::cli
