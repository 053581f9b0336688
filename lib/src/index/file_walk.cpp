// SPDX-License-Identifier: GPL-2.0-or-later
#include "index/file_walk.hpp"

#include <fnmatch.h>

#include <algorithm>
#include <fstream>

#include <ngosearch/error.hpp>
#include <ngosearch/text/utf8.hpp>

namespace ngosearch::detail {

namespace fs = std::filesystem;

namespace {

// Patterns of a folder's .ngosearchignore file: one glob per line, '#' comments. A pattern with
// a '/' matches the path relative to the folder, one without matches the file name.
std::vector<std::string> read_ignore_patterns(const fs::path& root) {
    std::vector<std::string> patterns;
    std::ifstream in(root / ".ngosearchignore");
    for (std::string line; std::getline(in, line);) {
        while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.pop_back();
        if (line.empty() || line.front() == '#') continue;
        patterns.push_back(line);
    }
    return patterns;
}

bool ignored(const std::vector<std::string>& patterns, const std::string& rel) {
    const std::string name = rel.substr(rel.rfind('/') + 1);
    for (const auto& p : patterns) {
        const bool whole_path = p.find('/') != std::string::npos;
        if (::fnmatch(p.c_str(), whole_path ? rel.c_str() : name.c_str(), FNM_PATHNAME) == 0) {
            return true;
        }
    }
    return false;
}

bool hidden(const std::string& name) {
    return name.size() > 1 && name.front() == '.' && name != "..";
}

std::string shown(const fs::path& p) { return text::escape_invalid_utf8(p.generic_string()); }

}  // namespace

FileWalk::FileWalk(fs::path root) : root_(std::move(root)) {
    std::error_code ec;
    const auto status = fs::status(root_, ec);
    if (ec && ec != std::errc::no_such_file_or_directory) {
        throw InputError(root_.string(), ec.message());  // a symbolic link loop, a denied folder
    }
    if (!fs::exists(status)) throw InputError(root_.string(), "no such file or directory");
    if (fs::is_regular_file(status)) {
        root_is_file_ = true;
        return;
    }
    if (!fs::is_directory(status)) throw InputError(root_.string(), "not a file or folder");
    ignore_patterns_ = read_ignore_patterns(root_);
    enter("");
}

void FileWalk::enter(const std::string& rel) {
    const fs::path folder = rel.empty() ? root_ : root_ / rel;
    std::error_code ec;
    fs::directory_iterator it(folder, ec);
    if (ec) {
        if (rel.empty()) throw InputError(root_.string(), "cannot list folder: " + ec.message());
        issues_.skipped.push_back({shown(folder), "cannot list folder: " + ec.message() +
                                                      "; its files were not indexed"});
        return;
    }
    Folder f{rel.empty() ? rel : rel + '/', {}, 0};
    for (; it != fs::directory_iterator(); it.increment(ec)) {
        const fs::directory_entry& entry = *it;
        std::string name = entry.path().filename().string();
        if (hidden(name)) continue;
        std::error_code kind, link;
        if (entry.is_regular_file(kind)) {
            f.entries.push_back({std::move(name), false});
        } else if (entry.is_directory(kind)) {
            if (!entry.is_symlink(link)) f.entries.push_back({std::move(name), true});
        } else if (kind && entry.is_symlink(link)) {
            issues_.skipped.push_back({shown(entry.path()), kind.message()});  // a loop, a dead link
        }
    }
    if (ec) issues_.warnings.push_back({shown(folder), "folder not fully listed: " + ec.message()});
    // Names compared byte by byte, a folder's files among its names: the order of the paths
    // compared folder by folder, as std::filesystem::path orders them.
    std::sort(f.entries.begin(), f.entries.end(),
              [](const Entry& a, const Entry& b) { return a.name < b.name; });
    open_.push_back(std::move(f));
}

bool FileWalk::take(const std::string& raw_id) {
    // Most ids are well-formed and hold no "\x": escaping leaves them alone and unique.
    if (text::is_valid_utf8(raw_id) && raw_id.find("\\x") == std::string::npos) return true;
    const std::string id = text::escape_invalid_utf8(raw_id);
    const std::string path = shown(root_ / raw_id);
    if (const auto [at, fresh] = escaped_ids_.emplace(id, path); !fresh) {
        issues_.skipped.push_back({path, "its id '" + id + "' is already the id of " + at->second +
                                             "; rename one of them"});
        return false;
    }
    return true;
}

std::optional<SourceFile> FileWalk::next() {
    if (root_is_file_) {
        root_is_file_ = false;  // returned once
        return SourceFile{root_, root_.filename().string(), root_.string()};
    }
    while (!open_.empty()) {
        Folder& folder = open_.back();
        if (folder.at == folder.entries.size()) {
            open_.pop_back();
            continue;
        }
        const Entry& entry = folder.entries[folder.at++];
        std::string rel = folder.rel + entry.name;
        if (entry.folder) {
            enter(rel);  // invalidates `folder` and `entry`
            continue;
        }
        if (ignored(ignore_patterns_, rel)) {
            ++issues_.ignored;
            continue;
        }
        if (!take(rel)) continue;
        fs::path file = root_ / rel;
        std::string raw_path = file.generic_string();
        return SourceFile{std::move(file), std::move(rel), std::move(raw_path)};
    }
    return std::nullopt;
}

std::size_t FileWalk::count(const fs::path& root) {
    FileWalk walk(root);
    std::size_t n = 0;
    while (walk.next()) ++n;
    return n;
}

}  // namespace ngosearch::detail
