// SPDX-License-Identifier: GPL-2.0-or-later
#include "index/index_creation.hpp"

#include <fcntl.h>
#include <signal.h>
#include <unistd.h>

#include <xapian.h>

#include <atomic>
#include <cerrno>
#include <cstdlib>
#include <cstring>

#include <ngosearch/error.hpp>

#include "detail/xapian_errors.hpp"
#include "index/prefixes.hpp"
#include "index/shard_layout.hpp"

namespace ngosearch::detail {

namespace fs = std::filesystem;

namespace {

constexpr std::string_view kLockFile = "flintlock";
constexpr std::string_view kNewMarker = ".ngosearch-new-";

// The folder itself when `path` ends in a separator ("index/").
fs::path without_trailing_separator(const fs::path& path) {
    return path.has_filename() ? path : path.parent_path();
}

// Hidden folders of creations of `name` by processes that no longer run (killed mid-way).
void remove_stale_creations(const fs::path& parent, const std::string& name) {
    const std::string stem = "." + name + std::string(kNewMarker);
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(parent, ec)) {
        const std::string entry_name = entry.path().filename().string();
        if (!entry_name.starts_with(stem)) continue;
        const long pid = std::strtol(entry_name.c_str() + stem.size(), nullptr, 10);
        if (pid <= 0 || (::kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH)) {
            std::error_code ignored;
            fs::remove_all(entry.path(), ignored);
        }
    }
}

// The rename must reach the disk too: a power cut after it must not bring back the old state.
void sync_folder(const fs::path& folder) {
    const int fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY);
    if (fd < 0) return;
    ::fsync(fd);
    ::close(fd);
}

}  // namespace

bool awaiting_index(const fs::path& path) {
    std::error_code ec;
    if (!fs::exists(path, ec)) return true;
    if (!fs::is_directory(path, ec)) return false;
    std::size_t entries = 0;
    bool only_lock = true;
    for (const auto& entry : fs::directory_iterator(path, ec)) {
        ++entries;
        only_lock = only_lock && entry.path().filename() == kLockFile &&
                    entry.is_regular_file(ec) && entry.file_size(ec) == 0;
    }
    return !ec && (entries == 0 || (entries == 1 && only_lock));
}

void create_index(const fs::path& requested, const std::string& fingerprint, std::size_t shards,
                  const StoredParts& parts) {
    const fs::path path = without_trailing_separator(requested);
    const std::string where = requested.string();
    fs::path parent = path.parent_path();
    if (parent.empty()) parent = ".";
    std::error_code ec;
    fs::create_directories(parent, ec);
    if (ec) throw IndexError("cannot create index folder " + where + ": " + ec.message());
    const std::string name = path.filename().string();
    remove_stale_creations(parent, name);

    static std::atomic<unsigned> counter{0};
    const fs::path fresh = parent / ("." + name + std::string(kNewMarker) +
                                     std::to_string(::getpid()) + "-" +
                                     std::to_string(counter++));
    // Whatever happens below, our hidden folder does not outlive this call.
    struct Cleanup {
        const fs::path& folder;
        ~Cleanup() {
            std::error_code ignored;
            fs::remove_all(folder, ignored);
        }
    } cleanup{fresh};
    const auto create_database = [&](const fs::path& folder) {
        translate_xapian_errors(where, [&] {
            Xapian::WritableDatabase db(folder.string(), Xapian::DB_CREATE_OR_OPEN);
            db.set_metadata(kAnalyzerKey, fingerprint);
            db.set_metadata(kFormatKey, kFormatVersion);
            record_stored_parts(db, parts);
            db.commit();
            db.close();
        });
    };
    const auto create_at = [&](const fs::path& folder) {
        if (shards <= 1) {
            create_database(folder);
        } else {
            create_shard_layout(folder, shards, create_database);
        }
    };
    if (!fs::create_directory(fresh, ec)) {
        // No room beside it (a folder one may write in a parent one may not): create in place.
        // A kill then leaves at most the lone lock file that awaiting_index() accepts.
        const std::error_code denied = ec;
        if (!fs::is_directory(path, ec)) {
            throw IndexError("cannot create index at " + where + ": " + denied.message() +
                             "; choose a location in a folder you may write to");
        }
        create_at(path);
        return;
    }
    create_at(fresh);
    // A folder left holding only a killed run's lock file cannot be renamed over.
    if (fs::is_directory(path, ec) && awaiting_index(path)) fs::remove(path / kLockFile, ec);
    if (::rename(fresh.c_str(), path.c_str()) != 0) {
        const int error = errno;
        // Another run created the index first: use theirs.
        if (error == ENOTEMPTY || error == EEXIST) return;
        throw IndexError("cannot create index at " + where + ": " + std::strerror(error));
    }
    sync_folder(parent);
}

}  // namespace ngosearch::detail
