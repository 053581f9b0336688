// SPDX-License-Identifier: GPL-2.0-or-later
// Shared helpers for filters that merge runs of adjacent tokens into one.
#pragma once

#include <string_view>

#include <ngosearch/analysis/token.hpp>

namespace ngosearch::detail {

using analysis::Token;
using analysis::TokenBuffer;

/// The bytes of `source` between two tokens (empty when they touch or overlap).
inline std::string_view gap_between(std::string_view source, const Token& a, const Token& b) {
    if (b.begin <= a.end || b.begin > source.size()) return {};
    return source.substr(a.end, b.begin - a.end);
}

/// True when `gap` is only spaces and tabs (not a line break: a new line may start a new thought).
inline bool is_blank(std::string_view gap) {
    if (gap.empty()) return false;
    for (const char c : gap) {
        if (c != ' ' && c != '\t') return false;
    }
    return true;
}

/// Appends the tokens of `in` from index `i` on whose position equals in[i].position (a primary
/// token and the extra terms at its position), their positions moved down by `down` or up by
/// `up`; returns the index after them.
inline std::size_t copy_position(const TokenBuffer& in, std::size_t i, std::uint32_t down,
                                 TokenBuffer& out, std::uint32_t up = 0) {
    const std::uint32_t pos = in[i].position;
    for (; i < in.size() && in[i].position == pos; ++i) {
        out.push_back(in[i]);
        out.back().position = out.back().position - down + up;
    }
    return i;
}
/// tokens[first..last] as one token: texts concatenated, offsets spanning them all, at
/// `position`, with the last token's script.
inline Token joined_token(const TokenBuffer& tokens, std::size_t first, std::size_t last,
                          std::uint32_t position) {
    Token t = tokens[first];
    for (std::size_t k = first + 1; k <= last; ++k) t.text += tokens[k].text;
    t.end = tokens[last].end;
    t.script = tokens[last].script;
    t.position = position;
    return t;
}

/// Appends `part` to `out` as an extra term at `position`.
inline void push_part(Token part, std::uint32_t position, TokenBuffer& out) {
    part.kind = analysis::TokenKind::CompoundPart;
    part.position = position;
    out.push_back(std::move(part));
}

/// Rewrites `tokens` run by run. A run starts at a token with `starts(t)` and goes on while
/// `extends(previous, next)`; for a run of two or more tokens, `merge(first, last, position, out)`
/// may append replacement tokens for tokens[first..last] at `position` and return true, and the
/// run then takes one position (later positions shift down). Other tokens are copied as they are.
template <typename Starts, typename Extends, typename Merge>
void merge_runs(TokenBuffer& tokens, Starts starts, Extends extends, Merge merge) {
    TokenBuffer out;
    out.reserve(tokens.size() + tokens.size() / 4);
    std::uint32_t shift = 0;
    for (std::size_t i = 0; i < tokens.size();) {
        std::size_t j = i;
        if (starts(tokens[i])) {
            while (j + 1 < tokens.size() && extends(tokens[j], tokens[j + 1])) ++j;
        }
        if (j > i && merge(i, j, tokens[i].position - shift, out)) {
            shift += static_cast<std::uint32_t>(j - i);
            i = j + 1;
        } else {
            i = copy_position(tokens, i, shift, out);
        }
    }
    tokens.swap(out);
}

}  // namespace ngosearch::detail
