// SPDX-License-Identifier: GPL-2.0-or-later
#include <doctest/doctest.h>

#include <xapian.h>

#include <ngosearch/error.hpp>
#include <ngosearch/index/indexer.hpp>
#include <ngosearch/search/searcher.hpp>

#include "support/temp_dir.hpp"

using namespace ngosearch;
using ngosearch::test::TempDir;

namespace {
const FileIssue* find_issue(const std::vector<FileIssue>& v, std::string_view path_end) {
    for (const auto& i : v) {
        if (i.path.ends_with(path_end)) return &i;
    }
    return nullptr;
}
}  // namespace

TEST_CASE("add_path: folder tree, ids relative to the root, paths as given, bad files reported") {
    TempDir dir;
    dir.write("docs/en/a.md", "# Alpha title\nAbout detention.");
    dir.write("docs/ko/b.txt", "통일부는 북한에서 발표했다.");
    dir.write("docs/bad.txt", "valid words \xFF\xFE then more valid words");
    dir.write("docs/bin.txt", std::string("PK\0\0\x03\x04 zip", 10));
    dir.write("docs/empty.md", "");
    dir.write("docs/scan.docx", "PK zip");
    dir.write("docs/.hidden/x.txt", "hidden");
    dir.write("docs/.notes.txt", "hidden");

    Indexer ix(dir / "idx");
    std::size_t calls = 0, last_total = 0;
    const IndexReport r = ix.add_path(dir / "docs", [&](std::size_t done, std::size_t total) {
        ++calls;
        CHECK(done <= total);
        last_total = total;
    });
    ix.commit();
    CHECK(r.indexed == 3);
    CHECK(calls == 6);
    CHECK(last_total == 6);
    CHECK(r.ids == std::vector<std::string>{"bad.txt", "en/a.md", "ko/b.txt"});
    REQUIRE(r.skipped.size() == 3);
    CHECK(find_issue(r.skipped, "bin.txt")->reason.find("binary file") != std::string::npos);
    CHECK(find_issue(r.skipped, "empty.md")->reason.find("empty file") != std::string::npos);
    CHECK(find_issue(r.skipped, "scan.docx")->reason.find("unsupported format (.docx)") !=
          std::string::npos);
    REQUIRE(r.warnings.size() == 1);
    CHECK(r.warnings[0].reason.find("invalid UTF-8: 2 byte(s)") != std::string::npos);

    Searcher s(dir / "idx");
    const auto doc = s.find("en/a.md");
    REQUIRE(doc.has_value());
    CHECK(doc->title == "Alpha title");
    CHECK(doc->path == ((dir / "docs") / "en/a.md").generic_string());
    CHECK(s.search("valid").total == 1);
    CHECK(s.search("통일부").total == 1);
    CHECK_FALSE(s.find(".notes.txt").has_value());
}

TEST_CASE("add_path: re-indexing skips unchanged files and replaces changed ones") {
    TempDir dir;
    dir.write("docs/a.txt", "first version of the text");
    dir.write("docs/b.txt", "another file");
    Indexer ix(dir / "idx");
    CHECK(ix.add_path(dir / "docs").indexed == 2);
    const IndexReport again = ix.add_path(dir / "docs");
    CHECK(again.indexed == 0);
    CHECK(again.unchanged == 2);
    dir.write("docs/a.txt", "second version of the text");
    const IndexReport changed = ix.add_path(dir / "docs");
    CHECK(changed.indexed == 1);
    CHECK(changed.unchanged == 1);
    ix.commit();
    CHECK(ix.document_count() == 2);
    Searcher s(dir / "idx");
    CHECK(s.search("second").total == 1);
    CHECK(s.search("first").total == 0);
}

TEST_CASE("add_path: a single file gets its name as id; a missing path throws") {
    TempDir dir;
    const auto f = dir.write("x/letter.md", "# Letter\nbody");
    Indexer ix(dir / "idx");
    const IndexReport r = ix.add_path(f);
    CHECK(r.ids == std::vector<std::string>{"letter.md"});
    CHECK_THROWS_WITH_AS(ix.add_path(dir / "missing"), doctest::Contains("no such file"),
                         InputError);
}

