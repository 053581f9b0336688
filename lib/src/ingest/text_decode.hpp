// SPDX-License-Identifier: GPL-2.0-or-later
// Bytes of a text file to UTF-8: a byte order mark (UTF-8, UTF-16 LE/BE) decides; valid UTF-8
// is taken as it is; otherwise ICU's charset detection and converters read legacy Korean
// (EUC-KR, and CP949, its superset) and other encodings it is confident of; what is none of
// these keeps its valid UTF-8 and has the rest replaced by U+FFFD, with a warning.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace ngosearch::ingest::detail {

struct DecodedText {
    std::string text;                   ///< UTF-8, without a byte order mark
    std::string encoding;               ///< "UTF-8", "UTF-16LE", "EUC-KR", …
    std::size_t invalid_bytes = 0;      ///< bytes replaced by U+FFFD
    std::size_t first_invalid = 0;      ///< byte offset of the first one
    std::vector<std::string> warnings;  ///< what a user should know (encoding guessed, bytes replaced)
};

/// @throws InputError for binary content (NUL bytes in text that is not UTF-16).
DecodedText decode_text(std::string_view bytes, std::string_view path_for_errors);

}  // namespace ngosearch::ingest::detail
