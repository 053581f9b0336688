// SPDX-License-Identifier: GPL-2.0-or-later
// Entity facets: how many matching documents name each entity, over the whole match set (not
// only the page shown), read from the value the indexer lists a document's entities in.
#pragma once

#include <xapian.h>

#include <map>
#include <string>
#include <utility>
#include <vector>

#include <ngosearch/search/hit.hpp>

namespace ngosearch::detail {

/// A Xapian match spy: give it to Enquire::add_matchspy(), run the match with checkatleast at
/// least the number of documents (so that every match is seen), then ask for the facets.
/// It is Xapian's own ValueCountMatchSpy on the entity list value (each distinct list counted),
/// so it also runs inside remote shards (xapian-tcpsrv knows it); the lists are split into
/// entities only when the facets are asked for.
class EntityFacetSpy final : public Xapian::ValueCountMatchSpy {
public:
    EntityFacetSpy();

    /// Per entity type with any, its `limit` most frequent entities (most documents first,
    /// then by name).
    std::vector<Facet> facets(std::size_t limit) const;
};

}  // namespace ngosearch::detail
