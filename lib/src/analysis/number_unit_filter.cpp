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
    void apply(std::string_view source, TokenBuffer& tokens) const override {
        TokenBuffer out;
        out.reserve(tokens.size());
        std::uint32_t shift = 0;
        for (std::size_t i = 0; i < tokens.size();) {
            std::size_t j = i;
            bool numbers = is_number(tokens[i]), hangul = is_hangul(tokens[i]);
            if (numbers || hangul) {
                while (j + 1 < tokens.size() && (is_number(tokens[j + 1]) || is_hangul(tokens[j + 1])) &&
                       tokens[j + 1].begin == tokens[j].end) {
                    ++j;
                    numbers |= is_number(tokens[j]);
                    hangul |= is_hangul(tokens[j]);
                }
            }
            if (j == i || !numbers || !hangul) {
                i = detail::copy_position(tokens, i, shift, out);
                continue;
            }
            Token merged = tokens[i];
            merged.kind = TokenKind::Identifier;
            merged.position -= shift;
            merged.end = tokens[j].end;
            merged.script = tokens[j].script;
            for (std::size_t k = i + 1; k <= j; ++k) merged.text += tokens[k].text;
            out.push_back(merged);
            const auto add_part = [&](Token part) {
                part.kind = TokenKind::CompoundPart;
                part.position = merged.position;
                out.push_back(std::move(part));
            };
            // Without the ordinal prefix: 제7조 is also found as 7조.
            if (tokens[i].text == "제" && j > i + 1) {
                Token rest = tokens[i + 1];
                rest.end = tokens[j].end;
                rest.script = tokens[j].script;
                for (std::size_t k = i + 2; k <= j; ++k) rest.text += tokens[k].text;
                add_part(std::move(rest));
            }
            for (std::size_t k = i; k <= j; ++k) {
                if (is_number(tokens[k]) || detail::code_points(tokens[k].text) >= 2) {
                    add_part(tokens[k]);
                }
            }
            shift += static_cast<std::uint32_t>(j - i);
            i = j + 1;
        }
        (void)source;
        tokens.swap(out);
    }
    std::string_view name() const noexcept override { return "number_unit"; }
};

}  // namespace

std::unique_ptr<TokenFilter> make_number_unit_filter() {
    return std::make_unique<NumberUnitFilter>();
}

}  // namespace ngosearch::analysis
