// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <xapian.h>

#include <string>

namespace ngosearch::detail {

/// Throws AnalyzerMismatch unless the index at `where` was built with `fingerprint` (an empty
/// index built by nobody yet is accepted).
void check_analyzer(const Xapian::Database& db, const std::string& fingerprint,
                    const std::string& where);

}  // namespace ngosearch::detail
