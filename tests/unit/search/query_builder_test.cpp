// SPDX-License-Identifier: GPL-2.0-or-later
// The query builder: which Xapian query a query string becomes, term by term.
#include <doctest/doctest.h>

#include <xapian.h>

#include <algorithm>
#include <set>

#include <ngosearch/analysis/analyzer.hpp>
#include <ngosearch/error.hpp>

#include "search/query_builder.hpp"
#include "search/query_lexer.hpp"

using namespace ngosearch;
using namespace ngosearch::detail;

namespace {

BuiltQuery build(std::string_view q, bool match_all = true, bool fallback = true) {
    static const std::unordered_set<std::string> stopwords{"the", "of", "an"};
    const auto analyzer = analysis::Analyzer::standard();
    QueryContext context;
    context.analyzer = analyzer.get();
    context.stopwords = &stopwords;
    auto lexemes = lex_query(q);
    drop_unsearchable(q, lexemes, *analyzer);
    validate_query(q, lexemes);
    return build_query(q, lexemes, context, {.match_all = match_all, .fallback = fallback});
}

// Built for an index that leaves out positions or Korean bigrams.
Xapian::Query build_without(std::string_view q, bool positions, bool korean_bigrams) {
    const auto analyzer = analysis::Analyzer::standard();
    QueryContext context;
    context.analyzer = analyzer.get();
    context.positions = positions;
    context.korean_bigrams = korean_bigrams;
    auto lexemes = lex_query(q);
    validate_query(q, lexemes);
    return build_query(q, lexemes, context, {}).query;
}

std::set<std::string> terms(std::string_view q, bool match_all = true) {
    const Xapian::Query query = build(q, match_all).query;
    return {query.get_unique_terms_begin(), query.get_unique_terms_end()};
}

std::string describe(std::string_view q, bool match_all = true) {
    return build(q, match_all).query.get_description();
}

bool has(const std::set<std::string>& s, const std::string& t) { return s.contains(t); }

std::size_t error_at(std::string_view q) {
    try {
        build(q);
    } catch (const QueryError& e) {
        return e.position();
    }
    return QueryError::npos;
}

}  // namespace

TEST_CASE("query builder: a word looks for its stem and its inflected forms as one term") {
    const auto t = terms("Korea's Prosecutions");
    CHECK(t == std::set<std::string>{"Zkorea", "Zprosecut", "korea", "prosecut"});
    CHECK(build("Korea's Prosecutions").query.get_type() == Xapian::Query::OP_AND);
    CHECK(describe("prosecutions").find("SYNONYM") != std::string::npos);
    CHECK(terms("ＵＮ") == std::set<std::string>{"Zun", "un"});
}

TEST_CASE("query builder: a Korean word adds its syllable bigrams at a lower weight") {
    const std::string d = describe("국가보안법");
    CHECK(d.find("국가보안법") != std::string::npos);
    for (const char* g : {"XG국가", "XG가보", "XG보안", "XG안법"}) {
        CAPTURE(g);
        CHECK(d.find(g) != std::string::npos);
    }
    CHECK(d.find("0.5 * ") != std::string::npos);
    // One syllable has no bigram; two syllables are one.
    CHECK_FALSE(has(terms("법"), "XG법"));
    CHECK(has(terms("인권"), "XG인권"));
    // Particles go before the word is looked up; the bigrams are those of the word as written.
    CHECK(has(terms("통일부는"), "통일부"));
    CHECK(has(terms("통일부는"), "XG부는"));
    // Switched off, a word looks for what the analysis makes of it and nothing else.
    const Xapian::Query exact = build("국가보안법", true, false).query;
    CHECK(std::set<std::string>(exact.get_unique_terms_begin(), exact.get_unique_terms_end()) ==
          std::set<std::string>{"Z국가보안법", "국가보안법"});
}

TEST_CASE("query builder: one written word of several parts is a phrase of them") {
    CHECK(describe("UN인권이사회").find("(un@1 PHRASE 2 인권이사회@2)") != std::string::npos);
    CHECK(describe("찬양ㆍ고무").find("(찬양@1 PHRASE 2 고무@2)") != std::string::npos);
    CHECK(describe("www.ohchr.org") == "Query((www@1 PHRASE 3 ohchr@2 PHRASE 3 org@3))");
}

TEST_CASE("query builder: an index without positions gets no phrase, one without bigrams no XG") {
    CHECK(build_without("UN인권이사회", false, true).get_description().find(
              "(un@1 AND 인권이사회@2)") != std::string::npos);
    CHECK(build_without("www.ohchr.org", false, true).get_description().find("PHRASE") ==
          std::string::npos);
    CHECK_THROWS_AS(build_without("\"통일부 북한\"", false, true), QueryError);
    CHECK_THROWS_AS(build_without("repeal NEAR law", false, true), QueryError);
    const Xapian::Query q = build_without("국가보안법 UN인권이사회", true, false);
    const std::set<std::string> t(q.get_unique_terms_begin(), q.get_unique_terms_end());
    CHECK(std::none_of(t.begin(), t.end(), [](const std::string& x) { return x.starts_with("XG"); }));
    CHECK(q.get_description().find("PHRASE") != std::string::npos);
    CHECK(has(terms("국가보안법"), "XG국가"));
}

