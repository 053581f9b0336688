// SPDX-License-Identifier: GPL-2.0-or-later
#include <doctest/doctest.h>

#include <unicode/ucnv.h>

#include <ngosearch/error.hpp>
#include <ngosearch/ingest/loader.hpp>

#include "support/temp_dir.hpp"

using namespace ngosearch;
using namespace ngosearch::ingest;

TEST_CASE("loader: front matter sets title, date, type, language; other keys go to metadata") {
    const auto f = parse_text(
        "---\ntitle: 통일부에 보내는 서한\ndate: 2021-03-04\ntype: Letter\nlang: ko\n"
        "signatories: 12\n---\n\n# Heading\n본문입니다.\n",
        Format::Markdown);
    CHECK(f.document.title == "통일부에 보내는 서한");
    CHECK(f.document.date == "2021-03-04");
    CHECK(f.document.type == "letter");
    CHECK(f.document.language == "ko");
    CHECK(f.document.metadata.at("signatories") == "12");
    CHECK(f.document.body == "\n# Heading\n본문입니다.\n");
}

TEST_CASE("loader: without front matter the title is the first heading or first line") {
    CHECK(parse_text("intro line\n\n## The Title ##\ntext", Format::Markdown).document.title ==
          "The Title");
    CHECK(parse_text("\n\n  First line  \nsecond", Format::PlainText).document.title == "First line");
    CHECK(parse_text("# not a heading in txt\nx", Format::PlainText).document.title ==
          "# not a heading in txt");
}

TEST_CASE("loader: the date written near the top is found in English and Korean styles") {
    CHECK(parse_text("Letter\nDecember 15, 2020\nDear Minister,", Format::PlainText).document.date ==
          "2020-12-15");
    CHECK(parse_text("Letter\n15 December 2020\n", Format::PlainText).document.date == "2020-12-15");
    CHECK(parse_text("서한\n2020년 12월 15일\n", Format::PlainText).document.date == "2020-12-15");
    CHECK(parse_text("Release 2019-02-28 text", Format::PlainText).document.date == "2019-02-28");
    CHECK(parse_text("No date here at all.", Format::PlainText).document.date.empty());
    CHECK(parse_text("February 30, 2020 is not a date", Format::PlainText).document.date.empty());
    CHECK(parse_text("Date : December 15, 2020\n", Format::PlainText).document.date == "2020-12-15");
    CHECK(parse_text("서울, 2025. 10. 28.\n", Format::PlainText).document.date == "2025-10-28");
    CHECK(parse_text("발표 2025.10.28 오전", Format::PlainText).document.date == "2025-10-28");
    CHECK(parse_text("2020/12/15 release", Format::PlainText).document.date == "2020-12-15");
    CHECK(parse_text("Seoul, 3rd March, 2021", Format::PlainText).document.date == "2021-03-03");
    CHECK(parse_text("Dec. 5th 2021", Format::PlainText).document.date == "2021-12-05");
    CHECK(parse_text("2021년10월5일 서울", Format::PlainText).document.date == "2021-10-05");
}

TEST_CASE("loader: numbers and words that only look like dates are not dates") {
    // Part of a longer number, a month name inside a word, an invalid day: the next date wins.
    CHECK(parse_text("ref 120201-12-15 and May 4, 2019", Format::PlainText).document.date ==
          "2019-05-04");
    CHECK(parse_text("Mayor 5, 2020 then 2018-01-02", Format::PlainText).document.date ==
          "2018-01-02");
    CHECK(parse_text("2020. 13. 40. no", Format::PlainText).document.date.empty());
    CHECK(parse_text("2020년 12월", Format::PlainText).document.date.empty());
    CHECK(parse_text("Decembers 15, 2020", Format::PlainText).document.date.empty());
}

TEST_CASE("loader: language guessed when not given") {
    CHECK(parse_text("The National Security Law is used against activists.", Format::PlainText)
              .document.language == "en");
    CHECK(parse_text("국가보안법은 여전히 표현의 자유를 제한하고 있다.", Format::PlainText)
              .document.language == "ko");
}

