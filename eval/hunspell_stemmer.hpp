// SPDX-License-Identifier: GPL-2.0-or-later
// Korean stemmers on libhunspell (hunspell-ko's affix rules), to measure against ngosearch's
// ending rules: hunspell lemmatises 보호하였다 → 보호하다, and the noun of a derived predicate
// is that lemma less its light verb (보호).
#pragma once

#include <filesystem>
#include <memory>

#include <ngosearch/analysis/analyzer.hpp>
#include <ngosearch/analysis/stemmer.hpp>

namespace eval {

enum class HunspellMode {
    Alone,        ///< hunspell's first stem, made a noun; the word itself when it has none
    AfterRules,   ///< ngosearch's rules; hunspell for the words they leave as written
};

/// The standard analysis with its Korean stemmer replaced by one using hunspell (`dic` and the
/// .aff beside it). One Hunspell object per thread, results cached per thread.
std::shared_ptr<const ngosearch::analysis::Analyzer> hunspell_analyzer(
    const std::filesystem::path& dic, HunspellMode mode);

}  // namespace eval