TEST_CASE("query builder: phrases are exact, fields take their prefix, filters and dates") {
    CHECK(describe("\"통일부 북한\" AND NOT x") ==
          "Query(((통일부@1 PHRASE 2 북한@2) AND_NOT (Zx@3 SYNONYM x@3)))");
    CHECK(describe("\"prosecutions of activists\"") ==
          "Query((prosecutions@1 PHRASE 3 of@2 PHRASE 3 activists@3))");
    const auto t = terms("Title:UN LANG:KO");
    CHECK(t == std::set<std::string>{"Lko", "Sun", "ZSun"});
    CHECK(describe("Title:UN LANG:KO").find("FILTER") != std::string::npos);
    CHECK(describe("date:2020..2021-06").find("VALUE_RANGE 0 20200000 20210699") !=
          std::string::npos);
    CHECK(describe("date:..2019-12-31").find("VALUE_RANGE 0 00000000 20191231") !=
          std::string::npos);
    CHECK(has(terms("lang:ko\"국가보안법\""), "Lko"));
    CHECK(has(terms("lang:ko\"국가보안법\""), "국가보안법"));
    // Values of one field are OR-ed, different fields AND-ed.
    CHECK(describe("lang:ko lang:mixed type:letter").find("(Lko OR Lmixed)") != std::string::npos);
}

TEST_CASE("query builder: +, -, wildcards, NEAR and ADJ") {
    const std::string d = describe("prosecut* -China +Korea");
    CHECK(d.find("WILDCARD SYNONYM prosecut") != std::string::npos);
    CHECK(d.find("AND_NOT") != std::string::npos);
    CHECK(describe("repeal NEAR article").find("NEAR 11") != std::string::npos);
    CHECK(describe("repeal NEAR/3 law").find("NEAR 4") != std::string::npos);
    CHECK(describe("repeal ADJ/2 law").find("PHRASE 3") != std::string::npos);
    CHECK(has(terms("-lang:ko activists"), "Lko"));
    CHECK(describe("-lang:ko activists").find("AND_NOT Lko") != std::string::npos);
}

TEST_CASE("query builder: the query is analysed in runs — a loose particle goes") {
    const auto t = terms("국가보안법 을 위반");
    CHECK(has(t, "국가보안법"));
    CHECK(has(t, "위반"));
    CHECK_FALSE(has(t, "을"));
}

TEST_CASE("query builder: function words leave a query, unless nothing else is left") {
    CHECK_FALSE(has(terms("the law"), "the"));
    CHECK(has(terms("the"), "the"));
    CHECK(has(terms("\"commission of inquiry\""), "of"));
}

TEST_CASE("query builder: relaxable when words were joined by the implicit AND") {
    CHECK(build("인권 침해").relaxable);
    CHECK_FALSE(build("인권").relaxable);
    CHECK_FALSE(build("인권 AND 침해").relaxable);
    CHECK_FALSE(build("\"인권 침해\"").relaxable);
    CHECK_FALSE(build("인권 침해", false).relaxable);
    CHECK(build("인권 침해", false).query.get_type() == Xapian::Query::OP_OR);
}

TEST_CASE("query builder: an operand that only excludes is an error with its position") {
    CHECK(error_at("a OR -b") == 5);
    CHECK(error_at("-a AND b") == 0);
    CHECK(error_at("a AND -b") == QueryError::npos);  // a AND NOT b
    CHECK(error_at("a NEAR b ADJ c") == 9);
}

TEST_CASE("query builder: a sign before a phrase, a bracket or a field word applies to it") {
    CHECK(describe("law -\"national security\"").find("AND_NOT (national@") != std::string::npos);
    CHECK(describe("law -(security OR korea)").find("AND_NOT (") != std::string::npos);
    CHECK(describe("law -title:security").find("AND_NOT (ZSsecur") != std::string::npos);
    CHECK(describe("law +title:security").find("AND_NOT") == std::string::npos);
    CHECK(has(terms("+title:law"), "Slaw"));
    CHECK(error_at("-\"only this\"") == 0);
}

TEST_CASE("query builder: limits — nesting depth and the number of words") {
    const std::string deep = std::string(300, '(') + "law" + std::string(300, ')');
    CHECK(error_at(deep) != QueryError::npos);
    const std::string fine = std::string(200, '(') + "law" + std::string(200, ')');
    CHECK(error_at(fine) == QueryError::npos);
    std::string many;
    for (int i = 0; i < 1100; ++i) many += "w" + std::to_string(i) + " ";
    CHECK(error_at(many) != QueryError::npos);
    // Words written twice are searched once.
    CHECK(describe("국가보안법 국가보안법") == describe("국가보안법"));
}

TEST_CASE("query builder: an excluded Korean word excludes itself, not its bigrams") {
    const std::string d = describe("인권 -이사");
    const std::string excluded = d.substr(d.find("AND_NOT"));
    CHECK(excluded.find("XG") == std::string::npos);
}

TEST_CASE("query builder: the relaxed form keeps phrases and field words required") {
    auto lexed = [](std::string_view q) {
        auto lexemes = lex_query(q);
        drop_unsearchable(q, lexemes, *analysis::Analyzer::standard());
        validate_query(q, lexemes);
        return lexemes;
    };
    static const std::unordered_set<std::string> stopwords;
    QueryContext context;
    context.analyzer = analysis::Analyzer::standard().get();
    context.stopwords = &stopwords;
    const std::string q = "\"national security\" title:law korea";
    const auto relaxed = build_query(q, lexed(q), context, {.match_all = false, .relaxing = true});
    const std::string d = relaxed.query.get_description();
    CHECK(d.find("AND_MAYBE") != std::string::npos);  // the phrase and title:law, then maybe korea
    CHECK(d.find("AND_MAYBE") > d.find("PHRASE"));
    // A query of phrases alone has nothing to relax.
    CHECK_FALSE(build("\"national security\" \"human rights\"").relaxable);
}
