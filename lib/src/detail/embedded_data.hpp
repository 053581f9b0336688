// SPDX-License-Identifier: GPL-2.0-or-later
// Data files of lib/data, compiled in by cmake/embed.cmake.
#pragma once

#include <string_view>
#include <vector>

namespace ngosearch::data {
extern const std::string_view ko_particles;
extern const std::string_view ko_suffixes;
extern const std::string_view en_stopwords;
extern const std::string_view gazetteer;
}  // namespace ngosearch::data

namespace ngosearch::detail {

/// Non-empty lines of an embedded list, without '#' comment lines or surrounding blanks.
std::vector<std::string_view> list_lines(std::string_view file);

}  // namespace ngosearch::detail
