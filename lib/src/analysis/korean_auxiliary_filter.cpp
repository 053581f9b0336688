// SPDX-License-Identifier: GPL-2.0-or-later
#include <algorithm>
#include <array>

#include <ngosearch/analysis/token_filter.hpp>

#include "analysis/korean_tails.hpp"
#include "analysis/token_runs.hpp"
#include "detail/hangul.hpp"

namespace ngosearch::analysis {

namespace {

// Standard South Korean spacing writes auxiliary verbs and bound nouns apart from the word
// before them (할 수 있다, 할 것이다, 받아들이고 있습니다, 보호해야 한다); North Korean text, and
// careless text anywhere, writes them solid (할수있다, 할것이다, 받아들이고있습니다). Solid words
// are split here into the words standard spacing would give, at consecutive positions, so that
// either spacing finds the other, word by word and as a phrase.
//
// A split needs its context, so that nouns stay whole:
// - a bound noun (수, 것, 때, 뿐) after an adnominal (a syllable with the coda ㄴ or ㄹ: 할, 한,
//   하는, 될), followed by what may follow it: 수 only by 있다 or 없다 (인원수가 stays whole),
//   것 and 뿐 by the copula or a particle or nothing, 때 by a particle or nothing;
// - an auxiliary verb after its connective: 고 + 있다/싶다, 지 + 않다/못하다, 게 + 되다/하다,
//   야 + 하다/되다, an 어 form (해, 되어, 받아) + 있다/주다/보다.

using Tails = KoreanTails;

constexpr int kCodaNieun = 4, kCodaRieul = 8;

bool adnominal(char32_t syllable) {
    const int coda = detail::coda_index(syllable);
    return coda == kCodaNieun || coda == kCodaRieul;
}

// The last syllable of an 어 form (해, 되어, 받아, 시켜, 가져): only these, as many nouns end in
// other open syllables with the same vowels (필사본 is no 필사 + 본).
bool eo_form(char32_t syllable) {
    constexpr std::u32string_view kForms = U"어아여해돼져줘봐워와켜쳐겨써놔내";
    return kForms.find(syllable) != std::u32string_view::npos;
}

std::uint16_t auxiliaries_after(char32_t connective) {
    if (connective == U'고') return Tails::kIss | Tails::kSip;
    if (connective == U'지') return Tails::kAnh | Tails::kMotha;
    if (connective == U'게') return Tails::kDoe | Tails::kHa;
    if (connective == U'야') return Tails::kHa | Tails::kDoe;
    if (eo_form(connective)) return Tails::kIss | Tails::kJu | Tails::kBo;
    return 0;
}

// Particles and the copula after 것, 뿐 and 때 (것이다, 것을, 뿐이다, 때까지).
constexpr std::array<std::string_view, 28> kAfterBoundNoun{
    "", "이다", "이며", "이고", "인", "일", "임", "입니다", "이었다", "이라고", "이라는", "이지만",
    "이었던", "을", "은", "이", "도", "으로", "만", "에", "과", "처럼", "까지", "부터", "마다",
    "에는", "에도", "이나"};

bool after_bound_noun(std::string_view rest) {
    for (const std::string_view s : kAfterBoundNoun) {
        if (rest == s) return true;
    }
    return false;
}

// Particles a bound noun takes before 있다/없다: 할 수도 있다, 할 수밖에 없다, 한 적이 있다.
constexpr std::array<std::string_view, 6> kBeforeExistence{"", "도", "는", "가", "이", "밖에"};

// Where standard spelling puts spaces in a word written solid, the last of them found: the
// split before the final auxiliary verb or bound noun, and (for 수 and 적, which stand between
// a verb and 있다/없다) the split before that verb too. `first` is 0 when there is none.
struct Split {
    std::size_t first = 0;   // in syllables
    std::size_t second = 0;  // a second split after `first`, or 0
};

Split last_split(std::string_view word) {
    const std::size_t n = word.size() / 3;
    const auto syllable = [&](std::size_t i) { return detail::syllable_at(word, i * 3); };
    const Tails& aux = Tails::auxiliary_verbs();
    for (std::size_t k = n - 1; k >= 1; --k) {
        const char32_t before = syllable(k - 1);
        const char32_t here = syllable(k);
        const std::string_view rest = word.substr(k * 3);
        if (adnominal(before) && (here == U'것' || here == U'때' || here == U'뿐') &&
            after_bound_noun(rest.substr(3))) {
            return {k, 0};
        }
        if (adnominal(before) && (here == U'수' || here == U'적') && k + 1 < n) {
            for (const std::string_view particle : kBeforeExistence) {
                const std::string_view after = rest.substr(3);
                if (!after.starts_with(particle) ||
                    !(aux.verbs_of(after.substr(particle.size())) & (Tails::kIss | Tails::kEobs))) {
                    continue;
                }
                return {k, k + 1 + particle.size() / 3};
            }
        }
        std::uint16_t wanted = auxiliaries_after(before);
        // 해야만 한다, 하려고 한다: the connective is two syllables there.
        if (k >= 2 && before == U'만' && syllable(k - 2) == U'야') wanted = Tails::kHa | Tails::kDoe;
        if (k >= 2 && before == U'고' && syllable(k - 2) == U'려') wanted |= Tails::kHa;
        // After an 어 form only a verb form of two syllables or more (해 주었다, not 해 준).
        const bool long_enough = !eo_form(before) || rest.size() >= 6;
        if (wanted && long_enough && (aux.verbs_of(rest) & wanted)) return {k, 0};
    }
    return {};
}

// Byte offsets (ascending, within the word) where the standard spelling puts a space:
// 보호할수있게되었다 → 보호할|수|있게|되었다. Found from the end, each split leaving the word
// before it to be split again.
std::vector<std::size_t> split_points(std::string_view word) {
    std::vector<std::size_t> cuts;
    std::string_view left = word;
    while (left.size() >= 6) {
        const Split s = last_split(left);
        if (s.first == 0) break;
        if (s.second) cuts.push_back(s.second * 3);
        cuts.push_back(s.first * 3);
        left = left.substr(0, s.first * 3);
    }
    std::sort(cuts.begin(), cuts.end());
    return cuts;
}

class KoreanAuxiliaryFilter final : public TokenFilter {
public:
    void apply(std::string_view source, TokenBuffer& tokens) const override {
        TokenBuffer out;
        out.reserve(tokens.size() + tokens.size() / 8);
        std::uint32_t shift = 0;
        for (std::size_t i = 0; i < tokens.size();) {
            const Token& t = tokens[i];
            std::vector<std::size_t> cuts;
            if (t.kind == TokenKind::Word && t.script == text::Script::Hangul &&
                t.text.size() >= 6 && detail::all_hangul_syllables(t.text)) {
                cuts = split_points(t.text);
            }
            if (cuts.empty()) {
                i = detail::copy_position(tokens, i, 0, out, shift);
                continue;
            }
            // Offsets of the pieces are exact when the token is the source as written (not
            // normalised); otherwise every piece spans the whole word.
            const bool exact = t.end - t.begin == t.text.size() &&
                               source.substr(t.begin, t.text.size()) == t.text;
            cuts.push_back(t.text.size());
            std::size_t begin = 0;
            std::uint32_t position = t.position + shift;
            for (const std::size_t end : cuts) {
                Token piece = t;
                piece.text = t.text.substr(begin, end - begin);
                if (exact) {
                    piece.begin = t.begin + static_cast<std::uint32_t>(begin);
                    piece.end = t.begin + static_cast<std::uint32_t>(end);
                }
                piece.position = position++;
                out.push_back(std::move(piece));
                begin = end;
            }
            shift += static_cast<std::uint32_t>(cuts.size() - 1);
            // Extra terms of the split word (none are made before this filter) stay with it.
            for (++i; i < tokens.size() && tokens[i].position == t.position; ++i) {
                out.push_back(tokens[i]);
                out.back().position += shift;
            }
        }
        tokens.swap(out);
    }

    std::string_view name() const noexcept override { return "ko_aux_split"; }
};

}  // namespace

std::unique_ptr<TokenFilter> make_korean_auxiliary_filter() {
    return std::make_unique<KoreanAuxiliaryFilter>();
}

}  // namespace ngosearch::analysis
