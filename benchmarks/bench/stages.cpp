// SPDX-License-Identifier: GPL-2.0-or-later
// The prepare and stages cases: what each step of indexing costs on its own, one thread.
#include <xapian.h>

#include <ngosearch/analysis/analyzer.hpp>
#include <ngosearch/analysis/korean_lexicon.hpp>
#include <ngosearch/entities/tagger.hpp>
#include <ngosearch/error.hpp>
#include <ngosearch/ingest/loader.hpp>
#include <ngosearch/text/normalize.hpp>

#include "bench/cases.hpp"
#include "bench/common.hpp"
#include "index/document_builder.hpp"

namespace ngosearch::bench {

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

// Documents are committed in batches of this many, as Indexer's default does.
constexpr std::size_t kBatch = 1000;

struct Loaded {
    Document doc;
    std::uint64_t bytes = 0;  // of the file
    std::uint64_t words = 0;  // count_words of the body
};

std::string id_of(const fs::path& file, const fs::path& root) {
    return file.lexically_relative(root).generic_string();
}

json stage(const std::string& name, const Stopwatch& watch, std::uint64_t bytes, std::uint64_t docs,
           const std::string& count_name, std::uint64_t count) {
    const double seconds = watch.seconds(), cpu = watch.cpu_seconds();
    return {{"stage", name},
            {"seconds", seconds},
            {"cpu_seconds", cpu},
            {"mb_per_cpu_s", cpu > 0 ? bytes / 1048576.0 / cpu : 0.0},
            {"bytes", bytes},
            {"docs", docs},
            {count_name, count},
            {"mb_per_s", seconds > 0 ? bytes / 1048576.0 / seconds : 0.0},
            {"docs_per_s", seconds > 0 ? docs / seconds : 0.0}};
}

// Sum of the wdf of a document's terms: the length Xapian records for it.
Xapian::termcount document_length(const Xapian::Document& d) {
    Xapian::termcount n = 0;
    for (auto t = d.termlist_begin(); t != d.termlist_end(); ++t) n += t.get_wdf();
    return n;
}

void check_terms(const std::string& what, std::uint64_t terms, std::uint64_t words) {
    check(terms >= kMinTermsPerWord * words && terms <= kMaxTermsPerWord * words,
          what + ": " + std::to_string(terms) + " terms for " + std::to_string(words) + " words");
}

}  // namespace

json run_prepare(const CaseArgs& args) {
    const fs::path root = args.path("corpus");
    const fs::path work = args.path("work");
    std::vector<fs::path> all, korean;
    json langs = json::object();
    std::uint64_t bytes = 0, words = 0, skipped = 0;
    for (const auto& file : corpus_files(root)) {
        try {
            const std::string raw = ingest::read_file(file);
            const auto loaded = ingest::parse_text(raw, *ingest::format_for(file), file.string());
            const std::string lang =
                loaded.document.language.empty() ? "unknown" : loaded.document.language;
            auto& l = langs[lang];
            if (!l.is_object()) l = {{"docs", 0}, {"bytes", 0}, {"words", 0}};
            const std::uint64_t w = count_words(loaded.document.body);
            l["docs"] = l["docs"].get<std::uint64_t>() + 1;
            l["bytes"] = l["bytes"].get<std::uint64_t>() + raw.size();
            l["words"] = l["words"].get<std::uint64_t>() + w;
            bytes += raw.size();
            words += w;
            all.push_back(file);
            if (lang == "ko") korean.push_back(file);
        } catch (const InputError&) {
            ++skipped;  // add_path skips it too
        }
    }
    check(!all.empty(), "the corpus " + root.string() + " has no .txt or .md document to index");
    write_list(work / "all.lst", all);
    write_list(work / "ko.lst", korean);
    // The Korean part as a folder add_path can index: links named by their relative paths.
    const fs::path part = work / "ko-part";
    fs::remove_all(part);
    fs::create_directories(part);
    for (const auto& file : korean) {
        std::string name = id_of(file, root);
        for (char& c : name) {
            if (c == '/') c = '_';
        }
        fs::create_symlink(fs::absolute(file), part / name);
    }
    return {{"docs", all.size()},
            {"bytes", bytes},
            {"words", words},
            {"skipped", skipped},
            {"languages", langs}};
}

