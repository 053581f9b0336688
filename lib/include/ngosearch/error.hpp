// SPDX-License-Identifier: GPL-2.0-or-later
// The exceptions ngosearch throws. Everything derives from ngosearch::Error, so
//
//     try { ngosearch::Searcher s(path); ... }
//     catch (const ngosearch::IndexNotFound& e) { /* offer to create one */ }
//     catch (const ngosearch::Error& e) { std::cerr << e.what() << '\n'; }
//
// Messages say what went wrong, where, and what to do about it.
#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>

namespace ngosearch {

/// Base of every exception thrown by ngosearch.
class Error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// A caller passed a value the API does not accept (empty id, zero limit, ...).
class InvalidArgument : public Error {
public:
    using Error::Error;
};

/// A file could not be read or is not usable text (binary, unsupported format, too large).
class InputError : public Error {
public:
    /// @param path the file concerned (may be empty for in-memory input).
    InputError(std::string path, std::string message)
        : Error(path.empty() ? message : path + ": " + message),
          path_(std::move(path)),
          reason_(std::move(message)) {}
    /// The file the error concerns; empty for in-memory input.
    const std::string& path() const noexcept { return path_; }
    /// What is wrong, without the path: "binary file (contains NUL bytes); not indexed".
    const std::string& reason() const noexcept { return reason_; }

private:
    std::string path_;
    std::string reason_;
};

/// A query string could not be parsed. position() is a byte offset into the query.
class QueryError : public Error {
public:
    QueryError(const std::string& message, std::size_t position)
        : Error(message), position_(position) {}
    /// Byte offset in the query where the problem was found (the query's size if at the end,
    /// npos if unknown).
    std::size_t position() const noexcept { return position_; }
    static constexpr std::size_t npos = static_cast<std::size_t>(-1);

private:
    std::size_t position_;
};

/// Something went wrong with the on-disk index.
class IndexError : public Error {
public:
    using Error::Error;
};

/// No index exists at the given path (or it is not a Xapian database).
class IndexNotFound : public IndexError {
public:
    using IndexError::IndexError;
};

/// Another writer holds the index's write lock.
class IndexLocked : public IndexError {
public:
    using IndexError::IndexError;
};

/// The index is damaged or was written by an incompatible program.
class IndexCorrupt : public IndexError {
public:
    using IndexError::IndexError;
};

/// The index was built with a different analyzer; searching or extending it with this one would
/// silently miss documents. Rebuild the index (or use the analyzer it names).
class AnalyzerMismatch : public IndexError {
public:
    using IndexError::IndexError;
};

}  // namespace ngosearch
