// SPDX-License-Identifier: GPL-2.0-or-later
#include <ngosearch/analysis/token_filter.hpp>

#include "analysis/token_runs.hpp"

namespace ngosearch::analysis {

namespace {

bool is_hyphen(std::string_view gap) {
    return gap == "-" || gap == "\xE2\x80\x90" || gap == "\xE2\x80\x91";  // U+2010, U+2011
}

bool joinable(const Token& t) {
    return t.kind == TokenKind::Word && t.script == text::Script::Latin;
}

// "co-sponsored" → one word "cosponsored" (so co-sponsor, cosponsor and co-sponsored meet, and
// "Jae-in" is one name), with "co" and "sponsored" kept as extra terms at its position.
class HyphenJoinFilter final : public TokenFilter {
public:
    void apply(std::string_view source, TokenBuffer& tokens) const override {
        const auto extends = [&](const Token& a, const Token& b) {
            return joinable(b) && is_hyphen(detail::gap_between(source, a, b));
        };
        const auto merge = [&](std::size_t first, std::size_t last, std::uint32_t position,
                               TokenBuffer& out) {
            out.push_back(detail::joined_token(tokens, first, last, position));
            for (std::size_t k = first; k <= last; ++k) detail::push_part(tokens[k], position, out);
            return true;
        };
        detail::merge_runs(tokens, joinable, extends, merge);
    }
    std::string_view name() const noexcept override { return "hyphen_join"; }
};

}  // namespace

std::unique_ptr<TokenFilter> make_hyphen_join_filter() {
    return std::make_unique<HyphenJoinFilter>();
}

}  // namespace ngosearch::analysis
