// SPDX-License-Identifier: GPL-2.0-or-later
#include <ngosearch/search/searcher.hpp>

#include <xapian.h>

#include <sstream>
#include <unordered_set>

#include <ngosearch/error.hpp>
#include <ngosearch/text/utf8.hpp>

#include "detail/embedded_data.hpp"
#include "detail/xapian_errors.hpp"
#include "detail/xapian_stem_adapter.hpp"
#include "index/document_codec.hpp"
#include "index/index_fingerprint.hpp"
#include "index/prefixes.hpp"
#include "index/shard_layout.hpp"
#include "index/stored_parts.hpp"
#include "index/table_check.hpp"
#include "entities/name_index.hpp"
#include "search/entity_facets.hpp"
#include "search/query_builder.hpp"
#include "search/query_lexer.hpp"
#include "search/reader_pool.hpp"
#include "search/snippet.hpp"

namespace ngosearch {

namespace fs = std::filesystem;

namespace {
// Look at least this far into the ranking, so totals are exact for small result sets.
constexpr Xapian::doccount kCheckAtLeast = 1000;
constexpr std::size_t kMaxLimit = 10000;
// Xapian counts ranks in 32 bits.
constexpr std::size_t kMaxOffset = 1000000000;
}  // namespace

struct Searcher::Impl {
    fs::path path;
    std::string where;
    std::shared_ptr<const analysis::Analyzer> analyzer;
    std::unordered_set<std::string> stopwords;
    std::unique_ptr<entities::detail::NameIndex> names;
    detail::QueryContext context;  // immutable after open(): shared by all calls
    std::unique_ptr<detail::ReaderPool> readers;

    void open() {
        std::error_code ec;
        if (!fs::exists(path, ec)) throw IndexNotFound("no index at " + where);
        for (const std::string_view w : detail::list_lines(data::en_stopwords)) {
            stopwords.emplace(w);
        }
        context.analyzer = analyzer.get();
        context.stopwords = &stopwords;
        context.names = names.get();
        readers = std::make_unique<detail::ReaderPool>([this] {
            // A folder (one database or shards) or an index description (local and remote).
            detail::Reader r{.db = detail::open_for_reading(path),
                             .stem = detail::make_xapian_stem(analyzer)};
            detail::with_reopen(r.db, [&] {
                detail::check_analyzer(r.db, analyzer->fingerprint(), where);
                detail::check_index_tables(path, r.db, where);
            });
            return r;
        });
        // The first reader now, so that a missing or mismatched index fails here.
        detail::translate_xapian_errors(where, [&] { readers->acquire(); });
        // What every database (shard, remote one) records it stores; queries ask for no more.
        const detail::StoredParts parts = detail::read_index_parts(path);
        context.positions = parts.positions;
        context.korean_bigrams = parts.korean_bigrams;
    }

    // Runs fn(reader) on a reader of its own (see ReaderPool), Xapian errors translated.
    template <typename Fn>
    decltype(auto) with_reader(Fn&& fn) const {
        return detail::translate_xapian_errors(where, [&]() -> decltype(auto) {
            const auto reader = readers->acquire();
            return detail::with_reopen(reader->db, [&]() -> decltype(auto) { return fn(*reader); });
        });
    }

    // One search on the current revision of `db` (see Searcher::search).
    SearchResult run(const detail::Reader& reader, std::string_view query,
                     const SearchOptions& options, detail::BuiltQuery built) const {
        const Xapian::Database& db = reader.db;
        Xapian::Enquire enquire(db);
        const auto offset = static_cast<Xapian::doccount>(options.offset);
        const auto limit = static_cast<Xapian::doccount>(options.limit);
        // Facets count every match: the match must look at all of them.
        const auto check_at_least = std::max({kCheckAtLeast, offset + limit,
                                              options.facets ? db.get_doccount() : 0u});
        const auto match = [&](const Xapian::Query& q, detail::EntityFacetSpy& spy) {
            enquire.clear_matchspies();
            if (options.facets) enquire.add_matchspy(&spy);
            enquire.set_query(q);
            return enquire.get_mset(offset, limit, check_at_least);
        };
        auto spy = std::make_unique<detail::EntityFacetSpy>();
        Xapian::MSet mset = match(built.query, *spy);
        SearchResult result;
        result.query = std::string(query);
        if (mset.get_matches_estimated() == 0 && built.relaxable && options.relax) {
            // No document has every word: answer with those that have the most of them.
            detail::BuildOptions loose_options = build_options(options);
            loose_options.match_all = false;
            loose_options.relaxing = true;
            detail::BuiltQuery any = parse(query, loose_options);
            auto loose_spy = std::make_unique<detail::EntityFacetSpy>();
            Xapian::MSet loose = match(any.query, *loose_spy);
            if (loose.get_matches_estimated() > 0) {
                built = std::move(any);
                mset = std::move(loose);
                spy = std::move(loose_spy);
                result.relaxed = true;
            }
        }
        enquire.clear_matchspies();
        result.expansions = built.expansions;
        if (options.facets) result.facets = spy->facets(options.facet_values);
        result.total = mset.get_matches_estimated();
        result.offset = options.offset;
        const auto terms = detail::highlight_terms(built.query);
        std::vector<std::string> expanded;
        for (const auto& x : built.expansions) expanded.push_back(x.id);
        for (auto it = mset.begin(); it != mset.end(); ++it) {
            const Document d = detail::decode_document(it.get_document().get_data());
            Hit h;
            h.id = d.id;
            h.path = d.path;
            h.title = d.title;
            h.language = d.language;
            h.date = d.date;
            h.type = d.type;
            h.score = it.get_weight();
            h.rank = it.get_rank();
            h.entities = d.entities;
            detail::make_snippet(mset, d.body, options.snippet_bytes, options.snippet_scan_bytes,
                                 reader.stem, *analyzer, terms, h);
            if (h.highlights.empty() && !expanded.empty()) {
                detail::passage_around_entities(d.body, expanded, options.snippet_bytes, h);
            }
            h.page = detail::page_of_snippet(d.body, d.pages, h);
            result.hits.push_back(std::move(h));
        }
        return result;
    }

