// SPDX-License-Identifier: GPL-2.0-or-later
// The stored form of a Document (Xapian document data): JSON, so `show` and hits need no
// other store and an index stays readable by other tools.
#pragma once

#include <xapian.h>

#include <optional>
#include <string>
#include <string_view>

#include <ngosearch/document.hpp>

namespace ngosearch::detail {

std::string encode_document(const Document& doc);

/// @throws IndexCorrupt if `data` is not a stored document.
/// @throws DamagedData (translate_xapian_errors names the index and the remedy).
Document decode_document(std::string_view data);

/// Date value for the Date slot: "2020-03" → "20200300"; "" for no date.
std::string date_value(std::string_view normalized_date);

/// The id term: "Q" + id, or for ids too long for a term, a prefix of it plus a hash. Invalid
/// UTF-8 in the id is repaired first, as the stored id is.
std::string id_term(std::string_view id);

/// The document with this id, if any (the id term's posting list has at most one entry).
inline std::optional<Xapian::docid> find_document(const Xapian::Database& db, std::string_view id) {
    const std::string term = id_term(id);
    const auto it = db.postlist_begin(term);
    if (it == db.postlist_end(term)) return std::nullopt;
    return *it;
}

/// 64-bit FNV-1a as 16 hex digits; stable across platforms (std::hash is not).
std::string fnv1a_hex(std::string_view a, std::string_view b = {});

}  // namespace ngosearch::detail
