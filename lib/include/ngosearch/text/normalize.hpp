// SPDX-License-Identifier: GPL-2.0-or-later
// Unicode normalisation used by the analyzer: NFKC with case folding (ICU's NFKC_Casefold).
//
//     ngosearch::text::normalize("ＵＮ Korea's") == "un korea's"
#pragma once

#include <string>
#include <string_view>

namespace ngosearch::text {

/// NFKC + case folding + removal of default-ignorable code points. Invalid UTF-8 is repaired
/// first (U+FFFD). Thread-safe.
/// @throws ngosearch::Error if ICU fails (out of memory).
std::string normalize(std::string_view utf8);

}  // namespace ngosearch::text
