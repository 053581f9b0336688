// SPDX-License-Identifier: GPL-2.0-or-later
// Indexes that leave out positions or Korean bigrams (IndexOptions::positions, ::korean_bigrams):
// what the writer stores, what it records and refuses, and how search degrades.
#include <doctest/doctest.h>

#include <xapian.h>

#include <filesystem>

#include <ngosearch/error.hpp>
#include <ngosearch/index/indexer.hpp>
#include <ngosearch/search/searcher.hpp>

#include "support/sample_index.hpp"
#include "support/index_metadata.hpp"
#include "support/temp_dir.hpp"

using namespace ngosearch;
using ngosearch::test::set_index_metadata;
using ngosearch::test::TempDir;
namespace fs = std::filesystem;

namespace {

void make_index(const fs::path& db, IndexOptions options) {
    Indexer ix(db, std::move(options));
    for (const auto& d : test::sample_documents()) ix.add(d);
    ix.commit();
}

std::size_t terms_with_prefix(const Xapian::Database& db, const std::string& prefix) {
    std::size_t n = 0;
    for (auto t = db.allterms_begin(prefix); t != db.allterms_end(prefix); ++t) ++n;
    return n;
}

std::vector<std::string> ids_of(const SearchResult& r) {
    std::vector<std::string> ids;
    for (const auto& h : r.hits) ids.push_back(h.id);
    return ids;
}

bool contains(const std::vector<std::string>& ids, const std::string& id) {
    return std::find(ids.begin(), ids.end(), id) != ids.end();
}

// The message and position of the QueryError `query` raises ("" if none).
std::pair<std::string, std::size_t> query_error(const Searcher& s, const std::string& query) {
    try {
        s.search(query);
    } catch (const QueryError& e) {
        return {e.what(), e.position()};
    }
    return {"", QueryError::npos};
}

}  // namespace

TEST_CASE("stored parts: without positions the writer posts every term with its wdf alone") {
    TempDir dir;
    make_index(dir / "all", {});
    make_index(dir / "nopos", {.positions = false});
    const Xapian::Database all((dir / "all").string()), nopos((dir / "nopos").string());
    CHECK(all.has_positions());
    CHECK_FALSE(nopos.has_positions());
    // The same terms with the same counts: only the positions are gone.
    CHECK(nopos.get_total_length() == all.get_total_length());
    CHECK(terms_with_prefix(nopos, "") == terms_with_prefix(all, ""));
    CHECK(nopos.get_collection_freq("국가보안법") == all.get_collection_freq("국가보안법"));
    CHECK(nopos.get_collection_freq("국가보안법") >= 3);
    CHECK(terms_with_prefix(nopos, "XG") > 0);
    CHECK(Searcher(dir / "nopos").stats().positions == false);
    CHECK(Searcher(dir / "all").stats().positions == true);
}

TEST_CASE("stored parts: without Korean bigrams no XG term is written") {
    TempDir dir;
    make_index(dir / "all", {});
    make_index(dir / "nogram", {.korean_bigrams = false});
    const Xapian::Database all((dir / "all").string()), nogram((dir / "nogram").string());
    CHECK(terms_with_prefix(all, "XG") > 20);
    CHECK(terms_with_prefix(nogram, "XG") == 0);
    CHECK(nogram.has_positions());
    CHECK(nogram.get_collection_freq("국가보안법") == all.get_collection_freq("국가보안법"));
    const IndexStats s = Searcher(dir / "nogram").stats();
    CHECK(s.korean_bigrams == false);
    CHECK(s.positions == true);
}

TEST_CASE("stored parts: the index's record decides; a differing explicit setting is refused") {
    TempDir dir;
    const auto db = dir / "idx";
    make_index(db, {.positions = false, .korean_bigrams = false});
    CHECK_THROWS_WITH_AS(Indexer(db, {.positions = true}),
                         doctest::Contains("leaves out word positions, so IndexOptions::positions "
                                           "= true cannot apply"),
                         InvalidArgument);
    CHECK_THROWS_WITH_AS(Indexer(db, {.korean_bigrams = true}),
                         doctest::Contains("IndexOptions::korean_bigrams = true"), InvalidArgument);
    // Unsaid, a writer builds documents as the index records, not as a new index would be.
    {
        Indexer ix(db, {.positions = false});
        ix.add({.id = "later", .body = "북한인권법 제정 이후의 인권 상황"});
        ix.commit();
    }
    {
        Indexer ix(db);
        ix.add({.id = "latest", .body = "통일부 장관의 발언"});
        ix.commit();
    }
    const Xapian::Database x(db.string());
    CHECK(x.get_doccount() == test::sample_documents().size() + 2);
    CHECK_FALSE(x.has_positions());
    CHECK(terms_with_prefix(x, "XG") == 0);
    CHECK(x.get_metadata("ngosearch.positions") == "0");
    CHECK(x.get_metadata("ngosearch.korean_bigrams") == "0");

    // An index of all parts refuses leaving one out, naming the CLI flag too.
    make_index(dir / "all", {});
    CHECK_THROWS_WITH_AS(Indexer(dir / "all", {.positions = false}),
                         doctest::Contains("(--no-positions) cannot apply"), InvalidArgument);
    CHECK_THROWS_WITH_AS(Indexer(dir / "all", {.korean_bigrams = false}),
                         doctest::Contains("(--no-korean-bigrams)"), InvalidArgument);
}

