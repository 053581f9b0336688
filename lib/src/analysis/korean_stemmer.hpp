// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <ngosearch/analysis/korean_lexicon.hpp>
#include <ngosearch/analysis/stemmer.hpp>

namespace ngosearch::analysis {

/// Korean particle (josa) and ending (eomi) stripping, checked against a lexicon, with the
/// initial-sound rule applied to the result. Also used by the Korean filters, which need to know
/// whether a word is known and what its stem is.
class KoreanStemmer final : public Stemmer {
public:
    explicit KoreanStemmer(std::shared_ptr<const KoreanLexicon> lexicon);
    std::string stem(std::string_view term) const override;
    std::string_view name() const noexcept override { return name_; }

    /// In the lexicon as written or after the initial-sound rule.
    bool known(std::string_view word) const;

    /// Splits a stem of at least four syllables into lexicon words of two or more syllables
    /// (the last may be one of the one-syllable suffixes of ko_suffixes.txt: 법, 부, 형, …),
    /// with as few parts as possible: 국가인권위원회 → 국가|인권|위원회, 국가보안법 → 국가|보안|법.
    /// Empty when no such split exists.
    std::vector<std::string> split_compound(std::string_view stem) const;
    /// split_compound(), else the known words of `stem` beside one unknown piece of two
    /// syllables or more at its start or end (매케인상원의원 → 매케인|상원의원), for compound
    /// parts; empty when neither exists.
    std::vector<std::string> decompound(std::string_view stem) const;
    const KoreanLexicon& lexicon() const noexcept { return *lexicon_; }

private:
    std::string stem_uncached(std::string_view term) const;
    std::vector<std::string> split_uncached(std::string_view stem) const;
    std::vector<std::string> decompound_uncached(std::string_view stem) const;
    /// Fewest known words making up `stem` (the whole as one word only if `whole_ok`).
    std::vector<std::string> known_words(std::string_view stem, bool whole_ok) const;

    std::shared_ptr<const KoreanLexicon> lexicon_;
    std::vector<std::string_view> particles_;
    std::vector<std::string_view> suffixes_;
    std::string name_;
};

}  // namespace ngosearch::analysis
