// SPDX-License-Identifier: GPL-2.0-or-later
#include <algorithm>

#include <ngosearch/analysis/token_filter.hpp>

#include "analysis/korean_stemmer.hpp"
#include "detail/hangul.hpp"

namespace ngosearch::analysis {

namespace {

// Lucene Nori's "mixed" decompounding: a Korean compound keeps its own term and gains its parts
// at the same position, so 보안법 finds 국가보안법 and "국가보안법 위반" still matches as a phrase.
// Parts: each lexicon word of the split with two or more syllables, and each tail of the split
// (국가|인권|위원회 → 인권위원회; 국가|보안|법 → 보안법).
class KoreanCompoundFilter final : public TokenFilter {
public:
    explicit KoreanCompoundFilter(std::shared_ptr<const KoreanLexicon> lexicon)
        : stemmer_(std::move(lexicon)) {}

    void apply(std::string_view /*source*/, TokenBuffer& tokens) const override {
        TokenBuffer out;
        out.reserve(tokens.size() + tokens.size() / 2);
        for (const Token& t : tokens) {
            out.push_back(t);
            if (t.kind != TokenKind::Word || t.script != text::Script::Hangul) continue;
            const std::string stem = stemmer_.stem(t.text);
            const std::vector<std::string> split = stemmer_.split_compound(stem);
            if (split.size() < 2) continue;
            std::vector<std::string> parts;
            for (const auto& p : split) {
                if (detail::code_points(p) >= 2) parts.push_back(p);
            }
            for (std::size_t i = split.size() - 1; i >= 1; --i) {
                std::string tail;
                for (std::size_t j = i; j < split.size(); ++j) tail += split[j];
                if (detail::code_points(tail) >= 2 && i + 1 < split.size()) parts.push_back(tail);
            }
            std::sort(parts.begin(), parts.end());
            parts.erase(std::unique(parts.begin(), parts.end()), parts.end());
            for (auto& p : parts) {
                Token part = t;
                part.text = std::move(p);
                part.kind = TokenKind::CompoundPart;
                out.push_back(std::move(part));
            }
        }
        tokens.swap(out);
    }

    std::string_view name() const noexcept override { return "ko_compound"; }

private:
    KoreanStemmer stemmer_;
};

}  // namespace

std::unique_ptr<TokenFilter> make_korean_compound_filter(
    std::shared_ptr<const KoreanLexicon> lexicon) {
    return std::make_unique<KoreanCompoundFilter>(std::move(lexicon));
}

}  // namespace ngosearch::analysis