json run_stages(const CaseArgs& args) {
    const fs::path root = args.path("corpus");
    const fs::path work = args.path("work");
    const auto files = read_list(work / "all.lst");
    json stages = json::array();

    Stopwatch startup;
    startup.start();
    const auto analyzer = analysis::Analyzer::standard();
    const auto tagger = entities::make_standard_tagger(nullptr, analyzer);
    startup.stop();

    // read+decode: file bytes to Documents (front matter, title, date, language, UTF-8 check).
    std::vector<Loaded> docs;
    docs.reserve(files.size());
    std::uint64_t bytes = 0, words = 0;
    {
        Stopwatch watch;
        for (const auto& file : files) {
            watch.start();
            std::string raw = ingest::read_file(file);
            auto loaded = ingest::parse_text(raw, *ingest::format_for(file), file.string());
            watch.stop();
            loaded.document.id = id_of(file, root);
            const std::uint64_t w = count_words(loaded.document.body);
            bytes += raw.size();
            words += w;
            docs.push_back({std::move(loaded.document), raw.size(), w});
        }
        check(docs.size() == files.size(), "read+decode: documents");
        stages.push_back(stage("read+decode", watch, bytes, docs.size(), "words", words));
    }
    // normalise: NFKC + case folding of title and body, the analysis's character filter alone.
    {
        Stopwatch watch;
        std::uint64_t out_bytes = 0, n = 0;
        for (const auto& d : docs) {
            watch.start();
            const std::string t = text::normalize(d.doc.title);
            const std::string b = text::normalize(d.doc.body);
            watch.stop();
            out_bytes += t.size() + b.size();
            n += !b.empty();
        }
        check(n == docs.size(), "normalise: non-empty bodies " + std::to_string(n) + " of " +
                                    std::to_string(docs.size()));
        check(out_bytes > 0, "normalise: no output");
        stages.push_back(stage("normalise", watch, bytes, docs.size(), "bytes_out", out_bytes));
    }
    // analyse, per language: tokens of the bodies (titles are a small share).
    analysis::TokenBuffer tokens;
    for (const std::string lang : {"en", "ko", "mixed"}) {
        Stopwatch watch;
        std::uint64_t n = 0, lang_bytes = 0, lang_words = 0, terms = 0;
        for (const auto& d : docs) {
            if (d.doc.language != lang) continue;
            tokens.clear();
            watch.start();
            analyzer->analyze(d.doc.body, tokens);
            watch.stop();
            ++n;
            lang_bytes += d.doc.body.size();
            lang_words += d.words;
            terms += tokens.size();
        }
        if (n == 0) continue;
        check_terms("analyse " + lang, terms, lang_words);
        stages.push_back(stage("analyse " + lang, watch, lang_bytes, n, "tokens", terms));
    }
    // tag entities, given the tokens (as the indexer does: one analysis serves both).
    {
        Stopwatch watch;
        std::uint64_t entities = 0;
        std::vector<entities::Entity> found;
        for (const auto& d : docs) {
            tokens.clear();
            analyzer->analyze(d.doc.body, tokens);
            found.clear();
            watch.start();
            tagger->tag(d.doc.body, d.doc.date, *analyzer, tokens, found);
            watch.stop();
            entities += found.size();
        }
        // Any corpus of NGO documents names someone; a tagger finding nothing in 100 is broken.
        check(docs.size() < 100 || entities > 0,
              "tag entities: none found in " + std::to_string(docs.size()) + " documents");
        stages.push_back(stage("tag entities", watch, bytes, docs.size(), "entities", entities));
    }
    // build (analysis + tagging + terms → Xapian document) and write (one database, a commit
    // per batch): the worker's share and the single writer's ceiling.
    {
        const fs::path index = work / "writer-only";
        fs::remove_all(index);
        Xapian::WritableDatabase db(index.string(), Xapian::DB_CREATE_OR_OVERWRITE);
        const detail::DocumentBuilder builder(analyzer, tagger);
        Stopwatch build_watch, write_watch;
        std::vector<detail::BuiltDocument> batch;
        std::uint64_t length = 0, built = 0;
        for (std::size_t i = 0; i < docs.size(); i += kBatch) {
            batch.clear();
            build_watch.start();
            for (std::size_t j = i; j < std::min(docs.size(), i + kBatch); ++j) {
                batch.push_back(builder.build(docs[j].doc, {}));
            }
            build_watch.stop();
            for (const auto& b : batch) length += document_length(b.document);
            built += batch.size();
            write_watch.start();
            for (const auto& b : batch) db.replace_document(b.id_term, b.document);
            db.commit();
            write_watch.stop();
        }
        check(built == docs.size(), "build: documents");
        check(db.get_doccount() == docs.size(), "write: " + std::to_string(db.get_doccount()) +
                                                    " documents in the database, " +
                                                    std::to_string(docs.size()) + " written");
        check(db.get_total_length() == length,
              "write: total length " + std::to_string(db.get_total_length()) +
                  " in the database, " + std::to_string(length) + " built");
        check_terms("build", length, words);
        stages.push_back(stage("build documents", build_watch, bytes, built, "terms", length));
        stages.push_back(stage("write (one database)", write_watch, bytes, built, "terms", length));
        db.close();
        fs::remove_all(index);
    }
    return {{"startup_seconds", startup.seconds()},
            {"lexicon", analysis::KoreanLexicon::system_default()->name()},
            {"analyzer", analyzer->fingerprint()},
            {"tagger", tagger->fingerprint()},
            {"stages", stages}};
}

}  // namespace ngosearch::bench
