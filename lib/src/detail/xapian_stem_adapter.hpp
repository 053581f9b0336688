// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <xapian.h>

#include <memory>

#include <ngosearch/analysis/analyzer.hpp>

namespace ngosearch::detail {

/// Exposes an Analyzer's stemmer as a Xapian::Stem, for QueryParser and MSet::snippet, so that
/// the query side and the snippet highlighter stem exactly as the indexer did.
/// The Stem shares ownership of the Analyzer.
Xapian::Stem make_xapian_stem(std::shared_ptr<const analysis::Analyzer> analyzer);

}  // namespace ngosearch::detail
