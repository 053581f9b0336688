// SPDX-License-Identifier: GPL-2.0-or-later
// A search result.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include <ngosearch/entities/entity.hpp>

namespace ngosearch {

/// One matching document.
struct Hit {
    std::string id;
    std::string path;
    std::string title;
    std::string language;
    std::string date;
    std::string type;
    double score = 0;          ///< BM25 weight; only comparable within one result set
    std::size_t rank = 0;      ///< 0-based rank in the whole result set (offset included)
    std::string snippet;       ///< plain-text excerpt around the best matches, no markup
    /// Byte ranges [first, second) of `snippet` that match the query.
    std::vector<std::pair<std::size_t, std::size_t>> highlights;
    /// The entities the document's body names (byte spans into the stored body).
    std::vector<entities::Entity> entities;
    /// Paged documents (PDF): the page the snippet comes from, 1-based; 0 for other documents.
    std::uint32_t page = 0;
};

/// Query words that name an entity, and the entity they also found (cross-language search).
struct Expansion {
    std::string words;  ///< as written in the query
    entities::EntityType type = entities::EntityType::Person;
    std::string id;     ///< canonical id
    std::string name;   ///< canonical name
};

/// One value of an entity facet: an entity and the number of matching documents naming it.
struct FacetValue {
    std::string id;
    std::string name;
    std::size_t count = 0;
};

/// The most frequent entities of one type over all matching documents.
struct Facet {
    entities::EntityType type = entities::EntityType::Person;
    std::vector<FacetValue> values;  ///< most documents first
};

/// One page of results.
struct SearchResult {
    std::string query;          ///< the query as given
    std::size_t total = 0;      ///< estimate of all matching documents (exact for small sets)
    std::size_t offset = 0;     ///< rank of hits.front()
    /// True when no document had all the words and the hits have only some of them (see
    /// SearchOptions::relax).
    bool relaxed = false;
    std::vector<Hit> hits;
    /// Query words that also found the mentions of an entity they name.
    std::vector<Expansion> expansions;
    /// With SearchOptions::facets: per entity type (those with any), its top entities.
    std::vector<Facet> facets;
};

/// `snippet` with every highlight wrapped in `open` … `close` (e.g. "\x1b[1m", "\x1b[0m").
std::string mark_highlights(const Hit& hit, std::string_view open, std::string_view close);

}  // namespace ngosearch
