// SPDX-License-Identifier: GPL-2.0-or-later
#include "gen/vocabulary.hpp"

#include <array>
#include <cctype>

namespace ngosearch::bench {

namespace {

// Building blocks for words the seed cannot show: romanised Korean syllables (for names such as
// "Kim Yeon-chul"), Korean surnames, and Latin consonant/vowel clusters for foreign names and
// technical words.
constexpr std::array<std::string_view, 20> kSurnames = {
    "Kim", "Lee", "Park", "Choi", "Jung", "Kang",  "Cho", "Yoon", "Jang", "Lim",
    "Han", "Oh",  "Seo",  "Shin", "Kwon", "Hwang", "Ahn", "Song", "Ryu",  "Hong"};
constexpr std::array<std::string_view, 40> kRomanSyllables = {
    "yeon",  "chul", "min",   "jun",  "seo",   "hyun", "ji",    "woo",  "sung", "hee",
    "young", "ho",   "soo",   "jin",  "kyung", "eun",  "hye",   "dong", "sang", "myung",
    "jae",   "in",   "hoon",  "mi",   "ok",    "nam",  "gil",   "bok",  "tae",  "won",
    "chang", "il",   "kwang", "seok", "hwa",   "ran",  "jeong", "bin",  "na",   "ah"};
constexpr std::array<std::string_view, 20> kKoreanSurnames = {
    "김", "이", "박", "최", "정", "강", "조", "윤", "장", "임",
    "한", "오", "서", "신", "권", "황", "안", "송", "류", "홍"};
constexpr std::array<std::string_view, 18> kOnsets = {
    "b", "c", "d", "f", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "tr", "st", "br"};
constexpr std::array<std::string_view, 8> kVowels = {"a", "e", "i", "o", "u", "ai", "ou", "ea"};
constexpr std::array<std::string_view, 6> kInflections = {"s", "ed", "ing", "ation", "ity", "ers"};
constexpr std::array<std::string_view, 6> kKoreanCounters = {"년", "명", "차", "호", "건", "개월"};

template <typename Array>
std::string_view any_of(Rng& rng, const Array& a) {
    return a[rng.below(a.size())];
}

bool plain_ascii_word(const std::string& w) {
    if (w.size() < 4) return false;
    for (const char c : w) {
        if (!std::isalpha(static_cast<unsigned char>(c))) return false;
    }
    return true;
}

std::string lower(std::string w) {
    for (char& c : w) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return w;
}

}  // namespace

Vocabulary::Vocabulary(const SeedText& seed, std::uint64_t random_seed)
    : seed_(seed),
      random_seed_(random_seed),
      english_parts_(seed.english.words.size(), 1.0),
      noun_parts_(seed.korean_nouns.words.size(), 1.0),
      syllable_parts_(seed.syllables.words.size(), 0.9) {}

const std::string& Vocabulary::seed_english(Rng& rng) const {
    return seed_.english.words[english_parts_(rng) - 1];
}

const std::string& Vocabulary::seed_noun(Rng& rng) const {
    return seed_.korean_nouns.words[noun_parts_(rng) - 1];
}

std::string Vocabulary::syllables(Rng& rng, int count) const {
    std::string out;
    for (int i = 0; i < count; ++i) out += seed_.syllables.words[syllable_parts_(rng) - 1];
    return out;
}

std::string Vocabulary::blend(Rng& rng) const {
    // The head of one word and the tail of another: "humanitarian" + "repatriation".
    for (int attempt = 0; attempt < 8; ++attempt) {
        const std::string a = lower(seed_english(rng));
        const std::string b = lower(seed_english(rng));
        if (!plain_ascii_word(a) || !plain_ascii_word(b) || a == b) continue;
        const std::size_t head = 2 + rng.below(a.size() - 2);
        const std::size_t tail = 2 + rng.below(b.size() - 2);
        std::string w = a.substr(0, head) + b.substr(b.size() - tail);
        if (rng.chance(0.3)) w += any_of(rng, kInflections);
        return w;
    }
    return pseudo_word(rng);
}

std::string Vocabulary::romanized_name(Rng& rng) const {
    std::string given =
        std::string(any_of(rng, kRomanSyllables)) + "-" + std::string(any_of(rng, kRomanSyllables));
    given[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(given[0])));
    return std::string(any_of(rng, kSurnames)) + " " + given;
}

std::string Vocabulary::pseudo_word(Rng& rng) const {
    std::string w;
    const int parts = static_cast<int>(rng.between(2, 4));
    for (int i = 0; i < parts; ++i) {
        w += any_of(rng, kOnsets);
        w += any_of(rng, kVowels);
    }
    if (rng.chance(0.5)) w += any_of(rng, kOnsets);
    if (rng.chance(0.4)) w[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(w[0])));
    return w;
}

std::string Vocabulary::symbol(Rng& rng) const {
    switch (rng.below(5)) {
        case 0:
            return "A/HRC/" + std::to_string(rng.between(1, 60)) + "/" +
                   std::to_string(rng.between(1, 90));
        case 1:
            return std::to_string(rng.between(1948, 2030)) + "-" +
                   std::to_string(rng.between(1, 9999));
        case 2:
            return std::to_string(rng.between(1, 999)) + "," +
                   std::to_string(rng.between(100, 999));
        case 3:
            return std::to_string(rng.between(1, 80)) + "/" + std::to_string(rng.between(1, 300));
        default:
            return "No." + std::to_string(rng.between(1, 99999));
    }
}

std::string Vocabulary::english(std::uint64_t rank) const {
    if (rank <= seed_.english.words.size()) return seed_.english.words[rank - 1];
    Rng rng(mix64(random_seed_ ^ (rank * 0x51afd7ed558ccd23ull)));
    const double r = rng.uniform();
    if (r < 0.40) return blend(rng);
    if (r < 0.55) return lower(seed_english(rng)) + "-" + lower(seed_english(rng));
    if (r < 0.68) return romanized_name(rng);
    if (r < 0.80) return symbol(rng);
    return pseudo_word(rng);
}

std::string Vocabulary::korean_noun(std::uint64_t rank) const {
    if (rank <= seed_.korean_nouns.words.size()) return seed_.korean_nouns.words[rank - 1];
    Rng rng(mix64(random_seed_ ^ (rank * 0x9e6c63d0676a9a99ull)));
    const double r = rng.uniform();
    if (r < 0.45) {
        std::string w = seed_noun(rng) + seed_noun(rng);
        if (rng.chance(0.15)) w += seed_noun(rng);
        return w;
    }
    if (r < 0.65) return std::string(any_of(rng, kKoreanSurnames)) + syllables(rng, 2);
    if (r < 0.88) return syllables(rng, static_cast<int>(rng.between(2, 4)));
    if (rng.chance(0.4)) return "제" + std::to_string(rng.between(1, 400)) + "조";
    return std::to_string(rng.between(1, 3000)) + std::string(any_of(rng, kKoreanCounters));
}

}  // namespace ngosearch::bench
