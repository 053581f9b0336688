// SPDX-License-Identifier: GPL-2.0-or-later
// A token: one term of analysed text, with where it came from.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <ngosearch/text/script.hpp>

namespace ngosearch::analysis {

enum class TokenKind {
    Word,          ///< letters (possibly with digits): "prosecutions", "국가보안법을"
    Number,        ///< digits, possibly with separators ICU keeps inside numbers: "2016", "3.5"
    Identifier,    ///< a code joined by separators: "a/hrc/25/63", "92-6"
    CompoundPart,  ///< an extra term for part of a compound; shares the compound's position
    Joined,        ///< an extra term joining words written apart (국가 보안법 → 국가보안법);
                   ///< indexed without a position (it spans several)
};

std::string_view to_string(TokenKind k) noexcept;

/// Extra terms (compound parts, joined forms) accompany the word written at their position.
constexpr bool is_extra(TokenKind k) noexcept {
    return k == TokenKind::CompoundPart || k == TokenKind::Joined;
}
std::optional<TokenKind> parse_token_kind(std::string_view name) noexcept;

/// One term with its origin. Offsets are BYTE offsets into the ORIGINAL input, [begin, end);
/// filters rewrite `text` but never the offsets.
struct Token {
    std::string text;             ///< normalised term, UTF-8
    std::uint32_t begin = 0;      ///< byte offset of the first byte in the original input
    std::uint32_t end = 0;        ///< byte offset one past the last byte in the original input
    std::uint32_t position = 0;   ///< phrase position; extra terms share their word's position
    text::Script script = text::Script::Other;  ///< script of the term's last letter
    TokenKind kind = TokenKind::Word;

    friend bool operator==(const Token&, const Token&) = default;
};

/// Tokens of one field, in position order. Reuse one per thread: clear() keeps its capacity.
using TokenBuffer = std::vector<Token>;

}  // namespace ngosearch::analysis
