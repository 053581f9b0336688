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
    }
    std::string_view name() const noexcept override { return "en_possessive"; }
};

}  // namespace

std::unique_ptr<TokenFilter> make_english_possessive_filter() {
    return std::make_unique<EnglishPossessiveFilter>();
}

}  // namespace ngosearch::analysis
