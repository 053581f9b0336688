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
    virtual void apply(TokenBuffer& tokens) const = 0;
    /// Short stable name for the analyzer fingerprint, e.g. "nfkc_cf".
    virtual std::string_view name() const noexcept = 0;
};

/// ICU NFKC_Casefold of each token's text; sets Token::script from the result.
std::unique_ptr<TokenFilter> make_normalize_filter();

/// English surface clean-up: drops a possessive "'s"/"’s" ("korea's" → "korea") and the dots
/// of dotted abbreviations ("u.n" → "un").
std::unique_ptr<TokenFilter> make_english_possessive_filter();

}  // namespace ngosearch::analysis
