// SPDX-License-Identifier: GPL-2.0-or-later
// Compacting an index, or merging its shards into one database (Xapian's compaction).
//
//     auto r = ngosearch::compact_index("my.index");            // in place
//     auto r = ngosearch::compact_index("sharded.index", "merged.index");
#pragma once

#include <cstdint>
#include <filesystem>

namespace ngosearch {

struct CompactReport {
    std::size_t documents = 0;
    std::size_t shards_before = 0;  ///< databases merged
    std::uint64_t bytes_before = 0;
    std::uint64_t bytes_after = 0;
};

/// Writes the index at `index` (one database or shards) as one compact database. With `output`
/// empty it replaces the index in place, holding the index's write lock meanwhile (no writer
/// can add documents that the compacted copy would miss); otherwise `output` must not exist
/// and the index is left as it is.
/// @throws IndexNotFound, IndexLocked (a writer has it open), IndexError (e.g. disk full: the
///         index is then unchanged).
CompactReport compact_index(const std::filesystem::path& index,
                            const std::filesystem::path& output = {});

}  // namespace ngosearch
