// SPDX-License-Identifier: GPL-2.0-or-later
// The files of a folder tree that add_path indexes, in a stable order, each with its id, one at
// a time: memory holds the sorted names of the folders on the current path, not the whole tree,
// so a walk of a million files costs what a walk of a thousand does.
#pragma once

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <unordered_map>
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

/// The files under `root` (or `root` itself when it is a file), in the order of their paths
/// compared folder by folder, without hidden entries, files matched by the root's
/// `.ngosearchignore` (counted in issues().ignored) and files whose escaped id another file
/// already has (reported as skipped: two files must never replace each other). Unlistable
/// parts of the tree are reported in issues() too. Symbolic links to folders are not followed.
class FileWalk {
public:
    /// @throws InputError if `root` does not exist, is neither a file nor a folder, or cannot
    ///         be listed.
    explicit FileWalk(std::filesystem::path root);

    /// The next file, or nullopt when the walk is over.
    std::optional<SourceFile> next();

    /// What the walk skipped, ignored or could not list so far (never files it returned).
    IndexReport& issues() noexcept { return issues_; }

    /// The number of files a walk of `root` returns now (a walk of its own; for progress).
    static std::size_t count(const std::filesystem::path& root);

private:
    struct Entry {
        std::string name;
        bool folder = false;
    };
    struct Folder {
        std::string rel;             // the folder's path relative to the root with a '/' ("": root)
        std::vector<Entry> entries;  // sorted by name
        std::size_t at = 0;
    };

    void enter(const std::string& rel);  // `rel`: relative to the root, "" for the root
    bool take(const std::string& raw_id);

    std::filesystem::path root_;
    bool root_is_file_ = false;
    std::vector<Folder> open_;  // the folders on the current path, innermost last
    std::vector<std::string> ignore_patterns_;
    // Escaped id → path, only for ids that escaping may make equal to another's (those with
    // bytes that are not UTF-8 or a literal "\x"): rare, so this stays small.
    std::unordered_map<std::string, std::string> escaped_ids_;
    IndexReport issues_;
};

}  // namespace ngosearch::detail
