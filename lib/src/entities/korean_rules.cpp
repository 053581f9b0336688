// SPDX-License-Identifier: GPL-2.0-or-later
#include <algorithm>
#include <array>
#include <optional>
#include <unordered_set>

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
// (비법, a secret recipe, is left out: 국방경비법 and 방위비법 are laws.)
constexpr std::array<std::string_view, 7> kMethodEndings{"방법", "수법", "기법", "용법",
                                                         "요법", "문법", "화법"};

bool law_name(const std::string& key, std::size_t syllables) {
    // 외국인보호규칙, 국가보안법시행령: regulations and decrees are laws too.
    if (syllables >= 5 && (key.ends_with("규칙") || key.ends_with("시행령"))) return true;
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

// Words for people that end like a body (납북귀환어부, 광부): no body.
bool person_noun(std::string_view key) {
    for (const std::string_view end : {"어부", "농부", "광부", "인부", "과부", "신부", "잠수부"}) {
        if (key.ends_with(end)) return true;
    }
    return false;
}

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
    // As written (리경철, 로동당), not the key the initial-sound rule respelt (이경철).
    const bool whole = span.second - span.first == key.size();
    m.entity.name = whole ? m.entity.surface : std::string(key);
    m.entity.id = id_from_name(m.entity.name);
    m.first = word;
    m.last = word + 1;
    return m;
}

// A rule's mention of the words first … last, written as the text has them (spaces kept in
// the surface, left out of the id), up to the key of the last word.
Mention words_mention(const TextView& text, EntityType type, std::size_t first, std::size_t last) {
    Mention m;
    m.entity.type = type;
    m.entity.source = Source::Rule;
    const auto end = text.span_of(*text.words[last].token, text.words[last].key).second;
    set_span(text, text.words[first].token->begin, end, m.entity);
    m.entity.name = m.entity.surface;
    m.entity.id = id_from_name(m.entity.surface);
    m.first = first;
    m.last = last + 1;
    return m;
}

// A name of a person: two to four syllables starting with a surname, that the lexicon does not
// know as a common word (정부, 한국 are no names; famous names are in the gazetteer anyway).
bool person_name(const std::string& key) {
    const std::size_t n = code_points(key);
    if (n < 2 || n > 4 || !all_hangul_syllables(key)) return false;
    if (!surname(::ngosearch::detail::syllable_at(key, 0))) return false;
    // A two-syllable surname alone (남궁 씨) is a later reference, not a name.
    if (key.size() == 6 && korean_compound_surname(key)) return false;
    // Adverbs and verb forms end so (이렇게, 지나면, 어떻고); names hardly ever do.
    for (const std::string_view end : {"게", "고", "면", "며", "데", "다", "요"}) {
        if (key.ends_with(end)) return false;
    }
    return !analysis::KoreanLexicon::system_default()->contains(key);
}

// The body the gazetteer knows that word i ends with, two syllables or more after a one- or
// two-syllable prefix: 보위부 in 도보위부.
std::optional<Mention> known_body_at_end(const NameIndex& names, const TextView& text,
                                         std::size_t i) {
    const std::string& key = text.words[i].key;
    const std::string_view written = text.written(*text.words[i].token);
    for (std::size_t skip = 1; skip <= 2 && code_points(key) >= skip + 3; ++skip) {
        const std::string rest = key.substr(skip * 3);
        for (const GazetteerEntry* found : names.named({rest})) {
            const GazetteerEntry* e = &names.gazetteer().current(*found);
            if (e->type != EntityType::Ministry || !written.starts_with(key.substr(0, skip * 3))) {
                continue;
            }
            Mention m;
            m.entity.type = EntityType::Ministry;
            m.entity.source = Source::Gazetteer;
            m.entity.id = e->id;
            m.entity.name = e->name();
            const std::uint32_t begin = text.words[i].token->begin + static_cast<std::uint32_t>(skip * 3);
            set_span(text, begin, begin + static_cast<std::uint32_t>(rest.size()), m.entity);
            m.first = i;
            m.last = i + 1;
            return m;
        }
    }
    return std::nullopt;
}

