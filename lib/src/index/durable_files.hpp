// SPDX-License-Identifier: GPL-2.0-or-later
// Flushing a database folder to disk by hand: what Xapian's commit does itself unless the
// database was opened with DB_NO_SYNC. A bulk build commits its batches without syncing and
// flushes once at the end, so it is durable when it returns.
#pragma once

#include <filesystem>

namespace ngosearch::detail {

/// fsync()s every regular file directly in `dir`, then `dir` itself (so new and renamed
/// entries are durable too). A Xapian glass database is one flat folder.
/// @throws IndexError naming the file that could not be flushed.
void flush_folder_to_disk(const std::filesystem::path& dir);

}  // namespace ngosearch::detail
