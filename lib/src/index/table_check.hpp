// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <xapian.h>

#include <filesystem>
#include <string>

namespace ngosearch::detail {

/// Throws IndexCorrupt when a table file the index at `path` needs is missing. Xapian creates
/// some tables only when first used and, on opening, takes a missing one for "not used yet":
/// without this check a deleted position.glass makes every phrase search quietly find nothing
/// (an index that records it stores no positions needs none).
/// Cheap (a few stat calls and term look-ups); does nothing for stub files and other backends.
void check_tables(const Xapian::Database& db, const std::filesystem::path& path,
                  const std::string& where);

}  // namespace ngosearch::detail
