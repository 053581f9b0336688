// SPDX-License-Identifier: GPL-2.0-or-later
#include <doctest/doctest.h>

#include <ngosearch/analysis/analyzer.hpp>
#include <ngosearch/error.hpp>

#include "search/query_lexer.hpp"

using namespace ngosearch;
using namespace ngosearch::detail;

namespace {

std::size_t error_position(std::string_view q) {
    try {
        validate_query(q, lex_query(q));
    } catch (const QueryError& e) {
        return e.position();
    }
    return QueryError::npos;
}

}  // namespace

TEST_CASE("query lexer: operators, fields, phrases, brackets") {
    const auto lx = lex_query("title:Report AND (lang:ko OR \"a NOT b\") NEAR/3 x");
    std::vector<LexemeKind> kinds;
    for (const auto& l : lx) {
        if (l.kind != LexemeKind::Space) kinds.push_back(l.kind);
    }
    CHECK(kinds == std::vector<LexemeKind>{
                       LexemeKind::FieldPrefix, LexemeKind::Text, LexemeKind::Operator,
                       LexemeKind::Open, LexemeKind::FieldValue, LexemeKind::Operator,
                       LexemeKind::Quote, LexemeKind::Text, LexemeKind::Text, LexemeKind::Text,
                       LexemeKind::Quote, LexemeKind::Close, LexemeKind::Operator,
                       LexemeKind::Text});
}

TEST_CASE("query validation: malformed queries name the problem and its position") {
    CHECK(error_position("a \"b c") == 2);
    CHECK(error_position("(a b") == 0);
    CHECK(error_position("a b)") == 3);
    CHECK(error_position("AND a") == 0);
    CHECK(error_position("a OR") == 2);
    CHECK(error_position("a AND OR b") == 2);
    CHECK(error_position("date:2020-13") == 5);
    CHECK(error_position("date:2025..2020") == 5);
    CHECK(error_position("lang:fr") == 5);
    CHECK(error_position("type:") == 0);
    CHECK(error_position("title: x") == 0);
    CHECK(error_position("a ()") == 2);
    CHECK(error_position("a AND NOT b") == QueryError::npos);
    CHECK(error_position("NOT b") == QueryError::npos);
    CHECK(error_position("\"AND inside a phrase\"") == QueryError::npos);
    CHECK(error_position("date:..2019 date:2020-03..") == QueryError::npos);
    CHECK(error_position("date:2020-03-05-") == 5);
    CHECK(error_position("NOT NOT law") == 0);
    CHECK(error_position("a OR NOT b") == 2);
    CHECK(error_position("law NEAR/2 \"national security\"") == 4);
    CHECK(error_position("(a) NEAR b") == 4);
    CHECK(error_position("law NEAR/x security") == 4);
    CHECK(error_position("-law") == 0);
    CHECK(error_position("-law -china") == 0);
    CHECK(error_position("korea -law") == QueryError::npos);
}

TEST_CASE("query lexer: brackets inside a phrase are characters, and lexing always ends") {
    const auto lx = lex_query("\"Moon Jae-in (문재인)\" a)");
    REQUIRE_FALSE(lx.empty());
    CHECK(lx.back().kind == LexemeKind::Close);
    CHECK(error_position("\"Moon Jae-in (문재인)\"") == QueryError::npos);
    CHECK(error_position("\"a)\"") == QueryError::npos);
}

TEST_CASE("date ranges: bounds for partial dates") {
    std::string lo, hi;
    REQUIRE(parse_date_range("2020-03", lo, hi));
    CHECK(lo == "20200300");
    CHECK(hi == "20200399");
    REQUIRE(parse_date_range("2020-03-04..", lo, hi));
    CHECK(lo == "20200304");
    CHECK(hi == "99999999");
    CHECK_FALSE(parse_date_range("..", lo, hi));
    CHECK_FALSE(parse_date_range("yesterday", lo, hi));
}
