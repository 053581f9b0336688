// SPDX-License-Identifier: GPL-2.0-or-later
// The writing system of a code point or word, as far as analysis cares.
//
//     script_of(U'국') == Script::Hangul;  dominant_script("un인권") == Script::Hangul
#pragma once

#include <optional>
#include <string_view>

namespace ngosearch::text {

enum class Script {
    Other,   ///< punctuation, symbols, scripts we do not treat specially
    Latin,   ///< Latin letters
    Hangul,  ///< Hangul syllables and jamo
    Han,     ///< Han ideographs (Hanja)
    Digit,   ///< decimal digits of any script
};

/// "latin", "hangul", ...
std::string_view to_string(Script s) noexcept;
std::optional<Script> parse_script(std::string_view name) noexcept;

/// Script of one code point (ICU's UScriptCode, folded to the values above).
Script script_of(char32_t cp) noexcept;

/// Script of the last letter of a UTF-8 word (what decides how its ending is stemmed);
/// Digit when the word has digits only, Other when it has neither.
Script final_script(std::string_view utf8_word) noexcept;

}  // namespace ngosearch::text
