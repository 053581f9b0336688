// SPDX-License-Identifier: GPL-2.0-or-later
// What the corpus generator learns from a folder of seed documents: English words and Korean
// nouns, particles and predicates by frequency, Hangul syllables, and the running text itself
// (for word sequences copied as they are, so names, titles of laws and collocations recur).
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace ngosearch::bench {

/// Words of one kind, most frequent first, with running sums of their counts.
struct RankedWords {
    std::vector<std::string> words;
    std::vector<double> cumulative;  ///< cumulative[i] = count of words[0..i]
    bool empty() const noexcept { return words.empty(); }
};

struct SeedText {
    RankedWords english;            ///< Latin-script words, punctuation stripped, case kept
    RankedWords korean_nouns;       ///< Hangul words with their particle stripped
    RankedWords korean_particles;   ///< particles seen after nouns, "" (none) included
    RankedWords korean_predicates;  ///< Hangul words ending a clause (…다), as written
    RankedWords syllables;          ///< Hangul syllables, for new names and words
    /// Running text per language (a line is Korean when most of its words are), whitespace-
    /// separated tokens as written, front matter and Markdown markup left out: the generator
    /// copies short runs of it, so real word order, names and collocations recur.
    std::vector<std::string> english_tokens;
    std::vector<std::string> korean_tokens;
    std::size_t files = 0;
    std::uint64_t bytes = 0;
};

/// The .txt and .md files under `folder`, sorted, hidden entries left out (as the indexer
/// leaves them out). @throws std::runtime_error if it is not a folder or cannot be listed.
std::vector<std::filesystem::path> text_files(const std::filesystem::path& folder);

/// Reads every .txt and .md file under `folder` (sorted, hidden entries skipped).
/// @throws std::runtime_error if the folder is missing or holds too little text of a language.
SeedText read_seed(const std::filesystem::path& folder);

/// True if `word` holds a precomposed Hangul syllable.
bool has_hangul(std::string_view word) noexcept;

/// `word` without leading and trailing punctuation (ASCII and the CJK brackets and quotes).
std::string_view strip_punctuation(std::string_view word) noexcept;

/// The UTF-8 sequences of the code points of `word` (invalid bytes one by one).
std::vector<std::string_view> code_points(std::string_view word);

}  // namespace ngosearch::bench
