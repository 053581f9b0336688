// SPDX-License-Identifier: GPL-2.0-or-later
#include <algorithm>
#include <array>

#include <ngosearch/analysis/korean_lexicon.hpp>

#include "detail/hangul.hpp"
#include "entities/rules.hpp"

namespace ngosearch::entities::detail {

namespace {

using ::ngosearch::detail::all_hangul_syllables;
using ::ngosearch::detail::code_points;

template <std::size_t N>
bool in(const std::array<std::string_view, N>& list, std::string_view s) {
    return std::find(list.begin(), list.end(), s) != list.end();
}

// Words that end in 법 for a method, not a law (학습방법, 치료요법); a law named by rule has
// four syllables or more (shorter ones, 형법, 군형법, 난민법, are in the gazetteer).
constexpr std::array<std::string_view, 8> kMethodEndings{"방법", "수법", "기법", "용법",
                                                         "요법", "문법", "화법", "비법"};

bool law_name(const std::string& key, std::size_t syllables) {
    if (syllables < 4 || !(key.ends_with("법") || key.ends_with("법률"))) return false;
    return std::none_of(kMethodEndings.begin(), kMethodEndings.end(),
                        [&](std::string_view m) { return key.ends_with(m); });
}

// Common words that end like a body (…부, …처, …청) but are none.
constexpr std::array<std::string_view, 40> kNotBodies{
    "정부", "일부", "내부", "외부", "전부", "간부", "지도부", "수뇌부", "집행부", "본부",
    "대부분", "여부", "세부", "북부", "남부", "동부", "서부", "중부", "상부", "하부", "대처",
    "조처", "근처", "출처", "상처", "거처", "요청", "신청", "초청", "경청", "시청", "도청",
    "구청", "군청", "관청", "민원처", "사무처", "정부부처", "중앙부처", "부처"};

// Titles that follow (or precede) a person's name.
constexpr std::array<std::string_view, 34> kPersonTitles{
    "대통령", "장관", "위원장", "의원", "대표", "총리", "특별보고관", "대사", "교수", "변호사",
    "씨", "여사", "국무위원장", "총비서", "원장", "청장", "차관", "대변인", "기자", "활동가",
    "목사", "신부", "판사", "소장", "이사장", "사무총장", "고등판무관", "부위원장", "당수",
    "국회의원", "박사", "선생", "실장", "비서실장"};

// Korean surnames (a name's first syllable), North Korean spellings (리, 로) included.
bool surname(char32_t c) {
    constexpr std::u32string_view s = U"김이박최정강조윤장임한오서신권황안송류유홍전고문양손배백허남심노하곽"
                            U"성차주우구민나진지엄채원천방공현함변염여추도소석선설마길연위표명기반"
                            U"라왕금옥육인맹제모탁국어은편용예경봉사부가복태목형계피두감음빈동온호"
                            U"범좌팽승간상갈리로";
    return s.find(c) != std::u32string_view::npos;
}

bool hangul_word(const TextView& text, std::size_t i) {
    return i < text.words.size() && text.words[i].token->script == text::Script::Hangul &&
           all_hangul_syllables(text.words[i].key);
}

Mention mention(const TextView& text, EntityType type, std::size_t word,
                std::string_view key) {
    Mention m;
    m.entity.type = type;
    m.entity.source = Source::Rule;
    const auto span = text.span_of(*text.words[word].token, key);
    set_span(text, span.first, span.second, m.entity);
    m.entity.name = std::string(key);
    m.entity.id = id_from_name(key);
    m.first = word;
    m.last = word + 1;
    return m;
}

// A name of a person: two to four syllables starting with a surname, that the lexicon does not
// know as a common word (정부, 한국 are no names; famous names are in the gazetteer anyway).
bool person_name(const std::string& key) {
    const std::size_t n = code_points(key);
    if (n < 2 || n > 4 || !all_hangul_syllables(key)) return false;
    if (!surname(::ngosearch::detail::syllable_at(key, 0))) return false;
    return !analysis::KoreanLexicon::system_default()->contains(key);
}

// "… 에 관한 법률": the noun phrase before 에 관한, back to a word with another particle.
void law_about(const TextView& text, std::size_t i, std::vector<Mention>& out) {
    if (i < 2 || text.words[i - 1].key != "관한") return;
    const std::string_view about = text.written(*text.words[i - 2].token);
    if (!about.ends_with("에")) return;
    std::size_t first = i - 2;
    constexpr std::size_t kMaxWords = 6;
    while (first > 0 && i - first < kMaxWords && hangul_word(text, first - 1) &&
           text.written(*text.words[first - 1].token) == text.words[first - 1].key) {
        --first;  // a bare noun (no particle) still belongs to the name
    }
    Mention m;
    m.entity.type = EntityType::Law;
    m.entity.source = Source::Rule;
    const auto end = text.span_of(*text.words[i].token, "법률").second;
    set_span(text, text.words[first].token->begin, end, m.entity);
    m.entity.name = m.entity.surface;
    m.entity.id = id_from_name(m.entity.surface);
    m.first = first;
    m.last = i + 1;
    out.push_back(std::move(m));
}

}  // namespace

void match_korean_rules(const NameIndex& /*names*/, const TextView& text,
                        std::vector<Mention>& out) {
    for (std::size_t i = 0; i < text.words.size(); ++i) {
        if (!hangul_word(text, i)) continue;
        const std::string& key = text.words[i].key;
        const std::size_t syllables = code_points(key);
        if (key == "법률") {
            law_about(text, i, out);
            continue;
        }
        // 국가보안법, 북한인권법, 반동사상문화배격법 — not 학습방법.
        if (law_name(key, syllables)) {
            out.push_back(mention(text, EntityType::Law, i, key));
            continue;
        }
        // 통일부, 법제처, 검찰청 — not 정부, 요청; commissions and courts are organisations.
        if (syllables >= 3 && (key.ends_with("부") || key.ends_with("처") || key.ends_with("청")) &&
            !in(kNotBodies, key)) {
            out.push_back(mention(text, EntityType::Ministry, i, key));
            continue;
        }
        if ((syllables >= 4 && key.ends_with("위원회")) ||
            (syllables >= 3 && (key.ends_with("법원") || key.ends_with("재판소")))) {
            out.push_back(mention(text, EntityType::Org, i, key));
            continue;
        }
        // 김영호 장관, 김영호 통일부 장관, 장관 김영호.
        const auto title_at = [&](std::size_t w) {
            return w < text.words.size() && in(kPersonTitles, text.words[w].key);
        };
        const auto body_at = [&](std::size_t w) {
            if (w >= text.words.size()) return false;
            const std::string& k = text.words[w].key;
            return k.ends_with("부") || k.ends_with("처") || k.ends_with("청") ||
                   k.ends_with("원") || k.ends_with("위원회") || k.ends_with("당");
        };
        const bool title_after = title_at(i + 1) || (body_at(i + 1) && title_at(i + 2));
        const bool title_before = i > 0 && in(kPersonTitles, text.words[i - 1].key) &&
                                  code_points(key) == 3;
        if ((title_after || title_before) && person_name(key)) {
            out.push_back(mention(text, EntityType::Person, i, key));
        }
    }
}

}  // namespace ngosearch::entities::detail
