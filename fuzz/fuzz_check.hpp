// SPDX-License-Identifier: GPL-2.0-or-later
// What every fuzzer asserts: a broken promise aborts with a message libFuzzer then reports.
#pragma once

#include <cstdio>
#include <cstdlib>

#define NGOSEARCH_FUZZ_CHECK(cond)                                                          \
    do {                                                                                    \
        if (!(cond)) {                                                                      \
            std::fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond);  \
            std::abort();                                                                   \
        }                                                                                   \
    } while (0)

#include <cstddef>
#include <cstdint>

#include <unicode/utf8.h>

namespace ngosearch::fuzz {

/// True when byte offset `i` of `data` starts a character (or is the end): not inside a
/// well-formed sequence. A stray continuation byte is a character of its own (ICU's maximal
/// subparts, as text::repair_utf8 reads it), so an offset just before one is a boundary.
inline bool on_boundary(const std::uint8_t* data, std::size_t size, std::size_t i) {
    if (i == 0 || i >= size) return true;
    std::int32_t start = static_cast<std::int32_t>(i);
    U8_SET_CP_START(data, 0, start);
    return start == static_cast<std::int32_t>(i);
}

}  // namespace ngosearch::fuzz
