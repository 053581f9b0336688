// SPDX-License-Identifier: GPL-2.0-or-later
// The HTML and PDF loaders, and the registry that picks a loader by file name.
#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>

#include <ngosearch/error.hpp>
#include <ngosearch/index/indexer.hpp>
#include <ngosearch/ingest/loader.hpp>
#include <ngosearch/search/searcher.hpp>
#include <ngosearch/text/utf8.hpp>

#include "support/pdf_writer.hpp"
#include "support/temp_dir.hpp"

using namespace ngosearch;
using namespace ngosearch::ingest;

namespace {

LoadedFile load_html(const std::string& html) {
    return LoaderRegistry::standard()->for_file("page.html")->load(html, "page.html");
}

LoadedFile load_pdf(const std::string& pdf) {
    return LoaderRegistry::standard()->for_file("doc.pdf")->load(pdf, "doc.pdf");
}

}  // namespace

TEST_CASE("registry: a loader per extension, any case; unknown ones have none") {
    const auto& r = *LoaderRegistry::standard();
    CHECK(r.for_file("a.HTM")->name() == "html");
    CHECK(r.for_file("a.xhtml")->name() == "html");
    CHECK(r.for_file("a.PDF")->name() == "pdf");
    CHECK(r.for_file("a.markdown")->name() == "markdown");
    CHECK(r.for_file("a.txt")->name() == "text");
    CHECK(r.for_file("a.docx") == nullptr);
    CHECK(r.for_file("noext") == nullptr);
    CHECK(r.supported() == ".htm, .html, .markdown, .md, .pdf, .text, .txt, .xhtml");
}

TEST_CASE("html: visible text only, title, lang, entities decoded, broken nesting tolerated") {
    const auto f = load_html(
        "<!DOCTYPE html><html lang=\"ko\"><head><meta charset=\"utf-8\">"
        "<title>통일부에 보내는 공개서한</title><meta name=\"date\" content=\"2021-03-04\">"
        "<style>p { color: red }</style><script>var secret = 'hidden script';</script></head>"
        "<body><nav>Home &gt; Releases</nav><div hidden>hidden block</div>"
        "<p style=\"display: none\">invisible paragraph</p><p class=\"note hidden\">by class</p>"
        "<h1>국가보안법 &amp; 표현의 자유</h1><p>정부는 <b>국가보안법 <i>제7조를</b> 폐지해야</i> 한다."
        "<p>Second&nbsp;paragraph &lt;quoted&gt;<footer>© site footer</footer></body></html>");
    const Document& d = f.document;
    CHECK(d.title == "통일부에 보내는 공개서한");
    CHECK(d.language == "ko");
    CHECK(d.date == "2021-03-04");
    CHECK(d.type == "open-letter");
    CHECK(d.body.find("국가보안법 & 표현의 자유\n") != std::string::npos);
    CHECK(d.body.find("정부는 국가보안법 제7조를 폐지해야 한다.") != std::string::npos);
    CHECK(d.body.find("<quoted>") != std::string::npos);
    for (const char* hidden : {"secret", "color", "hidden block", "invisible", "by class",
                               "Releases", "footer"}) {
        CAPTURE(hidden);
        CHECK(d.body.find(hidden) == std::string::npos);
    }
}

TEST_CASE("html: without <title> the first heading; without a charset UTF-8 is read as such") {
    const auto f = load_html("<body><h2>sub</h2><h1>Letter to the Minister</h1>"
                             "<p>Dear Minister, 북한 인권 상황에 대해 씁니다. 2020년 12월 15일</p>");
    CHECK(f.document.title == "Letter to the Minister");
    CHECK(f.document.body.find("북한 인권 상황") != std::string::npos);
    CHECK(f.document.date == "2020-12-15");
    CHECK(f.document.language == "mixed");
    CHECK_THROWS_WITH_AS(load_html("<html><head><title>t</title></head><body> </body></html>"),
                         doctest::Contains("no visible text"), InputError);
    // Deep, unclosed nesting is read (walked without recursion)...
    std::string deep;
    for (int i = 0; i < 1000; ++i) deep += "<div><span>";
    CHECK(load_html(deep + "deep words").document.body.find("deep words") != std::string::npos);
    // ... and deeper than libxml2's limit, what is too deep is left out: no crash, no hang.
    std::string deeper = "<p>shallow words</p>";
    for (int i = 0; i < 30000; ++i) deeper += "<div>";
    CHECK(load_html(deeper + "too deep").document.body.starts_with("shallow words"));
}

