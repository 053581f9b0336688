// SPDX-License-Identifier: GPL-2.0-or-later
#include <ngosearch/analysis/token_filter.hpp>
#include <ngosearch/text/normalize.hpp>

namespace ngosearch::analysis {

namespace {

// Folds accents off Latin words, as Lucene's ASCIIFoldingFilter does for the common case:
// "Salmón" and "Salmon", "Tomás" and "Tomas" meet. Only Latin tokens: decomposing Hangul would
// turn syllables into jamo.
class LatinAccentFilter final : public TokenFilter {
public:
    void apply(std::string_view /*source*/, TokenBuffer& tokens) const override {
        for (Token& t : tokens) {
            if (t.script != text::Script::Latin) continue;
            std::string folded = text::fold_accents(t.text);
            if (!folded.empty()) t.text = std::move(folded);
        }
    }

    std::string_view name() const noexcept override { return "latin_fold"; }
};

}  // namespace

std::unique_ptr<TokenFilter> make_latin_accent_filter() {
    return std::make_unique<LatinAccentFilter>();
}

}  // namespace ngosearch::analysis
