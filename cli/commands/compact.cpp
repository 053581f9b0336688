// SPDX-License-Identifier: GPL-2.0-or-later
#include <iostream>

#include <ngosearch/index/compact.hpp>

#include "../cli.hpp"

namespace ngosearch::cli {

int run_compact(const Args& args) {
    Common common;
    bool json = false;
    std::string output;
    po::options_description desc("options");
    add_common_options(desc, common);
    desc.add_options()
        ("output,o", po::value(&output)->value_name("DIR"),
         "write the compacted index to DIR (a new folder) and leave the index as it is")
        ("json", po::bool_switch(&json), "print the report as one JSON object");
    po::variables_map vm;
    parse(args, desc, "", vm);
    if (common.help) {
        print_help(std::cout, "compact [options]",
                   "Rewrites the index as one compact database: smaller and faster to search.\n"
                   "Merges the shards of a sharded index into one. Without --output the index is\n"
                   "replaced in place (no writer may have it open meanwhile).",
                   desc);
        return kExitOk;
    }
    const auto db = index_path(common);
    const CompactReport r = compact_index(db, output);
    if (json) {
        print_json(std::cout, {{"documents", r.documents},
                               {"shards_before", r.shards_before},
                               {"bytes_before", r.bytes_before},
                               {"bytes_after", r.bytes_after},
                               {"path", output.empty() ? db.string() : output}});
    } else {
        std::cout << "compacted " << r.documents << " document(s) from " << r.shards_before
                  << " database(s): " << r.bytes_before << " -> " << r.bytes_after << " bytes in "
                  << (output.empty() ? db.string() : output) << '\n';
    }
    return kExitOk;
}

}  // namespace ngosearch::cli
