// SPDX-License-Identifier: GPL-2.0-or-later
// Builds a Xapian::Query from the lexed query and the analysed words, term by term: each word
// looks for its stem and inflected forms (and, for Korean, a low-weight fallback of syllable
// bigrams), fields come from the schema, and the operators follow Xapian's QueryParser
// (OR < XOR < AND, NOT < NEAR, ADJ < +, -; words side by side combine with the default
// operator; a field's filter values are OR-ed, different fields AND-ed).
#pragma once

#include <xapian.h>

#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include <ngosearch/analysis/analyzer.hpp>
#include <ngosearch/search/hit.hpp>

#include "search/query_lexer.hpp"

namespace ngosearch::entities::detail {
class NameIndex;
}

namespace ngosearch::detail {

using QueryExpansion = ngosearch::Expansion;

/// What the builder reads besides the query. Immutable and shared by all calls.
struct QueryContext {
    const analysis::Analyzer* analyzer = nullptr;
    /// English function words (normalised), left out of queries but kept in phrases.
    const std::unordered_set<std::string>* stopwords = nullptr;
    /// Weight of a Korean word's bigram fallback relative to a match of its stem: low, so that
    /// what the analysis resolves ranks first and the fallback only fills in what it misses.
    double fallback_weight = 0.5;
    /// The gazetteer's names, for entity filters (person:"Moon Jae-in") and for words that name
    /// an entity; null: entity filters take ids only and nothing expands.
    const entities::detail::NameIndex* names = nullptr;
    /// Weight of the documents found only through an entity a query's words name, relative to
    /// a match of the words: low, so that plain matches rank first.
    double entity_weight = 0.5;
    /// Words beyond this many get no bigram fallback: a pasted paragraph would make every
    /// word an OR of its bigrams, and the match slow.
    std::size_t max_fallback_words = 32;
    /// What the index stores (IndexOptions::positions, ::korean_bigrams). Without positions a
    /// phrase, NEAR or ADJ the query writes is a QueryError, and a word the analysis splits
    /// into parts looks for all of them anywhere (AND) instead of side by side; without
    /// bigrams Korean words get no fallback.
    bool positions = true;
    bool korean_bigrams = true;
};

/// The message of the QueryError for a phrase, NEAR or ADJ (`what`, written at byte `at`) on
/// an index without positions.
std::string needs_positions(std::string_view what, std::size_t at);

struct BuiltQuery {
    Xapian::Query query;
    /// True when some words were combined with the implicit all-words operator, so that the
    /// any-word form of the query (see build_query) differs from it.
    bool relaxable = false;
    /// Words that named an entity, and what they were expanded to.
    std::vector<QueryExpansion> expansions;
};

/// Turns word lexemes outside phrases that hold nothing searchable (emoji, lone punctuation)
/// into spaces, so that validation sees "law AND 😀" as an operator with nothing on its right.
void drop_unsearchable(std::string_view query, std::vector<Lexeme>& lexemes,
                       const analysis::Analyzer& analyzer);

/// How a query is built.
struct BuildOptions {
    bool match_all = true;        ///< words side by side must all match (else any may)
    bool fallback = true;         ///< Korean words add their bigram fallback
    bool expand_entities = true;  ///< words that name an entity also find its mentions
    /// The any-word form of an all-words query that found nothing: words side by side become
    /// optional, but phrases and field words stay required.
    bool relaxing = false;
    std::size_t max_words = 1024;  ///< more words are a QueryError
    std::size_t max_depth = 256;   ///< brackets nested deeper are a QueryError
    /// A wildcard (prosecut*) expands to at most this many terms, the most frequent first.
    Xapian::termcount max_wildcard_terms = 1000;
};

/// Builds the query. With options.match_all words side by side must all match (AND), else any
/// may (OR); explicit operators, phrases and filters are the same either way. `lexemes` must
/// have passed validate_query(). @throws QueryError (with the byte position) for what has no
/// meaning even so, e.g. an operand that only excludes (`a OR -b`), brackets nested too deep or
/// too many words.
BuiltQuery build_query(std::string_view query, const std::vector<Lexeme>& lexemes,
                       const QueryContext& context, BuildOptions options);

}  // namespace ngosearch::detail
