// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <unicode/utypes.h>

#include <string>

#include <ngosearch/error.hpp>

namespace ngosearch::detail {

/// Throws ngosearch::Error naming `what` when an ICU call failed.
inline void check_icu(UErrorCode status, const char* what) {
    if (U_FAILURE(status)) {
        throw Error(std::string("ICU failure in ") + what + ": " + u_errorName(status));
    }
}

}  // namespace ngosearch::detail
