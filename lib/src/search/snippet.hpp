// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <xapian.h>

#include <string>
#include <string_view>

#include <ngosearch/search/hit.hpp>

namespace ngosearch::detail {

/// Fills hit.snippet and hit.highlights from Xapian's MSet::snippet over `text`. The stemmer is
/// the analyzer's, so "국가보안법을" is highlighted for the query 국가보안법. Xapian returns HTML;
/// we ask for private-use markers, unescape, and turn the markers into byte ranges.
void make_snippet(const Xapian::MSet& mset, std::string_view text, std::size_t length,
                  const Xapian::Stem& stem, Hit& hit);

}  // namespace ngosearch::detail
