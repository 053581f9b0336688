// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <filesystem>
#include <string>

#include "index/stored_parts.hpp"

namespace ngosearch::detail {

/// True when `path` holds no index yet and may become one: it does not exist, is an empty
/// folder, or holds nothing but the empty lock file a run killed while creating an index left
/// behind (earlier versions created indexes in place).
bool awaiting_index(const std::filesystem::path& path);

/// Creates an empty index at `path` (which awaiting_index()) recording the analyzer
/// `fingerprint` and the `parts` it stores (in every shard). It is built in a hidden folder beside `path` and renamed into place once
/// committed: a kill during creation leaves no half-made index at `path`, and when two runs
/// create one at once, one rename wins and the other's work is discarded (either way an index
/// is there afterwards). With shards > 1 the new index is a folder of that many databases (see
/// shard_layout.hpp). @throws IndexError (and the translated Xapian errors).
void create_index(const std::filesystem::path& path, const std::string& fingerprint,
                  std::size_t shards = 1, const StoredParts& parts = {});

}  // namespace ngosearch::detail