TEST_CASE("loader: front-matter languages by name map to codes; unknown ones are kept aside") {
    CHECK(parse_text("---\nlang: English\n---\ntext", Format::PlainText).document.language == "en");
    CHECK(parse_text("---\nlang: 한국어\n---\n본문", Format::PlainText).document.language == "ko");
    const auto f = parse_text("---\nlang: Klingon\n---\nSome English text here.", Format::PlainText);
    CHECK(f.document.language == "en");  // guessed from the text
    CHECK(f.document.metadata.at("lang") == "Klingon");
}

TEST_CASE("loader: an unparseable front-matter date is kept in metadata, not lost") {
    const auto f = parse_text("---\ndate: sometime in 2020\n---\ntext here", Format::PlainText);
    CHECK(f.document.date.empty());
    CHECK(f.document.metadata.at("date") == "sometime in 2020");
}

TEST_CASE("loader: invalid UTF-8 is replaced and counted") {
    const auto f = parse_text("good words \xFF\xFE more good words here", Format::PlainText);
    CHECK(f.invalid_bytes == 2);
    CHECK(f.first_invalid == 11);
    CHECK(f.document.body.find("\xEF\xBF\xBD") != std::string::npos);
}

TEST_CASE("loader: binary, mostly-invalid and empty input are refused with a reason") {
    CHECK_THROWS_WITH_AS(parse_text(std::string("ab\0cd", 5), Format::PlainText, "x.txt"),
                         doctest::Contains("binary file"), InputError);
    CHECK_THROWS_WITH_AS(parse_text("  \n\t\n", Format::PlainText), doctest::Contains("empty"),
                         InputError);
    CHECK_THROWS_WITH_AS(parse_text("---\ntitle: only\n---\n", Format::Markdown),
                         doctest::Contains("empty"), InputError);
}

TEST_CASE("loader: files — formats, missing files, size limit") {
    ngosearch::test::TempDir dir;
    CHECK(format_for("a.MD") == Format::Markdown);
    CHECK(format_for("a.txt") == Format::PlainText);
    CHECK_FALSE(format_for("a.pdf").has_value());
    const auto p = dir.write("a.txt", "hello world");
    CHECK(load_file(p).document.title == "hello world");
    CHECK_THROWS_WITH_AS(load_file(dir / "missing.txt"), doctest::Contains("no such file"),
                         InputError);
    CHECK_THROWS_WITH_AS(load_file(p, 5), doctest::Contains("file too large"), InputError);
    CHECK_THROWS_WITH_AS(load_file(dir.write("a.doc", "%PDF")), doctest::Contains("unsupported"),
                         InputError);
    CHECK_THROWS_WITH_AS(load_file(dir.write("a.pdf", "no pdf")), doctest::Contains("not a PDF"),
                         InputError);
}

TEST_CASE("normalize_date: accepted and refused forms") {
    CHECK(normalize_date("2020") == "2020");
    CHECK(normalize_date("2020-3") == "2020-03");
    CHECK(normalize_date("2020/03/04") == "2020-03-04");
    CHECK(normalize_date("2024-02-29") == "2024-02-29");
    CHECK_FALSE(normalize_date("2023-02-29").has_value());
    CHECK_FALSE(normalize_date("2020-13").has_value());
    CHECK_FALSE(normalize_date("20").has_value());
    CHECK_FALSE(normalize_date("2020-01-01x").has_value());
    CHECK_FALSE(normalize_date("").has_value());
    // Long digit runs are refused without overflowing (UBSan found 99999999999 once).
    CHECK_FALSE(normalize_date("99999999999").has_value());
    CHECK_FALSE(normalize_date("2020-99999999999").has_value());
    CHECK_FALSE(normalize_date("2020-01-99999999999999999999").has_value());
}

namespace {

// `utf8` in another encoding, by ICU's converter.
std::string encode_as(std::string_view utf8, const char* encoding) {
    UErrorCode status = U_ZERO_ERROR;
    std::string out(utf8.size() * 4 + 16, '\0');
    const int32_t n = ucnv_convert(encoding, "UTF-8", out.data(), static_cast<int32_t>(out.size()),
                                   utf8.data(), static_cast<int32_t>(utf8.size()), &status);
    REQUIRE(U_SUCCESS(status));
    out.resize(static_cast<std::size_t>(n));
    return out;
}

constexpr std::string_view kKorean =
    "통일부에 보내는 서한\n2020년 12월 15일\n정부는 국가보안법 제7조를 폐지하고 북한이탈주민의 "
    "인권을 보호해야 한다. 표현의 자유는 민주주의의 기본이다.\n";

}  // namespace

