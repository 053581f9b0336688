// SPDX-License-Identifier: GPL-2.0-or-later
#include <doctest/doctest.h>

#include <ngosearch/text/normalize.hpp>

using ngosearch::text::normalize;

TEST_CASE("normalize: case folding and compatibility forms") {
    CHECK(normalize("Korea") == "korea");
    CHECK(normalize("ＵＮ") == "un");            // fullwidth Latin
    CHECK(normalize("２０２４") == "2024");       // fullwidth digits
    CHECK(normalize("Straße") == "strasse");     // full case folding
    CHECK(normalize("ﬁnal") == "final");         // ligature
}

TEST_CASE("normalize: decomposed Hangul composes to the precomposed syllables") {
    // 한 as conjoining jamo U+1112 U+1161 U+11AB
    CHECK(normalize("\xE1\x84\x92\xE1\x85\xA1\xE1\x86\xAB") == "한");
    CHECK(normalize("국가보안법") == "국가보안법");
}

TEST_CASE("normalize: invalid UTF-8 is repaired, never thrown on") {
    const std::string out = normalize("A\xFF" "B");
    CHECK(out == "a\xEF\xBF\xBD" "b");
}
