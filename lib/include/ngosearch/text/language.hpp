// SPDX-License-Identifier: GPL-2.0-or-later
// A document's language, guessed from the scripts of its letters.
//
//     guess_language("통일부는 ...") == "ko";  guess_language("The Ministry ...") == "en"
#pragma once

#include <string>
#include <string_view>

namespace ngosearch::text {

/// Share of letters per script in a text.
struct ScriptShares {
    double hangul = 0;  ///< share of letters that are Hangul, 0..1
    double latin = 0;   ///< share of letters that are Latin, 0..1
    std::size_t letters = 0;
};

/// Counts letters by script (invalid UTF-8 is skipped).
ScriptShares script_shares(std::string_view utf8);

/// "ko" when at least 60% of the letters are Hangul, "en" when at most 5% are and at least half are Latin, "mixed" between,
/// "" when the text has fewer than 8 letters. Only English and Korean are told apart here.
std::string guess_language(std::string_view utf8);

}  // namespace ngosearch::text
