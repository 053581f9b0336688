// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <xapian.h>

#include <string_view>

#include <ngosearch/analysis/analyzer.hpp>

namespace ngosearch::detail {

/// Posts the terms of one field into a Xapian document, the way QueryParser will look for them:
/// each token's text at its position (prefixed), "Z"+prefix+stem without position when the stem
/// differs, and, for Hangul words, the stem also at the word's position, because QueryParser
/// builds phrases from unstemmed terms ("통일부 북한" must match "통일부는 북한에서").
/// Positions start at `first_position`; returns the position after the last one used.
/// `tokens` is scratch space, reused across calls.
Xapian::termpos index_field(Xapian::Document& doc, const analysis::Analyzer& analyzer,
                            std::string_view text, std::string_view prefix,
                            Xapian::termcount wdf_inc, Xapian::termpos first_position,
                            analysis::TokenBuffer& tokens);

}  // namespace ngosearch::detail
