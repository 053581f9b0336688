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
