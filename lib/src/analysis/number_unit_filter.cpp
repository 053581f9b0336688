// SPDX-License-Identifier: GPL-2.0-or-later
#include <ngosearch/analysis/token_filter.hpp>

#include "analysis/token_runs.hpp"
#include "detail/hangul.hpp"

namespace ngosearch::analysis {

namespace {

bool is_number(const Token& t) { return t.kind == TokenKind::Number; }
bool is_hangul(const Token& t) {
    return t.kind == TokenKind::Word && t.script == text::Script::Hangul;
}

// Numbers written together with Korean units and counters, which the word breaker splits:
// 제7조를 → one identifier 제7조를 (stem 제7조) with the extra terms 7조를 (stem 7조) and 7;
// 2024년 → 2024년 and 2024; 25전쟁 → 25전쟁, 25 and 전쟁.
class NumberUnitFilter final : public TokenFilter {
public:
    void apply(std::string_view /*source*/, TokenBuffer& tokens) const override {
        const auto piece = [](const Token& t) { return is_number(t) || is_hangul(t); };
        const auto extends = [&](const Token& a, const Token& b) {
            return piece(b) && b.begin == a.end;
        };
        const auto merge = [&](std::size_t first, std::size_t last, std::uint32_t position,
                               TokenBuffer& out) {
            bool numbers = false, hangul = false;
            for (std::size_t k = first; k <= last; ++k) {
                numbers |= is_number(tokens[k]);
                hangul |= is_hangul(tokens[k]);
            }
            if (!numbers || !hangul) return false;
            Token merged = detail::joined_token(tokens, first, last, position);
            merged.kind = TokenKind::Identifier;
            out.push_back(std::move(merged));
            // Without the ordinal prefix: 제7조 is also found as 7조.
            if (tokens[first].text == "제" && last > first + 1) {
                detail::push_part(detail::joined_token(tokens, first + 1, last, position), position,
                                  out);
            }
            for (std::size_t k = first; k <= last; ++k) {
                if (is_number(tokens[k]) || detail::code_points(tokens[k].text) >= 2) {
                    detail::push_part(tokens[k], position, out);
                }
            }
            return true;
        };
        detail::merge_runs(tokens, piece, extends, merge);
    }
    std::string_view name() const noexcept override { return "number_unit"; }
};

}  // namespace

std::unique_ptr<TokenFilter> make_number_unit_filter() {
    return std::make_unique<NumberUnitFilter>();
}

}  // namespace ngosearch::analysis
