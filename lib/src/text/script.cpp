// SPDX-License-Identifier: GPL-2.0-or-later
#include <ngosearch/text/script.hpp>

#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include <array>
#include <limits>
#include <utility>

namespace ngosearch::text {

namespace {
constexpr std::array<std::pair<Script, std::string_view>, 5> kNames{{
    {Script::Other, "other"},
    {Script::Latin, "latin"},
    {Script::Hangul, "hangul"},
    {Script::Han, "han"},
    {Script::Digit, "digit"},
}};
}  // namespace

std::string_view to_string(Script s) noexcept {
    for (const auto& [value, name] : kNames) {
        if (value == s) return name;
    }
    return "other";
}

std::optional<Script> parse_script(std::string_view name) noexcept {
    for (const auto& [value, n] : kNames) {
        if (n == name) return value;
    }
    return std::nullopt;
}

Script script_of(char32_t cp) noexcept {
    const auto c = static_cast<UChar32>(cp);
    if (u_isdigit(c)) return Script::Digit;
    UErrorCode status = U_ZERO_ERROR;
    switch (uscript_getScript(c, &status)) {
        case USCRIPT_LATIN:
            return Script::Latin;
        case USCRIPT_HANGUL:
            return Script::Hangul;
        case USCRIPT_HAN:
            return Script::Han;
        default:
            return Script::Other;
    }
}

Script final_script(std::string_view utf8_word) noexcept {
    if (utf8_word.size() > static_cast<std::size_t>(std::numeric_limits<int32_t>::max())) {
        return Script::Other;
    }
    // From the end: the last letter decides, and it is nearly always the last character (this
    // runs for every word stemmed).
    const auto* bytes = reinterpret_cast<const uint8_t*>(utf8_word.data());
    bool saw_digit = false;
    for (auto i = static_cast<int32_t>(utf8_word.size()); i > 0;) {
        UChar32 c;
        U8_PREV(bytes, 0, i, c);
        if (c < 0) continue;
        const Script s = script_of(static_cast<char32_t>(c));
        if (s == Script::Digit) {
            saw_digit = true;
        } else if (s != Script::Other) {
            return s;
        }
    }
    return saw_digit ? Script::Digit : Script::Other;
}

}  // namespace ngosearch::text
