// SPDX-License-Identifier: GPL-2.0-or-later
// Where the databases of an index live. An index is a folder holding one Xapian database, or
// a folder of shards (shard-0, shard-1, …) with a Xapian stub file listing them, so that Xapian
// itself opens the folder as one database for searching. A document lives in the shard a stable
// hash of its id names, so replacing and deleting it find it again.
#pragma once

#include <xapian.h>

#include <chrono>
#include <filesystem>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace ngosearch::detail {

/// The stub file's name: Xapian opens a folder holding it as the databases it lists.
inline constexpr std::string_view kShardStubName = "XAPIANDB";

/// The shard (0..shards-1) of the document with this id: FNV-1a of its bytes, stable across
/// runs, machines and versions.
std::size_t shard_for(std::string_view id, std::size_t shards) noexcept;

/// The databases an index folder writes to: the folder itself, or its shards.
std::vector<std::filesystem::path> shard_paths(const std::filesystem::path& index);

/// Makes `index` (an empty folder) a folder of `shards` databases, each made by
/// `create_database(folder)`, and the stub naming them, written last.
void create_shard_layout(const std::filesystem::path& index, std::size_t shards,
                         const std::function<void(const std::filesystem::path&)>& create_database);

/// The local databases of an index: the folder, its shards, or the folders an index
/// description file lists (remote shards are left out).
std::vector<std::filesystem::path> local_databases(const std::filesystem::path& index);

/// Calls fn(database, name) for each database of the index at `index`, opened for reading on
/// its own: the folder, its shards, or each entry of an index description (remote ones too,
/// `timeout` as open_for_reading's). @throws as open_for_reading.
void for_each_database(
    const std::filesystem::path& index,
    const std::function<void(const Xapian::Database&, const std::string&)>& fn,
    std::chrono::milliseconds timeout = std::chrono::seconds(10));

/// check_tables() for every local database of the index at `index`; `db` is the index opened
/// for reading (used as it is for an index of one database).
void check_index_tables(const std::filesystem::path& index, const Xapian::Database& db,
                        const std::string& where);

/// Opens an index for reading: a folder (one database or shards), or an index description
/// file listing shards, one per line — a path (relative ones from the file's folder) or
/// tcp://HOST:PORT of a xapian-tcpsrv. A remote shard that does not answer within `timeout`
/// is an error naming it. '#' starts a comment.
/// @throws IndexNotFound, IndexCorrupt, IndexError (naming the shard that failed).
Xapian::Database open_for_reading(const std::filesystem::path& index,
                                  std::chrono::milliseconds timeout = std::chrono::seconds(10));

}  // namespace ngosearch::detail
