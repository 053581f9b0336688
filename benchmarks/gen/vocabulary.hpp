// SPDX-License-Identifier: GPL-2.0-or-later
// An open-ended vocabulary: rank → word. The first ranks are the seed's own words in order of
// frequency; every rank past them is a new word made from the seed (blends and compounds of
// its words, names from its syllables, numbers and document symbols), a pure function of the
// rank and the seed, so a Zipf sample over ranks yields ever more distinct words as the corpus
// grows, as real text does.
#pragma once

#include <cstdint>
#include <string>

#include "gen/random.hpp"
#include "gen/seed_text.hpp"

namespace ngosearch::bench {

class Vocabulary {
  public:
    Vocabulary(const SeedText& seed, std::uint64_t random_seed);

    /// The English word of `rank` (1 = most frequent).
    std::string english(std::uint64_t rank) const;
    /// The Korean noun of `rank`, without particle.
    std::string korean_noun(std::uint64_t rank) const;

  private:
    std::string blend(Rng& rng) const;
    std::string romanized_name(Rng& rng) const;
    std::string pseudo_word(Rng& rng) const;
    std::string symbol(Rng& rng) const;
    const std::string& seed_english(Rng& rng) const;
    const std::string& seed_noun(Rng& rng) const;
    std::string syllables(Rng& rng, int count) const;

    const SeedText& seed_;
    std::uint64_t random_seed_;
    ZipfSampler english_parts_;
    ZipfSampler noun_parts_;
    ZipfSampler syllable_parts_;
};

}  // namespace ngosearch::bench
