// SPDX-License-Identifier: GPL-2.0-or-later
// The Analyzer: one analysis for indexing and querying, so that whatever the indexer does to
// "국가보안법을" or "prosecutions" the query side does to the query.
//
//     auto an = ngosearch::analysis::Analyzer::standard();
//     ngosearch::analysis::TokenBuffer toks;
//     an->analyze("통일부는 북한에서", toks);  // 통일부는@0 [0,12)  북한에서@1 [13,25)
//     an->stem("통일부는") == "통일부"
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <ngosearch/analysis/stemmer.hpp>
#include <ngosearch/analysis/token.hpp>
#include <ngosearch/analysis/token_filter.hpp>
#include <ngosearch/analysis/tokenizer.hpp>

namespace ngosearch::analysis {

class KoreanLexicon;

/// A tokenizer, a chain of filters and a stemmer. Immutable after construction and safe to
/// share between threads (hold it in a std::shared_ptr<const Analyzer>).
class Analyzer {
public:
    /// Builds a pipeline. `version` is bumped by whoever changes what a stage emits, so that an
    /// index built by an older pipeline is detected (see fingerprint()).
    /// @throws ngosearch::InvalidArgument if tokenizer or stemmer is null.
    Analyzer(std::unique_ptr<Tokenizer> tokenizer, std::vector<std::unique_ptr<TokenFilter>> filters,
             std::unique_ptr<Stemmer> stemmer, int version);
    ~Analyzer();
    Analyzer(const Analyzer&) = delete;
    Analyzer& operator=(const Analyzer&) = delete;

    /// The standard English+Korean pipeline: Unicode words, NFKC_Casefold, English possessives,
    /// Korean rule stemming and Snowball English.
    static std::shared_ptr<const Analyzer> standard();

    /// The filters of the standard pipeline, in order, for a pipeline that changes one stage
    /// (another stemmer, say) and keeps the rest.
    static std::vector<std::unique_ptr<TokenFilter>> standard_filters(
        std::shared_ptr<const KoreanLexicon> lexicon);

    /// Appends the tokens of `text` (any bytes; invalid UTF-8 never crashes) to `out`.
    void analyze(std::string_view text, TokenBuffer& out) const;

    /// Convenience: a fresh buffer with the tokens of `text`.
    TokenBuffer analyze(std::string_view text) const;

    /// Stem of one already-normalised term (what the index stores with the "Z" prefix).
    std::string stem(std::string_view term) const;

    /// Normalises one word the way analyze() normalises text, without stemming, for callers that
    /// build Xapian-level queries or term prefixes themselves. "Prosecut" → "prosecut".
    std::string normalize_term(std::string_view word) const;

    /// Identifies what this pipeline emits, e.g. "icu_words+nfkc_cf+en_possessive|ko_rules+snowball_en/1".
    /// An index records it and refuses a different one.
    const std::string& fingerprint() const noexcept;

    /// The stemmer, for adapters that need it (the Xapian stemmer bridge).
    const Stemmer& stemmer() const noexcept;

private:
    std::unique_ptr<Tokenizer> tokenizer_;
    std::vector<std::unique_ptr<TokenFilter>> filters_;
    std::unique_ptr<Stemmer> stemmer_;
    std::string fingerprint_;
};

}  // namespace ngosearch::analysis
