// SPDX-License-Identifier: GPL-2.0-or-later
// Making every text field of a Document well-formed UTF-8.
#pragma once

#include <cstddef>

#include <ngosearch/document.hpp>

namespace ngosearch::detail {

/// Replaces the ill-formed bytes of each text field of `doc` (id, title, body, language, date,
/// path, type, metadata keys and values) with U+FFFD; well-formed fields are left untouched.
/// Returns the number of bytes replaced.
std::size_t repair_utf8_fields(Document& doc);

}  // namespace ngosearch::detail
