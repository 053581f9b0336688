// SPDX-License-Identifier: GPL-2.0-or-later
// Turning files into Documents: read, check, extract title, date, language and metadata.
//
//     auto doc = ngosearch::ingest::load_file("letters/2020-moon.md");
//     // doc.document.title, .date (from front matter or the text), doc.invalid_bytes
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <ngosearch/index/document.hpp>

namespace ngosearch::ingest {

/// Formats the loaders understand.
enum class Format { PlainText, Markdown };

/// Format for a file name (by extension, case-insensitive), or nullopt if unsupported.
std::optional<Format> format_for(const std::filesystem::path& file) noexcept;

/// A loaded file.
struct LoadedFile {
    Document document;               ///< id left empty: the caller decides it
    std::size_t invalid_bytes = 0;   ///< invalid UTF-8 bytes replaced by U+FFFD
    std::size_t first_invalid = 0;   ///< byte offset of the first one
    /// What was read but not used, worth telling the user: a front-matter date that is not a
    /// date, a language the loader does not know (both kept in document.metadata).
    std::vector<std::string> notes;
};

/// Builds a Document from file contents. A leading front-matter block
///     ---
///     title: …
///     date: 2020-12-15
///     type: letter
///     lang: en
///     ---
/// sets the fields it names (other keys go to metadata). Otherwise the title is the first
/// heading (Markdown) or first non-empty line, the date the first date written near the top
/// ("15 December 2020", "December 15, 2020", "2020-12-15", "2020년 12월 15일"), the language
/// guessed from the letters.
/// @throws InputError (binary content, UTF-16 or other non-UTF-8 text, empty text).
LoadedFile parse_text(std::string_view bytes, Format format, std::string_view path_for_errors = {});

/// The bytes of a file. @throws InputError (missing, not a regular file, unreadable, larger
/// than max_bytes — never truncated; the message names IndexOptions::max_file_bytes and the
/// CLI's --max-file-size).
std::string read_file(const std::filesystem::path& file, std::uint64_t max_bytes = 256ull << 20);

/// Reads and parses a file. @throws InputError (missing, unreadable, larger than max_bytes,
/// binary, empty, unsupported format).
LoadedFile load_file(const std::filesystem::path& file, std::uint64_t max_bytes = 256ull << 20);

/// Normalises a date written as YYYY, YYYY-MM or YYYY-MM-DD (also with / or .); nullopt if it is
/// not a valid date.
std::optional<std::string> normalize_date(std::string_view text);

}  // namespace ngosearch::ingest
