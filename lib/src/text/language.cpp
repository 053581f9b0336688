// SPDX-License-Identifier: GPL-2.0-or-later
#include <ngosearch/text/language.hpp>

#include <unicode/uchar.h>

#include <ngosearch/text/script.hpp>

#include "detail/utf8_decode.hpp"

namespace ngosearch::text {

ScriptShares script_shares(std::string_view utf8) {
    const int32_t length = detail::checked_length(utf8);
    std::size_t hangul = 0, latin = 0, letters = 0;
    for (int32_t i = 0; i < length;) {
        const UChar32 c = detail::next_code_point(utf8, i, length);
        if (c < 0 || !u_isalpha(c)) continue;
        ++letters;
        switch (script_of(static_cast<char32_t>(c))) {
            case Script::Hangul:
                ++hangul;
                break;
            case Script::Latin:
                ++latin;
                break;
            default:
                break;
        }
    }
    ScriptShares s;
    s.letters = letters;
    if (letters > 0) {
        s.hangul = static_cast<double>(hangul) / static_cast<double>(letters);
        s.latin = static_cast<double>(latin) / static_cast<double>(letters);
    }
    return s;
}

std::string guess_language(std::string_view utf8) {
    const ScriptShares s = script_shares(utf8);
    if (s.letters < 8) return "";
    // One Hangul syllable is one letter but a whole syllable of sound, while an English word
    // is ~5 letters: Korean prose quoting English names still counts well above 60%.
    if (s.hangul >= 0.6) return "ko";
    if (s.hangul <= 0.05) return s.latin >= 0.5 ? "en" : "";
    return "mixed";
}

}  // namespace ngosearch::text
