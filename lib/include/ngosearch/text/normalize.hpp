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

/// Accents off letters ("Salmón" → "Salmon", "Tomás" → "Tomas"), as Lucene's ASCIIFoldingFilter
/// does for the common case: canonical decomposition, combining marks dropped, recomposition
/// (Hangul comes back as it was). Invalid UTF-8 is repaired first. Thread-safe.
/// @throws ngosearch::Error if ICU fails.
std::string fold_accents(std::string_view utf8);

}  // namespace ngosearch::text
