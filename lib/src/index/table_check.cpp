// SPDX-License-Identifier: GPL-2.0-or-later
#include "index/table_check.hpp"

#include <ngosearch/error.hpp>

#include "index/stored_parts.hpp"

namespace ngosearch::detail {

namespace {

// True when the index holds a term with no prefix (a word of some text): terms of prefixes are
// upper-case ASCII, so a word sorts before "A" (digits) or from "[" on.
bool has_words(const Xapian::Database& db) {
    Xapian::TermIterator t = db.allterms_begin();
    if (t == db.allterms_end()) return false;
    if ((*t).compare("A") < 0) return true;
    t.skip_to("[");
    return t != db.allterms_end();
}

}  // namespace

void check_tables(const Xapian::Database& db, const std::filesystem::path& path,
                  const std::string& where) {
    std::error_code ec;
    if (!std::filesystem::is_directory(path, ec) ||
        !std::filesystem::exists(path / "iamglass", ec)) {
        return;
    }
    const auto missing = [&](const char* table, const char* why) {
        if (std::filesystem::exists(path / table, ec)) return;
        throw IndexCorrupt("index at " + where + " is damaged: its table file " + table +
                           " is missing (" + why +
                           "); rebuild it (delete the folder and index the documents again)");
    };
    if (db.get_doccount() > 0) {
        missing("docdata.glass", "stored documents");
        missing("termlist.glass", "the terms of each document");
    }
    // Every word is indexed with its position, unless the index records that it leaves them
    // out: words without a position table then mean it is gone.
    if (!db.has_positions() && has_words(db) && read_stored_parts(db, where).positions) {
        missing("position.glass", "word positions, for phrase and NEAR searches");
    }
}

}  // namespace ngosearch::detail
