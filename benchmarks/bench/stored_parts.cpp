// SPDX-License-Identifier: GPL-2.0-or-later
// The stored-parts case: what each part of what ngosearch stores costs the writer and the
// index. The documents are built once, as the indexer builds them (analysis and tagging on);
// then, for each variant, a copy without one part (positions, the body in the document data,
// the value slots, the Korean bigram terms, the entity terms, ...) is written to a database of
// its own by one writer, timed, sized and compacted.
#include <xapian.h>

#include <thread>

#include <ngosearch/analysis/analyzer.hpp>
#include <ngosearch/entities/tagger.hpp>
#include <ngosearch/error.hpp>
#include <ngosearch/ingest/loader.hpp>

#include "bench/cases.hpp"
#include "bench/common.hpp"
#include "index/document_builder.hpp"
#include "index/document_codec.hpp"
#include "index/prefixes.hpp"

namespace ngosearch::bench {

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

enum class Data { Full, NoBody, NoEntitySpans, None };

struct Variant {
    const char* name;
    const char* what;          // what is left out, for the table
    bool positions = true;
    bool values = true;
    Data data = Data::Full;
    std::vector<std::string_view> dropped_prefixes{};
};

const std::vector<Variant>& variants() {
    using namespace ngosearch::detail;
    static const std::vector<Variant> list = {
        {"all", "nothing (as indexed)"},
        {"no-positions", "positions (phrase and NEAR queries)", false},
        {"no-body", "the body in the document data (snippets, show)", true, true, Data::NoBody},
        {"no-entity-spans", "entity rows in the document data (hit entities, entity snippets)",
         true, true, Data::NoEntitySpans},
        {"no-data", "all document data (hits would have no id, title or snippet)", true, true,
         Data::None},
        {"no-values", "value slots (date ranges, skip-unchanged hash, entity facets)", true,
         false},
        {"no-bigrams", "Korean bigram fallback terms (XG)", true, true, Data::Full,
         {kGramPrefix}},
        {"no-entity-terms", "entity terms (entity filters)", true, true, Data::Full,
         {kPersonPrefix, kMinistryPrefix, kLawPrefix, kOrgPrefix, kResolutionPrefix}},
        {"no-stems", "English stem terms (Z)", true, true, Data::Full, {kStemPrefix}},
    };
    return list;
}

bool dropped(const Variant& v, const std::string& term) {
    for (const std::string_view p : v.dropped_prefixes) {
        if (term.compare(0, p.size(), p) == 0) return true;
    }
    return false;
}

// A copy of `in` without the parts `v` leaves out; its length (sum of wdf) into `length`.
Xapian::Document strip(const Xapian::Document& in, const Variant& v, std::uint64_t& length) {
    Xapian::Document out;
    for (auto t = in.termlist_begin(); t != in.termlist_end(); ++t) {
        const std::string term = *t;
        if (dropped(v, term)) continue;
        out.add_term(term, t.get_wdf());
        length += t.get_wdf();
        if (!v.positions) continue;
        for (auto p = t.positionlist_begin(); p != t.positionlist_end(); ++p) {
            out.add_posting(term, *p, 0);
        }
    }
    if (v.values) {
        for (auto it = in.values_begin(); it != in.values_end(); ++it) {
            out.add_value(it.get_valueno(), *it);
        }
    }
    switch (v.data) {
        case Data::Full:
            out.set_data(in.get_data());
            break;
        case Data::NoBody:
        case Data::NoEntitySpans: {
            Document d = detail::decode_document(in.get_data());
            if (v.data == Data::NoBody) {
                d.body.clear();
                d.pages.clear();
                for (auto& e : d.entities) e.begin = e.end = 0;
            } else {
                d.entities.clear();
            }
            out.set_data(detail::encode_document(d));
            break;
        }
        case Data::None:
            break;
    }
    return out;
}

}  // namespace

