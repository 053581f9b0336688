// SPDX-License-Identifier: GPL-2.0-or-later
#include <array>

#include <ngosearch/analysis/token_filter.hpp>

#include "analysis/korean_stemmer.hpp"
#include "analysis/token_runs.hpp"
#include "detail/hangul.hpp"

namespace ngosearch::analysis {

namespace {

// Particles that real text sometimes separates from their word with a stray space
// (지난 주 에). 이 and 가 are left out: alone they are also words (this, a surname).
constexpr std::array<std::string_view, 16> kLooseParticles{
    "을", "를", "은", "는", "에", "에서", "의", "와", "과", "로", "으로", "에게", "도", "만",
    "에는", "에서는"};

// Particles glued to a Latin word (UNHRC의, NGO들은, UN이): the word breaker splits them off, and
// alone they are noise terms. Here 이 and 가 are surely particles.
constexpr std::array<std::string_view, 12> kGluedParticles{
    "이", "가", "들", "들은", "들이", "들의", "들을", "에서의", "으로서", "로서", "이라는", "라는"};

constexpr std::size_t kMinSyllableRun = 3;
// Compounds written apart rarely have more than four words (반동 사상 문화 배격법).
constexpr std::size_t kMaxSpacedWords = 4;

bool is_hangul_word(const Token& t) {
    return t.kind == TokenKind::Word && t.script == text::Script::Hangul;
}

bool is_loose_particle(const Token& t) {
    if (!is_hangul_word(t)) return false;
    for (const std::string_view p : kLooseParticles) {
        if (t.text == p) return true;
    }
    return false;
}

bool is_glued_particle(const Token& t) {
    if (is_loose_particle(t)) return true;
    if (!is_hangul_word(t)) return false;
    for (const std::string_view p : kGluedParticles) {
        if (t.text == p) return true;
    }
    return false;
}

Token joined_part(const Token& first, const Token& last, std::string text) {
    Token t = first;
    t.text = std::move(text);
    t.end = last.end;
    t.kind = TokenKind::Joined;
    return t;
}

// What spacing changes in Korean, made findable both ways:
// - a particle written apart (지난 주 에) or glued to a Latin word (UNHRC의) is dropped,
//   closing the position gap;
// - a title spaced syllable by syllable (세 계 인 권 선 언) also gets the joined word 세계인권선언;
// - known nouns followed by another word (국가 보안법을, 북한 인권 재단은) also get the joined
//   forms (국가보안법을 with stem 국가보안법; 북한인권, 북한인권재단은, 인권재단은), so the
//   compound written solid finds them.
// Joined forms are extra terms (TokenKind::Joined) listed at the first word's position.
class KoreanSpacingFilter final : public TokenFilter {
public:
    explicit KoreanSpacingFilter(std::shared_ptr<const KoreanLexicon> lexicon)
        : stemmer_(std::move(lexicon)) {}

    void apply(std::string_view source, TokenBuffer& tokens) const override {
        drop_loose_particles(source, tokens);
        // Primary tokens (one per position), by index into `tokens`.
        std::vector<std::size_t> primary;
        for (std::size_t i = 0; i < tokens.size(); ++i) {
            if (!is_extra(tokens[i].kind)) primary.push_back(i);
        }
        // extra[k]: joined forms for the position of primary[k].
        std::vector<std::vector<Token>> extra(primary.size());
        for (std::size_t k = 0; k < primary.size();) {
            k = add_syllable_run(source, tokens, primary, k, extra);
        }
        for (std::size_t k = 0; k + 1 < primary.size(); ++k) add_spaced_compounds(source, tokens, primary, k, extra);
        TokenBuffer out;
        out.reserve(tokens.size() + primary.size() / 4);
        for (std::size_t k = 0; k < primary.size(); ++k) {
            const std::size_t end = (k + 1 < primary.size()) ? primary[k + 1] : tokens.size();
            out.insert(out.end(), tokens.begin() + static_cast<std::ptrdiff_t>(primary[k]),
                       tokens.begin() + static_cast<std::ptrdiff_t>(end));
            for (Token& t : extra[k]) out.push_back(std::move(t));
        }
        tokens.swap(out);
    }