// "… 에 관한 법률": the noun phrase before 에 관한, back to a word with another particle.
void law_about(const TextView& text, std::size_t i, std::vector<Mention>& out) {
    if (i < 2 || text.words[i - 1].key != "관한") return;
    const std::string_view about = text.written(*text.words[i - 2].token);
    if (!about.ends_with("에")) return;
    std::size_t first = i - 2;
    constexpr std::size_t kMaxWords = 10;
    // The gap after word w inside a name: spaces, or a middle dot (제주4·3사건).
    const auto joined_to_next = [&](std::size_t w) {
        if (text.spaced(w + 1)) return true;
        const std::uint32_t from = text.words[w].token->end, to = text.words[w + 1].token->begin;
        const std::string_view gap = text.source.substr(from, to > from ? to - from : 0);
        return gap == "\xC2\xB7" || gap == "\xE3\x86\x8D";
    };
    // Back over the words of the name: bare nouns (numbers too: 제주4·3사건), nouns with 의
    // (수용자의), and 및 (형의 집행 및 수용자의 처우에 관한 법률); a word with another particle
    // (대통령실은) ends the name before it, as does punctuation.
    const auto in_name = [&](std::size_t w) {
        const analysis::Token& t = *text.words[w].token;
        if (t.script != text::Script::Hangul && t.kind != analysis::TokenKind::Number &&
            t.kind != analysis::TokenKind::Identifier) {
            return false;
        }
        if (!joined_to_next(w)) return false;
        const std::string_view written = text.written(t);
        if (written == "및") return true;
        const std::string& key = text.words[w].key;
        if (written == key) {
            return !(written.ends_with("은") || written.ends_with("는") ||
                     written.ends_with("을") || written.ends_with("를"));
        }
        return written.size() == key.size() + 3 && written.ends_with("의");
    };
    while (first > 0 && i - first < kMaxWords && in_name(first - 1)) --first;
    while (first < i - 2 && text.written(*text.words[first].token) == "및") ++first;
    out.push_back(words_mention(text, EntityType::Law, first, i));
}

// Words for a person's role or office.
constexpr std::array<std::string_view, 23> kRoleWords{
    "열사", "위원", "상임위원", "연구원", "활동가", "전문가", "변호사", "검사", "판사", "수석", "비서관",
    "사령관", "조사관", "외교관", "경찰관", "교도관", "국장", "팀장", "간사", "회장", "사장",
    "녀사", "상무위원"};

}  // namespace

bool korean_compound_surname(std::string_view name) {
    if (name.size() < 6) return false;
    const std::string_view two = name.substr(0, 6);
    for (const std::string_view s : {"남궁", "황보", "제갈", "선우", "독고", "사공", "서문"}) {
        if (two == s) return true;
    }
    return false;
}

bool korean_role_word(std::string_view key) {
    // Asked for nearly every Korean word: one hash look-up, not a pass over both lists.
    static const std::unordered_set<std::string_view> kTitlesAndRoles = [] {
        std::unordered_set<std::string_view> set(kPersonTitles.begin(), kPersonTitles.end());
        set.insert(kRoleWords.begin(), kRoleWords.end());
        return set;
    }();
    if (kTitlesAndRoles.contains(key)) return true;
    const std::size_t n = code_points(key);
    // 사무국장, 정책위원장, 출입국정책단장, 사무총장; 외무상, 국방상 (DPRK ministers).
    if (n >= 3) {
        for (const std::string_view end : {"국장", "위원장", "단장", "총장", "실장", "소장", "변호사",
                                           "본부장", "위원", "대표", "연구원", "담당관", "외무상",
                                           "국방상", "교수", "기자", "활동가"}) {
            if (key.ends_with(end)) return true;
        }
    }
    return false;
}

