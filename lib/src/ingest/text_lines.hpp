// SPDX-License-Identifier: GPL-2.0-or-later
// Reading text line by line, as the loaders and the metadata readers do.
#pragma once

#include <string_view>

namespace ngosearch::ingest::detail {

/// `s` without leading and trailing spaces, tabs and line breaks.
inline std::string_view trim(std::string_view s) {
    const auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
    while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
    while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
    return s;
}

/// Splits off one line (without its terminator, LF or CRLF) from the front of `rest`.
inline std::string_view next_line(std::string_view& rest) {
    const std::size_t nl = rest.find('\n');
    std::string_view line = rest.substr(0, nl);
    rest = (nl == std::string_view::npos) ? std::string_view{} : rest.substr(nl + 1);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    return line;
}

}  // namespace ngosearch::ingest::detail