    std::string_view name() const noexcept override { return "ko_spacing"; }

private:
    static void drop_loose_particles(std::string_view source, TokenBuffer& tokens) {
        TokenBuffer out;
        out.reserve(tokens.size());
        std::uint32_t shift = 0;
        const Token* previous = nullptr;  // the previous primary token kept
        for (std::size_t i = 0; i < tokens.size();) {
            const Token& t = tokens[i];
            const bool loose = previous && is_loose_particle(t) && is_hangul_word(*previous) &&
                               detail::is_blank(detail::gap_between(source, *previous, t));
            const bool glued = previous && previous->script == text::Script::Latin &&
                               previous->end == t.begin && is_glued_particle(t);
            if (loose || glued) {
                while (i < tokens.size() && tokens[i].position == t.position) ++i;
                ++shift;
                continue;
            }
            if (!is_extra(t.kind)) previous = &t;
            i = detail::copy_position(tokens, i, shift, out);
        }
        tokens.swap(out);
    }

    // A maximal run of one-syllable Hangul words with blanks between, starting at primary[k];
    // returns the index after it.
    static std::size_t add_syllable_run(std::string_view source, const TokenBuffer& tokens,
                                        const std::vector<std::size_t>& primary, std::size_t k,
                                        std::vector<std::vector<Token>>& extra) {
        const auto syllable = [&](std::size_t j) {
            const Token& t = tokens[primary[j]];
            return is_hangul_word(t) && detail::code_points(t.text) == 1;
        };
        if (!syllable(k)) return k + 1;
        std::size_t last = k;
        std::string joined = tokens[primary[k]].text;
        while (last + 1 < primary.size() && syllable(last + 1) &&
               detail::is_blank(
                   detail::gap_between(source, tokens[primary[last]], tokens[primary[last + 1]]))) {
            ++last;
            joined += tokens[primary[last]].text;
        }
        if (last - k + 1 >= kMinSyllableRun) {
            extra[k].push_back(
                joined_part(tokens[primary[k]], tokens[primary[last]], std::move(joined)));
        }
        return last + 1;
    }

    // A bare known noun (no particle: the lexicon knows the word as written) that can start or
    // continue a compound written apart.
    bool bare_noun(const Token& t) const {
        const std::size_t syllables = detail::code_points(t.text);
        return is_hangul_word(t) && syllables >= 2 && syllables <= 4 && stemmer_.known(t.text);
    }

    // Joined forms of the words written apart from primary[k] on: while the words so far are
    // bare known nouns, each next word (which may carry a particle) closes one joined form:
    // 북한 인권 재단을 → 북한인권, 북한인권재단을 (and from 인권 on: 인권재단을).
    void add_spaced_compounds(std::string_view source, const TokenBuffer& tokens,
                              const std::vector<std::size_t>& primary, std::size_t k,
                              std::vector<std::vector<Token>>& extra) const {
        const Token& first = tokens[primary[k]];
        if (!bare_noun(first)) return;
        std::string joined = first.text;
        for (std::size_t j = k + 1; j < primary.size() && j <= k + kMaxSpacedWords - 1; ++j) {
            const Token& prev = tokens[primary[j - 1]];
            const Token& next = tokens[primary[j]];
            if (!is_hangul_word(next) || detail::code_points(next.text) < 2 ||
                !detail::is_blank(detail::gap_between(source, prev, next))) {
                return;
            }
            joined += next.text;
            extra[k].push_back(joined_part(first, next, joined));
            if (!bare_noun(next)) return;
        }
    }

    KoreanStemmer stemmer_;
};

}  // namespace

std::unique_ptr<TokenFilter> make_korean_spacing_filter(std::shared_ptr<const KoreanLexicon> lexicon) {
    return std::make_unique<KoreanSpacingFilter>(std::move(lexicon));
}

}  // namespace ngosearch::analysis
