// SPDX-License-Identifier: GPL-2.0-or-later
#include <iostream>

#include <ngosearch/entities/tagger.hpp>
#include <ngosearch/error.hpp>
#include <ngosearch/index/indexer.hpp>

#include "../cli.hpp"

namespace ngosearch::cli {

namespace {

nlohmann::ordered_json issues_json(const std::vector<FileIssue>& issues) {
    nlohmann::ordered_json a = nlohmann::ordered_json::array();
    for (const auto& i : issues) a.push_back({{"path", i.path}, {"reason", i.reason}});
    return a;
}

// The writer; a location that cannot hold an index gets the CLI's hint on choosing another.
Indexer open_writer(const std::filesystem::path& db, const IndexOptions& options) {
    try {
        return Indexer(db, options);
    } catch (const IndexLocked&) {
        throw;
    } catch (const AnalyzerMismatch&) {
        throw;
    } catch (const IndexCorrupt&) {
        throw;
    } catch (const IndexError& e) {
        throw IndexError(std::string(e.what()) + " (--db DIR sets where the index goes)");
    }
}

}  // namespace

int run_index(const Args& args) {
    Common common;
    std::vector<std::string> paths;
    bool json = false, quiet = false, no_entities = false;
    std::size_t batch = IndexOptions{}.batch_docs;
    std::vector<std::string> gazetteers;
    po::options_description desc("options");
    add_common_options(desc, common);
    desc.add_options()
        ("path", po::value(&paths)->value_name("PATH"), "files or folders to index")
        ("json", po::bool_switch(&json), "print the report as one JSON object")
        ("quiet,q", po::bool_switch(&quiet), "no progress bar")
        ("batch-docs", po::value(&batch)->value_name("N"),
         "commit every N documents (default 1000)")
        ("gazetteer", po::value(&gazetteers)->value_name("FILE"),
         "names of your own for entity tagging, in the built-in gazetteer's format; they may "
         "correct its entries (same id) (repeatable)")
        ("no-entities", po::bool_switch(&no_entities),
         "do not tag people, bodies, laws and organisations (faster; entity filters and facets "
         "then find nothing in these documents)");
    po::variables_map vm;
    parse(args, desc, "path", vm);
    if (common.help) {
        print_help(std::cout, "index [options] PATH...",
                   "Indexes .txt and .md files, and folders of them (recursively; hidden entries\n"
                   "are ignored). A document's id is its path relative to the folder given (a file\n"
                   "given directly: its name); indexing it again replaces it. Unchanged files are\n"
                   "skipped. Files that cannot be indexed are reported; the rest go on.",
                   desc);
        return kExitOk;
    }
    if (paths.empty()) throw po::error("index needs at least one PATH");

    const auto db = index_path(common);
    IndexOptions options{.batch_docs = batch, .tag_entities = !no_entities};
    if (!no_entities) options.tagger = entities::make_standard_tagger(load_gazetteer(gazetteers));
    Indexer indexer = open_writer(db, options);
    IndexReport report;
    std::vector<FileIssue> failed;  // paths named on the command line that could not be used
    const bool progress_bar = !quiet && !json && stderr_is_tty();
    for (const auto& p : paths) {
        try {
            ProgressCallback progress;
            if (progress_bar) {
                progress = [&p](std::size_t done, std::size_t total) {
                    std::cerr << "\rindexing " << p << ": " << done << '/' << total << std::flush;
                    if (done == total) std::cerr << '\n';
                };
            }
            IndexReport r = indexer.add_path(p, progress);
            // A file named on the command line that was skipped is a failure, not a note.
            if (std::filesystem::is_regular_file(p) && !r.skipped.empty()) {
                failed.insert(failed.end(), r.skipped.begin(), r.skipped.end());
                r.skipped.clear();
            }
            report += r;
        } catch (const InputError& e) {
            failed.push_back({p, e.reason()});
        }
    }
    indexer.commit();

    if (json) {
        print_json(std::cout, {{"index", db.string()},
                               {"indexed", report.indexed},
                               {"unchanged", report.unchanged},
                               {"ignored", report.ignored},
                               {"documents", indexer.document_count()},
                               {"skipped", issues_json(report.skipped)},
                               {"warnings", issues_json(report.warnings)},
                               {"errors", issues_json(failed)}});
    } else {
        for (const auto& s : report.skipped) warn("skipped " + s.path + ": " + s.reason);
        for (const auto& w : report.warnings) warn(w.path + ": " + w.reason);
        std::cout << "indexed " << report.indexed << " document(s)";
        if (report.unchanged) std::cout << ", " << report.unchanged << " unchanged";
        if (report.ignored) std::cout << ", " << report.ignored << " ignored";
        if (!report.skipped.empty()) std::cout << ", skipped " << report.skipped.size();
        std::cout << "; " << indexer.document_count() << " in " << db.string() << '\n';
    }
    for (const auto& f : failed) {
        std::cerr << "ngosearch: error: cannot index " << f.path << ": " << f.reason << '\n';
    }
    return failed.empty() ? kExitOk : kExitError;
}

}  // namespace ngosearch::cli