    static detail::BuildOptions build_options(const SearchOptions& o) {
        return {.match_all = o.match_all,
                .fallback = o.korean_fallback,
                .expand_entities = o.expand_entities,
                .relaxing = false,
                .max_words = o.max_query_words,
                .max_depth = o.max_query_depth,
                // Xapian keeps none of the most frequent 0: no limit is the largest one.
                .max_wildcard_terms = static_cast<Xapian::termcount>(std::min<std::size_t>(
                    o.max_wildcard_terms == 0 ? SIZE_MAX : o.max_wildcard_terms,
                    Xapian::termcount(-1)))};
    }

    // Lexed as given (invalid UTF-8 included), so error positions are positions in what the
    // caller wrote; the analyzer repairs what it reads.
    detail::BuiltQuery parse(std::string_view raw, detail::BuildOptions options) const {
        auto lexemes = detail::lex_query(raw);
        detail::drop_unsearchable(raw, lexemes, *analyzer);
        detail::validate_query(raw, lexemes);
        return detail::build_query(raw, lexemes, context, options);
    }
};

Searcher::Searcher(const fs::path& path, std::shared_ptr<const analysis::Analyzer> analyzer,
                   std::shared_ptr<const entities::Gazetteer> gazetteer)
    : impl_(std::make_unique<Impl>()) {
    impl_->path = path;
    impl_->where = path.string();
    impl_->analyzer = analyzer ? std::move(analyzer) : analysis::Analyzer::standard();
    impl_->names = std::make_unique<entities::detail::NameIndex>(
        gazetteer ? std::move(gazetteer) : entities::Gazetteer::standard(), impl_->analyzer);
    impl_->open();
}

Searcher::~Searcher() = default;
Searcher::Searcher(Searcher&&) noexcept = default;
Searcher& Searcher::operator=(Searcher&&) noexcept = default;

SearchResult Searcher::search(std::string_view query, const SearchOptions& options) const {
    if (options.limit > kMaxLimit) {
        throw InvalidArgument("limit " + std::to_string(options.limit) + " is too large (at most " +
                              std::to_string(kMaxLimit) + " hits per page; page with offset)");
    }
    if (options.offset > kMaxOffset) {
        throw InvalidArgument("offset " + std::to_string(options.offset) + " is too large (at most " +
                              std::to_string(kMaxOffset) + ")");
    }
    if (query.find_first_not_of(" \t\r\n") == std::string_view::npos) {
        throw InvalidArgument("empty query: give at least one word, phrase or filter");
    }
    const Impl& im = *impl_;
    const detail::BuiltQuery built = im.parse(query, Impl::build_options(options));
    if (built.query.empty()) {
        throw QueryError("the query has no searchable words (only punctuation or symbols?)", 0);
    }
    return im.with_reader(
        [&](const detail::Reader& reader) { return im.run(reader, query, options, built); });
}

std::optional<Document> Searcher::find(std::string_view id) const {
    if (id.empty()) throw InvalidArgument("document id must not be empty");
    return impl_->with_reader([&](const detail::Reader& reader) -> std::optional<Document> {
        const auto docid = detail::find_document(reader.db, id);
        if (!docid) return std::nullopt;
        return detail::decode_document(reader.db.get_document(*docid).get_data());
    });
}

IndexStats Searcher::stats() const {
    const Impl& im = *impl_;
    return im.with_reader([&](const detail::Reader& reader) {
        const Xapian::Database& db = reader.db;
        IndexStats s;
        s.documents = db.get_doccount();
        for (auto t = db.allterms_begin(); t != db.allterms_end(); ++t) ++s.terms;
        s.average_length = db.get_avlength();
        s.analyzer = db.get_metadata(detail::kAnalyzerKey);
        s.positions = im.context.positions;
        s.korean_bigrams = im.context.korean_bigrams;
        s.path = im.path;
        return s;
    });
}

void Searcher::reopen() { impl_->readers->reopen_all(); }

void Searcher::check() const {
    std::ostringstream log;
    std::size_t errors = 0;
    try {
        // Each local database of the index (shards one by one: Xapian checks no stubs).
        for (const fs::path& shard : detail::local_databases(impl_->path)) {
            errors += Xapian::Database::check(shard.string(), 0, &log);
        }
    } catch (const Xapian::Error& e) {
        throw IndexCorrupt("index at " + impl_->where + " is damaged: " + detail::describe(e) +
                           "; rebuild it (delete the folder and index the documents again)");
    }
    if (errors > 0) {
        throw IndexCorrupt("index at " + impl_->where + " is damaged: the check found " +
                           std::to_string(errors) + " error(s): " + log.str().substr(0, 500) +
                           "; rebuild it (delete the folder and index the documents again)");
    }
}

}  // namespace ngosearch
