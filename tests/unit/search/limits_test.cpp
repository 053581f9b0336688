// SPDX-License-Identifier: GPL-2.0-or-later
// Limits of a query: each is refused with a message naming the option (and flag) that raises
// it, and raising it works; wildcards stand for their most frequent terms; snippets of long
// documents read a bounded part of them.
#include <doctest/doctest.h>

#include <ngosearch/error.hpp>
#include <ngosearch/index/indexer.hpp>
#include <ngosearch/search/searcher.hpp>

#include "support/temp_dir.hpp"

using namespace ngosearch;
using ngosearch::test::TempDir;

namespace {

std::string nested(std::size_t depth) {
    return std::string(depth, '(') + "rights" + std::string(depth, ')');
}

}  // namespace

TEST_CASE("limits: words, bracket depth and wildcard terms of a query are options") {
    TempDir dir;
    {
        Indexer ix(dir / "idx", IndexOptions{.tag_entities = false});
        ix.add({.id = "a", .body = "human rights tokalpha"});
        ix.add({.id = "b", .body = "rights tokbeta"});
        ix.add({.id = "c", .body = "rights tokbeta"});
        ix.commit();
    }
    const Searcher s(dir / "idx");

    SUBCASE("words") {
        std::string q;
        for (int i = 0; i < 30; ++i) q += "rights ";
        CHECK_THROWS_WITH_AS(s.search(q, {.max_query_words = 20}),
                             doctest::Contains("SearchOptions::max_query_words, or ngosearch "
                                               "search --max-query-words"),
                             QueryError);
        CHECK(s.search(q, {.max_query_words = 30}).total == 3);
    }
    SUBCASE("bracket depth") {
        CHECK_THROWS_WITH_AS(s.search(nested(257)),
                             doctest::Contains("SearchOptions::max_query_depth, or ngosearch "
                                               "search --max-query-depth"),
                             QueryError);
        CHECK(s.search(nested(256)).total == 3);
        CHECK(s.search(nested(1000), {.max_query_depth = 1000}).total == 3);
    }
    SUBCASE("wildcard terms: the most frequent first") {
        CHECK(s.search("tok*").total == 3);
        // tokbeta is in two documents, tokalpha in one.
        CHECK(s.search("tok*", {.max_wildcard_terms = 1}).total == 2);
        CHECK(s.search("tok*", {.max_wildcard_terms = 0}).total == 3);  // no limit
    }
}

TEST_CASE("limits: the snippet of a long document shows a match past its first window") {
    TempDir dir;
    std::string body;
    while (body.size() < 300'000) body += "filler words of a long report without the term\n";
    body += "here the special rapporteur visited\n";
    {
        Indexer ix(dir / "idx", IndexOptions{.tag_entities = false});
        ix.add({.id = "long", .body = body});
        ix.commit();
    }
    const Searcher s(dir / "idx");
    const SearchResult found = s.search("rapporteur");
    REQUIRE(found.hits.size() == 1);
    const Hit& h = found.hits.front();
    CHECK(h.snippet.find("special rapporteur") != std::string::npos);
    REQUIRE_FALSE(h.highlights.empty());
    const auto [b, e] = h.highlights.front();
    CHECK(h.snippet.substr(b, e - b) == "rapporteur");
    CHECK(h.snippet.starts_with("\xE2\x80\xA6"));

    // Read no further than 100 KB: the passage is one of the start, unmarked.
    const SearchResult near = s.search("rapporteur", {.snippet_scan_bytes = 100'000});
    REQUIRE(near.hits.size() == 1);
    CHECK(near.hits.front().highlights.empty());
    CHECK(near.hits.front().snippet.find("filler words") != std::string::npos);
    CHECK(near.hits.front().snippet.find("rapporteur") == std::string::npos);
}