json run_stored_parts(const CaseArgs& args) {
    const fs::path root = args.path("corpus");
    const fs::path work = args.path("work");
    const std::size_t batch = args.number("batch_docs");
    const std::size_t threads = std::max<std::size_t>(args.number("threads"), 1);
    const std::uint64_t words = args.number("words");
    const auto files = read_list(work / "all.lst");

    const auto analyzer = analysis::Analyzer::standard();
    const auto tagger = entities::make_standard_tagger(nullptr, analyzer);
    const detail::DocumentBuilder builder(analyzer, tagger);
    std::vector<detail::BuiltDocument> built(files.size());
    std::uint64_t bytes = 0;
    for (const auto& f : files) bytes += fs::file_size(f);
    // Built on every thread (untimed: only the writer's share differs between variants).
    {
        std::vector<std::thread> pool;
        std::vector<std::exception_ptr> errors(threads);
        for (std::size_t t = 0; t < threads; ++t) {
            pool.emplace_back([&, t] {
                try {
                    for (std::size_t i = t; i < files.size(); i += threads) {
                        auto loaded = ingest::parse_text(ingest::read_file(files[i]),
                                                         *ingest::format_for(files[i]),
                                                         files[i].string());
                        loaded.document.id = files[i].lexically_relative(root).generic_string();
                        loaded.document.path = files[i].string();
                        built[i] = builder.build(loaded.document, {});
                    }
                } catch (...) {
                    errors[t] = std::current_exception();
                }
            });
        }
        for (auto& th : pool) th.join();
        for (auto& e : errors) {
            if (e) std::rethrow_exception(e);
        }
    }

    json rows = json::array();
    for (const Variant& v : variants()) {
        const fs::path index = work / (std::string("parts-") + v.name);
        fs::remove_all(index);
        Stopwatch watch;
        std::uint64_t length = 0;
        std::vector<Xapian::Document> docs;
        Xapian::WritableDatabase db(index.string(), Xapian::DB_CREATE_OR_OVERWRITE);
        for (std::size_t i = 0; i < built.size(); i += batch) {
            docs.clear();
            const std::size_t end = std::min(built.size(), i + batch);
            for (std::size_t j = i; j < end; ++j) docs.push_back(strip(built[j].document, v, length));
            watch.start();
            for (std::size_t j = i; j < end; ++j) db.replace_document(built[j].id_term, docs[j - i]);
            db.commit();
            watch.stop();
        }
        const std::string what = std::string("stored parts, ") + v.name;
        check(db.get_doccount() == built.size(),
              what + ": " + std::to_string(db.get_doccount()) + " documents in the database, " +
                  std::to_string(built.size()) + " written");
        check(db.get_total_length() == length, what + ": total length " +
                                                   std::to_string(db.get_total_length()) +
                                                   " in the database, " + std::to_string(length) +
                                                   " written");
        check(length >= kMinTermsPerWord * words && length <= kMaxTermsPerWord * words,
              what + ": " + std::to_string(length) + " terms for " + std::to_string(words) +
                  " words");
        check(db.has_positions() == v.positions, what + ": positions stored or not as asked");
        for (const std::string_view p : v.dropped_prefixes) {
            check(db.allterms_begin(std::string(p)) == db.allterms_end(std::string(p)),
                  what + ": terms left with prefix " + std::string(p));
        }
        db.close();
        const double cpu = watch.cpu_seconds();
        json row = {{"variant", v.name},
                    {"left_out", v.what},
                    {"seconds", watch.seconds()},
                    {"cpu_seconds", cpu},
                    {"mb_per_cpu_s", cpu > 0 ? bytes / 1048576.0 / cpu : 0.0},
                    {"mb_per_s", watch.seconds() > 0 ? bytes / 1048576.0 / watch.seconds() : 0.0},
                    {"total_length", length}};
        measure_index(index, index.string() + ".compact", true, row);
        fs::remove_all(index);
        rows.push_back(row);
    }
    return {{"docs", built.size()}, {"bytes", bytes}, {"batch_docs", batch}, {"variants", rows}};
}

}  // namespace ngosearch::bench
