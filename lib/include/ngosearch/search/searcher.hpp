// SPDX-License-Identifier: GPL-2.0-or-later
// Searching an index.
//
//     ngosearch::Searcher s("my.index");
//     auto page = s.search("국가보안법 AND date:2020..2025", {.limit = 10});
//     for (const auto& h : page.hits) std::cout << h.title << '\n' << h.snippet << '\n';
//
// Query language (Xapian QueryParser syntax, built term by term through the same analysis as
// the index):
//   words (AND by default)   AND OR NOT XOR   "exact phrase"   a NEAR b   a NEAR/3 b
//   prosecut* (prefix)   title:word   lang:en|ko|mixed   type:letter   date:2020
//   date:2020..2025   date:2020-03..   date:..2019-12-31   ( grouping )   +must -mustnot
//   person:moon-jae-in   person:"Moon Jae-in"   ministry:통일부   law:national-security-act/7
//   org:…   resolution:…
#pragma once

#include <cstddef>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include <ngosearch/analysis/analyzer.hpp>
#include <ngosearch/entities/gazetteer.hpp>
#include <ngosearch/document.hpp>
#include <ngosearch/search/hit.hpp>

namespace ngosearch {

/// Per-query settings.
struct SearchOptions {
    std::size_t offset = 0;          ///< skip this many hits (paging)
    std::size_t limit = 10;          ///< return at most this many hits (0 = count only)
    std::size_t snippet_bytes = 240; ///< target snippet length in bytes
    /// Bytes of a hit's text read to find a passage that shows a match (from the start, 64 KB
    /// at a time, stopping at the first that does). Beyond it a very long document's snippet
    /// is a passage of its start, unmarked: the time of a page of hits stays bounded (about
    /// 0.1 s per MB read here) however long the documents.
    std::size_t snippet_scan_bytes = 4u << 20;
    /// How words without an operator combine: true = all must match (AND), false = any (OR,
    /// ranked by BM25 — no hidden minimum-should-match).
    bool match_all = true;
    /// With match_all: when no document has all the words, answer with the documents that have
    /// the most of them (any word, ranked by BM25) and set SearchResult::relaxed. Explicit AND,
    /// phrases and filters are never relaxed.
    bool relax = true;
    /// Korean words also match, at a lower weight, documents that hold all their syllable
    /// bigrams (names, loanwords, new compounds, other spellings and spacing that the analysis
    /// does not resolve). false: only what the analysis resolves matches. An index built
    /// without bigrams (IndexOptions::korean_bigrams = false) has no fallback either way.
    bool korean_fallback = true;
    /// Words that name an entity of the gazetteer (문재인, 통일부, National Security Law) also
    /// find the documents that mention it in any language or alias, ranked below plain matches
    /// of the words; SearchResult::expansions says which. Quoted phrases never expand.
    bool expand_entities = true;
    /// Count, over all matching documents, the entities they name: SearchResult::facets.
    /// Costs a pass over the whole match set.
    bool facets = false;
    /// Entities per type in the facets.
    std::size_t facet_values = 10;
    /// Queries of more words are refused (QueryError): a pasted page is no query. Time and
    /// memory of a query grow with its words (a query of 14,000 words takes about 0.3 s).
    std::size_t max_query_words = 1024;
    /// Brackets nested deeper are refused (QueryError). The query is parsed recursively, a
    /// few hundred bytes of stack per level: keep it far below the stack's size over that.
    std::size_t max_query_depth = 256;
    /// A wildcard (prosecut*, title:hum*) stands for at most this many terms of the index
    /// that begin so: the most frequent ones, the rest are left out of the query. Bounds the
    /// time and memory of a wildcard whatever the index holds (0 = no limit).
    std::size_t max_wildcard_terms = 1000;
};

/// Summary of an index.
struct IndexStats {
    std::size_t documents = 0;
    std::size_t terms = 0;             ///< distinct terms
    double average_length = 0;         ///< average document length in terms
    std::string analyzer;              ///< analyzer fingerprint recorded in the index
    bool positions = true;             ///< stores word positions (IndexOptions::positions)
    bool korean_bigrams = true;        ///< stores Korean bigram terms (IndexOptions::korean_bigrams)
    std::filesystem::path path;
};

/// Read-only view of an index. Move-only. Thread-safe: one Searcher may serve search(), find()
/// and stats() from many threads at once (each call reads through a Xapian handle of its own,
/// opened on first need and kept for later calls; the query analysis and the gazetteer are
/// shared and immutable). Moving or destroying it while another thread uses it is not safe.
class Searcher {
public:
    /// `analyzer`: nullptr means Analyzer::standard(); `gazetteer` (entity filters by name and
    /// expansion of words that name an entity): nullptr means Gazetteer::standard().
    /// @throws IndexNotFound, IndexCorrupt, AnalyzerMismatch (index built by another analyzer).
    explicit Searcher(const std::filesystem::path& path,
                      std::shared_ptr<const analysis::Analyzer> analyzer = nullptr,
                      std::shared_ptr<const entities::Gazetteer> gazetteer = nullptr);
    ~Searcher();
    Searcher(Searcher&&) noexcept;
    Searcher& operator=(Searcher&&) noexcept;

    /// Runs a query. @throws QueryError (with the byte position) for a malformed query, or a
    /// phrase, NEAR or ADJ on an index without positions; InvalidArgument for an empty one.
    SearchResult search(std::string_view query, const SearchOptions& options = {}) const;

    /// The stored document with this id, or nullopt.
    std::optional<Document> find(std::string_view id) const;

    IndexStats stats() const;

    /// Sees changes committed since this Searcher was opened (or last reopened): every call
    /// that starts after reopen() returns reads the latest revision. Safe to call while other
    /// threads search. (A search a writer's commits overtake reopens by itself.)
    void reopen();

    /// Checks every block of every table of the index (Xapian's Database::check, as
    /// xapian-check does): slow on a large index, reads all of it. Opening already checks that
    /// the tables are there; this finds damage inside them.
    /// @throws IndexCorrupt naming the first problems found.
    void check() const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace ngosearch
