// SPDX-License-Identifier: GPL-2.0-or-later
#include <doctest/doctest.h>

#include <xapian.h>

#include <chrono>
#include <memory>
#include <thread>

#include <ngosearch/error.hpp>
#include <ngosearch/index/indexer.hpp>
#include <ngosearch/search/searcher.hpp>

#include "support/index_metadata.hpp"
#include "support/temp_dir.hpp"

using namespace ngosearch;
using ngosearch::test::set_index_metadata;
using ngosearch::test::TempDir;

namespace {
std::vector<std::string> ids_for(const Searcher& s, const std::string& q) {
    std::vector<std::string> ids;
    for (const auto& h : s.search(q, {.limit = 100}).hits) ids.push_back(h.id);
    std::sort(ids.begin(), ids.end());
    return ids;
}
}  // namespace

TEST_CASE("indexer: add, find, replace by id, delete") {
    TempDir dir;
    const auto db = dir / "idx";
    {
        Indexer ix(db);
        ix.add({.id = "a", .title = "First", .body = "alpha words about detention"});
        ix.add({.id = "b", .title = "Second", .body = "beta words"});
        ix.commit();
        CHECK(ix.document_count() == 2);
    }
    {
        Searcher s(db);
        CHECK(ids_for(s, "detention") == std::vector<std::string>{"a"});
        const auto doc = s.find("a");
        REQUIRE(doc.has_value());
        CHECK(doc->title == "First");
        CHECK_FALSE(s.find("zzz").has_value());
    }
    {
        Indexer ix(db);
        ix.add({.id = "a", .title = "First, edited", .body = "gamma replaces the old text"});
        ix.commit();
        CHECK(ix.document_count() == 2);
    }
    {
        Searcher s(db);
        CHECK(ids_for(s, "detention").empty());
        CHECK(ids_for(s, "gamma") == std::vector<std::string>{"a"});
        CHECK(s.find("a")->title == "First, edited");
    }
    {
        Indexer ix(db);
        CHECK(ix.remove("b"));
        CHECK_FALSE(ix.remove("b"));
        ix.commit();
        CHECK(ix.document_count() == 1);
    }
    Searcher s(db);
    CHECK(ids_for(s, "beta").empty());
}

TEST_CASE("indexer: batches commit on their own; uncommitted changes are not visible") {
    TempDir dir;
    const auto db = dir / "idx";
    Indexer ix(db, IndexOptions{.batch_docs = 3});
    for (int i = 0; i < 4; ++i) ix.add({.id = std::to_string(i), .body = "word"});
    Searcher s(db);
    CHECK(s.stats().documents == 3);  // one batch of 3 committed, the 4th pending
    ix.commit();
    s.reopen();
    CHECK(s.stats().documents == 4);
}

TEST_CASE("indexer: invalid documents are refused with a reason") {
    TempDir dir;
    Indexer ix(dir / "idx");
    CHECK_THROWS_WITH_AS(ix.add({.id = "", .body = "x"}), doctest::Contains("id must not be empty"),
                         InvalidArgument);
    CHECK_THROWS_WITH_AS(ix.add({.id = "x", .body = "x", .date = "2020-02-30"}),
                         doctest::Contains("invalid date '2020-02-30'"), InvalidArgument);
}

TEST_CASE("indexer: a very long id still works (hashed id term) and stays distinct") {
    TempDir dir;
    const auto db = dir / "idx";
    const std::string long_a(400, 'a');
    const std::string long_b = std::string(399, 'a') + "b";
    {
        Indexer ix(db);
        ix.add({.id = long_a, .body = "first"});
        ix.add({.id = long_b, .body = "second"});
        ix.commit();
        CHECK(ix.document_count() == 2);
    }
    Searcher s(db);
    REQUIRE(s.find(long_a).has_value());
    CHECK(s.find(long_a)->body == "first");
    CHECK(s.find(long_b)->body == "second");
}

TEST_CASE("indexer: a second writer gets IndexLocked with a clear message") {
    TempDir dir;
    Indexer first(dir / "idx");
    CHECK_THROWS_WITH_AS(Indexer{dir / "idx"}, doctest::Contains("index is locked"), IndexLocked);
}

