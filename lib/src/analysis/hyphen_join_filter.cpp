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
        TokenBuffer out;
        out.reserve(tokens.size());
        std::uint32_t shift = 0;
        for (std::size_t i = 0; i < tokens.size();) {
            std::size_t j = i;
            if (joinable(tokens[i])) {
                while (j + 1 < tokens.size() && joinable(tokens[j + 1]) &&
                       is_hyphen(detail::gap_between(source, tokens[j], tokens[j + 1]))) {
                    ++j;
                }
            }
            if (j == i) {
                i = detail::copy_position(tokens, i, shift, out);
                continue;
            }
            Token merged = tokens[i];
            merged.position -= shift;
            merged.end = tokens[j].end;
            for (std::size_t k = i + 1; k <= j; ++k) merged.text += tokens[k].text;
            out.push_back(merged);
            for (std::size_t k = i; k <= j; ++k) {
                Token part = tokens[k];
                part.kind = TokenKind::CompoundPart;
                part.position = merged.position;
                out.push_back(std::move(part));
            }
            shift += static_cast<std::uint32_t>(j - i);
            i = j + 1;
        }
        tokens.swap(out);
    }
    std::string_view name() const noexcept override { return "hyphen_join"; }
};

}  // namespace

std::unique_ptr<TokenFilter> make_hyphen_join_filter() {
    return std::make_unique<HyphenJoinFilter>();
}

}  // namespace ngosearch::analysis