TEST_CASE("html: a page that declares UTF-8 but holds other bytes gives well-formed UTF-8") {
    // Found by the formats fuzzer (reduced): a byte that is not UTF-8 right after '&' went
    // through libxml2 into the text as it was.
    for (const std::string& page : {std::string("charset&\xA4"),
                                   std::string("<meta charset=\"utf-8\"><title>\xEB\x82\x9C&\xA4"
                                               "</title><p>\xEB\xAF\xBC &\xFF\xFE x</p>")}) {
        const auto f = load_html(page);
        for (const std::string* field : {&f.document.body, &f.document.title}) {
            CAPTURE(*field);
            CHECK(text::is_valid_utf8(*field));
        }
        CHECK(f.invalid_bytes > 0);
        REQUIRE(f.warnings.size() == 1);
        CHECK(f.warnings.front().find("replaced") != std::string::npos);
    }
    // A well-formed page gets no such warning.
    CHECK(load_html("<meta charset=\"utf-8\"><p>\xEB\x82\x9C &amp; \xEB\xAF\xBC</p>").warnings.empty());
}

TEST_CASE("pdf: text per page with where each page begins; title and date from the info") {
    const std::string pdf = test::make_pdf(
        {{"Open letter on detention", "We urge the Ministry of Unification."},
         {"Second page about the National Security Law."}},
        {.title = "Open letter on detention", .creation_date = "D:20201215093000Z"});
    const auto f = load_pdf(pdf);
    const Document& d = f.document;
    CHECK(d.title == "Open letter on detention");
    CHECK(d.date == "2020-12-15");
    CHECK(d.language == "en");
    CHECK(d.type == "open-letter");
    CHECK(d.metadata.at("pages") == "2");
    REQUIRE(f.pages.size() == 2);
    CHECK(f.pages[0].number == 1);
    CHECK(f.pages[0].body_offset == 0);
    CHECK(f.pages[1].number == 2);
    CHECK(d.body.substr(f.pages[1].body_offset).starts_with("Second page"));
    CHECK(d.body.find("Ministry of Unification") < f.pages[1].body_offset);
}

TEST_CASE("pdf: truncated, not a PDF, no text, encrypted: each refused with its reason") {
    const std::string pdf = test::make_pdf({{"Some words on a page."}});
    CHECK_THROWS_WITH_AS(load_pdf(pdf.substr(0, 9)), doctest::Contains("damaged or truncated"),
                         InputError);
    CHECK_THROWS_WITH_AS(load_pdf("plain text, not a PDF"), doctest::Contains("not a PDF"),
                         InputError);
    CHECK_THROWS_WITH_AS(load_pdf(test::make_pdf({{}})), doctest::Contains("without text"),
                         InputError);
    // A truncated tail (a failed download): poppler rebuilds what it can, or it is refused.
    try {
        const auto f = load_pdf(pdf.substr(0, pdf.size() - 60));
        CHECK(f.document.body.find("Some words") != std::string::npos);
    } catch (const InputError& e) {
        CHECK(std::string(e.what()).find("damaged") != std::string::npos);
    }

    if (std::system("command -v qpdf >/dev/null 2>&1") != 0) {
        MESSAGE("qpdf (Debian package qpdf) absent: encrypted PDFs not tested");
        return;
    }
    test::TempDir dir;
    const auto plain = dir.write("plain.pdf", pdf);
    const auto run = [&](const std::string& user, const std::filesystem::path& out) {
        const std::string cmd = "qpdf --encrypt '" + user + "' owner 256 -- '" + plain.string() +
                                "' '" + out.string() + "'";
        REQUIRE(std::system(cmd.c_str()) == 0);
    };
    // Encrypted with an empty user password (restrictions only): read.
    run("", dir / "open.pdf");
    CHECK(load_file(dir / "open.pdf").document.body.find("Some words") != std::string::npos);
    // With a user password: skipped with that reason.
    run("secret", dir / "locked.pdf");
    CHECK_THROWS_WITH_AS(load_file(dir / "locked.pdf"), doctest::Contains("password"), InputError);
}

TEST_CASE("pdf and html through the indexer: a hit names the page of its snippet") {
    test::TempDir dir;
    dir.write("docs/letter.pdf",
              test::make_pdf({{"Open letter on detention", "Arbitrary detention must end."},
                              {"The National Security Law is used against students."},
                              {"Signed by the coalition of rights groups."}},
                             {.title = "Open letter on detention"}));
    dir.write("docs/page.html",
              "<html lang=en><head><title>Statement on leaflets</title></head><body><p>Leaflets "
              "and the National Security Law.</p></body></html>");
    {
        Indexer ix(dir / "idx");
        const IndexReport r = ix.add_path(dir / "docs");
        CHECK(r.indexed == 2);
        CHECK(r.skipped.empty());
        ix.commit();
    }
    Searcher s(dir / "idx");
    const auto page_of = [&](std::string_view query, std::string_view id) {
        for (const Hit& h : s.search(query).hits) {
            if (h.id == id) return h.page;
        }
        FAIL("no hit " << id << " for " << query);
        return 0u;
    };
    CHECK(page_of("students", "letter.pdf") == 2);
    CHECK(page_of("arbitrary", "letter.pdf") == 1);
    CHECK(page_of("coalition", "letter.pdf") == 3);
    CHECK(page_of("leaflets", "page.html") == 0);
    CHECK(s.find("letter.pdf")->pages.size() == 3);
    CHECK(s.find("page.html")->title == "Statement on leaflets");
}