TEST_CASE("stored parts: an index from before the settings records nothing and stores both") {
    TempDir dir;
    const auto db = dir / "idx";
    make_index(db, {});
    set_index_metadata(db, {{"ngosearch.positions", ""}, {"ngosearch.korean_bigrams", ""}});
    const IndexStats s = Searcher(db).stats();
    CHECK(s.positions);
    CHECK(s.korean_bigrams);
    CHECK_THROWS_AS(Indexer(db, {.positions = false}), InvalidArgument);
    CHECK_NOTHROW(Indexer(db, {.positions = true, .korean_bigrams = true}));
    CHECK(Searcher(db).search("\"National Security Law\"").total >= 1);
}

TEST_CASE("stored parts: every shard records them; shards that disagree are refused by name") {
    TempDir dir;
    const auto db = dir / "idx";
    make_index(db, {.shards = 2, .positions = false});
    for (const char* shard : {"shard-0", "shard-1"}) {
        CAPTURE(shard);
        CHECK(Xapian::Database((db / shard).string()).get_metadata("ngosearch.positions") == "0");
    }
    CHECK_THROWS_AS(Indexer(db, {.positions = true}), InvalidArgument);
    CHECK_FALSE(Searcher(db).stats().positions);
    CHECK_THROWS_AS(Searcher(db).search("\"National Security Law\""), QueryError);
    set_index_metadata(db / "shard-1", {{"ngosearch.positions", "1"}});
    CHECK_THROWS_WITH_AS(Searcher{db}, doctest::Contains("shard-1"), IndexCorrupt);
    CHECK_THROWS_WITH_AS(Indexer{db}, doctest::Contains("shard-1"), IndexCorrupt);
}

TEST_CASE("stored parts: the table check accepts no position table where none is recorded") {
    TempDir dir;
    const auto db = dir / "idx";
    make_index(db, {.positions = false});
    // Whether Xapian made the file or not, an index that records no positions needs none.
    fs::remove(db / "position.glass");
    CHECK_NOTHROW(Searcher{db});
    CHECK_NOTHROW(Indexer{db});
    CHECK(Searcher(db).search("prosecution").total >= 1);
}

TEST_CASE("stored parts: without positions, written phrases are refused, implied ones degrade") {
    TempDir dir;
    const auto db = dir / "idx";
    make_index(db, {.positions = false});
    const Searcher s(db);
    SUBCASE("a phrase, NEAR, ADJ and a title phrase the user wrote: a QueryError naming the option") {
        for (const auto& [query, at] : std::vector<std::pair<std::string, std::size_t>>{
                 {"\"National Security Law\"", 0},
                 {"repeal \"National Security\"", 7},
                 {"repeal NEAR law", 7},
                 {"repeal ADJ/2 law", 7},
                 {"title:\"National Security\"", 0}}) {
            CAPTURE(query);
            const auto [message, position] = query_error(s, query);
            CHECK(message.find("needs word positions") != std::string::npos);
            CHECK(message.find("IndexOptions::positions") != std::string::npos);
            CHECK(message.find("--no-positions") != std::string::npos);
            CHECK(position == at);
        }
    }
    SUBCASE("a quoted single word needs no positions") {
        CHECK(contains(ids_of(s.search("\"repeal\"")), "en-nsl"));
    }
    SUBCASE("a word split into parts finds its document by all the parts") {
        CHECK(contains(ids_of(s.search("UN인권이사회의")), "ko-unification"));
        CHECK(contains(ids_of(s.search("www.ohchr.org")), "en-un"));
    }
    SUBCASE("snippets still mark the words found") {
        const SearchResult r = s.search("prosecuted activists");
        REQUIRE(r.total >= 1);
        CHECK_FALSE(r.hits.front().snippet.empty());
        CHECK_FALSE(r.hits.front().highlights.empty());
    }
}

TEST_CASE("stored parts: without bigrams, Korean words are found by their stems, no fallback") {
    TempDir dir;
    make_index(dir / "all", {});
    make_index(dir / "nogram", {.korean_bigrams = false});
    const Searcher all(dir / "all"), nogram(dir / "nogram");
    // 국가보안법을: the stem 국가보안법 finds the document either way.
    CHECK(contains(ids_of(nogram.search("국가보안법을")), "ko-nsl"));
    CHECK(contains(ids_of(nogram.search("통일부는")), "ko-unification"));
    // 설주 is no word of any document, only a bigram of 리설주와: the fallback alone finds it,
    // and an index without bigrams asks for none (no error, nothing found).
    CHECK(contains(ids_of(all.search("설주")), "ko-nk"));
    CHECK(nogram.search("설주", {.relax = false}).total == 0);
}