namespace {

// The particles a name or a title may be written with (the longer first): what the rules strip
// from a word as written, or will not take for the last syllable of a name.
constexpr std::array<std::string_view, 16> kParticles{"께서", "에게", "을", "를", "은", "는",
                                                      "이",   "가",   "의", "도", "과", "와",
                                                      "에",   "로",   "만", "님"};

// A role word at word w, by its key or as written less a particle (외무상은: the stemmer's key
// is 외무).
bool role_at(const TextView& text, std::size_t w) {
    if (korean_role_word(text.words[w].key)) return true;
    std::string_view written = text.written(*text.words[w].token);
    for (const std::string_view particle : kParticles) {
        if (written.size() > particle.size() + 3 && written.ends_with(particle)) {
            written.remove_suffix(particle.size());
            break;
        }
    }
    return ::ngosearch::detail::all_hangul_syllables(written) && korean_role_word(written);
}

// Prisons, camps and detention centres: 교도소, 구치소, 교화소 (DPRK), 관리소 (DPRK political
// prison camps, when numbered: elsewhere a 관리소 manages flats), 형무소 (the old name),
// 보호소 (immigration detention).
bool detention_facility(std::string_view key) {
    for (const std::string_view end : {"보호소", "구치소", "교도소", "교화소", "관리소", "형무소"}) {
        if (key.ends_with(end)) return true;
    }
    return false;
}

// True when word w is written as its key: no particle, no ending.
bool bare(const TextView& text, std::size_t w) {
    return text.written(*text.words[w].token) == text.words[w].key;
}

// True when word i starts where its written word starts: 주었고 in 읽어주었고 is no name.
bool starts_written_word(const TextView& text, std::size_t i) {
    const std::uint32_t at = text.words[i].token->begin;
    if (at == 0) return true;
    const auto before = static_cast<unsigned char>(text.source[at - 1]);
    if (before < 0x80) return !((before >= 'A' && before <= 'Z') || (before >= 'a' && before <= 'z') ||
                                (before >= '0' && before <= '9'));
    return at < 3 || !::ngosearch::detail::syllable_at(text.source.substr(at - 3, 3), 0);
}

// A team or office of an organisation ("담당: 정책팀 김지현"), not a name.
bool unit_name(const std::string& key) {
    for (const std::string_view end : {"팀", "과", "실", "국", "부", "처", "청", "회", "단"}) {
        if (key.ends_with(end)) return true;
    }
    return false;
}

// Labels after which a report names its author or contact: "책임 연구: 윤서진", "담당: 김지현".
bool label_before(const TextView& text, std::size_t i) {
    if (i == 0) return false;
    const std::string_view gap = text.source.substr(
        text.words[i - 1].token->end, text.words[i].token->begin - text.words[i - 1].token->end);
    if (gap.find(':') == std::string_view::npos) return false;
    const std::string& k = text.words[i - 1].key;
    for (const std::string_view label : {"연구", "면담", "담당", "문의", "작성", "정리", "취재",
                                         "번역", "사진", "글", "발표", "통역", "연락"}) {
        if (k == label) return true;
    }
    return false;
}

// What word i may name: its key, and the word as written when that has three syllables and the
// stemmer took the last one for a particle (문경란 → 문경).
std::vector<std::string> name_candidates(const TextView& text, std::size_t i) {
    std::vector<std::string> out{text.words[i].key};
    const std::string_view written = text.written(*text.words[i].token);
    if (code_points(written) == 3 && all_hangul_syllables(written) &&
        code_points(out.front()) == 2 && written.starts_with(out.front()) &&
        !in(kParticles, written.substr(out.front().size()))) {
        out.emplace_back(written);
    }
    return out;
}

// A name-shaped word (see person_name) is a person when a title or role stands next to it
// (김영호 장관, 장관 김영호, 김영호 통일부 장관, 여인형 전 사령관), a label before it, or an
// alias or age in brackets after it (한옥순(가명, 40대 여성)).
bool person_here(const TextView& text, std::size_t i, const std::string& key) {
    if (!person_name(key) || !starts_written_word(text, i)) return false;
    const std::size_t n = text.words.size();
    const bool three = code_points(key) == 3;
    const auto title_at = [&](std::size_t w) {
        return w < n && (in(kPersonTitles, text.words[w].key) ||
                         (three && role_at(text, w)));
    };
    const auto between_at = [&](std::size_t w) {  // a body, or "전"/"현" (former, current)
        if (w >= n) return false;
        const std::string& k = text.words[w].key;
        return k == "전" || k == "현" || k == "두" || k == "세" || k == "네" ||
               k.ends_with("부") || k.ends_with("처") || k.ends_with("청") || k.ends_with("원") ||
               k.ends_with("위원회") || k.ends_with("당");
    };
    // A title before the name stands bare (대통령 김영호, not 대통령도 추념식); "name, 전,
    // title" needs a full name (하라. 전 장관 has none).
    if (title_at(i + 1) || (three && between_at(i + 1) && title_at(i + 2))) return true;
    if (three && i > 0 && title_at(i - 1) && bare(text, i - 1) && text.spaced(i)) return true;
    // "담당: 김지현", "담당: 정책팀 김지현".
    if (three && !unit_name(key) &&
        (label_before(text, i) ||
         (i > 1 && unit_name(text.words[i - 1].key) && label_before(text, i - 1)))) {
        return true;
    }
    const std::uint32_t end = text.span_of(*text.words[i].token, key).second;
    const std::string_view after = text.source.substr(end, 16);
    const bool age = after.size() > 1 && after[0] == '(' && after[1] >= '0' && after[1] <= '9';
    return after.starts_with("(가명") || age;
}

// Names in a list with a person found: 유남영, 문경란 두 상임위원; 공동대표 정하늘, 오세진.
void add_listed_people(const TextView& text, std::vector<Mention>& out) {
    const std::size_t n = text.words.size();
    std::vector<bool> person(n, false);
    for (const Mention& m : out) {
        if (m.entity.type != EntityType::Person) continue;
        for (std::size_t w = m.first; w < m.last && w < n; ++w) person[w] = true;
    }
    const auto comma_between = [&](std::size_t a, std::size_t b) {
        const std::uint32_t from = text.words[a].token->end, to = text.words[b].token->begin;
        const std::string_view gap = text.source.substr(from, to > from ? to - from : 0);
        return gap.find(',') != std::string_view::npos && gap.size() <= 3;
    };
    const auto try_word = [&](std::size_t i) {
        if (person[i] || code_points(text.words[i].key) != 3 ||
            !person_name(text.words[i].key) || !starts_written_word(text, i)) {
            return false;
        }
        const bool listed = (i > 0 && person[i - 1] && comma_between(i - 1, i)) ||
                            (i + 1 < n && person[i + 1] && comma_between(i, i + 1));
        if (!listed) return false;
        out.push_back(mention(text, EntityType::Person, i, text.words[i].key));
        person[i] = true;
        return true;
    };
    // A list grows from a person found both ways: one pass forward, one back, until nothing is
    // added.
    for (bool grew = true; grew;) {
        grew = false;
        for (std::size_t i = 0; i < n; ++i) grew = try_word(i) || grew;
        for (std::size_t i = n; i-- > 0;) grew = try_word(i) || grew;
    }
}

}  // namespace

