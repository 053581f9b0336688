// SPDX-License-Identifier: GPL-2.0-or-later
#include <doctest/doctest.h>

#include <ngosearch/error.hpp>

#include "support/analysis_check.hpp"

using namespace ngosearch;
using namespace ngosearch::analysis;
using ngosearch::test::check_analyzes_to;
using ngosearch::test::terms_of;

TEST_CASE("analyzer: Korean eojeol keep their surface form with byte offsets") {
    const auto an = Analyzer::standard();
    // Compound parts share the compound's offsets and position (Nori's "mixed" mode).
    check_analyzes_to(*an, "국가보안법을 위반",
                      {{"국가보안법을", 0, 18, 0},
                       {"국가", 0, 18, 0},
                       {"국가보안", 0, 18, 0},
                       {"보안", 0, 18, 0},
                       {"보안법", 0, 18, 0},
                       {"위반", 19, 25, 1}});
    CHECK(an->stem("국가보안법을") == "국가보안법");
}

TEST_CASE("analyzer: English is case folded, possessives dropped, stems via the stemmer") {
    const auto an = Analyzer::standard();
    check_analyzes_to(*an, "Korea's Prosecutions", {{"korea", 0, 7, 0}, {"prosecutions", 8, 20, 1}});
    CHECK(an->stem("prosecutions") == an->stem("prosecute"));
}

TEST_CASE("analyzer: mixed script and numbers") {
    const auto an = Analyzer::standard();
    check_analyzes_to(*an, "UN인권이사회의 2024년",
                      {{"un", 0, 2, 0},
                       {"인권이사회의", 2, 20, 1},
                       {"이사회", 2, 20, 1},
                       {"인권", 2, 20, 1},
                       {"2024년", 21, 28, 2},
                       {"2024", 21, 25, 2}});
    CHECK(an->stem("인권이사회의") == "인권이사회");
    CHECK(terms_of(*an, "A/HRC/25/63") == std::vector<std::string>{"a", "hrc", "25", "63"});
}

TEST_CASE("analyzer: fullwidth and decomposed input behave like their normal forms") {
    const auto an = Analyzer::standard();
    CHECK(terms_of(*an, "ＵＮ　２０２４") == terms_of(*an, "UN 2024"));
    CHECK(terms_of(*an, "\xE1\x84\x92\xE1\x85\xA1\xE1\x86\xAB") == std::vector<std::string>{"한"});
}

TEST_CASE("analyzer: appending a second field continues positions") {
    const auto an = Analyzer::standard();
    TokenBuffer buf;
    an->analyze("title words", buf);
    an->analyze("body", buf);
    REQUIRE(buf.size() == 3);
    CHECK(buf[2].position == 2);
    CHECK(buf[2].begin == 0);  // offsets are per call's input
}

TEST_CASE("analyzer: fingerprint names every stage and the version") {
    const auto an = Analyzer::standard();
    const std::string& fp = an->fingerprint();
    CHECK(fp.starts_with("icu_words+nfkc_cf+latin_fold+en_possessive+hyphen_join+number_unit"
                         "+ko_aux_split+ko_spacing+ko_compound|ko_lex(hunspell-ko/"));
    CHECK(fp.ends_with(")+snowball_english/4"));
    CHECK(an->normalize_term("Prosecut") == "prosecut");
}

TEST_CASE("analyzer: a null stage is refused") {
    CHECK_THROWS_AS(Analyzer(nullptr, {}, make_standard_stemmer(), 1), InvalidArgument);
    CHECK_THROWS_AS(Analyzer(make_unicode_word_tokenizer(), {}, nullptr, 1), InvalidArgument);
}
