// SPDX-License-Identifier: GPL-2.0-or-later
#include <ngosearch/text/utf8.hpp>

#include "detail/utf8_decode.hpp"

namespace ngosearch::text {

bool is_valid_utf8(std::string_view bytes) noexcept {
    if (bytes.size() > static_cast<std::size_t>(std::numeric_limits<int32_t>::max())) {
        return false;
    }
    const auto length = static_cast<int32_t>(bytes.size());
    for (int32_t i = 0; i < length;) {
        if (detail::next_code_point(bytes, i, length) < 0) return false;
    }
    return true;
}

Utf8Repair repair_utf8(std::string_view bytes) {
    Utf8Repair out;
    const int32_t length = detail::checked_length(bytes);
    out.text.reserve(bytes.size());
    constexpr std::string_view kReplacement = "\xEF\xBF\xBD";
    for (int32_t i = 0; i < length;) {
        const int32_t start = i;
        if (detail::next_code_point(bytes, i, length) < 0) {
            if (out.invalid_bytes == 0) out.first_invalid = static_cast<std::size_t>(start);
            out.invalid_bytes += static_cast<std::size_t>(i - start);
            out.text += kReplacement;
        } else {
            out.text.append(bytes.substr(static_cast<std::size_t>(start),
                                         static_cast<std::size_t>(i - start)));
        }
    }
    return out;
}

std::string escape_invalid_utf8(std::string_view bytes) {
    const int32_t length = detail::checked_length(bytes);
    std::string out;
    out.reserve(bytes.size() + 8);
    constexpr char kHex[] = "0123456789ABCDEF";
    for (int32_t i = 0; i < length;) {
        const int32_t start = i;
        const bool valid = detail::next_code_point(bytes, i, length) >= 0;
        for (int32_t k = start; k < i; ++k) {
            const auto b = static_cast<unsigned char>(bytes[static_cast<std::size_t>(k)]);
            if (valid) {
                out += static_cast<char>(b);
            } else {
                out += "\\x";
                out += kHex[b >> 4];
                out += kHex[b & 0x0F];
            }
        }
    }
    return out;
}

std::size_t utf8_prefix_length(std::string_view text, std::size_t max_bytes) noexcept {
    if (max_bytes >= text.size()) return text.size();
    std::size_t n = max_bytes;
    // Back up over continuation bytes (10xxxxxx) to the start of the cut sequence.
    while (n > 0 && (static_cast<unsigned char>(text[n]) & 0xC0) == 0x80) --n;
    return n;
}

}  // namespace ngosearch::text
