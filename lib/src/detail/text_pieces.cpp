// SPDX-License-Identifier: GPL-2.0-or-later
#include "detail/text_pieces.hpp"

namespace ngosearch::detail {

std::size_t piece_end(std::string_view text, std::size_t max_bytes) {
    if (text.size() <= max_bytes) return text.size();
    const std::string_view window = text.substr(0, max_bytes);
    const std::size_t half = max_bytes / 2;
    if (const std::size_t nl = window.rfind('\n'); nl != std::string_view::npos && nl >= half) {
        return nl + 1;
    }
    if (const std::size_t dot = window.rfind(". "); dot != std::string_view::npos && dot >= half) {
        return dot + 2;
    }
    if (const std::size_t sp = window.find_last_of(" \t"); sp != std::string_view::npos &&
                                                            sp >= half) {
        return sp + 1;
    }
    std::size_t end = max_bytes;
    while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
    return end > 0 ? end : max_bytes;
}

}  // namespace ngosearch::detail
