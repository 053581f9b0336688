// SPDX-License-Identifier: GPL-2.0-or-later
#include <doctest/doctest.h>

#include <random>
#include <set>

#include <ngosearch/error.hpp>
#include <ngosearch/index/indexer.hpp>
#include <ngosearch/search/searcher.hpp>
#include <ngosearch/text/utf8.hpp>

#include "support/sample_index.hpp"

using namespace ngosearch;

TEST_CASE("searcher: hits carry id, path, title, metadata, BM25 score and rank") {
    test::SampleIndex idx;
    const Searcher s(idx.path());
    const SearchResult r = s.search("repatriation");
    REQUIRE(r.hits.size() == 1);
    const Hit& h = r.hits[0];
    CHECK(h.id == "en-repatriation");
    CHECK(h.title == "Forced repatriation from China");
    CHECK(h.language == "en");
    CHECK(h.date == "2023-10-12");
    CHECK(h.type == "press-release");
    CHECK(h.score > 0);
    CHECK(h.rank == 0);
    CHECK(r.total == 1);
    CHECK(r.query == "repatriation");
}

TEST_CASE("searcher: ranking orders by score; the title counts") {
    test::SampleIndex idx;
    const Searcher s(idx.path());
    const SearchResult r = s.search("national security law", {.match_all = false});
    REQUIRE(r.hits.size() >= 1);
    CHECK(r.hits[0].id == "en-nsl");
    for (std::size_t i = 1; i < r.hits.size(); ++i) CHECK(r.hits[i - 1].score >= r.hits[i].score);
}

TEST_CASE("searcher: paging gives disjoint pages with the same total") {
    test::SampleIndex idx;
    const Searcher s(idx.path());
    const SearchResult all = s.search("NOT zzzz", {.limit = 100});
    CHECK(all.total == 9);
    const SearchResult p1 = s.search("NOT zzzz", {.offset = 0, .limit = 3});
    const SearchResult p2 = s.search("NOT zzzz", {.offset = 3, .limit = 3});
    const SearchResult p3 = s.search("NOT zzzz", {.offset = 6, .limit = 3});
    const SearchResult p4 = s.search("NOT zzzz", {.offset = 9, .limit = 3});
    CHECK(p1.hits.size() == 3);
    CHECK(p2.hits.size() == 3);
    CHECK(p3.hits.size() == 3);
    CHECK(p4.hits.empty());
    CHECK(p2.offset == 3);
    CHECK(p2.hits[0].rank == 3);
    CHECK(p1.total == p3.total);
    std::set<std::string> ids;
    for (const auto* p : {&p1, &p2, &p3}) {
        for (const auto& h : p->hits) ids.insert(h.id);
    }
    CHECK(ids.size() == 9);
    CHECK(s.search("NOT zzzz", {.offset = 50}).hits.empty());
    CHECK(s.search("NOT zzzz", {.limit = 0}).total == 9);
}

TEST_CASE("snippets: highlights follow the analysis and never cut UTF-8") {
    test::SampleIndex idx;
    const Searcher s(idx.path());
    SUBCASE("Korean: 국가보안법 highlights 국가보안법을") {
        const Hit h = s.search("국가보안법").hits.at(0);
        REQUIRE_FALSE(h.highlights.empty());
        const auto [b, e] = h.highlights[0];
        CHECK(h.snippet.substr(b, e - b) == "국가보안법을");
        CHECK(text::is_valid_utf8(h.snippet));
        CHECK(mark_highlights(h, "<", ">").find("<국가보안법을>") != std::string::npos);
    }
    SUBCASE("English: prosecute highlights Prosecutions and prosecuted") {
        const Hit h = s.search("prosecute").hits.at(0);
        std::vector<std::string> marked;
        for (const auto& [b, e] : h.highlights) marked.push_back(h.snippet.substr(b, e - b));
        CHECK(std::find(marked.begin(), marked.end(), "Prosecutions") != marked.end());
    }
    SUBCASE("Korean: a compound part highlights the whole word") {
        const Hit h = s.search("보안법").hits.at(0);
        std::vector<std::string> marked;
        for (const auto& [b, e] : h.highlights) marked.push_back(h.snippet.substr(b, e - b));
        CHECK(std::find(marked.begin(), marked.end(), "국가보안법을") != marked.end());
    }
    SUBCASE("Korean: the words of a phrase are highlighted with their particles") {
        const Hit h = s.search("\"통일부 북한\"").hits.at(0);
        std::vector<std::string> marked;
        for (const auto& [b, e] : h.highlights) marked.push_back(h.snippet.substr(b, e - b));
        CHECK(marked == std::vector<std::string>{"통일부는", "북한에서"});
    }
    SUBCASE("short snippets of Korean text stay valid UTF-8") {
        const Hit h = s.search("통일부", {.snippet_bytes = 20}).hits.at(0);
        CHECK(text::is_valid_utf8(h.snippet));
        CHECK(h.snippet.size() < 80);
    }
}

TEST_CASE("searcher: errors — empty query, only punctuation, limits, missing index") {
    test::SampleIndex idx;
    const Searcher s(idx.path());
    CHECK_THROWS_WITH_AS(s.search("   "), doctest::Contains("empty query"), InvalidArgument);
    CHECK_THROWS_WITH_AS(s.search("?!"), doctest::Contains("no searchable words"), QueryError);
    CHECK_THROWS_AS(s.search("x", {.limit = 1000000}), InvalidArgument);
    CHECK_THROWS_WITH_AS(s.search("\"open"), doctest::Contains("unbalanced quotes"), QueryError);
    CHECK_THROWS_AS(s.find(""), InvalidArgument);
    test::TempDir dir;
    CHECK_THROWS_WITH_AS(Searcher{dir / "none"}, doctest::Contains("no index at"), IndexNotFound);
    dir.write("garbage/iamglass", "not really");
    CHECK_THROWS_AS(Searcher{dir / "garbage"}, IndexError);
}

