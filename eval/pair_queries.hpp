// SPDX-License-Identifier: GPL-2.0-or-later
// Query sets for a line-aligned South Korean / North Korean pair: each query is made from SK
// line i, and document i is its one relevant answer on both sides.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace eval {

/// The maximal runs of Hangul syllables (U+AC00..U+D7A3) of UTF-8 text, in order.
std::vector<std::string> hangul_runs(std::string_view text);

/// True when `word` is non-empty and made only of Hangul syllables.
bool all_hangul(std::string_view word);

/// Syllables of a run of Hangul syllables (3 bytes each in UTF-8).
inline std::size_t syllables(std::string_view run) { return run.size() / 3; }

struct Query {
    std::size_t line = 0;  ///< 0-based: the relevant document
    std::string text;
};

enum Side : std::size_t { kSk = 0, kNk = 1 };
using BySide = std::array<std::vector<Query>, 2>;

/// Reads lexicon nouns out of eojeol.
class NounReader {
public:
    /// `nouns` must outlive the reader.
    explicit NounReader(const std::unordered_set<std::string>& nouns);

    /// The nouns of an eojeol read as noun(s) + a tail that is empty or starts like a particle,
    /// the copula or a 하다/되다/시키다 ending: 정치범수용소에서 -> 정치범, 수용소. The reading with the
    /// fewest nouns wins, then the one with the shortest tail; none, no words.
    std::vector<std::string> segment(std::string_view eojeol) const;

    /// The nouns of all Hangul runs of a line, in order.
    std::vector<std::string> words(std::string_view line) const;

private:
    const std::unordered_set<std::string>& nouns_;
    std::size_t longest_ = 0;  // in syllables
};

/// The lexicon set: the two longest nouns of SK line i (the earlier on a tie), in line order,
/// that occur in the target line (SK line i, or NK line i) only inside a longer Hangul run and
/// are not among the `common` most frequent nouns of both files.
BySide lexicon_queries(const NounReader& reader, const std::vector<std::string>& sk,
                       const std::vector<std::string>& nk, std::size_t common);

/// The particle-list set, made without the lexicon: per SK line, two stems (chosen by a
/// generator seeded with the line number) of runs that end in a particle of a fixed list, where
/// the bare stem never stands as a whole run of that line.
std::vector<Query> particle_queries(const std::vector<std::string>& sk);

/// At most `n` of the queries, a seeded sample in their order.
std::vector<Query> cap(std::vector<Query> queries, std::size_t n, std::uint32_t seed);

/// "인권 침해 <- 인권침해를": the query and the runs of `target` that hold its words.
std::string in_context(const std::string& query, std::string_view target);

}  // namespace eval
