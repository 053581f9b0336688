// SPDX-License-Identifier: GPL-2.0-or-later
#include "index/file_walk.hpp"

#include <fnmatch.h>

#include <algorithm>
#include <fstream>
#include <unordered_map>

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

bool ignored(const std::vector<std::string>& patterns, const fs::path& rel) {
    const std::string path = rel.generic_string();
    const std::string name = rel.filename().string();
    for (const auto& p : patterns) {
        const bool whole_path = p.find('/') != std::string::npos;
        if (::fnmatch(p.c_str(), whole_path ? path.c_str() : name.c_str(), FNM_PATHNAME) == 0) {
            return true;
        }
    }
    return false;
}

bool hidden(const fs::path& p) {
    const std::string name = p.filename().string();
    return name.size() > 1 && name.front() == '.' && name != "..";
}

}  // namespace

std::vector<SourceFile> list_source_files(const fs::path& root, IndexReport& report) {
    std::error_code ec;
    const auto status = fs::status(root, ec);
    if (ec && ec != std::errc::no_such_file_or_directory) {
        throw InputError(root.string(), ec.message());  // a symbolic link loop, a denied folder
    }
    if (!fs::exists(status)) throw InputError(root.string(), "no such file or directory");
    if (fs::is_regular_file(status)) {
        return {SourceFile{root, root.filename().string(), root.string()}};
    }
    if (!fs::is_directory(status)) throw InputError(root.string(), "not a file or folder");

    // Collect first, then sort: ids and the progress total are then stable.
    std::vector<fs::path> files;
    // The iterator skips a folder it may not read without a word: look first, and say so.
    const auto unreadable = [](const fs::path& folder) {
        std::error_code error;
        fs::directory_iterator probe(folder, error);
        return error;
    };
    if (const auto denied = unreadable(root)) {
        throw InputError(root.string(), "cannot list folder: " + denied.message());
    }
    fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, ec);
    if (ec) throw InputError(root.string(), "cannot list folder: " + ec.message());
    for (; it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (ec) break;
        const fs::directory_entry& entry = *it;
        if (hidden(entry.path())) {
            if (entry.is_directory(ec)) it.disable_recursion_pending();
            continue;
        }
        std::error_code kind;
        if (entry.is_regular_file(kind)) {
            files.push_back(entry.path());
        } else if (entry.is_directory(kind)) {
            if (const auto denied = unreadable(entry.path())) {
                it.disable_recursion_pending();
                report.skipped.push_back({text::escape_invalid_utf8(entry.path().generic_string()),
                                          "cannot list folder: " + denied.message() +
                                              "; its files were not indexed"});
            }
        } else if (kind && entry.is_symlink(ec)) {
            report.skipped.push_back({text::escape_invalid_utf8(entry.path().generic_string()),
                                      kind.message()});  // a loop or a link to nowhere
        }
    }
    if (ec) report.warnings.push_back({root.string(), "folder not fully listed: " + ec.message()});
    const std::vector<std::string> patterns = read_ignore_patterns(root);
    std::erase_if(files, [&](const fs::path& f) {
        if (!ignored(patterns, f.lexically_relative(root))) return false;
        ++report.ignored;
        return true;
    });
    std::sort(files.begin(), files.end());

    std::vector<SourceFile> sources;
    sources.reserve(files.size());
    std::unordered_map<std::string, std::string> taken;  // escaped id → the path that took it
    for (const fs::path& f : files) {
        const fs::path rel = f.lexically_relative(root);
        SourceFile s{f, rel.generic_string(), (root / rel).generic_string()};
        const std::string id = text::escape_invalid_utf8(s.raw_id);
        const std::string shown = text::escape_invalid_utf8(s.raw_path);
        if (const auto [at, fresh] = taken.emplace(id, shown); !fresh) {
            report.skipped.push_back({shown, "its id '" + id + "' is already the id of " +
                                                 at->second + "; rename one of them"});
            continue;
        }
        sources.push_back(std::move(s));
    }
    return sources;
}

}  // namespace ngosearch::detail
