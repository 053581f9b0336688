// SPDX-License-Identifier: GPL-2.0-or-later
#include <doctest/doctest.h>

#include <xapian.h>

#include <ngosearch/error.hpp>
#include <ngosearch/index/indexer.hpp>
#include <ngosearch/search/searcher.hpp>

#include "index/durable_files.hpp"
#include "support/temp_dir.hpp"

using namespace ngosearch;
using ngosearch::test::TempDir;

TEST_CASE("durable files: a database written with DB_NO_SYNC is flushed, file by file") {
    TempDir dir;
    const auto db_path = dir / "db";
    {
        Xapian::WritableDatabase db(db_path.string(), Xapian::DB_CREATE | Xapian::DB_NO_SYNC);
        Xapian::Document d;
        d.add_term("word");
        db.add_document(d);
        db.commit();
    }
    CHECK_NOTHROW(detail::flush_folder_to_disk(db_path));
    CHECK(Xapian::Database(db_path.string()).get_doccount() == 1);
}

TEST_CASE("durable files: a folder that is not there is an IndexError naming it") {
    TempDir dir;
    const auto missing = dir / "no-such-index";
    try {
        detail::flush_folder_to_disk(missing);
        FAIL("no error");
    } catch (const IndexError& e) {
        CHECK(std::string(e.what()).find("no-such-index") != std::string::npos);
    }
}

TEST_CASE("durable files: an index built without sync is complete after commit()") {
    TempDir dir;
    const auto db = dir / "idx";
    for (const std::size_t shards : {1u, 2u}) {
        CAPTURE(shards);
        const auto path = db / std::to_string(shards);
        {
            Indexer ix(path, IndexOptions{.batch_docs = 2, .sync = false, .shards = shards});
            for (int i = 0; i < 5; ++i) ix.add({.id = std::to_string(i), .body = "text"});
            ix.commit();
        }
        CHECK(Searcher(path).stats().documents == 5);
    }
}
