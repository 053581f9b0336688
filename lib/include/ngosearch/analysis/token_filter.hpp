// SPDX-License-Identifier: GPL-2.0-or-later
// Token filters: the stages after the tokenizer. Each rewrites a whole buffer at once (one
// virtual call per field, not per token).
//
//     auto f = ngosearch::analysis::make_normalize_filter();
//     f->apply(tokens);   // "ＵＮ" → "un", "Korea’s" → "korea’s"
#pragma once

#include <memory>
#include <string_view>

#include <ngosearch/analysis/token.hpp>

namespace ngosearch::analysis {

/// Rewrites, drops or adds tokens. Must keep offsets unchanged, positions non-decreasing, and
/// be safe to call from several threads at once.
class TokenFilter {
public:
    virtual ~TokenFilter() = default;
    /// Rewrites `tokens`, the tokens of `source` (the original input their offsets point into;
    /// filters that join words look at the bytes between them).
    virtual void apply(std::string_view source, TokenBuffer& tokens) const = 0;
    /// Short stable name for the analyzer fingerprint, e.g. "nfkc_cf".
    virtual std::string_view name() const noexcept = 0;
};

/// ICU NFKC_Casefold of each token's text; sets Token::script from the result.
std::unique_ptr<TokenFilter> make_normalize_filter();

/// Accents off Latin words: "salmón" → "salmon", "tomás" → "tomas" (Hangul is left alone).
std::unique_ptr<TokenFilter> make_latin_accent_filter();

/// English surface clean-up: drops a possessive "'s"/"’s" ("korea's" → "korea") and the dots
/// of dotted abbreviations ("u.n" → "un"), and splits other dotted words into their pieces at
/// consecutive positions ("www.ohchr.org" → "www" "ohchr" "org").
std::unique_ptr<TokenFilter> make_english_possessive_filter();

/// Latin words joined by a hyphen become one word with the pieces as extra terms at its
/// position: "co-sponsored" → "cosponsored" (+ "co", "sponsored"); "Jae-in" → "jaein".
std::unique_ptr<TokenFilter> make_hyphen_join_filter();

/// Numbers written together with Korean units become one identifier with the pieces as extra
/// terms: "제7조를" → "제7조를" (+ "7조를", "7"), "2024년" → "2024년" (+ "2024").
std::unique_ptr<TokenFilter> make_number_unit_filter();

/// Korean auxiliary verbs and bound nouns written solid are split as standard spacing writes
/// them, at consecutive positions: "할수있다" → "할" "수" "있다", "받아들이고있습니다" →
/// "받아들이고" "있습니다", "보호해야한다" → "보호해야" "한다", "할것이다" → "할" "것이다".
std::unique_ptr<TokenFilter> make_korean_auxiliary_filter();

/// Korean spacing variants: drops particles written apart ("지난 주 에"), adds the joined word of
/// syllable-spaced text ("세 계 인 권 선 언" → "세계인권선언") and of a known noun followed by a
/// word ("국가 보안법을" → "국가보안법을"), as extra terms at the first word's position.
class KoreanLexicon;
std::unique_ptr<TokenFilter> make_korean_spacing_filter(std::shared_ptr<const KoreanLexicon> lexicon);

/// Korean compounds gain their parts as extra terms (Lucene Nori's "mixed" mode), split by the
/// lexicon: "국가보안법을" → + "국가", "보안", "보안법"; "국가인권위원회는" → + "국가", "인권",
/// "위원회", "인권위원회".
std::unique_ptr<TokenFilter> make_korean_compound_filter(
    std::shared_ptr<const KoreanLexicon> lexicon);

}  // namespace ngosearch::analysis
