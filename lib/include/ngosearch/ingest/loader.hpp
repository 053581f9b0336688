// SPDX-License-Identifier: GPL-2.0-or-later
// Turning files into Documents: a loader per format, found by a registry from the file name.
//
//     auto loaded = ngosearch::ingest::load_file("letters/2020-moon.pdf");
//     // loaded.document.title, .date (from metadata or the text), loaded.pages, loaded.warnings
//
// A format of your own is one Loader subclass added to a registry:
//
//     auto registry = std::make_shared<ngosearch::ingest::LoaderRegistry>(
//         *ngosearch::ingest::LoaderRegistry::standard());
//     registry->add(std::make_shared<MyDocxLoader>());
//     ngosearch::Indexer ix("my.index", {.loaders = registry});
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <ngosearch/document.hpp>
#include <ngosearch/ingest/dates.hpp>

namespace ngosearch::ingest {

/// Where a page of a paged format starts in the document's body.
struct Page {
    std::uint32_t number = 0;      ///< 1-based, as printed
    std::size_t body_offset = 0;   ///< byte offset into Document::body
    friend bool operator==(const Page&, const Page&) = default;
};

/// A loaded file.
struct LoadedFile {
    Document document;               ///< id and path left empty: the caller decides them
    std::vector<Page> pages;         ///< paged formats (PDF): where each page begins
    std::vector<std::string> warnings;  ///< indexed, but worth knowing (bytes replaced, …)
    std::string encoding;            ///< of a text file: "UTF-8", "UTF-16LE", "windows-949", …
    std::size_t invalid_bytes = 0;   ///< bytes (or sequences) replaced by U+FFFD
    std::size_t first_invalid = 0;   ///< byte offset of the first one
};

/// One file format. Implementations must be safe to call from several threads at once.
class Loader {
public:
    virtual ~Loader() = default;
    /// "text", "markdown", "html", "pdf", …
    virtual std::string_view name() const noexcept = 0;
    /// File name endings it reads, lower case with the dot: ".html", ".htm".
    virtual std::vector<std::string> extensions() const = 0;
    /// Builds a Document from the bytes of a file. Title, date, language and type left empty
    /// by the format's own metadata are read from the text.
    /// @throws InputError (binary, empty, broken or encrypted beyond reading).
    virtual LoadedFile load(std::string_view bytes, std::string_view path_for_errors) const = 0;
};

/// The loaders an indexer uses, by file extension (case-insensitive).
class LoaderRegistry {
public:
    LoaderRegistry() = default;
    /// Text (.txt), Markdown (.md), HTML (.html, .htm, .xhtml) and PDF (.pdf).
    static std::shared_ptr<const LoaderRegistry> standard();

    /// Adds a loader; it replaces any earlier one for the same extensions.
    void add(std::shared_ptr<const Loader> loader);
    /// The loader for this file name, or nullptr.
    const Loader* for_file(const std::filesystem::path& file) const noexcept;
    /// ".htm, .html, .md, …" for messages.
    std::string supported() const;

private:
    std::vector<std::pair<std::string, std::shared_ptr<const Loader>>> by_extension_;
};

/// Formats of the text loader.
enum class Format { PlainText, Markdown };

/// Format for a file name (by extension, case-insensitive), or nullopt if it is no text file.
std::optional<Format> format_for(const std::filesystem::path& file) noexcept;

/// The text loader: decodes the bytes (UTF-8, UTF-16 with a byte order mark, legacy Korean
/// EUC-KR/CP949 and other encodings ICU detects; anything else keeps its valid UTF-8 with the
/// rest replaced and a warning). A leading front-matter block
///     ---
///     title: …
///     date: 2020-12-15
///     type: letter
///     lang: en
///     ---
/// sets the fields it names (other keys go to metadata; values it cannot use are kept in
/// metadata and reported in warnings). Otherwise the title is the first heading (Markdown) or
/// the first line that reads as one, the date the first written near the top ("15 December
/// 2020", "December 15, 2020", "2020-12-15", "2020. 12. 15.", "2020년 12월 15일"), the
/// language guessed from the letters, the type from cues ("For Immediate Release", "Dear …").
/// @throws InputError (binary content, empty text).
LoadedFile parse_text(std::string_view bytes, Format format, std::string_view path_for_errors = {});

/// The bytes of a file. @throws InputError (missing, not a regular file, unreadable, larger
/// than max_bytes — never truncated; the message names IndexOptions::max_file_bytes and the
/// CLI's --max-file-size).
std::string read_file(const std::filesystem::path& file, std::uint64_t max_bytes = 256ull << 20);

/// Reads and loads a file with the registry's loader for it (nullptr: the standard one).
/// @throws InputError (missing, unreadable, larger than max_bytes, binary, empty, unsupported).
LoadedFile load_file(const std::filesystem::path& file, std::uint64_t max_bytes = 256ull << 20,
                     const LoaderRegistry* registry = nullptr);

}  // namespace ngosearch::ingest
