// SPDX-License-Identifier: GPL-2.0-or-later
#include <doctest/doctest.h>

#include <ngosearch/analysis/tokenizer.hpp>

using namespace ngosearch::analysis;

namespace {
std::vector<std::string> raw_terms(std::string_view text) {
    TokenBuffer out;
    make_unicode_word_tokenizer()->tokenize(text, out);
    std::vector<std::string> terms;
    for (const auto& t : out) terms.push_back(t.text);
    return terms;
}
}  // namespace

TEST_CASE("tokenizer: words, numbers, spaces and punctuation dropped") {
    TokenBuffer out;
    make_unicode_word_tokenizer()->tokenize("Article 7, NSL.", out);
    REQUIRE(out.size() == 3);
    CHECK(out[0].text == "Article");
    CHECK(out[0].kind == TokenKind::Word);
    CHECK(out[1].text == "7");
    CHECK(out[1].kind == TokenKind::Number);
    CHECK(out[1].begin == 8);
    CHECK(out[1].end == 9);
    CHECK(out[2].position == 2);
}

TEST_CASE("tokenizer: script changes split, Korean eojeol stay whole") {
    CHECK(raw_terms("UN인권이사회의") == std::vector<std::string>{"UN", "인권이사회의"});
    CHECK(raw_terms("2024년") == std::vector<std::string>{"2024", "년"});
    CHECK(raw_terms("통일부는 북한에서") == std::vector<std::string>{"통일부는", "북한에서"});
}

TEST_CASE("tokenizer: Korean middle dot separates words") {
    CHECK(raw_terms("찬양ㆍ고무ㆍ선전") == std::vector<std::string>{"찬양", "고무", "선전"});
    CHECK(raw_terms("정의화\xE2\x80\xA4이명수") == std::vector<std::string>{"정의화", "이명수"});
}

TEST_CASE("tokenizer: long input is processed in pieces with continuous offsets and positions") {
    std::string text;
    for (int i = 0; i < 30000; ++i) text += (i % 2 ? "인권 " : "rights ");
    TokenBuffer out;
    make_unicode_word_tokenizer()->tokenize(text, out);
    REQUIRE(out.size() == 30000);
    for (std::size_t i = 0; i < out.size(); ++i) {
        REQUIRE(out[i].position == i);
        REQUIRE(text.substr(out[i].begin, out[i].end - out[i].begin) == out[i].text);
    }
}
