// SPDX-License-Identifier: GPL-2.0-or-later
#include <doctest/doctest.h>

#include <ngosearch/analysis/stemmer.hpp>
#include <ngosearch/error.hpp>

using namespace ngosearch::analysis;

TEST_CASE("korean stem: 국가보안법 + particles → 국가보안법") {
    const auto s = make_korean_stemmer();
    for (const char* w : {"국가보안법을", "국가보안법이", "국가보안법은", "국가보안법의", "국가보안법에",
                          "국가보안법에서", "국가보안법으로", "국가보안법과", "국가보안법"}) {
        CAPTURE(w);
        CHECK(s->stem(w) == "국가보안법");
    }
}

TEST_CASE("korean stem: stacked particles") {
    const auto s = make_korean_stemmer();
    CHECK(s->stem("통일부는") == "통일부");
    CHECK(s->stem("북한에서는") == "북한");
    CHECK(s->stem("위원회로부터") == "위원회");
    CHECK(s->stem("탈북자들의") == "탈북자");
}

TEST_CASE("korean stem: common verb endings") {
    const auto s = make_korean_stemmer();
    CHECK(s->stem("위반했다") == "위반");
    CHECK(s->stem("강제송환되었다") == "강제송환");
    CHECK(s->stem("폐지해야") == "폐지");
}

TEST_CASE("korean stem: a stem keeps two syllables") {
    const auto s = make_korean_stemmer();
    CHECK(s->stem("결과") == "결과");
    CHECK(s->stem("회의") == "회의");
    CHECK(s->stem("도로") == "도로");
    CHECK(s->stem("법을") == "법을");
}

TEST_CASE("script stemmer: Hangul to Korean rules, Latin to Snowball, others unchanged") {
    const auto s = make_standard_stemmer();
    CHECK(s->stem("prosecutions") == "prosecut");
    CHECK(s->stem("통일부는") == "통일부");
    CHECK(s->stem("2024") == "2024");
    CHECK(s->stem("法") == "法");
    CHECK(s->name() == "ko_rules+snowball_english");
}

TEST_CASE("snowball stemmer: unknown language is a clear error") {
    CHECK_THROWS_WITH_AS(make_snowball_stemmer("klingon"),
                         doctest::Contains("unknown Snowball stemmer language 'klingon'"),
                         ngosearch::InvalidArgument);
}
