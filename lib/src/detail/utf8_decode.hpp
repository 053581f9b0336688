// SPDX-License-Identifier: GPL-2.0-or-later
// Bounded UTF-8 decoding over std::string_view with ICU's U8_NEXT (which follows the Unicode
// "maximal subpart" rule for ill-formed input).
#pragma once

#include <unicode/utf8.h>

#include <cstddef>
#include <cstdint>
#include <limits>
#include <string_view>

#include <ngosearch/error.hpp>

namespace ngosearch::detail {

/// ICU's UTF-8 macros index with int32_t; longer inputs are refused rather than misread.
inline int32_t checked_length(std::string_view s) {
    if (s.size() > static_cast<std::size_t>(std::numeric_limits<int32_t>::max())) {
        throw InvalidArgument("text longer than 2 GiB cannot be analysed in one piece");
    }
    return static_cast<int32_t>(s.size());
}

/// Decodes the code point at byte `i` and advances `i`; returns a negative value for an
/// ill-formed sequence (then `i` has skipped its maximal subpart, at least one byte).
inline UChar32 next_code_point(std::string_view s, int32_t& i, int32_t length) noexcept {
    UChar32 c;
    U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), i, length, c);
    return c;
}

}  // namespace ngosearch::detail
