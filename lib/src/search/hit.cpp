// SPDX-License-Identifier: GPL-2.0-or-later
#include <ngosearch/search/hit.hpp>

namespace ngosearch {

std::string mark_highlights(const Hit& hit, std::string_view open, std::string_view close) {
    std::string out;
    std::size_t cursor = 0;
    for (const auto& [b, e] : hit.highlights) {
        if (b < cursor || e > hit.snippet.size() || b >= e) continue;
        out.append(hit.snippet, cursor, b - cursor);
        out += open;
        out.append(hit.snippet, b, e - b);
        out += close;
        cursor = e;
    }
    out.append(hit.snippet, cursor);
    return out;
}

}  // namespace ngosearch
