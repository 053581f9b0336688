// SPDX-License-Identifier: GPL-2.0-or-later
// Stemmers reduce a normalised term to the form that index and query share:
// "prosecutions" → "prosecut", "국가보안법을" → "국가보안법".
//
//     auto s = ngosearch::analysis::make_standard_stemmer();
//     s->stem("통일부는") == "통일부"
#pragma once

#include <memory>
#include <string>
#include <string_view>

namespace ngosearch::analysis {

/// Maps one normalised term to its stem. Must be safe to call from several threads at once
/// and deterministic (the same input always gives the same stem).
class Stemmer {
public:
    virtual ~Stemmer() = default;
    /// The stem of `term` (the term itself when nothing applies).
    virtual std::string stem(std::string_view term) const = 0;
    /// Short stable name for the analyzer fingerprint, e.g. "snowball_en".
    virtual std::string_view name() const noexcept = 0;
};

/// Snowball stemmer of a language Xapian knows ("english", "en", ...).
/// @throws ngosearch::InvalidArgument for an unknown language.
std::unique_ptr<Stemmer> make_snowball_stemmer(std::string_view language);

class KoreanLexicon;

/// Korean particle (josa) and ending (eomi) stripping: "통일부는" → "통일부", "북한에서는" →
/// "북한", "위반했다" → "위반". Of the candidate stems, the longest the lexicon knows (or can split
/// into known words) wins, so "김정은" and "회의" stay whole; without one, the rules strip as far
/// as two syllables allow. The result's first syllable follows the South Korean initial-sound
/// rule, so North Korean spellings meet: "로동" → "노동", "리" → "이", "랍치" → "납치".
/// A null lexicon means rules only.
std::unique_ptr<Stemmer> make_korean_stemmer(std::shared_ptr<const KoreanLexicon> lexicon = nullptr);

/// Dispatches on the script of a term's last letter: Hangul to `korean`, Latin to `latin`;
/// other terms (numbers, Han, ...) are returned unchanged.
std::unique_ptr<Stemmer> make_script_stemmer(std::unique_ptr<Stemmer> korean,
                                             std::unique_ptr<Stemmer> latin);

/// The default: Korean (with `lexicon`) for Hangul, Snowball English for Latin.
std::unique_ptr<Stemmer> make_standard_stemmer(std::shared_ptr<const KoreanLexicon> lexicon = nullptr);

}  // namespace ngosearch::analysis
