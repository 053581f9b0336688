// SPDX-License-Identifier: GPL-2.0-or-later
// UTF-8 validation and repair.
//
//     auto r = ngosearch::text::repair_utf8(bytes);
//     if (r.invalid_bytes) warn("replaced", r.invalid_bytes, "bytes, first at", r.first_invalid);
//     use(r.text);
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace ngosearch::text {

/// True when `bytes` is well-formed UTF-8 (no overlongs, surrogates or values past U+10FFFF).
bool is_valid_utf8(std::string_view bytes) noexcept;

/// Result of repair_utf8().
struct Utf8Repair {
    std::string text;                ///< well-formed UTF-8
    std::size_t invalid_bytes = 0;   ///< bytes that were not part of a valid sequence
    std::size_t first_invalid = 0;   ///< byte offset of the first such byte (0 if none)
};

/// Copies `bytes`, replacing each maximal ill-formed subsequence with U+FFFD (the W3C/Unicode
/// "substitution of maximal subparts" practice). Never throws on bad input.
Utf8Repair repair_utf8(std::string_view bytes);

/// Copies `bytes`, writing each byte that is not part of well-formed UTF-8 as "\xNN" (upper-case
/// hex): unlike repair_utf8() it keeps different inputs different, so file names that differ
/// only in such bytes stay apart ("x\xFF.txt", "x\xFE.txt"). Well-formed input is returned as is.
std::string escape_invalid_utf8(std::string_view bytes);

/// Largest prefix length <= max_bytes that does not cut a UTF-8 sequence of valid `text` in two.
std::size_t utf8_prefix_length(std::string_view text, std::size_t max_bytes) noexcept;

}  // namespace ngosearch::text
