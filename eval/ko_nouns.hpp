// SPDX-License-Identifier: GPL-2.0-or-later
// The nouns of Debian's hunspell-ko, read at run time (never copied into this project): the
// words a researcher would type, so that queries made of them look like real Korean queries.
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <unordered_set>

namespace eval {

struct KoreanNouns {
    std::unordered_set<std::string> words;  ///< NFC, Hangul syllables only, 2 or more
    std::size_t hangul_entries = 0;         ///< .dic entries made only of Hangul syllables
    std::filesystem::path dic;
};

/// $NGOSEARCH_KO_DICT (as the library reads it), else Debian's ko_KR.dic.
std::filesystem::path korean_dictionary_path();

/// The entries of `dic` (its .aff beside it) that hunspell-ko treats as nouns: Hangul
/// syllables only, at least 2, taking the object particle 을/를 through a suffix rule that strips
/// nothing, and not marked ONLYINCOMPOUND, FORBIDDENWORD or NEEDAFFIX. Predicates (필요하다)
/// and the conjugated stems listed as entries of their own (해결해) do not take 을/를.
/// @throws std::runtime_error when the files are missing, unreadable or not in this format.
KoreanNouns read_korean_nouns(const std::filesystem::path& dic);

}  // namespace eval