TEST_CASE("indexer: lock_wait waits for the other writer to close, then gives up clearly") {
    using namespace std::chrono_literals;
    TempDir dir;
    const auto db = dir / "idx";
    {
        Indexer first(db);
        const auto t0 = std::chrono::steady_clock::now();
        CHECK_THROWS_WITH_AS((Indexer{db, IndexOptions{.lock_wait = 300ms}}),
                             doctest::Contains("(waited 0 s)"), IndexLocked);
        CHECK(std::chrono::steady_clock::now() - t0 >= 300ms);
    }
    auto first = std::make_unique<Indexer>(db);
    first->add({.id = "a", .body = "from the first writer"});
    std::thread closer([&first] {
        std::this_thread::sleep_for(400ms);
        first.reset();  // commits and closes
    });
    const auto t0 = std::chrono::steady_clock::now();
    Indexer second(db, IndexOptions{.lock_wait = 30s});
    const auto waited = std::chrono::steady_clock::now() - t0;
    closer.join();
    CHECK(waited >= 300ms);
    CHECK(waited < 10s);
    CHECK(second.document_count() == 1);
}

TEST_CASE("indexer: missing index without create, non-index folders, files") {
    TempDir dir;
    CHECK_THROWS_AS((Indexer{dir / "nope", IndexOptions{.create = false}}), IndexNotFound);
    dir.write("docs/a.txt", "text");
    CHECK_THROWS_WITH_AS(Indexer{dir / "docs"}, doctest::Contains("refusing to create an index"),
                         IndexError);
    CHECK_THROWS_WITH_AS(Indexer{dir / "docs/a.txt"}, doctest::Contains("it is a file"),
                         IndexError);
}

TEST_CASE("indexer: an index built by another analyzer is refused both ways") {
    TempDir dir;
    const auto db = dir / "idx";
    std::vector<std::unique_ptr<analysis::TokenFilter>> filters;
    filters.push_back(analysis::make_normalize_filter());
    auto other = std::make_shared<const analysis::Analyzer>(
        analysis::make_unicode_word_tokenizer(), std::move(filters),
        analysis::make_snowball_stemmer("english"), 7);
    {
        Indexer ix(db, IndexOptions{.analyzer = other});
        ix.add({.id = "a", .body = "text"});
        ix.commit();
    }
    CHECK_THROWS_WITH_AS(Indexer{db}, doctest::Contains("was built with analyzer"),
                         AnalyzerMismatch);
    CHECK_THROWS_WITH_AS(Searcher{db}, doctest::Contains("rebuild it"), AnalyzerMismatch);
    CHECK_NOTHROW((Searcher{db, other}));
}

TEST_CASE("indexer: an index of an older format is refused with the remedy") {
    TempDir dir;
    const auto db = dir / "idx";
    {
        Indexer ix(db);
        ix.add({.id = "a", .body = "text"});
        ix.commit();
    }
    set_index_metadata(dir / "idx", {{"ngosearch.format", "1"}});
    CHECK_THROWS_WITH_AS(Indexer{db}, doctest::Contains("index format '1'"), AnalyzerMismatch);
    CHECK_THROWS_WITH_AS(Searcher{db}, doctest::Contains("rebuild it"), AnalyzerMismatch);
}

TEST_CASE("indexer: moved-from indexers are harmless and the moved-to one works") {
    TempDir dir;
    Indexer a(dir / "idx");
    Indexer b(std::move(a));
    b.add({.id = "x", .body = "moved"});
    b.commit();
    CHECK(b.document_count() == 1);
}

TEST_CASE("indexer: a document Xapian would refuse is refused before it can cost the batch") {
    TempDir dir;
    const auto db = dir / "idx";
    Indexer ix(db, IndexOptions{.batch_docs = 100});
    ix.add({.id = "a", .body = "first"});
    CHECK_THROWS_WITH_AS(ix.add({.id = "b", .body = "x", .language = std::string(300, 'e')}),
                         doctest::Contains("short codes"), InvalidArgument);
    ix.add({.id = "c", .body = "third"});
    ix.commit();
    CHECK(ix.document_count() == 2);
}

