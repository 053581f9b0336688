// SPDX-License-Identifier: GPL-2.0-or-later
// How analysed tokens become index terms, and which terms a query word looks for. The indexer
// and the query builder both read this file, so the two sides cannot drift apart.
//
// A token at position p of a field with term prefix P ("" for the body, "S" for the title):
//   - P+text at p: the word as written (exact phrases and wildcards look for it);
//   - its stem s, when it differs: for Hangul P+s at p too (a Korean stem only strips
//     particles and endings, so phrases may use it: "통일부 북한" finds "통일부는 북한에서");
//     for other scripts "Z"+P+s without a position (an English stem is not a word: "prosecut");
//   - for Hangul words of the unprefixed field: the syllable bigrams of the word, "XG"+bigram
//     without position — the spacing-robust fallback that finds words no stem resolves.
// A query word with stem s looks for SYNONYM("Z"+P+s, P+s): the inflected forms and the bare
// form weighted as one term. A Hangul word also looks, at a lower weight, for all its bigrams.
#pragma once

#include <xapian.h>

#include <string>
#include <string_view>
#include <vector>

#include <ngosearch/analysis/analyzer.hpp>

#include "index/stored_parts.hpp"

namespace ngosearch::detail {

/// Posts the terms of one field's tokens (see above), analysed by `analyzer`. Positions start
/// at `first_position`; returns the position after the last one used. What `parts` leaves
/// out is not posted: without positions every term is added with its wdf alone; without
/// Korean bigrams there are no "XG" terms.
Xapian::termpos index_tokens(Xapian::Document& doc, const analysis::Analyzer& analyzer,
                             const analysis::TokenBuffer& tokens, std::string_view prefix,
                             Xapian::termcount wdf_inc, Xapian::termpos first_position,
                             const StoredParts& parts = {});

/// Appends the distinct syllable bigrams of the Hangul syllable runs of `word` (already
/// normalised) to `out`; a word of one syllable has none.
void hangul_bigrams(std::string_view word, std::vector<std::string>& out);

/// The query for one analysed word under term prefix `prefix`: SYNONYM(Z+stem, stem).
Xapian::Query word_query(const analysis::Analyzer& analyzer, const analysis::Token& token,
                         std::string_view prefix, Xapian::termpos position);

/// The fallback for one Hangul word: AND of its bigram terms (one term for a word of two
/// syllables); an empty query when the word has fewer than two syllables.
Xapian::Query bigram_query(const analysis::Token& token);

/// The term an exact phrase looks for at a position: the word as written.
std::string phrase_term(const analysis::Token& token, std::string_view prefix);

/// The term a phrase implied by one written word ("UN인권이사회의", "할수있다") looks for: for
/// Hangul the stem (posted at the word's position), else the word as written.
std::string implied_phrase_term(const analysis::Analyzer& analyzer, const analysis::Token& token,
                                std::string_view prefix);

}  // namespace ngosearch::detail
