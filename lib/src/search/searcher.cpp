// SPDX-License-Identifier: GPL-2.0-or-later
#include <ngosearch/search/searcher.hpp>

#include <xapian.h>

#include <ngosearch/error.hpp>
#include <ngosearch/text/utf8.hpp>

#include "detail/embedded_data.hpp"
#include "detail/xapian_errors.hpp"
#include "detail/xapian_stem_adapter.hpp"
#include "index/document_codec.hpp"
#include "index/index_fingerprint.hpp"
#include "index/prefixes.hpp"
#include "search/query_lexer.hpp"
#include "search/query_rewriter.hpp"
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
    Xapian::Database db;
    Xapian::Stem stem;
    // QueryParser keeps pointers to these without owning them: declared first, destroyed last.
    std::unique_ptr<Xapian::RangeProcessor> dates;
    std::unique_ptr<Xapian::SimpleStopper> stopper;
    Xapian::QueryParser parser;

    void open() {
        std::error_code ec;
        if (!fs::exists(path, ec)) {
            throw IndexNotFound("no index at " + where +
                                "; create one with `ngosearch index PATH` (or pass --db)");
        }
        db = detail::translate_xapian_errors(where, [&] { return Xapian::Database(where); });
        detail::translate_xapian_errors(
            where, [&] { detail::check_analyzer(db, analyzer->fingerprint(), where); });
        parser = Xapian::QueryParser();
        parser.set_database(db);
        parser.set_stemmer(stem);
        parser.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
        parser.add_prefix("title", std::string(detail::kTitlePrefix));
        parser.add_boolean_prefix("lang", std::string(detail::kLangPrefix));
        parser.add_boolean_prefix("type", std::string(detail::kTypePrefix));
        dates = std::make_unique<Xapian::RangeProcessor>(detail::slot(detail::Slot::Date), "date:");
        parser.add_rangeprocessor(dates.get());
        // English function words are left out of queries, but QueryParser keeps them in phrases.
        stopper = std::make_unique<Xapian::SimpleStopper>();
        for (const std::string_view w : detail::list_lines(data::en_stopwords)) {
            stopper->add(std::string(w));
        }
        parser.set_stopper(stopper.get());
    }

    Xapian::Query parse(std::string_view raw, bool match_all) {
        auto lexemes = detail::lex_query(raw);
        detail::drop_unsearchable(raw, lexemes, *analyzer);
        detail::validate_query(raw, lexemes);
        const std::string rewritten = detail::rewrite_query(raw, lexemes, *analyzer);
        parser.set_default_op(match_all ? Xapian::Query::OP_AND : Xapian::Query::OP_OR);
        constexpr unsigned kFlags = Xapian::QueryParser::FLAG_BOOLEAN |
                                    Xapian::QueryParser::FLAG_PHRASE |
                                    Xapian::QueryParser::FLAG_LOVEHATE |
                                    Xapian::QueryParser::FLAG_WILDCARD |
                                    Xapian::QueryParser::FLAG_PURE_NOT;
        return detail::translate_xapian_errors(
            where, [&] { return parser.parse_query(rewritten, kFlags); });
    }
};

Searcher::Searcher(const fs::path& path, std::shared_ptr<const analysis::Analyzer> analyzer)
    : impl_(std::make_unique<Impl>()) {
    impl_->path = path;
    impl_->where = path.string();
    impl_->analyzer = analyzer ? std::move(analyzer) : analysis::Analyzer::standard();
    impl_->stem = detail::make_xapian_stem(impl_->analyzer);
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
    Impl& im = *impl_;
    // The query is lexed as given (invalid UTF-8 included), so error positions are positions
    // in what the caller wrote; the analyzer repairs what it reads.
    const Xapian::Query q = im.parse(query, options.match_all);
    if (q.empty()) {
        throw QueryError("the query has no searchable words (only punctuation or symbols?)", 0);
    }
    return detail::translate_xapian_errors(im.where, [&] {
        Xapian::Enquire enquire(im.db);
        enquire.set_query(q);
        const auto offset = static_cast<Xapian::doccount>(options.offset);
        const auto limit = static_cast<Xapian::doccount>(options.limit);
        const Xapian::MSet mset =
            enquire.get_mset(offset, limit, std::max(kCheckAtLeast, offset + limit));
        SearchResult result;
        result.query = std::string(query);
        result.total = mset.get_matches_estimated();
        result.offset = options.offset;
        const auto terms = detail::highlight_terms(q);
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
            detail::make_snippet(mset, d.body, options.snippet_bytes, im.stem, *im.analyzer, terms,
                                 h);
            result.hits.push_back(std::move(h));
        }
        return result;
    });
}

std::optional<Document> Searcher::find(std::string_view id) const {
    if (id.empty()) throw InvalidArgument("document id must not be empty");
    return detail::translate_xapian_errors(impl_->where, [&]() -> std::optional<Document> {
        const auto docid = detail::find_document(impl_->db, id);
        if (!docid) return std::nullopt;
        return detail::decode_document(impl_->db.get_document(*docid).get_data());
    });
}

IndexStats Searcher::stats() const {
    return detail::translate_xapian_errors(impl_->where, [&] {
        IndexStats s;
        s.documents = impl_->db.get_doccount();
        for (auto t = impl_->db.allterms_begin(); t != impl_->db.allterms_end(); ++t) ++s.terms;
        s.average_length = impl_->db.get_avlength();
        s.analyzer = impl_->db.get_metadata(detail::kAnalyzerKey);
        s.path = impl_->path;
        return s;
    });
}

void Searcher::reopen() {
    detail::translate_xapian_errors(impl_->where, [&] { impl_->db.reopen(); });
}

}  // namespace ngosearch
