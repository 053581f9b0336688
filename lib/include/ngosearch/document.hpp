// SPDX-License-Identifier: GPL-2.0-or-later
// The document model: what ingest makes of a file, what is indexed, what a hit shows.
//
//     ngosearch::Document d{.id = "letters/2020-moon.md", .title = "Open letter to ...",
//                           .body = text, .language = "en", .date = "2020-02-21",
//                           .type = "open-letter"};
#pragma once

#include <map>
#include <string>
#include <vector>

#include <ngosearch/entities/entity.hpp>

namespace ngosearch {

/// One document. All strings are UTF-8.
struct Document {
    std::string id{};        ///< stable identifier, unique in an index (required, non-empty)
    std::string title{};     ///< shown in results; indexed and searchable with `title:`
    std::string body{};      ///< full text; indexed, stored for snippets and `show`
    std::string language{};  ///< "en", "ko", "mixed" or "" (unknown); filter with `lang:`
    std::string date{};      ///< "YYYY-MM-DD", "YYYY-MM" or "YYYY", or "" (unknown); `date:`
    std::string path{};      ///< source file as given to the indexer, or "" for in-memory text
    std::string type{};      ///< free-form kind such as "letter", "press-release"; `type:`
    std::map<std::string, std::string> metadata{};  ///< anything else, stored and shown
    /// The entities the body names, with byte spans into `body`: filled in documents read back
    /// from an index (Searcher::find), found by the indexer's tagger. Ignored by
    /// Indexer::add(), which tags the text itself.
    std::vector<entities::Entity> entities{};
    /// Paged formats (PDF): the byte offset into `body` where each page begins, page 1 first.
    std::vector<std::size_t> pages{};

    friend bool operator==(const Document&, const Document&) = default;
};

}  // namespace ngosearch
