// SPDX-License-Identifier: GPL-2.0-or-later
// Cutting a long text into pieces at natural breaks, so that the indexer and the snippets can
// work on one piece at a time: memory and time then grow with the piece, not the text.
#pragma once

#include <cstddef>
#include <string_view>

namespace ngosearch::detail {

/// Where the first piece of `text` of at most `max_bytes` ends: after the last line break in
/// its second half, else the last sentence end ('.' and a space), else the last space, else
/// the last character boundary. The whole text when it is not longer than `max_bytes`.
std::size_t piece_end(std::string_view text, std::size_t max_bytes);

}  // namespace ngosearch::detail
