// SPDX-License-Identifier: GPL-2.0-or-later
#include "index/index_fingerprint.hpp"

#include <ngosearch/error.hpp>

#include "index/prefixes.hpp"

namespace ngosearch::detail {

void check_analyzer(const Xapian::Database& db, const std::string& fingerprint,
                    const std::string& where) {
    const std::string recorded = db.get_metadata(kAnalyzerKey);
    if (recorded.empty()) {
        if (db.get_doccount() == 0) return;
        throw AnalyzerMismatch("index at " + where +
                               " was not built by ngosearch (it records no analyzer); "
                               "index the files into a new location");
    }
    const std::string format = db.get_metadata(kFormatKey);
    if (format != kFormatVersion) {
        throw AnalyzerMismatch("index at " + where + " has index format '" + format +
                               "' but this program reads and writes format '" + kFormatVersion +
                               "' (the terms it stores changed); rebuild it (delete the index "
                               "and index the documents again)");
    }
    if (recorded != fingerprint) {
        throw AnalyzerMismatch("index at " + where + " was built with analyzer '" + recorded +
                               "' but this program uses '" + fingerprint +
                               "'; rebuild it (delete the index and index the documents again)");
    }
}

}  // namespace ngosearch::detail
