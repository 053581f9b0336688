// SPDX-License-Identifier: GPL-2.0-or-later
// End-to-end indexing: ngosearch's Indexer on a folder, and plain Xapian on the same files.
#include <xapian.h>

#include <ngosearch/index/indexer.hpp>
#include <ngosearch/ingest/loader.hpp>

#include "bench/cases.hpp"
#include "bench/common.hpp"

namespace ngosearch::bench {

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

// What a finished index holds, read back: documents, total length, distinct terms.
json read_back(const fs::path& index) {
    const Xapian::Database db(index.string());
    std::uint64_t distinct = 0;
    for (auto t = db.allterms_begin(); t != db.allterms_end(); ++t) ++distinct;
    return {{"docs", db.get_doccount()},
            {"total_length", db.get_total_length()},
            {"distinct_terms", distinct}};
}

json throughput(const Stopwatch& watch, std::uint64_t bytes, std::uint64_t docs) {
    const double seconds = watch.seconds(), cpu = watch.cpu_seconds();
    return {{"seconds", seconds},
            {"cpu_seconds", cpu},
            {"mb_per_cpu_s", cpu > 0 ? bytes / 1048576.0 / cpu : 0.0},
            {"bytes", bytes},
            {"docs", docs},
            {"mb_per_s", seconds > 0 ? bytes / 1048576.0 / seconds : 0.0},
            {"docs_per_s", seconds > 0 ? docs / seconds : 0.0}};
}

void check_index(const json& got, std::uint64_t docs, std::uint64_t words,
                 const std::string& what) {
    check(got["docs"].get<std::uint64_t>() == docs, what + ": " + got["docs"].dump() +
                                                        " documents in the index, " +
                                                        std::to_string(docs) + " expected");
    const auto length = got["total_length"].get<std::uint64_t>();
    check(length >= kMinTermsPerWord * words && length <= kMaxTermsPerWord * words,
          what + ": total length " + std::to_string(length) + " for " + std::to_string(words) +
              " words");
}

}  // namespace

json run_ngosearch(const CaseArgs& args) {
    const fs::path corpus = args.path("corpus");
    const fs::path index = args.path("index");
    const std::uint64_t docs = args.number("docs"), bytes = args.number("bytes"),
                        words = args.number("words");
    fs::remove_all(index);
    Stopwatch startup, run;
    IndexReport report;
    {
        startup.start();
        IndexOptions options;
        options.tag_entities = args.get("tag") == "1";
        options.threads = args.number("threads");
        options.report_ids = false;  // as the CLI: a bulk build reads only the counts
        // The bulk case's sweep; the library's defaults otherwise.
        if (args.values.count("batch_docs")) options.batch_docs = args.number("batch_docs");
        if (args.values.count("batch_bytes")) options.batch_bytes = args.number("batch_bytes");
        // The parts case: a new index without positions or Korean bigrams.
        if (args.values.count("positions")) options.positions = args.get("positions") == "1";
        if (args.values.count("korean_bigrams")) {
            options.korean_bigrams = args.get("korean_bigrams") == "1";
        }
        if (args.values.count("sync")) {
            options.sync = args.get("sync") == "1";
            // A new index's batches are never synced (a bulk build, see IndexOptions::sync):
            // to measure synced batches, the run fills an empty index made beforehand.
            if (options.sync) Indexer(index, options).commit();
        }
        Indexer indexer(index, options);
        startup.stop();
        run.start();
        report = indexer.add_path(corpus);
        indexer.commit();  // durable even without sync: the final flush is timed
        run.stop();
    }
    check(report.indexed == docs && report.skipped.empty(),
          "ngosearch: " + std::to_string(report.indexed) + " indexed and " +
              std::to_string(report.skipped.size()) + " skipped, " + std::to_string(docs) +
              " expected");
    json out = throughput(run, bytes, docs);
    out["startup_seconds"] = startup.seconds();
    out["index"] = read_back(index);
    check_index(out["index"], docs, words, "ngosearch");
    measure_index(index, index.string() + ".compact", args.get_or("compact", "0") == "1", out);
    if (args.get_or("keep", "0") != "1") fs::remove_all(index);
    return out;
}

json run_xapian(const CaseArgs& args) {
    const fs::path index = args.path("index");
    const fs::path root = args.path("corpus");
    const auto files = read_list(args.path("list"));
    const std::uint64_t words = args.number("words");
    const bool cjk = args.get("variant") == "cjk";
    fs::remove_all(index);
    Stopwatch run;
    run.start();
    Xapian::WritableDatabase db(index.string(), Xapian::DB_CREATE_OR_OVERWRITE);
    Xapian::TermGenerator generator;
    generator.set_stemmer(Xapian::Stem("en"));
    if (cjk) generator.set_flags(Xapian::TermGenerator::FLAG_CJK_NGRAM);
    std::uint64_t bytes = 0, n = 0;
    for (const auto& file : files) {
        // The file as it is, stored for snippets as ngosearch stores its text.
        const std::string text = ingest::read_file(file);
        Xapian::Document doc;
        generator.set_document(doc);
        generator.index_text(text);
        doc.set_data(text);
        const std::string id_term = "Q" + file.lexically_relative(root).generic_string();
        doc.add_boolean_term(id_term);
        db.replace_document(id_term, doc);
        bytes += text.size();
        if (++n % 1000 == 0) db.commit();
    }
    db.commit();
    db.close();
    run.stop();
    json out = throughput(run, bytes, n);
    out["index"] = read_back(index);
    check_index(out["index"], files.size(), words, cjk ? "xapian cjk" : "xapian");
    measure_index(index, index.string() + ".compact", args.get_or("compact", "0") == "1", out);
    fs::remove_all(index);
    return out;
}

}  // namespace ngosearch::bench
