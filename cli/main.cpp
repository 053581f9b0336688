// SPDX-License-Identifier: GPL-2.0-or-later
// ngosearch: index and search English and Korean human-rights documents.
#include <iostream>
#include <map>
#include <string_view>

#include <ngosearch/error.hpp>
#include <ngosearch/version.hpp>

#include "cli.hpp"

namespace {

using ngosearch::cli::Args;

constexpr std::string_view kUsage =
    R"(usage: ngosearch <command> [options] [arguments]

Full-text search for English and Korean documents.

commands:
  index PATH...     index .txt and .md files and folders
  search QUERY      search the index (--batch FILE for one query per line)
  show ID           print a stored document
  delete ID...      remove documents
  stats             describe the index
  analyze TEXT      print the terms the analyzer makes of TEXT
  entities FILE     print the people, bodies, laws and organisations a text names
  compact           rewrite the index as one compact database (merges shards)

Every command takes --help, and --db DIR (default: $NGOSEARCH_DB, else
~/.local/share/ngosearch/index). Searching commands also take --db FILE: an index
description listing shards, one per line (a folder, or tcp://HOST:PORT of xapian-tcpsrv). Exit status: 0 ok, 1 error, 2 usage error.
)";

}  // namespace

int main(int argc, char** argv) try {
    const Args all(argv + 1, argv + argc);
    if (all.empty() || all[0] == "--help" || all[0] == "-h" || all[0] == "help") {
        (all.empty() ? std::cerr : std::cout) << kUsage;
        return all.empty() ? ngosearch::cli::kExitUsage : ngosearch::cli::kExitOk;
    }
    if (all[0] == "--version") {
        std::cout << "ngosearch " << ngosearch::version_string() << " ("
                  << ngosearch::dependency_versions() << ")\n";
        return ngosearch::cli::kExitOk;
    }
    static const std::map<std::string_view, int (*)(const Args&)> kCommands{
        {"index", ngosearch::cli::run_index},   {"search", ngosearch::cli::run_search},
        {"show", ngosearch::cli::run_show},     {"delete", ngosearch::cli::run_delete},
        {"stats", ngosearch::cli::run_stats},   {"analyze", ngosearch::cli::run_analyze},
        {"entities", ngosearch::cli::run_entities}, {"compact", ngosearch::cli::run_compact},
    };
    const auto it = kCommands.find(all[0]);
    if (it == kCommands.end()) {
        ngosearch::cli::error("unknown command '" + all[0] +
                              "' (commands: index, search, show, delete, stats, analyze, "
                              "entities, compact; see --help)");
        return ngosearch::cli::kExitUsage;
    }
    return it->second(Args(all.begin() + 1, all.end()));
} catch (const boost::program_options::error& e) {
    ngosearch::cli::error(std::string(e.what()) + " (see --help)");
    return ngosearch::cli::kExitUsage;
} catch (const ngosearch::IndexNotFound& e) {
    // The library's message names the path; the way to make an index is the CLI's to say.
    std::cerr << "ngosearch: error: " << e.what()
              << "; create one with `ngosearch index PATH`, or pass --db DIR\n";
    return ngosearch::cli::kExitError;
} catch (const std::exception& e) {
    ngosearch::cli::error(e.what());
    return ngosearch::cli::kExitError;
}