TEST_CASE("add_path: files over the size limit are skipped, never truncated") {
    TempDir dir;
    dir.write("docs/big.txt", std::string(2000, 'a') + " end");
    Indexer ix(dir / "idx", IndexOptions{.max_file_bytes = 1000});
    const IndexReport r = ix.add_path(dir / "docs");
    CHECK(r.indexed == 0);
    REQUIRE(r.skipped.size() == 1);
    CHECK(r.skipped[0].reason.find("file too large") != std::string::npos);
}

TEST_CASE("add_path: .ngosearchignore patterns leave files out, by name or relative path") {
    TempDir dir;
    dir.write("docs/.ngosearchignore", "# notes\nREADME.md\ndrafts/*.txt\n");
    dir.write("docs/README.md", "about this folder");
    dir.write("docs/sub/README.md", "also ignored by name");
    dir.write("docs/drafts/a.txt", "draft text");
    dir.write("docs/drafts/keep.md", "kept text");
    dir.write("docs/letter.txt", "letter text");
    Indexer ix(dir / "idx");
    const IndexReport r = ix.add_path(dir / "docs");
    CHECK(r.ignored == 3);
    CHECK(r.skipped.empty());
    CHECK(r.ids == std::vector<std::string>{"drafts/keep.md", "letter.txt"});
}

TEST_CASE("add_path: a file name that is not UTF-8 (an EUC-KR zip) is indexed, the rest too") {
    TempDir dir;
    dir.write("docs/a.txt", "alpha");
    dir.write("docs/c\xB1\xB9\xB0\xA1.txt", "korean name");
    dir.write("docs/d.txt", "delta");
    Indexer ix(dir / "idx");
    const IndexReport r = ix.add_path(dir / "docs");
    ix.commit();
    CHECK(r.indexed == 3);
    CHECK(r.skipped.empty());
    Searcher s(dir / "idx");
    CHECK(s.search("korean").total == 1);
    CHECK(s.search("delta").total == 1);
}

TEST_CASE("add_path: names differing only in bytes that are not UTF-8 stay two documents") {
    TempDir dir;
    dir.write("docs/x\xFF.txt", "first file on detention");
    dir.write("docs/x\xFE.txt", "second file on prosecution");
    Indexer ix(dir / "idx");
    const IndexReport r = ix.add_path(dir / "docs");
    ix.commit();
    CHECK(r.indexed == 2);
    CHECK(ix.document_count() == 2);
    CHECK(r.ids == std::vector<std::string>{"x\\xFE.txt", "x\\xFF.txt"});
    REQUIRE(r.warnings.size() == 2);
    CHECK(r.warnings[0].reason.find("not valid UTF-8") != std::string::npos);
    {
        Searcher s(dir / "idx");
        const auto doc = s.find("x\\xFF.txt");
        REQUIRE(doc.has_value());
        CHECK(doc->body == "first file on detention");
        CHECK(doc->path.ends_with("docs/x\\xFF.txt"));
    }
    // A second run finds both unchanged: nothing is indexed again.
    const IndexReport again = ix.add_path(dir / "docs");
    CHECK(again.indexed == 0);
    CHECK(again.unchanged == 2);
}

TEST_CASE("add_path: two files that would share an id — the second is skipped, never lost") {
    TempDir dir;
    dir.write("docs/x\xFF.txt", "raw byte name");
    dir.write("docs/x\\xFF.txt", "a name written with a backslash");
    Indexer ix(dir / "idx");
    const IndexReport r = ix.add_path(dir / "docs");
    ix.commit();
    CHECK(r.indexed == 1);
    REQUIRE(r.skipped.size() == 1);
    CHECK(r.skipped[0].reason.find("is already the id of") != std::string::npos);
}