TEST_CASE("indexer: invalid UTF-8 in ids and fields is stored repaired, found either way") {
    TempDir dir;
    const auto db = dir / "idx";
    const std::string bad_id = "c\xB1\xB9.txt";
    {
        Indexer ix(db);
        ix.add({.id = bad_id, .title = "t\xFF", .body = "body \xFE text"});
        ix.commit();
    }
    Searcher s(db);
    const auto doc = s.find(bad_id);
    REQUIRE(doc.has_value());
    CHECK(doc->id == "c\xEF\xBF\xBD\xEF\xBF\xBD.txt");  // two stray bytes, two U+FFFD
    CHECK(s.find(doc->id).has_value());
    CHECK(s.search("text").total == 1);
}

TEST_CASE("indexer: a batch is committed by its text bytes as well as by its documents") {
    TempDir dir;
    const auto db = dir / "idx";
    Indexer ix(db, IndexOptions{.batch_docs = 1000000, .batch_bytes = 1000, .sync = false});
    const std::string body(300, 'w');
    for (int i = 0; i < 3; ++i) ix.add({.id = std::to_string(i), .body = body + " text"});
    CHECK(Searcher(db).stats().documents == 0);  // 900 bytes: not yet
    ix.add({.id = "3", .body = body + " text"});
    CHECK(Searcher(db).stats().documents == 4);  // 1,200 bytes: committed without commit()
    ix.add({.id = "4", .body = "short"});
    CHECK(Searcher(db).stats().documents == 4);
    ix.commit();
    CHECK(Searcher(db).stats().documents == 5);
}

TEST_CASE("indexer: a sharded index routes add, replace and remove to a document's shard") {
    TempDir dir;
    const auto db = dir / "idx";
    {
        Indexer ix(db, IndexOptions{.shards = 3});
        for (int i = 0; i < 30; ++i) {
            ix.add({.id = "d" + std::to_string(i), .body = "letter number " + std::to_string(i)});
        }
        ix.commit();
        CHECK(ix.document_count() == 30);
        ix.add({.id = "d7", .body = "replaced text about zebras"});
        CHECK(ix.remove("d8"));
        CHECK_FALSE(ix.remove("d8"));
        ix.commit();
        CHECK(ix.document_count() == 29);
    }
    // Each shard holds some, and the index is searched as one.
    std::size_t in_shards = 0;
    for (int i = 0; i < 3; ++i) {
        const std::size_t n = Searcher(db / ("shard-" + std::to_string(i))).stats().documents;
        CHECK(n > 0);
        in_shards += n;
    }
    CHECK(in_shards == 29);
    Searcher s(db);
    CHECK(s.search("zebras").total == 1);
    CHECK(s.search("letter").total == 28);
    CHECK(s.find("d7")->body == "replaced text about zebras");
    CHECK_FALSE(s.find("d8").has_value());
    // Reopened without a count, it is as it was; with another count, refused.
    CHECK(Indexer(db).document_count() == 29);
    CHECK_THROWS_WITH_AS(Indexer(db, IndexOptions{.shards = 2}),
                         doctest::Contains("has 3 shard(s), not 2"), InvalidArgument);
}

TEST_CASE("indexer: the shards of an index share its batch (memory does not grow with them)") {
    TempDir dir;
    const auto db = dir / "idx";
    Indexer ix(db, IndexOptions{.batch_docs = 12, .shards = 2});
    for (int i = 0; i < 12; ++i) ix.add({.id = "d" + std::to_string(i), .body = "letter"});
    // One of the two shards holds at least 6 of the 12: it has committed its share.
    CHECK(Searcher(db).stats().documents >= 6);
    ix.commit();
    CHECK(Searcher(db).stats().documents == 12);
}

TEST_CASE("indexer: ids that are not UTF-8 find their shard again (stored repaired, routed so)") {
    TempDir dir;
    Indexer ix(dir / "idx", IndexOptions{.shards = 3});
    for (int i = 0; i < 12; ++i) {
        ix.add({.id = "file\xFF" + std::to_string(i), .body = "letter " + std::to_string(i)});
    }
    ix.commit();
    CHECK(ix.document_count() == 12);
    for (int i = 0; i < 12; ++i) {
        CAPTURE(i);
        CHECK(ix.remove("file\xFF" + std::to_string(i)));
    }
    ix.commit();
    CHECK(ix.document_count() == 0);
}