TEST_CASE("loader: legacy Korean (EUC-KR, CP949) and UTF-16 files are decoded, not refused") {
    for (const char* enc : {"EUC-KR", "windows-949"}) {
        CAPTURE(enc);
        const auto f = parse_text(encode_as(kKorean, enc), Format::PlainText, "old.txt");
        CHECK(f.document.body == kKorean);
        CHECK(f.document.title == "통일부에 보내는 서한");
        CHECK(f.document.date == "2020-12-15");
        CHECK(f.document.language == "ko");
        CHECK(f.encoding == "windows-949");
        REQUIRE(f.warnings.size() == 1);
        CHECK(f.warnings[0].find("read as windows-949") != std::string::npos);
    }
    // 똠 is in CP949 only (not in EUC-KR's 2,350 syllables).
    const std::string cp949_only = std::string(kKorean) + "똠방각하 똠방각하 똠방각하\n";
    CHECK(parse_text(encode_as(cp949_only, "windows-949"), Format::PlainText).document.body ==
          cp949_only);
    for (const auto& [bom, enc] : {std::pair{"\xFF\xFE", "UTF-16LE"}, {"\xFE\xFF", "UTF-16BE"}}) {
        CAPTURE(enc);
        const auto f =
            parse_text(std::string(bom) + encode_as(kKorean, enc), Format::PlainText, "w.txt");
        CHECK(f.document.body == kKorean);
        CHECK(f.encoding == enc);
        CHECK(f.warnings.empty());
    }
    // UTF-8 with a byte order mark: the mark is no text.
    CHECK(parse_text("\xEF\xBB\xBFTitle line\nbody", Format::PlainText).document.title ==
          "Title line");
}

TEST_CASE("loader: bytes in no known encoding are replaced and reported, never dropped") {
    std::string noise;
    for (int i = 0; i < 400; ++i) noise += static_cast<char>(0x80 + (i * 37) % 0x7F);
    const auto f = parse_text("Readable start of a report.\n" + noise, Format::PlainText, "n.txt");
    CHECK(f.document.body.starts_with("Readable start of a report."));
    CHECK(f.invalid_bytes > 0);
    REQUIRE_FALSE(f.warnings.empty());
}

TEST_CASE("loader: title, date and type from the conventions of real documents") {
    const auto letter = parse_text(
        "Skip to main content\nDonate Now\n\nLetter to the Foreign Minister\n\n"
        "Re: Foreign Policy and Human Rights\n\nDear Minister,\n\nWe write to you…\n",
        Format::PlainText);
    CHECK(letter.document.title == "Letter to the Foreign Minister");
    CHECK(letter.document.type == "letter");
    const auto release = parse_text(
        "Home > Information > Releases\n\nDate : December 15, 2020\nSouth Korea: Promote Rights\n"
        "For Immediate Release\n(Seoul, December 15, 2020) – A coalition said today…\n",
        Format::PlainText);
    CHECK(release.document.title == "South Korea: Promote Rights");
    CHECK(release.document.date == "2020-12-15");
    CHECK(release.document.type == "press-release");
    const auto open = parse_text("Open Letter on Policies in the North\n\nFebruary 21, 2020\n\nDear President,",
                                 Format::PlainText);
    CHECK(open.document.type == "open-letter");
    CHECK(open.document.date == "2020-02-21");
    CHECK(parse_text("[성명] 국가보안법을 폐지하라\n2021. 6. 1.\n우리는 요구한다.", Format::PlainText)
              .document.type == "statement");
    CHECK(parse_text("보도자료\n\n통일부는 오늘 발표했다.", Format::PlainText).document.type ==
          "press-release");
    CHECK(parse_text("북한이탈주민법\n제1조(목적) 이 법은 …", Format::PlainText).document.type == "law");
    CHECK(parse_text("Some notes without cues.", Format::PlainText).document.type.empty());
    // Front matter wins; values it cannot use are kept and reported.
    const auto fm = parse_text("---\ntype: report\ndate: 9999-99-99\nlang: xx\n---\nDear all,",
                               Format::PlainText);
    CHECK(fm.document.type == "report");
    CHECK(fm.document.metadata.at("date") == "9999-99-99");
    CHECK(fm.document.metadata.at("lang") == "xx");
    CHECK(fm.warnings.size() == 2);
}
