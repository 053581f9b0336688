// SPDX-License-Identifier: GPL-2.0-or-later
#include <algorithm>

#include <ngosearch/analysis/token_filter.hpp>

#include "analysis/korean_stemmer.hpp"
#include "analysis/token_runs.hpp"
#include "detail/hangul.hpp"

namespace ngosearch::analysis {

namespace {

// Lucene Nori's "mixed" decompounding: a Korean compound keeps its own term and gains its parts
// at the same position, so 보안법 finds 국가보안법 and "국가보안법 위반" still matches as a phrase.
// Parts: every run of consecutive words of the split but the whole, of two or more syllables
// (국가|인권|위원회 → 국가, 인권, 위원회, 국가인권, 인권위원회; 국가|보안|법 → 국가, 보안, 국가보안,
// 보안법).
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
            const std::vector<std::string> split = stemmer_.decompound(stem);
            if (split.size() < 2) continue;
            // Every run of consecutive pieces but the whole: 대북|전단|금지|법 gives 대북전단,
            // 전단금지법, 금지법, … (one-syllable pieces only inside longer runs).
            std::vector<std::string> parts;
            for (std::size_t first = 0; first < split.size(); ++first) {
                std::string run;
                for (std::size_t last = first; last < split.size(); ++last) {
                    run += split[last];
                    if (first == 0 && last + 1 == split.size()) break;
                    if (detail::code_points(run) >= 2) parts.push_back(run);
                }
            }
            std::sort(parts.begin(), parts.end());
            parts.erase(std::unique(parts.begin(), parts.end()), parts.end());
            for (auto& p : parts) {
                Token part = t;
                part.text = std::move(p);
                detail::push_part(std::move(part), t.position, out);
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
