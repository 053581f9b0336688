// SPDX-License-Identifier: GPL-2.0-or-later
#include <doctest/doctest.h>

#include <ngosearch/text/utf8.hpp>

using namespace ngosearch::text;

TEST_CASE("utf8: valid text is recognised, ill-formed sequences are not") {
    CHECK(is_valid_utf8(""));
    CHECK(is_valid_utf8("plain ascii"));
    CHECK(is_valid_utf8("국가보안법 第1項"));
    CHECK_FALSE(is_valid_utf8("\xFF"));
    CHECK_FALSE(is_valid_utf8("\xC0\xAF"));          // overlong '/'
    CHECK_FALSE(is_valid_utf8("\xED\xA0\x80"));      // surrogate
    CHECK_FALSE(is_valid_utf8("\xF4\x90\x80\x80"));  // past U+10FFFF
    CHECK_FALSE(is_valid_utf8("\xEA\xB5"));          // truncated 국
}

TEST_CASE("utf8: repair replaces each maximal ill-formed part with U+FFFD and reports it") {
    const Utf8Repair r = repair_utf8("ab\xFF" "cd\xEA\xB5");
    CHECK(r.text == "ab\xEF\xBF\xBD" "cd\xEF\xBF\xBD");
    CHECK(r.invalid_bytes == 3);
    CHECK(r.first_invalid == 2);
    CHECK(is_valid_utf8(r.text));

    const Utf8Repair clean = repair_utf8("통일부");
    CHECK(clean.text == "통일부");
    CHECK(clean.invalid_bytes == 0);
}

TEST_CASE("utf8: prefix length never cuts a sequence") {
    const std::string s = "가나다";  // 3 bytes each
    CHECK(utf8_prefix_length(s, 100) == 9);
    CHECK(utf8_prefix_length(s, 3) == 3);
    CHECK(utf8_prefix_length(s, 4) == 3);
    CHECK(utf8_prefix_length(s, 5) == 3);
    CHECK(utf8_prefix_length(s, 2) == 0);
}

TEST_CASE("utf8: escaping keeps well-formed text and writes other bytes as \\xNN") {
    CHECK(escape_invalid_utf8("plain 국가") == "plain 국가");
    CHECK(escape_invalid_utf8("x\xFF.txt") == "x\\xFF.txt");
    CHECK(escape_invalid_utf8("x\xFE.txt") == "x\\xFE.txt");
    CHECK(escape_invalid_utf8("\xED\xA0\x80") == "\\xED\\xA0\\x80");  // a surrogate
    CHECK(escape_invalid_utf8("") == "");
}
