// SPDX-License-Identifier: GPL-2.0-or-later
// Turns a Document into the Xapian document an index stores — terms, values, stored data —
// without touching any database: a pure function of the document and the analysis, safe to
// call from several threads at once, so that many builders can feed one writer.
#pragma once

#include <xapian.h>

#include <memory>
#include <string>
#include <string_view>

#include <ngosearch/analysis/analyzer.hpp>
#include <ngosearch/entities/tagger.hpp>
#include <ngosearch/document.hpp>

#include "index/stored_parts.hpp"

namespace ngosearch::detail {

/// Bytes of a body analysed at once (see DocumentBuilder::build).
inline constexpr std::size_t kBodyPieceBytes = 1u << 20;

/// A document ready for the writer: Xapian's document and the id term to replace it by.
struct BuiltDocument {
    Xapian::Document document;
    std::string id;  ///< the document's id, UTF-8
    std::string id_term;
    std::size_t text_bytes = 0;  ///< title and body: what the writer's buffers grow with
};

class DocumentBuilder {
public:
    /// `tagger` may be null: no entities are found or indexed. `piece_bytes`: see build().
    /// `parts`: what the index the documents go to stores (what it records, so that every
    /// document of an index is built alike; see index_tokens()).
    DocumentBuilder(std::shared_ptr<const analysis::Analyzer> analyzer,
                    std::shared_ptr<const entities::EntityTagger> tagger,
                    std::size_t piece_bytes = kBodyPieceBytes, StoredParts parts = {});

    /// Builds `doc`, its entities found by the tagger (their ids as terms under their type's
    /// prefix, weighted by mentions; stored with their spans; listed in a value for facets).
    /// Everything Xapian could refuse is checked here, before a database sees the
    /// document (an error inside replace_document() would discard a whole uncommitted batch).
    /// Invalid UTF-8 in any field is repaired. `content_hash` (may be empty) is stored for
    /// skipping unchanged files.
    /// @throws InvalidArgument for an empty id, an invalid date, over-long language or type.
    /// A body longer than `piece_bytes` is analysed and tagged a piece at a time (pieces
    /// cut at line breaks, else sentence ends, else spaces), so that memory grows with the
    /// piece, not the body: a mention across a cut (rare) is not found as one entity.
    BuiltDocument build(const Document& doc, std::string_view content_hash) const;

    const analysis::Analyzer& analyzer() const noexcept { return *analyzer_; }

private:
    void add_entity_terms(const std::vector<entities::Entity>& in_title,
                          const std::vector<entities::Entity>& in_body,
                          Xapian::Document& x) const;

    std::shared_ptr<const analysis::Analyzer> analyzer_;
    std::shared_ptr<const entities::EntityTagger> tagger_;
    std::size_t piece_bytes_;
    StoredParts parts_;
};

}  // namespace ngosearch::detail
