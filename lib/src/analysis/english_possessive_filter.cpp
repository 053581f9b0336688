// SPDX-License-Identifier: GPL-2.0-or-later
#include <algorithm>

#include <ngosearch/analysis/token_filter.hpp>

namespace ngosearch::analysis {

namespace {

constexpr std::string_view kApostropheS = "'s";
constexpr std::string_view kRightQuoteS = "\xE2\x80\x99s";  // U+2019 RIGHT SINGLE QUOTATION MARK

// "u.n" / "u.s.a": single letters joined by dots (ICU keeps them as one word).
bool is_dotted_abbreviation(std::string_view s) {
    if (s.size() < 3 || s.find('.') == std::string_view::npos) return false;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const bool letter_slot = (i % 2 == 0);
        const char c = s[i];
        if (letter_slot ? !(c >= 'a' && c <= 'z') : c != '.') return false;
    }
    return true;
}

// "www.ohchr.org" → "www" "ohchr" "org" at consecutive positions, as QueryParser reads it.
void split_dotted(TokenBuffer& tokens) {
    const auto dotted = [](const Token& t) {
        return t.kind == TokenKind::Word && t.script == text::Script::Latin &&
               t.text.find('.') != std::string::npos;
    };
    if (std::none_of(tokens.begin(), tokens.end(), dotted)) return;
    TokenBuffer out;
    out.reserve(tokens.size() + 4);
    std::uint32_t shift = 0;
    for (const Token& t : tokens) {
        if (!dotted(t)) {
            out.push_back(t);
            out.back().position += shift;
            continue;
        }
        // Offsets of the pieces are exact when normalisation kept the length, else the word's.
        const bool exact = t.end - t.begin == t.text.size();
        std::uint32_t k = 0;
        for (std::size_t from = 0; from <= t.text.size();) {
            std::size_t dot = t.text.find('.', from);
            if (dot == std::string::npos) dot = t.text.size();
            if (dot > from) {
                Token piece = t;
                piece.text = t.text.substr(from, dot - from);
                if (exact) {
                    piece.begin = t.begin + static_cast<std::uint32_t>(from);
                    piece.end = t.begin + static_cast<std::uint32_t>(dot);
                }
                piece.position = t.position + shift + k++;
                out.push_back(std::move(piece));
            }
            from = dot + 1;
        }
        if (k > 0) shift += k - 1;
    }
    tokens.swap(out);
}

class EnglishPossessiveFilter final : public TokenFilter {
public:
    void apply(std::string_view /*source*/, TokenBuffer& tokens) const override {
        for (Token& t : tokens) {
            if (t.script != text::Script::Latin) continue;
            std::string& s = t.text;
            if (s.size() > kApostropheS.size() && s.ends_with(kApostropheS)) {
                s.resize(s.size() - kApostropheS.size());
            } else if (s.size() > kRightQuoteS.size() && s.ends_with(kRightQuoteS)) {
                s.resize(s.size() - kRightQuoteS.size());
            }
            if (is_dotted_abbreviation(s)) std::erase(s, '.');
        }
        split_dotted(tokens);
    }
    std::string_view name() const noexcept override { return "en_possessive"; }
};

}  // namespace

std::unique_ptr<TokenFilter> make_english_possessive_filter() {
    return std::make_unique<EnglishPossessiveFilter>();
}

}  // namespace ngosearch::analysis
