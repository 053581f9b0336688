// SPDX-License-Identifier: GPL-2.0-or-later
// Tokenizer: the first stage of analysis, splitting raw text into tokens.
//
//     auto tok = ngosearch::analysis::make_unicode_word_tokenizer();
//     TokenBuffer out;
//     tok->tokenize("국가보안법을 위반", out);   // [국가보안법을 0..18 @0] [위반 19..25 @1]
#pragma once

#include <memory>
#include <string_view>

#include <ngosearch/analysis/token.hpp>

namespace ngosearch::analysis {

/// Splits text into tokens. Implementations must accept ANY bytes (invalid UTF-8 included),
/// never read or report offsets outside the input, keep offsets on code point boundaries of
/// the input, and assign non-decreasing positions starting at 0.
/// Implementations must be safe to call from several threads at once.
class Tokenizer {
public:
    virtual ~Tokenizer() = default;
    /// Appends the tokens of `text` to `out` (does not clear it). Token text is the raw slice of
    /// the input, normalised later by filters.
    virtual void tokenize(std::string_view text, TokenBuffer& out) const = 0;
    /// Short stable name for the analyzer fingerprint, e.g. "icu_words".
    virtual std::string_view name() const noexcept = 0;
};

/// Unicode word segmentation (ICU's UAX #29 word break iterator): keeps words and numbers,
/// drops spaces and punctuation, splits at script changes ("UN인권이사회" → "UN", "인권이사회").
std::unique_ptr<Tokenizer> make_unicode_word_tokenizer();

}  // namespace ngosearch::analysis