void match_korean_rules(const NameIndex& names, const TextView& text,
                        std::vector<Mention>& out) {
    for (std::size_t i = 0; i < text.words.size(); ++i) {
        if (!hangul_word(text, i)) continue;
        const std::string& key = text.words[i].key;
        const std::size_t syllables = code_points(key);
        // … 에 관한 법률, … 에 관한 특별법, … 에 관한 특례법.
        if ((key == "법률" || key == "특별법" || key == "특례법") && i >= 2 &&
            text.words[i - 1].key == "관한") {
            law_about(text, i, out);
            continue;
        }
        // 이태원 참사 특별법, 세월호 특별법: the nouns before a special or framework act.
        if ((key == "특별법" || key == "기본법") && i > 0) {
            std::size_t first = i;
            while (first > 0 && i - first < 3 && hangul_word(text, first - 1) &&
                   text.spaced(first) &&
                   text.written(*text.words[first - 1].token) == text.words[first - 1].key &&
                   code_points(text.words[first - 1].key) >= 2) {
                --first;
            }
            if (first < i) {
                out.push_back(words_mention(text, EntityType::Law, first, i));
                continue;
            }
        }
        // 국가보안법, 북한인권법, 반동사상문화배격법 — not 학습방법.
        if (law_name(key, syllables)) {
            out.push_back(mention(text, EntityType::Law, i, key));
            continue;
        }
        // 차별금지법안: a bill names the law it would make.
        if (syllables >= 5 && key.ends_with("법안")) {
            const std::string law = key.substr(0, key.size() - 3);
            const auto known = names.named({law});
            Mention m = mention(text, EntityType::Law, i, law);
            const auto is_law = [](const GazetteerEntry* e) { return e->type == EntityType::Law; };
            if (const auto it = std::find_if(known.begin(), known.end(), is_law); it != known.end()) {
                const GazetteerEntry& now = names.gazetteer().current(**it);
                m.entity.id = now.id;
                m.entity.name = now.name();
                m.entity.source = Source::Gazetteer;
            }
            out.push_back(std::move(m));
            continue;
        }
        // 통일부, 법제처, 검찰청 — not 정부, 요청; commissions and courts are organisations.
        // …처 takes four syllables (국가보훈처; 법제처 is in the gazetteer, 연락처 is no body).
        if (((syllables >= 3 && (key.ends_with("부") || key.ends_with("청"))) ||
             (syllables >= 4 && key.ends_with("처"))) &&
            !in(kNotBodies, key) && !person_noun(key)) {
            // 도보위부, 시보위부: a province's branch of a body the gazetteer knows.
            if (const auto body = known_body_at_end(names, text, i)) {
                out.push_back(*body);
                continue;
            }
            out.push_back(mention(text, EntityType::Ministry, i, key));
            continue;
        }
        // 화성외국인보호소, 서울구치소, 전거리교화소, 전주형무소: state detention facilities (as
        // 하나원 is); 16호 관리소 with its number.
        if (detention_facility(key) && syllables >= 4 &&
            (!key.ends_with("관리소") || key.ends_with("호관리소") || key.ends_with("정치범관리소"))) {
            out.push_back(mention(text, EntityType::Ministry, i, key));
            continue;
        }
        if (detention_facility(key) && syllables == 3 && i > 0 && text.spaced(i) &&
            text.words[i - 1].token->kind == analysis::TokenKind::Identifier &&
            text.written(*text.words[i - 1].token).ends_with("호")) {
            out.push_back(words_mention(text, EntityType::Ministry, i - 1, i));
            continue;
        }
        if ((syllables >= 4 && key.ends_with("위원회")) ||
            (syllables >= 3 && (key.ends_with("법원") || key.ends_with("재판소")))) {
            out.push_back(mention(text, EntityType::Org, i, key));
            continue;
        }
        // 킨타나 특별보고관, 커비 위원장: the last word of a foreign name the gazetteer knows.
        if (i + 1 < text.words.size() && role_at(text, i + 1)) {
            if (const GazetteerEntry* p = names.person_by_last_word(key)) {
                Mention m = mention(text, EntityType::Person, i, key);
                m.entity.id = p->id;
                m.entity.name = p->name();
                out.push_back(std::move(m));
                continue;
            }
        }
        for (const std::string& name : name_candidates(text, i)) {
            if (person_here(text, i, name)) {
                out.push_back(mention(text, EntityType::Person, i, name));
                break;
            }
        }
    }
    add_listed_people(text, out);
}

}  // namespace ngosearch::entities::detail
