// SPDX-License-Identifier: GPL-2.0-or-later
// Xapian::Error is not a std::exception: every public entry point that touches Xapian runs its
// body through translate_xapian_errors(), which rethrows as the matching ngosearch::Error.
#pragma once

#include <xapian.h>

#include <algorithm>
#include <chrono>
#include <string>
#include <thread>
#include <utility>

#include <ngosearch/error.hpp>

namespace ngosearch::detail {

/// Text for an error: "<type>: <message>" plus the errno context Xapian gives.
inline std::string describe(const Xapian::Error& e) {
    std::string s = e.get_type();
    s += ": ";
    s += e.get_msg();
    if (!e.get_context().empty()) s += " (" + e.get_context() + ")";
    return s;
}

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
        } catch (const Xapian::DatabaseModifiedError&) {
            if (std::chrono::steady_clock::now() >= give_up) throw;
            if (attempt > 2) {
                std::this_thread::sleep_for(std::chrono::milliseconds(std::min(attempt, 50)));
            }
            db.reopen();
        }
    }
}

/// Runs fn(); turns a Xapian::Error into an ngosearch::Error naming `where` (an index path).
template <typename Fn>
decltype(auto) translate_xapian_errors(const std::string& where, Fn&& fn) {
    try {
        return std::forward<Fn>(fn)();
    } catch (const Xapian::DatabaseLockError& e) {
        throw IndexLocked("index is locked: " + where +
                          " is open for writing by another writer (" + e.get_msg() +
                          "); wait for it to finish or stop it");
    } catch (const Xapian::DatabaseNotFoundError& e) {
        throw IndexNotFound("no index at " + where + " (" + e.get_msg() + ")");
    } catch (const Xapian::DatabaseVersionError& e) {
        throw IndexCorrupt("index at " + where + " has an unsupported format: " + e.get_msg());
    } catch (const Xapian::DatabaseOpeningError& e) {
        throw IndexNotFound("cannot open index at " + where + ": " + e.get_msg());
    } catch (const Xapian::DatabaseModifiedError& e) {
        throw IndexError("index at " + where + " kept changing while it was being read (" +
                         e.get_msg() + "); a writer is committing very often: try again, or "
                         "commit in larger batches");
    } catch (const Xapian::DatabaseCorruptError& e) {
        throw IndexCorrupt("index at " + where + " is corrupt: " + e.get_msg() +
                           "; rebuild it from the source files");
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
    }
}

}  // namespace ngosearch::detail
