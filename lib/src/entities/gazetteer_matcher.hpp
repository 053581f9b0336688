// SPDX-License-Identifier: GPL-2.0-or-later
// Finds the gazetteer's names and title aliases in a text, in one pass over its words.
#pragma once

#include <vector>

#include "entities/name_index.hpp"
#include "entities/text_view.hpp"

namespace ngosearch::entities::detail {

/// Appends the gazetteer mentions of `text`: the longest starting at each word (they may
/// overlap; the tagger keeps the longest of overlapping mentions). A
/// Korean name also matches at the start of a word followed by a title (통일부장관은 →
/// 통일부, 국정원장 → 국정원); a title alias only when the text's date is in its period, or, for
/// a text without a date, when no other entity has the alias.
void match_gazetteer(const NameIndex& names, const TextView& text, std::vector<Mention>& out);

}  // namespace ngosearch::entities::detail
