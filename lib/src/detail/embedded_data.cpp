// SPDX-License-Identifier: GPL-2.0-or-later
#include "detail/embedded_data.hpp"

namespace ngosearch::detail {

std::vector<std::string_view> list_lines(std::string_view file) {
    std::vector<std::string_view> lines;
    while (!file.empty()) {
        const std::size_t nl = file.find('\n');
        std::string_view line = file.substr(0, nl);
        file = (nl == std::string_view::npos) ? std::string_view{} : file.substr(nl + 1);
        while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\t'))
            line.remove_suffix(1);
        while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
        if (line.empty() || line.front() == '#') continue;
        lines.push_back(line);
    }
    return lines;
}

}  // namespace ngosearch::detail
