// SPDX-License-Identifier: GPL-2.0-or-later
#include <ngosearch/analysis/token.hpp>

#include <array>
#include <utility>

namespace ngosearch::analysis {

namespace {
constexpr std::array<std::pair<TokenKind, std::string_view>, 5> kNames{{
    {TokenKind::Word, "word"},
    {TokenKind::Number, "number"},
    {TokenKind::Identifier, "identifier"},
    {TokenKind::CompoundPart, "compound_part"},
    {TokenKind::Joined, "joined"},
}};
}  // namespace

std::string_view to_string(TokenKind k) noexcept {
    for (const auto& [value, name] : kNames) {
        if (value == k) return name;
    }
    return "word";
}

std::optional<TokenKind> parse_token_kind(std::string_view name) noexcept {
    for (const auto& [value, n] : kNames) {
        if (n == name) return value;
    }
    return std::nullopt;
}

}  // namespace ngosearch::analysis