namespace {

// Everything an index holds that a search can see: each document's stored data and values,
// and each term with its frequencies and positions, in order.
std::string index_contents(const std::filesystem::path& path) {
    const Xapian::Database db(path.string());
    std::string out = "docs " + std::to_string(db.get_doccount()) + '\n';
    for (auto t = db.allterms_begin(); t != db.allterms_end(); ++t) {
        out += *t + ' ' + std::to_string(t.get_termfreq()) + ':';
        for (auto p = db.postlist_begin(*t); p != db.postlist_end(*t); ++p) {
            // Document ids are part of it: the writer must see the files in the same order.
            out += ' ' + std::to_string(*p) + '/' + std::to_string(p.get_wdf());
            for (auto q = db.positionlist_begin(*p, *t); q != db.positionlist_end(*p, *t); ++q) {
                out += ',' + std::to_string(*q);
            }
        }
        out += '\n';
    }
    for (auto p = db.postlist_begin(""); p != db.postlist_end(""); ++p) {
        const Xapian::Document d = db.get_document(*p);
        out += d.get_data() + '\n';
        for (auto v = d.values_begin(); v != d.values_end(); ++v) out += *v + '\n';
    }
    return out;
}

}  // namespace

TEST_CASE("add_path: the index is the same whatever the number of threads") {
    TempDir dir;
    // Enough files, of unequal sizes, that threads finish them out of order.
    for (int i = 0; i < 60; ++i) {
        std::string text = "# 문서 " + std::to_string(i) + "\n";
        for (int j = 0; j <= i % 7; ++j) {
            text += "통일부는 국가보안법 제7조에 대해 " + std::to_string(i * 31 + j) +
                    "번째 서한을 보냈다. The Ministry of Unification answered letter " +
                    std::to_string(j) + " on December " + std::to_string(1 + i % 28) +
                    ", 2021.\n";
        }
        dir.write("docs/" + std::to_string(i % 5) + "/d" + std::to_string(i) + ".md", text);
    }
    dir.write("docs/bad.bin.txt", std::string("\0\1\2binary", 9));
    std::vector<std::string> contents;
    std::vector<IndexReport> reports;
    for (const std::size_t threads : {1, 2, 5}) {
        const auto db = dir / ("idx" + std::to_string(threads));
        Indexer ix(db, {.batch_docs = 7, .threads = threads});
        reports.push_back(ix.add_path(dir / "docs"));
        ix.commit();
        contents.push_back(index_contents(db));
    }
    CHECK(reports[0].indexed == 60);
    CHECK(reports[0].skipped.size() == 1);
    for (std::size_t i = 1; i < contents.size(); ++i) {
        CHECK(reports[i].ids == reports[0].ids);
        CHECK(reports[i].skipped.size() == reports[0].skipped.size());
        CHECK(contents[i] == contents[0]);
    }
    // Run again on several threads: every file is unchanged.
    Indexer again(dir / "idx5", {.threads = 5});
    const IndexReport r = again.add_path(dir / "docs");
    CHECK(r.unchanged == 60);
    CHECK(r.indexed == 0);
}

TEST_CASE("add_path: files come folder by folder in path order, counted before for progress") {
    TempDir dir;
    // Byte order alone would put "a-b/…" ('-' < '/') before "a/…"; paths compare by folder.
    for (const char* f : {"b.txt", "a.txt", "a-b/y.txt", "a/x.txt", "a/z/deep.txt", "a/.h/no.txt"}) {
        dir.write(std::string("docs/") + f, std::string("Text of ") + f);
    }
    std::vector<std::size_t> totals;
    Indexer ix(dir / "idx", {.threads = 2});
    const IndexReport r = ix.add_path(dir / "docs", [&](std::size_t, std::size_t total) {
        totals.push_back(total);
    });
    CHECK(r.ids == std::vector<std::string>{"a/x.txt", "a/z/deep.txt", "a-b/y.txt", "a.txt", "b.txt"});
    CHECK(totals == std::vector<std::size_t>(5, 5));

    // Without the list of ids (a bulk build that reads only the counts), the same documents.
    Indexer quiet(dir / "idx2", {.report_ids = false});
    const IndexReport q = quiet.add_path(dir / "docs");
    quiet.commit();
    CHECK(q.indexed == 5);
    CHECK(q.ids.empty());
    CHECK(quiet.document_count() == 5);
}

