// SPDX-License-Identifier: GPL-2.0-or-later
// Hangul syllable helpers. Syllables U+AC00..U+D7A3 are composed arithmetically from their
// jamo indices (Unicode §3.12, "Conjoining Jamo Behavior"); no tables are involved.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace ngosearch::detail {

inline constexpr char32_t kSyllableBase = 0xAC00;
inline constexpr char32_t kSyllableLast = 0xD7A3;
inline constexpr int kVowelCount = 21;
inline constexpr int kTrailCount = 28;

/// Decodes the 3-byte UTF-8 Hangul syllable at s[i], or returns 0.
inline char32_t decode3(std::string_view s) noexcept;

inline char32_t syllable_at(std::string_view s, std::size_t i) noexcept {
    if (i + 3 > s.size()) return 0;
    const char32_t c = decode3(s.substr(i, 3));
    return (c >= kSyllableBase && c <= kSyllableLast) ? c : 0;
}

inline void append_syllable(std::string& out, char32_t c) {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
}

/// The vowel (0..20) and final consonant (0 = none, 1..27) of a precomposed syllable.
inline int vowel_index(char32_t syllable) noexcept {
    return static_cast<int>((syllable - kSyllableBase) / kTrailCount) % kVowelCount;
}
inline int coda_index(char32_t syllable) noexcept {
    return static_cast<int>((syllable - kSyllableBase) % kTrailCount);
}

/// True when `word` ends in a syllable without a final consonant (하, 되, 시키 — not 받).
inline bool ends_in_vowel(std::string_view word) noexcept {
    const char32_t last = word.size() >= 3 ? syllable_at(word, word.size() - 3) : 0;
    return last && coda_index(last) == 0;
}

/// Decodes the 3-byte UTF-8 sequence at the start of `s` (a BMP character), or returns 0.
inline char32_t decode3(std::string_view s) noexcept {
    if (s.size() < 3) return 0;
    const auto b0 = static_cast<unsigned char>(s[0]), b1 = static_cast<unsigned char>(s[1]),
               b2 = static_cast<unsigned char>(s[2]);
    if ((b0 & 0xF0) != 0xE0 || (b1 & 0xC0) != 0x80 || (b2 & 0xC0) != 0x80) return 0;
    return ((b0 & 0x0Fu) << 12) | ((b1 & 0x3Fu) << 6) | (b2 & 0x3Fu);
}

/// True when `s` is one or more precomposed Hangul syllables and nothing else.
inline bool all_hangul_syllables(std::string_view s) noexcept {
    if (s.empty() || s.size() % 3 != 0) return false;
    for (std::size_t i = 0; i < s.size(); i += 3) {
        if (!syllable_at(s, i)) return false;
    }
    return true;
}

/// Number of code points in UTF-8 text (what "syllables" means for Hangul words).
inline std::size_t code_points(std::string_view s) noexcept {
    std::size_t n = 0;
    for (const char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    return n;
}

/// South Korean initial-sound rule (두음법칙) on the first syllable, so that North Korean
/// spellings meet South Korean ones: 로동→노동, 력사→역사, 리→이, 녀성→여성, 랍치→납치.
/// Initial ㄹ becomes ㅇ before ㅑ ㅕ ㅖ ㅛ ㅠ ㅣ and ㄴ before other vowels; initial ㄴ becomes
/// ㅇ before ㅑ ㅕ ㅛ ㅠ ㅣ. Returns `word` unchanged when it does not start with a syllable.
inline std::string initial_sound_rule(std::string_view word) {
    const char32_t c = syllable_at(word, 0);
    if (!c) return std::string(word);
    const int index = static_cast<int>(c - kSyllableBase);
    const int lead = index / (kVowelCount * kTrailCount);
    const int vowel = (index / kTrailCount) % kVowelCount;
    const int trail = index % kTrailCount;
    constexpr int kNieun = 2, kRieul = 5, kIeung = 11;
    // Vowel indices: ㅑ 2, ㅕ 6, ㅖ 7, ㅛ 12, ㅠ 17, ㅣ 20.
    const bool y_or_i = vowel == 2 || vowel == 6 || vowel == 7 || vowel == 12 || vowel == 17 ||
                        vowel == 20;
    int new_lead = lead;
    if (lead == kRieul) new_lead = y_or_i ? kIeung : kNieun;
    if (lead == kNieun && y_or_i && vowel != 7) new_lead = kIeung;
    if (new_lead == lead) return std::string(word);
    std::string out;
    append_syllable(out, kSyllableBase +
                             static_cast<char32_t>((new_lead * kVowelCount + vowel) * kTrailCount +
                                                   trail));
    out.append(word.substr(3));
    return out;
}

}  // namespace ngosearch::detail
