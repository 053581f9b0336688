// SPDX-License-Identifier: GPL-2.0-or-later
// The Korean and joining filters, through the standard analyzer (with the system lexicon).
#include <doctest/doctest.h>

#include <algorithm>

#include "support/analysis_check.hpp"

using namespace ngosearch::analysis;
using ngosearch::test::check_analyzes_to;

namespace {

// Terms at the position of the first token (the word and its extra terms), sorted.
std::vector<std::string> at_first_position(std::string_view text) {
    std::vector<std::string> out;
    const TokenBuffer toks = Analyzer::standard()->analyze(text);
    for (const auto& t : toks) {
        if (t.position == 0) out.push_back(t.text);
    }
    std::sort(out.begin(), out.end());
    return out;
}

bool has_term(std::string_view text, std::string_view term) {
    const TokenBuffer toks = Analyzer::standard()->analyze(text);
    return std::any_of(toks.begin(), toks.end(), [&](const Token& t) { return t.text == term; });
}

using Terms = std::vector<std::string>;

}  // namespace

TEST_CASE("compounds: the whole plus its parts, at the compound's position") {
    CHECK(at_first_position("대북전단금지법으로") ==
          Terms{"금지법", "대북", "대북전단", "대북전단금지법으로", "전단", "전단금지법"});
    CHECK(at_first_position("국가인권위원회는") ==
          Terms{"국가", "국가인권", "국가인권위원회는", "위원회", "인권", "인권위원회"});
    CHECK(at_first_position("인권침해에") == Terms{"인권", "인권침해에", "침해"});
    CHECK(at_first_position("통일부장관은") == Terms{"장관", "통일부", "통일부장관은"});
    CHECK(at_first_position("정치범수용소에서") == Terms{"수용소", "정치범", "정치범수용소에서"});
    CHECK(at_first_position("북한인권법") == Terms{"북한", "북한인권", "북한인권법", "인권", "인권법"});
    CHECK(at_first_position("강제송환되었다") == Terms{"강제", "강제송환되었다", "송환"});
    // Names and short words are not split.
    CHECK(at_first_position("김정은") == Terms{"김정은"});
    CHECK(at_first_position("통일부는") == Terms{"통일부는"});
}

TEST_CASE("spacing: a known noun and the next word also give the word written solid") {
    check_analyzes_to(*Analyzer::standard(), "국가 보안법을",
                      {{"국가", 0, 6, 0}, {"국가보안법을", 0, 19, 0}, {"보안법을", 7, 19, 1}});
    CHECK(has_term("인권 침해가 계속된다", "인권침해가"));
    CHECK_FALSE(has_term("인권\n침해가", "인권침해가"));  // not across a line break
}

TEST_CASE("spacing: runs of spaced nouns give every joined form") {
    const TokenBuffer toks = Analyzer::standard()->analyze("북한 인권 재단을 설립");
    std::vector<std::string> joined;
    for (const auto& t : toks) {
        if (t.kind == TokenKind::Joined) joined.push_back(t.text);
    }
    std::sort(joined.begin(), joined.end());
    CHECK(joined == Terms{"북한인권", "북한인권재단을", "인권재단을"});
    CHECK(Analyzer::standard()->stem("북한인권재단을") == "북한인권재단");
}

TEST_CASE("compound stems follow the initial-sound rule word by word") {
    CHECK(Analyzer::standard()->stem("이주로동자들은") == "이주노동자");
    CHECK(Analyzer::standard()->stem("이주노동자") == "이주노동자");
}

TEST_CASE("spacing: syllable-spaced titles also give the joined word") {
    const TokenBuffer toks = Analyzer::standard()->analyze("세 계 인 권 선 언 70주년");
    REQUIRE(toks.size() >= 7);
    CHECK(toks[1].text == "세계인권선언");
    CHECK(toks[1].kind == TokenKind::Joined);
    CHECK(toks[1].begin == 0);
    CHECK(toks[1].end == 23);
    CHECK(std::count_if(toks.begin(), toks.end(),
                        [](const Token& t) { return t.text == "세계인권선언"; }) == 1);
}

TEST_CASE("spacing: a particle written apart is dropped and the position gap closed") {
    check_analyzes_to(*Analyzer::standard(), "지난 주 에 발표",
                      {{"지난", 0, 6, 0}, {"주", 7, 10, 1}, {"발표", 15, 21, 2}});
}

TEST_CASE("mixed script: a particle glued to a Latin word is dropped") {
    check_analyzes_to(*Analyzer::standard(), "UNHRC의 결의",
                      {{"unhrc", 0, 5, 0}, {"결의", 9, 15, 1}});
    check_analyzes_to(*Analyzer::standard(), "NGO들은 UN이",
                      {{"ngo", 0, 3, 0}, {"un", 10, 12, 1}});
}

TEST_CASE("numbers with Korean units: 제7조를 is found as 제7조 and 7조") {
    check_analyzes_to(*Analyzer::standard(), "제7조를 위반",
                      {{"제7조를", 0, 10, 0},
                       {"7조를", 3, 10, 0},
                       {"7", 3, 4, 0},
                       {"조를", 4, 10, 0},
                       {"위반", 11, 17, 1}});
    CHECK(Analyzer::standard()->stem("제7조를") == "제7조");
    CHECK(Analyzer::standard()->stem("7조를") == "7조");
    CHECK(at_first_position("제92조의6") ==
          Terms{"6", "92", "92조의6", "제92조의6", "조의"});
    CHECK(at_first_position("2024년") == Terms{"2024", "2024년"});
}

TEST_CASE("separators: middle dots and one-dot leaders split words") {
    for (const char* text : {"찬양ㆍ고무ㆍ선전", "찬양·고무·선전", "찬양\xE2\x80\xA4고무\xE2\x80\xA4선전"}) {
        CAPTURE(text);
        const TokenBuffer toks = Analyzer::standard()->analyze(text);
        std::vector<std::string> words;
        for (const auto& t : toks) {
            if (!is_extra(t.kind)) words.push_back(t.text);
        }
        CHECK(words == Terms{"찬양", "고무", "선전"});
    }
}

TEST_CASE("english: hyphenated words join, keeping the pieces") {
    check_analyzes_to(*Analyzer::standard(), "co-sponsored by Jae-in",
                      {{"cosponsored", 0, 12, 0},
                       {"co", 0, 2, 0},
                       {"sponsored", 3, 12, 0},
                       {"by", 13, 15, 1},
                       {"jaein", 16, 22, 2},
                       {"jae", 16, 19, 2},
                       {"in", 20, 22, 2}});
    CHECK(Analyzer::standard()->stem("cosponsored") == Analyzer::standard()->stem("cosponsor"));
    // Numbers keep their own form: 92-6 stays two numbers (a phrase finds it).
    CHECK(at_first_position("92-6") == Terms{"92"});
}
