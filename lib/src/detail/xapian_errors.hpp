// SPDX-License-Identifier: GPL-2.0-or-later
// Xapian::Error is not a std::exception: every public entry point that touches Xapian runs its
// body through translate_xapian_errors(), which rethrows as the matching ngosearch::Error.
#pragma once

#include <xapian.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <stdexcept>
#include <cstring>
#include <string>
#include <string_view>
#include <thread>
#include <utility>

#include <ngosearch/error.hpp>

namespace ngosearch::detail {

/// Text for an error: "<type>: <message>" plus the system's reason ("No space left on device")
/// and the context Xapian gives.
inline std::string describe(const Xapian::Error& e) {
    std::string s = e.get_type();
    s += ": ";
    s += e.get_msg();
    if (const char* reason = e.get_error_string(); reason && *reason) {
        s += ": ";
        s += reason;
    }
    if (!e.get_context().empty()) s += " (" + e.get_context() + ")";
    return s;
}

/// True when Xapian's error was caused by the system error `code` (Xapian gives the errno only
/// as strerror's text).
inline bool caused_by(const Xapian::Error& e, int code) {
    const char* reason = e.get_error_string();
    return reason && std::string_view(reason) == std::strerror(code);
}

/// True when the text of Xapian's error says `what` (errors Xapian builds without an errno).
inline bool says(const Xapian::Error& e, std::string_view what) {
    return e.get_msg().find(what) != std::string::npos;
}

/// The ngosearch error for a failure the system reports (full disk, permissions, read-only
/// file system), or empty text when `e` is not one of those.
inline std::string system_failure(const Xapian::Error& e, const std::string& where) {
    if (caused_by(e, ENOSPC) || caused_by(e, EDQUOT) || says(e, "No space left on device")) {
        return "no space left on the device holding the index at " + where + " (" + describe(e) +
               "); free some space and index again: what was committed before is kept";
    }
    if (caused_by(e, EACCES) || caused_by(e, EPERM) || says(e, "Permission denied")) {
        return "permission denied writing to the index at " + where + " (" + describe(e) +
               "); index as a user who may write to that folder, or choose another location";
    }
    if (caused_by(e, EROFS) || says(e, "Read-only file system")) {
        return "the index at " + where + " is on a read-only file system (" + describe(e) +
               "); it can be searched but not changed: choose another location to index";
    }
    return {};
}

/// Data read from an index that cannot be what ngosearch wrote: the index is damaged.
/// Thrown where the index path is unknown; translate_xapian_errors() turns it into IndexCorrupt.
class DamagedData : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// Runs fn() on a reader of `db`. When a writer's commits have overtaken the revision the
/// reader was reading (Xapian::DatabaseModifiedError: searching while indexing), reopens `db`
/// at the latest revision and runs fn() again, as Xapian intends. A writer that commits more
/// often than one read takes can overtake a reader again and again: it tries for up to
/// `patience`, pausing a little longer each time, then lets the error through.
template <typename Fn>
decltype(auto) with_reopen(Xapian::Database& db, Fn&& fn,
                           std::chrono::milliseconds patience = std::chrono::seconds(20)) {
    const auto give_up = std::chrono::steady_clock::now() + patience;
    for (int attempt = 1;; ++attempt) {
        try {
            return fn();
        } catch (const Xapian::DatabaseModifiedError& e) {
            if (std::chrono::steady_clock::now() >= give_up) throw;
            if (attempt > 2) {
                std::this_thread::sleep_for(std::chrono::milliseconds(std::min(attempt, 50)));
            }
            // No commit since: no writer overtook the read, the blocks themselves are wrong.
            const Xapian::rev before = db.get_revision();
            if (!db.reopen() && attempt > 1 && db.get_revision() == before) {
                throw DamagedData("a block of revision " + std::to_string(before) +
                                  " reads as newer than the index (" + e.get_msg() + ")");
            }
        }
    }
}

/// Runs fn(); turns a Xapian::Error into an ngosearch::Error naming `where` (an index path).
template <typename Fn>
decltype(auto) translate_xapian_errors(const std::string& where, Fn&& fn) {
    try {
        return std::forward<Fn>(fn)();
    } catch (const Xapian::DatabaseLockError& e) {
        // Xapian reports a lock file it may not create (permissions, read-only file system)
        // as a lock error too: only "already locked" means another writer.
        if (std::string failure = system_failure(e, where); !failure.empty()) {
            throw IndexError(failure);
        }
        if (!says(e, "already locked")) {
            throw IndexError("cannot lock the index at " + where + " for writing (" +
                             describe(e) + "); check that the folder is writable");
        }
        throw IndexLocked("index is locked: " + where +
                          " is open for writing by another writer (" + e.get_msg() +
                          "); wait for it to finish or stop it");
    } catch (const Xapian::DatabaseNotFoundError& e) {
        throw IndexNotFound("no index at " + where + " (" + e.get_msg() + ")");
    } catch (const Xapian::DatabaseVersionError& e) {
        throw IndexCorrupt("index at " + where + " has an unsupported format: " + e.get_msg());
    } catch (const Xapian::DatabaseOpeningError& e) {
        if (std::string failure = system_failure(e, where); !failure.empty()) {
            throw IndexError(failure);
        }
        // A table file of an index that exists is gone or unreadable: damage, not absence.
        if (says(e, ".glass")) {
            throw IndexCorrupt("index at " + where + " is damaged: " + describe(e) +
                               "; rebuild it (delete the folder and index the documents again)");
        }
        throw IndexNotFound("cannot open index at " + where + ": " + describe(e));
    } catch (const Xapian::DatabaseModifiedError& e) {
        throw IndexError("index at " + where + " kept changing while it was being read (" +
                         e.get_msg() + "); a writer is committing very often: try again, or "
                         "commit in larger batches; if nothing was writing, the index is "
                         "damaged: see `ngosearch stats --check`, and rebuild it");
    } catch (const Xapian::DatabaseCorruptError& e) {
        throw IndexCorrupt("index at " + where + " is corrupt: " + e.get_msg() +
                           "; rebuild it (delete the folder and index the documents again)");
    } catch (const Xapian::DatabaseError& e) {
        if (std::string failure = system_failure(e, where); !failure.empty()) {
            throw IndexError(failure);
        }
        // A table shorter than the index says (truncated copy, failed disk) or a block that
        // does not read back: Xapian calls it a DatabaseError, but it is damage.
        if (says(e, "reading block") || says(e, "EOF") || says(e, "Block ")) {
            throw IndexCorrupt("index at " + where + " is damaged: " + describe(e) +
                               "; rebuild it (delete the folder and index the documents again)");
        }
        throw IndexError("index error at " + where + ": " + describe(e));
    } catch (const Xapian::QueryParserError& e) {
        throw QueryError("malformed query: " + e.get_msg(), QueryError::npos);
    } catch (const Xapian::WildcardError& e) {
        throw QueryError("wildcard matches too many terms: " + e.get_msg() +
                             "; make the prefix longer",
                         QueryError::npos);
    } catch (const Xapian::InvalidArgumentError& e) {
        throw InvalidArgument(describe(e));
    } catch (const Xapian::Error& e) {
        throw IndexError("index error at " + where + ": " + describe(e));
    } catch (const DamagedData& e) {
        throw IndexCorrupt("index at " + where + " is damaged: " + e.what() +
                           "; rebuild it (delete the folder and index the documents again)");
    }
}

}  // namespace ngosearch::detail
