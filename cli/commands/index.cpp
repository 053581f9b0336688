// SPDX-License-Identifier: GPL-2.0-or-later
#include <chrono>
#include <cmath>
#include <iomanip>
#include <iostream>
#include <map>
#include <sstream>

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

// "300", "64K", "256M", "2G" → bytes.
std::uint64_t parse_size(const std::string& text, std::string_view option) {
    std::size_t used = 0;
    unsigned long long value = 0;
    if (!text.empty() && text.front() >= '0' && text.front() <= '9') {
        try {
            value = std::stoull(text, &used);
        } catch (const std::exception&) {
            used = 0;
        }
    }
    std::uint64_t scale = 1;
    if (used > 0 && used + 1 == text.size()) {
        switch (text.back()) {
            case 'k': case 'K': scale = 1ull << 10; break;
            case 'm': case 'M': scale = 1ull << 20; break;
            case 'g': case 'G': scale = 1ull << 30; break;
            default: used = 0;
        }
    } else if (used != text.size()) {
        used = 0;
    }
    if (used == 0 || value == 0 || value > UINT64_MAX / scale) {
        throw po::error(std::string(option) +
                        " takes a size in bytes such as 300000, 64K, 512M or 2G, not '" + text +
                        "'");
    }
    return value * scale;
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

// Without a terminal, a progress line this often.
constexpr double kProgressLineSeconds = 5;

int run_index(const Args& args) {
    Common common;
    std::vector<std::string> paths;
    bool json = false, quiet = false, no_entities = false;
    std::size_t batch = IndexOptions{}.batch_docs;
    std::size_t threads = 0;
    bool no_sync = false;
    std::size_t shards = 0;
    bool prune = false;
    bool no_positions = false, no_korean_bigrams = false;
    std::string max_file_size;
    std::string batch_size;
    double wait = 0;
    std::vector<std::string> gazetteers;
    const std::string batch_help =
        "commit every N documents (default " + std::to_string(IndexOptions{}.batch_docs) +
        ") or " + std::to_string(IndexOptions{}.batch_bytes >> 20) +
        " MB of text, whichever comes first";
    po::options_description desc("options");
    add_common_options(desc, common);
    add_wait_option(desc, wait);
    desc.add_options()
        ("path", po::value(&paths)->value_name("PATH"), "files or folders to index")
        ("json", po::bool_switch(&json), "print the report as one JSON object")
        ("quiet,q", po::bool_switch(&quiet), "no progress bar")
        ("batch-docs", po::value(&batch)->value_name("N"),
         batch_help.c_str())
        ("batch-size", po::value(&batch_size)->value_name("SIZE"),
         "commit when the documents since the last commit hold SIZE of text (K, M, G "
         "suffixes): peak memory follows it (about 230 MB at 8M, 390 MB at 16M, measured)")
        ("no-sync", po::bool_switch(&no_sync),
         "updating an existing index, do not flush each batch's commit to disk, only the "
         "last one when the run ends, as a new index always is (faster; a power loss or OS "
         "crash during the run can leave the index unopenable, a killed run cannot)")
        ("prune", po::bool_switch(&prune),
         "also remove the documents indexed from files under each folder given that are gone")
        ("shards", po::value(&shards)->value_name("N"),
         "make a new index of N shards, written in parallel and searched as one (default: as "
         "the index is; 1 for a new one)")
        ("no-positions", po::bool_switch(&no_positions),
         "make a new index without word positions: 45% smaller, a third less memory and 13% "
         "less CPU to build (measured), but phrase, NEAR and ADJ searches on it are refused")
        ("no-korean-bigrams", po::bool_switch(&no_korean_bigrams),
         "make a new index without Korean syllable-bigram terms: 8% smaller and 5% less CPU to "
         "build (measured), but Korean words are found only as the analysis splits them "
         "(Korean news retrieval, MRR@10: 0.94 -> 0.82-0.85)")
        ("threads,j", po::value(&threads)->value_name("N"),
         "use N threads (default 0: one per hardware thread): with N > 1 each database's "
         "writer takes one, the rest read, analyse and tag files; the index is the same "
         "whatever N")
        ("max-file-size", po::value(&max_file_size)->value_name("SIZE"),
         "skip files larger than SIZE bytes (K, M, G suffixes; default 256M)")
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
                   "Indexes text, Markdown, HTML and PDF files, and folders of them (recursively;\n"
                   "hidden entries are ignored). A document's id is its path relative to the\n"
                   "folder given (a file given directly: its name); indexing it again replaces\n"
                   "it. Unchanged files are skipped. Files that cannot be indexed are reported;\n"
                   "the rest go on.",
                   desc);
        return kExitOk;
    }
    if (paths.empty()) throw po::error("index needs at least one PATH");

    const auto db = index_path(common);
    IndexOptions options{.batch_docs = batch,
                         .sync = !no_sync,
                         .tag_entities = !no_entities,
                         .threads = threads,
                         .shards = shards,
                         .prune = prune,
                         .lock_wait = lock_wait(wait),
                         .report_ids = false};  // never printed; it grows with the files
    if (!max_file_size.empty()) {
        options.max_file_bytes = parse_size(max_file_size, "--max-file-size");
    }
    if (!batch_size.empty()) options.batch_bytes = parse_size(batch_size, "--batch-size");
    if (no_positions) options.positions = false;
    if (no_korean_bigrams) options.korean_bigrams = false;
    if (!no_entities) options.tagger = entities::make_standard_tagger(load_gazetteer(gazetteers));
    Indexer indexer = open_writer(db, options);
    IndexReport report;
    std::vector<FileIssue> failed;  // paths named on the command line that could not be used
    const bool tty = stderr_is_tty();
    const auto started = std::chrono::steady_clock::now();
    const auto seconds_since = [](std::chrono::steady_clock::time_point t) {
        return std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
    };
    // An index that fails mid-run (full disk, damaged table) stops the run, but the report of
    // what was done before still goes out, with the error, in both forms.
    std::string fatal;
    try {
        for (const auto& p : paths) {
            try {
                DetailedProgressCallback progress;
                // A bar on a terminal; a line every few seconds otherwise (logs); none with
                // --quiet or --json.
                if (!quiet && !json) {
                    double last_line = 0;
                    progress = [&, last_line](const IndexProgress& at) mutable {
                        const double secs = std::max(at.seconds, 1e-3);
                        std::ostringstream line;
                        line << "indexing " << printable(p) << ": " << at.done << '/' << at.total
                             << " files, " << static_cast<std::size_t>(at.done / secs)
                             << " files/s, " << std::fixed << std::setprecision(2)
                             << static_cast<double>(at.bytes) / 1e6 / secs << " MB/s";
                        const bool last = at.done == at.total;
                        if (tty) {
                            std::cerr << '\r' << line.str() << "   " << (last ? "\n" : "")
                                      << std::flush;
                        } else if (at.seconds - last_line >= kProgressLineSeconds ||
                                   (last && at.seconds >= kProgressLineSeconds)) {
                            last_line = at.seconds;
                            std::cerr << "ngosearch: " << line.str() << '\n';
                        }
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
    } catch (const IndexError& e) {
        fatal = e.what();
    }
    const double elapsed = seconds_since(started);
    const double mb_per_s = static_cast<double>(report.bytes) / 1e6 / std::max(elapsed, 1e-3);
    nlohmann::ordered_json documents = nullptr;
    try {
        documents = indexer.document_count();
    } catch (const Error&) {
        // Already reported as `fatal`.
    }

    if (json) {
        nlohmann::ordered_json errors = issues_json(failed);
        if (!fatal.empty()) errors.push_back({{"path", db.string()}, {"reason", fatal}});
        print_json(std::cout, {{"index", db.string()},
                               {"indexed", report.indexed},
                               {"updated", report.updated},
                               {"unchanged", report.unchanged},
                               {"pruned", report.pruned},
                               {"ignored", report.ignored},
                               {"documents", documents},
                               {"skipped", issues_json(report.skipped)},
                               {"warnings", issues_json(report.warnings)},
                               {"errors", errors},
                               {"bytes", report.bytes},
                               {"elapsed_seconds", std::round(elapsed * 1000) / 1000}});
    } else {
        for (const auto& s : report.skipped) warn("skipped " + s.path + ": " + s.reason);
        for (const auto& w : report.warnings) warn(w.path + ": " + w.reason);
        // After a failing index the counts of the unfinished path are unknown: say what is in
        // the index (what was committed), not how much was indexed.
        if (fatal.empty()) {
            std::cout << "indexed " << report.indexed << " document(s)";
        } else {
            std::cout << "stopped by an error";
        }
        if (report.updated) std::cout << " (" << report.updated << " updated)";
        if (report.unchanged) std::cout << ", " << report.unchanged << " unchanged";
        if (report.pruned) std::cout << ", " << report.pruned << " pruned";
        if (report.ignored) std::cout << ", " << report.ignored << " ignored";
        if (!report.skipped.empty()) std::cout << ", skipped " << report.skipped.size();
        std::cout << "; ";
        if (documents.is_null()) {
            std::cout << "the index at " << printable(db.string()) << " could not be read\n";
        } else {
            std::cout << documents.get<std::size_t>() << " in " << printable(db.string());
        }
        if (fatal.empty()) {
            std::cout << " (" << std::fixed << std::setprecision(1) << elapsed << " s, "
                      << std::setprecision(2) << mb_per_s << " MB/s)" << std::defaultfloat
                      << std::setprecision(6);
        }
        std::cout << '\n';
        if (!report.skipped.empty()) {
            // Skipped files by reason, the first words of each: "binary file", "unsupported
            // format (.docx)".
            std::map<std::string, std::size_t> reasons;
            for (const auto& sk : report.skipped) ++reasons[sk.reason.substr(0, sk.reason.find(';'))];
            std::cout << "skipped:";
            for (const auto& [reason, n] : reasons) std::cout << "\n  " << n << " × " << printable(reason);
            std::cout << '\n';
        }
    }
    for (const auto& f : failed) error("cannot index " + f.path + ": " + f.reason);
    if (!fatal.empty()) {
        error(fatal);
        return kExitError;
    }
    return failed.empty() ? kExitOk : kExitError;
}

}  // namespace ngosearch::cli
