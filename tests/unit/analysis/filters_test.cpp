// SPDX-License-Identifier: GPL-2.0-or-later
#include <doctest/doctest.h>

#include <ngosearch/analysis/token_filter.hpp>

using namespace ngosearch::analysis;

namespace {
Token word(std::string text, ngosearch::text::Script script = ngosearch::text::Script::Latin) {
    Token t;
    t.text = std::move(text);
    t.script = script;
    t.end = static_cast<std::uint32_t>(t.text.size());
    return t;
}
}  // namespace

TEST_CASE("normalize filter: folds case and width, sets the script, keeps offsets") {
    TokenBuffer toks{word("ＵＮ"), word("국가보안법을", ngosearch::text::Script::Other)};
    toks[0].begin = 5;
    toks[0].end = 11;
    make_normalize_filter()->apply("", toks);
    REQUIRE(toks.size() == 2);
    CHECK(toks[0].text == "un");
    CHECK(toks[0].begin == 5);
    CHECK(toks[0].end == 11);
    CHECK(toks[0].script == ngosearch::text::Script::Latin);
    CHECK(toks[1].script == ngosearch::text::Script::Hangul);
}

TEST_CASE("english possessive filter: 's and dotted abbreviations") {
    TokenBuffer toks{word("korea's"), word("ministry\xE2\x80\x99s"), word("u.n"), word("u.s.a"),
                     word("example.com"), word("'s")};
    make_english_possessive_filter()->apply("", toks);
    CHECK(toks[0].text == "korea");
    CHECK(toks[1].text == "ministry");
    CHECK(toks[2].text == "un");
    CHECK(toks[3].text == "usa");
    REQUIRE(toks.size() == 7);
    CHECK(toks[4].text == "example");  // other dotted words split, as QueryParser reads them
    CHECK(toks[5].text == "com");
    CHECK(toks[5].position == toks[4].position + 1);
    CHECK(toks[6].text == "'s");
}

TEST_CASE("english possessive filter: leaves Hangul alone") {
    TokenBuffer toks{word("국가's", ngosearch::text::Script::Hangul)};
    make_english_possessive_filter()->apply("", toks);
    CHECK(toks[0].text == "국가's");
}

TEST_CASE("latin accent filter: accents folded off Latin words only") {
    TokenBuffer toks{word("salmón"), word("tomás"), word("café"), word("국가", ngosearch::text::Script::Hangul)};
    make_latin_accent_filter()->apply("", toks);
    CHECK(toks[0].text == "salmon");
    CHECK(toks[1].text == "tomas");
    CHECK(toks[2].text == "cafe");
    CHECK(toks[3].text == "국가");
}