TEST_CASE("searcher: invalid UTF-8 in a query is repaired, not fatal") {
    test::SampleIndex idx;
    const Searcher s(idx.path());
    CHECK(s.search("repatriation \xFF").total == 1);
}

TEST_CASE("searcher: stats") {
    test::SampleIndex idx;
    const Searcher s(idx.path());
    const IndexStats st = s.stats();
    CHECK(st.documents == 9);
    CHECK(st.terms > 50);
    CHECK(st.average_length > 5);
    CHECK(st.analyzer == analysis::Analyzer::standard()->fingerprint());
    CHECK(st.path == idx.path());
}

TEST_CASE("searcher: operands with nothing searchable are reported, not passed to Xapian") {
    test::SampleIndex idx;
    const Searcher s(idx.path());
    CHECK_THROWS_WITH_AS(s.search("law AND 😀"), doctest::Contains("needs something to its right"),
                         QueryError);
    CHECK_THROWS_WITH_AS(s.search("😀 OR law"), doctest::Contains("needs something to its left"),
                         QueryError);
    CHECK_THROWS_WITH_AS(s.search("law AND (😀)"), doctest::Contains("empty brackets"), QueryError);
    CHECK_THROWS_WITH_AS(s.search("title:😀"), doctest::Contains("must be followed directly"),
                         QueryError);
    CHECK_THROWS_WITH_AS(s.search("-repatriation"), doctest::Contains("nothing to search for"),
                         QueryError);
}

TEST_CASE("searcher: error positions refer to the query as given, invalid bytes included") {
    test::SampleIndex idx;
    const Searcher s(idx.path());
    const std::string q = "ab\xFF\xFE (law";
    try {
        (void)s.search(q);
        FAIL("expected a QueryError");
    } catch (const QueryError& e) {
        CHECK(e.position() == 5);
    }
}

TEST_CASE("searcher: offsets beyond what Xapian can count are refused") {
    test::SampleIndex idx;
    const Searcher s(idx.path());
    CHECK_THROWS_AS(s.search("law", {.offset = std::size_t{1} << 40}), InvalidArgument);
}

TEST_CASE("random queries: only ngosearch errors, positions inside the query, never a hang") {
    test::SampleIndex idx;
    const Searcher s(idx.path());
    static const std::vector<std::string> kPieces = {
        "law", "국가보안법", "을", " ", " ", "\"", "(", ")", "AND", "OR", "NOT", "NEAR", "NEAR/2",
        "ADJ/x", "-", "+", "*", "title:", "lang:", "lang:ko", "type:letter", "date:", "date:2020..",
        "..", "...", "😀", "\xFF", "ㆍ", "U.N.", "co-sponsor", ":", "/", "제7조", "\t"};
    std::mt19937 rng(42);
    std::uniform_int_distribution<std::size_t> pick(0, kPieces.size() - 1);
    std::uniform_int_distribution<int> len(1, 8);
    for (int round = 0; round < 2000; ++round) {
        std::string q;
        for (int i = len(rng); i > 0; --i) q += kPieces[pick(rng)];
        CAPTURE(q);
        try {
            const SearchResult r = s.search(q, {.limit = 3});
            CHECK(r.hits.size() <= 3);
        } catch (const QueryError& e) {
            CHECK((e.position() == QueryError::npos || e.position() <= q.size()));
        } catch (const ngosearch::Error&) {
            // InvalidArgument for an empty query is fine; anything else would not reach here.
        }
    }
}

TEST_CASE("snippets: a match only the analyzer sees, far into a long text, is shown and marked") {
    test::TempDir dir;
    std::string body;
    for (int i = 0; i < 200; ++i) body += "여러 가지 이야기가 이어진다. ";
    body += "마지막으로 국가보안법을 폐지해야 한다는 주장이 나왔다. ";
    for (int i = 0; i < 50; ++i) body += "다른 이야기. ";
    {
        Indexer ix(dir / "idx");
        ix.add({.id = "long", .title = "긴 글", .body = body});
        ix.commit();
    }
    const Searcher s(dir / "idx");
    const Hit h = s.search("보안법").hits.at(0);
    REQUIRE_FALSE(h.highlights.empty());
    const auto [b, e] = h.highlights[0];
    CHECK(h.snippet.substr(b, e - b) == "국가보안법을");
    CHECK(text::is_valid_utf8(h.snippet));
    CHECK(h.snippet.size() < 400);
}

TEST_CASE("searcher: searching while a writer commits reopens and goes on") {
    test::TempDir dir;
    const auto db = dir / "index";
    const auto body = [](int round, int i) {
        return "round" + std::to_string(round) + " detention report number " + std::to_string(i) +
               " with enough words to fill the blocks of the index";
    };
    Indexer writer(db, IndexOptions{.batch_docs = 100000});
    for (int i = 0; i < 400; ++i) writer.add({.id = std::to_string(i), .body = body(0, i)});
    writer.commit();
    const Searcher searcher(db);
    CHECK(searcher.search("round0").total == 400);
    // Several commits that rewrite every document: the revision the searcher opened is gone.
    for (int round = 1; round <= 4; ++round) {
        for (int i = 0; i < 400; ++i) writer.add({.id = std::to_string(i), .body = body(round, i)});
        writer.commit();
    }
    const SearchResult r = searcher.search("detention", {.limit = 5});
    CHECK(r.total == 400);
    CHECK(searcher.search("round4").total == 400);  // it reads the latest revision now
    CHECK(searcher.find("7").has_value());
    CHECK(searcher.stats().documents == 400);
}
