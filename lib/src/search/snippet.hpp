// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <xapian.h>

#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include <ngosearch/analysis/analyzer.hpp>
#include <ngosearch/search/hit.hpp>

namespace ngosearch::detail {

/// Bytes of a text that make_snippet reads at once.
inline constexpr std::size_t kSnippetWindowBytes = 64u << 10;

/// The unprefixed and "Z"-prefixed terms of a query: what a body word can match.
std::unordered_set<std::string> highlight_terms(const Xapian::Query& query);

/// Fills hit.snippet and hit.highlights. Xapian's MSet::snippet picks the passage (it returns
/// HTML: we ask for private-use markers, unescape, and keep its marks as byte ranges); then the
/// passage is run through the analyzer and every word whose form, stem or compound part is a
/// query term is marked too, so "국가보안법을" is marked for 국가보안법 and for 보안법, and the
/// words of a Korean phrase are marked although their particles differ.
/// A text longer than kSnippetWindowBytes is read a window at a time, up to the first window
/// that shows a match, and no further than `scan_bytes` into it (the first window always):
/// past that, the passage is the first window's best, unmarked.
void make_snippet(const Xapian::MSet& mset, std::string_view text, std::size_t length,
                  std::size_t scan_bytes, const Xapian::Stem& stem,
                  const analysis::Analyzer& analyzer,
                  const std::unordered_set<std::string>& terms, Hit& hit);

/// Replaces hit.snippet with a passage around the first of the hit's entities whose id is in
/// `ids`, and marks those entities in it: for a document found through an entity its words
/// name (문재인 finding "President Moon"), where the words themselves are nowhere.
void passage_around_entities(std::string_view body, const std::vector<std::string>& ids,
                             std::size_t length, Hit& hit);

/// The page (1-based) of a paged document that hit.snippet comes from, found by looking up
/// its first highlighted words (or its start) in `body`; `pages` are the byte offsets where
/// pages begin. 0 when there are no pages.
std::uint32_t page_of_snippet(std::string_view body, const std::vector<std::size_t>& pages,
                              const Hit& hit);

}  // namespace ngosearch::detail
