// SPDX-License-Identifier: GPL-2.0-or-later
#include <algorithm>

#include <ngosearch/analysis/token_filter.hpp>
#include <ngosearch/text/normalize.hpp>

namespace ngosearch::analysis {

namespace {

// Normalising per token (like Lucene's ICUNormalizer2Filter) rather than before tokenizing keeps
// every offset a plain slice of the caller's bytes, with no offset map to maintain.
class NormalizeFilter final : public TokenFilter {
public:
    void apply(std::string_view /*source*/, TokenBuffer& tokens) const override {
        for (Token& t : tokens) {
            t.text = text::normalize(t.text);
            t.script = text::final_script(t.text);
        }
        std::erase_if(tokens, [](const Token& t) { return t.text.empty(); });
    }
    std::string_view name() const noexcept override { return "nfkc_cf"; }
};

}  // namespace

std::unique_ptr<TokenFilter> make_normalize_filter() { return std::make_unique<NormalizeFilter>(); }

}  // namespace ngosearch::analysis
