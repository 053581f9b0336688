// SPDX-License-Identifier: GPL-2.0-or-later
#include <doctest/doctest.h>

#include <ngosearch/index/indexer.hpp>
#include <ngosearch/search/searcher.hpp>

#include "support/temp_dir.hpp"

using namespace ngosearch;

TEST_CASE("indexer: rollback() discards the changes since the last commit, and only those") {
    test::TempDir dir;
    const auto db = dir / "idx";
    {
        Indexer ix(db);
        ix.add({.id = "kept", .body = "detention report"});
        ix.add({.id = "gone-later", .body = "detention camp"});
        ix.commit();
        ix.add({.id = "new", .body = "detention centre"});
        CHECK(ix.remove("gone-later"));
        ix.add({.id = "kept", .body = "replaced text"});
        CHECK(ix.document_count() == 2);
        ix.rollback();
        CHECK(ix.document_count() == 2);
        ix.add({.id = "after", .body = "detention after rollback"});
        ix.commit();
    }  // the destructor's commit has nothing of the rolled-back changes to write
    const Searcher s(db);
    CHECK(s.stats().documents == 3);
    CHECK(s.find("kept").value().body == "detention report");
    CHECK(s.find("gone-later").has_value());
    CHECK_FALSE(s.find("new").has_value());
    CHECK(s.find("after").has_value());
}

TEST_CASE("indexer: rollback() keeps what automatic batch commits wrote") {
    test::TempDir dir;
    const auto db = dir / "idx";
    Indexer ix(db, IndexOptions{.batch_docs = 3});
    for (int i = 0; i < 5; ++i) ix.add({.id = std::to_string(i), .body = "word"});
    ix.rollback();  // 0-2 were committed by the batch; 3 and 4 were pending
    CHECK(ix.document_count() == 3);
    ix.rollback();  // nothing pending: nothing changes
    ix.commit();
    CHECK(Searcher(db).stats().documents == 3);
}
