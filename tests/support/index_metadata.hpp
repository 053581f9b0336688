// SPDX-License-Identifier: GPL-2.0-or-later
// Rewrites metadata of a database directly, as an older or damaged index would have it.
#pragma once

#include <xapian.h>

#include <filesystem>
#include <initializer_list>
#include <string>
#include <utility>

namespace ngosearch::test {

inline void set_index_metadata(
    const std::filesystem::path& database,
    std::initializer_list<std::pair<std::string, std::string>> entries) {
    Xapian::WritableDatabase w(database.string());
    for (const auto& [key, value] : entries) w.set_metadata(key, value);
    w.commit();
}

}  // namespace ngosearch::test
