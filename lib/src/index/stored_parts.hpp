// SPDX-License-Identifier: GPL-2.0-or-later
// The optional parts an index stores (IndexOptions::positions, ::korean_bigrams), recorded in
// its metadata when it is created, so that later writers keep it consistent and searchers know
// what they may ask for.
#pragma once

#include <xapian.h>

#include <filesystem>
#include <optional>
#include <string>

namespace ngosearch::detail {

struct StoredParts {
    bool positions = true;       ///< word positions (phrases, NEAR, ADJ)
    bool korean_bigrams = true;  ///< "XG" Hangul bigram terms (the Korean fallback)

    bool operator==(const StoredParts&) const = default;
};

/// What `db` records (both on for an index that records nothing: made before the settings).
/// @throws IndexCorrupt for a recorded value that is neither "0" nor "1".
StoredParts read_stored_parts(const Xapian::Database& db, const std::string& where);

/// Records `parts` in `db` (not committed).
void record_stored_parts(Xapian::WritableDatabase& db, const StoredParts& parts);

/// The parts a new index stores: what was asked for, on where nothing was.
StoredParts requested_parts(std::optional<bool> positions, std::optional<bool> korean_bigrams);

/// Throws InvalidArgument, naming the option, when an explicit request differs from what the
/// index at `where` records.
void check_stored_parts(const StoredParts& recorded, std::optional<bool> positions,
                        std::optional<bool> korean_bigrams, const std::string& where);

/// What every database of the index at `index` records (a folder, its shards, or the local and
/// remote shards an index description lists). @throws IndexCorrupt naming the first shard
/// that records otherwise than the first one.
StoredParts read_index_parts(const std::filesystem::path& index);

}  // namespace ngosearch::detail