TEST_CASE("add_path: documents added before are committed first and not mistaken for unchanged") {
    TempDir dir;
    dir.write("docs/a.txt", "original text about detention");
    Indexer ix(dir / "idx");
    ix.add_path(dir / "docs");
    ix.commit();
    // The same id replaced by hand, not yet committed: the file must replace it again.
    ix.add(Document{.id = "a.txt", .title = "by hand", .body = "replaced by hand"});
    const IndexReport r = ix.add_path(dir / "docs");
    ix.commit();
    CHECK(r.indexed == 1);
    Searcher s(dir / "idx");
    CHECK(s.search("detention").total == 1);
    CHECK(s.search("hand").total == 0);
}

TEST_CASE("add_path: re-runs count updated files, report identical content, prune gone files") {
    TempDir dir;
    dir.write("docs/a.txt", "Detention of journalists in the provinces.");
    dir.write("docs/b.txt", "Leaflets sent across the border.");
    dir.write("docs/sub/c.txt", "Detention of journalists in the provinces.");  // a's bytes
    dir.write("other/x.txt", "A document from another folder.");
    Indexer ix(dir / "idx", {.prune = true});
    IndexReport r = ix.add_path(dir / "docs");
    CHECK(r.indexed == 3);
    CHECK(r.updated == 0);
    CHECK(r.bytes > 0);
    REQUIRE(r.warnings.size() == 1);
    CHECK(r.warnings[0].path.ends_with("sub/c.txt"));
    CHECK(r.warnings[0].reason.find("same content as " + (dir / "docs/a.txt").generic_string() +
                                    ";") != std::string::npos);
    CHECK(ix.add_path(dir / "other").indexed == 1);
    ix.commit();

    dir.write("docs/b.txt", "Leaflets and balloons sent across the border.");
    std::filesystem::remove(dir / "docs/a.txt");
    r = ix.add_path(dir / "docs");
    ix.commit();
    CHECK(r.indexed == 1);
    CHECK(r.updated == 1);
    CHECK(r.unchanged == 1);
    CHECK(r.pruned == 1);  // a.txt; x.txt is from another folder and stays
    Searcher s(dir / "idx");
    CHECK_FALSE(s.find("a.txt").has_value());
    CHECK(s.find("x.txt").has_value());
    CHECK(s.search("balloons").total == 1);
    CHECK(s.stats().documents == 3);
    // Without prune nothing is deleted.
    std::filesystem::remove(dir / "docs/b.txt");
    Indexer keep(dir / "idx2");
    keep.add_path(dir / "docs");
    keep.commit();
    std::filesystem::remove(dir / "docs/sub/c.txt");
    CHECK(keep.add_path(dir / "docs").pruned == 0);
    keep.commit();
    CHECK(keep.document_count() == 1);
}

TEST_CASE("add_path: a file that vanishes or changes during the run is reported or read as it is") {
    TempDir dir;
    for (int i = 10; i < 22; ++i) {
        dir.write("docs/f" + std::to_string(i) + ".txt", "Original text number " + std::to_string(i));
    }
    Indexer ix(dir / "idx", {.threads = 1});
    std::uint64_t last_bytes = 0;
    const IndexReport r = ix.add_path(dir / "docs", DetailedProgressCallback([&](const IndexProgress& p) {
        CHECK(p.bytes >= last_bytes);
        last_bytes = p.bytes;
        if (p.done == 1) {
            // Files far ahead of the readers: one deleted, one rewritten.
            std::filesystem::remove(dir / "docs/f20.txt");
            dir.write("docs/f21.txt", "Rewritten while indexing: zebras");
        }
    }));
    ix.commit();
    CHECK(r.indexed == 11);
    REQUIRE(r.skipped.size() == 1);
    CHECK(r.skipped[0].path.ends_with("f20.txt"));
    CHECK(r.skipped[0].reason.find("no such file") != std::string::npos);
    Searcher s(dir / "idx");
    CHECK(s.search("zebras").total == 1);
    CHECK(s.stats().documents == 11);
    CHECK(last_bytes == r.bytes);
}
