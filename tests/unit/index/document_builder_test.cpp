// SPDX-License-Identifier: GPL-2.0-or-later
// A long body is analysed a piece at a time: the document built is the one a single analysis
// gives (terms, phrase positions across the cuts, entity spans in the whole body).
#include <doctest/doctest.h>

#include <xapian.h>

#include <ngosearch/entities/tagger.hpp>

#include "detail/text_pieces.hpp"
#include "index/document_builder.hpp"
#include "index/prefixes.hpp"

using namespace ngosearch;

namespace {

// Each term of a built document with its positions.
std::map<std::string, std::vector<Xapian::termpos>> postings(const Xapian::Document& d) {
    std::map<std::string, std::vector<Xapian::termpos>> out;
    for (auto t = d.termlist_begin(); t != d.termlist_end(); ++t) {
        auto& positions = out[*t];
        for (auto p = t.positionlist_begin(); p != t.positionlist_end(); ++p) {
            positions.push_back(*p);
        }
    }
    return out;
}

}  // namespace

TEST_CASE("text pieces: cut at a line break, a sentence end, a space, a character boundary") {
    using detail::piece_end;
    CHECK(piece_end("short text", 100) == 10);
    CHECK(piece_end("one two three\nfour five six", 20) == 14);       // after the line break
    CHECK(piece_end("One two three. Four five six", 20) == 15);       // after ". "
    CHECK(piece_end("one two three four five", 16) == 14);            // after the last space
    const std::string hangul = "국가보안법국가보안법";                 // 3 bytes a syllable
    CHECK(piece_end(hangul, 8) == 6);                                 // never inside one
    // A line break or space early in the window is not used: the piece would be tiny.
    CHECK(piece_end("a bcdefghijklmnopqrstuvwxyz", 10) == 10);
}

TEST_CASE("document builder: a body analysed in pieces builds what one analysis builds") {
    const auto analyzer = analysis::Analyzer::standard();
    const auto tagger = entities::make_standard_tagger();
    std::string body;
    for (int i = 0; i < 40; ++i) {
        body += "The Ministry of Unification reviewed case " + std::to_string(i) +
                " under the National Security Act. 통일부는 국가보안법을 검토했다.\n";
    }
    const Document doc{.id = "long", .title = "A long report", .body = body};
    const detail::DocumentBuilder whole(analyzer, tagger);
    const detail::DocumentBuilder pieces(analyzer, tagger, 200);  // about 2 lines a piece
    const detail::BuiltDocument a = whole.build(doc, "");
    const detail::BuiltDocument b = pieces.build(doc, "");
    CHECK(postings(a.document) == postings(b.document));
    CHECK(a.document.get_data() == b.document.get_data());  // entities and their spans too
    const auto entities = detail::slot(detail::Slot::Entities);
    CHECK_FALSE(a.document.get_value(entities).empty());
    CHECK(a.document.get_value(entities) == b.document.get_value(entities));
}

TEST_CASE("document builder: piece cuts keep phrase positions and entity spans of the body") {
    const auto analyzer = analysis::Analyzer::standard();
    const auto tagger = entities::make_standard_tagger();
    // No line break or sentence end: cut at spaces, inside "special rapporteur on torture".
    std::string body;
    for (int i = 0; i < 30; ++i) body += "special rapporteur on torture visited Seoul ";
    const detail::DocumentBuilder pieces(analyzer, tagger, 64);
    const detail::BuiltDocument built = pieces.build({.id = "d", .body = body}, "");
    const auto terms = postings(built.document);
    REQUIRE(terms.contains("special"));
    REQUIRE(terms.contains("torture"));
    // Every "special" is followed, three words on, by "torture": positions run on across cuts.
    const auto& special = terms.at("special");
    const auto& torture = terms.at("torture");
    REQUIRE(special.size() == 30);
    REQUIRE(torture.size() == 30);
    for (std::size_t i = 0; i < special.size(); ++i) CHECK(torture[i] == special[i] + 3);
}
