// SPDX-License-Identifier: GPL-2.0-or-later
// Library version, for diagnostics: std::cout << ngosearch::version_string();
#pragma once

#include <string_view>

namespace ngosearch {

inline constexpr int kVersionMajor = 0;
inline constexpr int kVersionMinor = 1;
inline constexpr int kVersionPatch = 0;

/// "0.1.0".
inline constexpr std::string_view version_string() noexcept { return "0.1.0"; }

/// Versions of the libraries ngosearch was linked against, e.g. "xapian 1.4.22, icu 72.1".
std::string_view dependency_versions() noexcept;

}  // namespace ngosearch
