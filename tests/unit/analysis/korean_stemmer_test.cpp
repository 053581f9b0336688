// SPDX-License-Identifier: GPL-2.0-or-later
#include <doctest/doctest.h>

#include <ngosearch/analysis/korean_lexicon.hpp>
#include <ngosearch/analysis/stemmer.hpp>
#include <ngosearch/error.hpp>

#include "detail/hangul.hpp"

using namespace ngosearch::analysis;

namespace {

// The system lexicon is Debian's hunspell-ko, which the set-up scripts install.
std::shared_ptr<const KoreanLexicon> system_lexicon() {
    auto lex = KoreanLexicon::system_default();
    REQUIRE_MESSAGE(lex->size() > 30000, "hunspell-ko is not installed (apt-get install hunspell-ko)");
    return lex;
}

}  // namespace

TEST_CASE("korean stem: 국가보안법 + particles → 국가보안법") {
    const auto s = make_korean_stemmer(system_lexicon());
    for (const char* w : {"국가보안법을", "국가보안법이", "국가보안법은", "국가보안법의", "국가보안법에",
                          "국가보안법에서", "국가보안법으로", "국가보안법과", "국가보안법상",
                          "국가보안법"}) {
        CAPTURE(w);
        CHECK(s->stem(w) == "국가보안법");
    }
}

TEST_CASE("korean stem: stacked particles") {
    const auto s = make_korean_stemmer(system_lexicon());
    CHECK(s->stem("통일부는") == "통일부");
    CHECK(s->stem("북한에서는") == "북한");
    CHECK(s->stem("위원회로부터") == "위원회");
    CHECK(s->stem("탈북자들의") == "탈북자");
    CHECK(s->stem("탈북민들은") == "탈북민");
}

TEST_CASE("korean stem: verb and adjective endings") {
    const auto s = make_korean_stemmer(system_lexicon());
    CHECK(s->stem("위반했다") == "위반");
    CHECK(s->stem("강제송환되었다") == "강제송환");
    CHECK(s->stem("폐지해야") == "폐지");
    CHECK(s->stem("보호하였다") == "보호");
}

TEST_CASE("korean stem: no over-stripping of names and words that end like a particle") {
    const auto s = make_korean_stemmer(system_lexicon());
    for (const char* w : {"김정은", "문재인", "반기문", "정의화", "회의", "결과", "도로", "북한"}) {
        CAPTURE(w);
        CHECK(s->stem(w) == w);
    }
    CHECK(s->stem("문재인은") == "문재인");
    CHECK(s->stem("김정은이") == "김정은");
}

TEST_CASE("korean stem: one syllable only when the lexicon says so") {
    CHECK(make_korean_stemmer(system_lexicon())->stem("법을") == "법");
    const auto rules_only = make_korean_stemmer();
    CHECK(rules_only->stem("법을") == "법을");
    CHECK(rules_only->stem("결과") == "결과");
    CHECK(rules_only->stem("통일부는") == "통일부");
    CHECK(rules_only->name() == "ko_rules");
}

TEST_CASE("korean stem: compounds the lexicon can split lose their particles too") {
    const auto s = make_korean_stemmer(system_lexicon());
    CHECK(s->stem("인권침해에") == "인권침해");
    CHECK(s->stem("인권이사회의") == "인권이사회");
    CHECK(s->stem("정치범수용소에서") == "정치범수용소");
    CHECK(s->stem("국가인권위원회는") == "국가인권위원회");
    CHECK(s->stem("법무부장관은") == "법무부장관");
}

TEST_CASE("korean stem: North Korean spelling meets South Korean (initial-sound rule)") {
    const auto s = make_korean_stemmer(system_lexicon());
    CHECK(s->stem("로동") == s->stem("노동"));
    CHECK(s->stem("로동당은") == "노동당");
    CHECK(s->stem("력사") == "역사");
    CHECK(s->stem("랍치") == "납치");
    CHECK(s->stem("녀성들의") == "여성");
    CHECK(s->stem("리설주") == "이설주");
    CHECK(ngosearch::detail::initial_sound_rule("라디오") == "나디오");  // both sides alike
    CHECK(ngosearch::detail::initial_sound_rule("국가") == "국가");
}

TEST_CASE("korean lexicon: hunspell entries are NFC, a word list can stand in") {
    const auto lex = system_lexicon();
    CHECK(lex->contains("국가보안법"));
    CHECK(lex->contains("통일부"));
    CHECK_FALSE(lex->contains("보안법"));
    CHECK(lex->name().starts_with("hunspell-ko/"));
    // Conjoining jamo (as hunspell-ko stores words) are composed on the way in.
    const auto own = KoreanLexicon::from_words({"\xE1\x84\x92\xE1\x85\xA1\xE1\x86\xAB", "abc"}, "t");
    CHECK(own->contains("한"));
    CHECK(own->size() == 1);
    CHECK_THROWS_AS(KoreanLexicon::load_hunspell("/nonexistent/ko.dic"), ngosearch::InputError);
}

TEST_CASE("korean compound split: fewest lexicon words, one-syllable suffix last") {
    const auto lex = KoreanLexicon::from_words(
        {"국가", "보안", "인권", "위원회", "침해", "통일부", "장관", "정치범", "수용소"}, "t");
    const auto s = make_korean_stemmer(lex);
    const auto split = [&](std::string_view w) {
        return dynamic_cast<const Stemmer&>(*s).stem(w);
    };
    CHECK(split("국가보안법을") == "국가보안법");  // splits as 국가|보안|법, so the particle goes
    CHECK(split("통일부장관은") == "통일부장관");
}

TEST_CASE("script stemmer: Hangul to Korean rules, Latin to Snowball, others unchanged") {
    const auto s = make_standard_stemmer();
    CHECK(s->stem("prosecutions") == "prosecut");
    CHECK(s->stem("통일부는") == "통일부");
    CHECK(s->stem("2024") == "2024");
    CHECK(s->stem("法") == "法");
    CHECK(s->stem("제7조를") == "제7조");
    CHECK(s->name() == "ko_rules+snowball_english");
}

TEST_CASE("snowball stemmer: unknown language is a clear error") {
    CHECK_THROWS_WITH_AS(make_snowball_stemmer("klingon"),
                         doctest::Contains("unknown Snowball stemmer language 'klingon'"),
                         ngosearch::InvalidArgument);
}
