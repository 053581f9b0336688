// SPDX-License-Identifier: GPL-2.0-or-later
#include <doctest/doctest.h>

#include <ngosearch/text/language.hpp>
#include <ngosearch/text/script.hpp>

using namespace ngosearch::text;

TEST_CASE("script: code points and words") {
    CHECK(script_of(U'국') == Script::Hangul);
    CHECK(script_of(U'a') == Script::Latin);
    CHECK(script_of(U'法') == Script::Han);
    CHECK(script_of(U'7') == Script::Digit);
    CHECK(script_of(U'.') == Script::Other);
    CHECK(final_script("un인권") == Script::Hangul);
    CHECK(final_script("2024") == Script::Digit);
    CHECK(final_script("co-sponsor") == Script::Latin);
    CHECK(final_script("...") == Script::Other);
    CHECK(final_script("인권2024.") == Script::Hangul);  // the last letter, not the last character
    CHECK(final_script("국가\xFF") == Script::Hangul);   // an invalid byte is no letter
    CHECK(final_script("a\xF0\x9F\x98\x80") == Script::Latin);  // an emoji after a letter
    CHECK(final_script("") == Script::Other);
    CHECK(parse_script(to_string(Script::Hangul)) == Script::Hangul);
    CHECK_FALSE(parse_script("klingon").has_value());
}

TEST_CASE("language: English, Korean, mixed and too short") {
    CHECK(guess_language("The Ministry of Unification should protect escapees.") == "en");
    CHECK(guess_language("통일부는 북한이탈주민의 인권을 보호해야 한다. UN 보고서에 따르면") == "ko");
    CHECK(guess_language("The Ministry of Unification (통일부) and the National Security Law "
                         "(국가보안법) were discussed; 국가인권위원회 also responded.") == "mixed");
    CHECK(guess_language("ok") == "");
    CHECK(guess_language("") == "");
}
