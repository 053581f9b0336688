// SPDX-License-Identifier: GPL-2.0-or-later
// The files of a folder tree that add_path indexes, in a stable order, each with its id.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include <ngosearch/index/indexer.hpp>

namespace ngosearch::detail {

/// A file to index. `raw_id` and `raw_path` are bytes as the file system gives them (they may
/// not be UTF-8); the index stores them with invalid bytes escaped.
struct SourceFile {
    std::filesystem::path file;
    std::string raw_id;    ///< path relative to the root given (a file given directly: its name)
    std::string raw_path;  ///< the root joined with raw_id
};

/// The files under `root` (or `root` itself when it is a file), sorted, without hidden entries,
/// files matched by the root's `.ngosearchignore` (counted in report.ignored) and files whose
/// escaped id another file already has (reported as skipped: two files must never replace
/// each other). Unlistable parts of the tree are reported as warnings.
/// @throws InputError if `root` does not exist or is neither a file nor a folder.
std::vector<SourceFile> list_source_files(const std::filesystem::path& root, IndexReport& report);

}  // namespace ngosearch::detail
