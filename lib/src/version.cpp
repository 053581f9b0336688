// SPDX-License-Identifier: GPL-2.0-or-later
#include <ngosearch/version.hpp>

#include <unicode/uversion.h>
#include <xapian.h>

#include <string>

namespace ngosearch {

std::string_view dependency_versions() noexcept {
    static const std::string versions =
        std::string("xapian ") + Xapian::version_string() + ", icu " + U_ICU_VERSION;
    return versions;
}

}  // namespace ngosearch
