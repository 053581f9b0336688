// SPDX-License-Identifier: GPL-2.0-or-later
// Damaged, half-made and mistaken index locations: each a clear error, never silence.
#include <doctest/doctest.h>

#include <functional>
#include <string>

#include <ngosearch/error.hpp>
#include <ngosearch/index/indexer.hpp>
#include <ngosearch/ingest/loader.hpp>
#include <ngosearch/search/searcher.hpp>

#include "support/temp_dir.hpp"

using namespace ngosearch;
using ngosearch::test::TempDir;
namespace fs = std::filesystem;

namespace {

void make_index(const fs::path& db) {
    Indexer ix(db);
    ix.add({.id = "a", .title = "First", .body = "the prosecution of activists"});
    ix.add({.id = "b", .title = "Second", .body = "detention of journalists"});
    ix.commit();
}

std::string error_of(const std::function<void()>& fn) {
    try {
        fn();
    } catch (const IndexCorrupt& e) {
        return std::string("corrupt: ") + e.what();
    } catch (const Error& e) {
        return std::string("other: ") + e.what();
    }
    return "none";
}

}  // namespace

TEST_CASE("index faults: a missing table file is IndexCorrupt naming it, for readers and writers") {
    for (const char* table : {"position.glass", "termlist.glass", "docdata.glass",
                              "postlist.glass"}) {
        CAPTURE(table);
        TempDir dir;
        const auto db = dir / "idx";
        make_index(db);
        fs::remove(db / table);
        const std::string read = error_of([&] { Searcher s(db); });
        CHECK(read.starts_with("corrupt: "));
        CHECK(read.find(table) != std::string::npos);
        CHECK(read.find("rebuild") != std::string::npos);
        CHECK(error_of([&] { Indexer ix(db); }).starts_with("corrupt: "));
    }
}

TEST_CASE("index faults: a truncated table is IndexCorrupt with the remedy") {
    TempDir dir;
    const auto db = dir / "idx";
    make_index(db);
    fs::resize_file(db / "postlist.glass", 8192);
    const std::string e = error_of([&] { Searcher(db).search("prosecution"); });
    CHECK(e.starts_with("corrupt: index at " + db.string() + " is damaged"));
    CHECK(e.find("rebuild it") != std::string::npos);
}

TEST_CASE("index faults: a folder left with only a lock file becomes an index; no leftovers") {
    TempDir dir;
    const auto db = dir / "idx";
    fs::create_directory(db);
    dir.write("idx/flintlock", "");
    make_index(db);
    CHECK(Searcher(db).stats().documents == 2);
    for (const auto& entry : fs::directory_iterator(dir.path())) {
        CHECK(entry.path().filename().string().find("ngosearch-new") == std::string::npos);
    }
    // Opening without create does not make one.
    const auto other = dir / "other";
    fs::create_directory(other);
    CHECK_THROWS_AS(Indexer(other, IndexOptions{.create = false}), IndexNotFound);
    CHECK(fs::is_empty(other));
}

TEST_CASE("index faults: a regular file is no index (and not a 'Bad line')") {
    TempDir dir;
    const auto file = dir.write("notes.txt", "some notes\n");
    try {
        Searcher s(file);
        FAIL("opened a text file as an index");
    } catch (const IndexNotFound& e) {
        CHECK(std::string(e.what()).find("it is a file, not an index folder") != std::string::npos);
    }
}

TEST_CASE("loader: UTF-16, with a byte order mark or without, is read, not taken for binary") {
    const std::string text = "Detention of journalists.";
    std::string le = "\xFF\xFE", be;
    for (char c : text) {
        le += c;
        le += '\0';
        be += '\0';
        be += c;
    }
    for (const std::string& bytes : {le, be}) {
        const auto loaded = ingest::parse_text(bytes, ingest::Format::PlainText, "x.txt");
        CHECK(loaded.document.body == text);
        CHECK(loaded.encoding.starts_with("UTF-16"));
    }
    // A NUL byte in text that is not UTF-16 is still binary.
    CHECK_THROWS_WITH_AS(ingest::parse_text(std::string("ab\0cd efgh ijkl mnop", 19),
                                            ingest::Format::PlainText),
                         doctest::Contains("binary"), InputError);
}

TEST_CASE("loader: front-matter values it cannot use are kept and reported") {
    const auto loaded = ingest::parse_text(
        "---\ntitle: T\ndate: 9999-99-99\nlang: xx\n---\nDetention of journalists.\n",
        ingest::Format::Markdown);
    REQUIRE(loaded.warnings.size() == 2);
    CHECK(loaded.warnings[0].find("date '9999-99-99'") != std::string::npos);
    CHECK(loaded.warnings[1].find("lang 'xx'") != std::string::npos);
    CHECK(loaded.document.date.empty());
    CHECK(loaded.document.metadata.at("date") == "9999-99-99");
    const auto good = ingest::parse_text("---\ndate: 2020-01-02\nlang: ko\n---\n본문\n",
                                         ingest::Format::Markdown);
    CHECK(good.warnings.empty());
}

TEST_CASE("loader: a size over the limit names the option that raises it") {
    TempDir dir;
    const auto file = dir.write("big.txt", std::string(2000, 'a'));
    CHECK_THROWS_WITH_AS(ingest::read_file(file, 1000),
                         doctest::Contains("IndexOptions::max_file_bytes"), InputError);
}
