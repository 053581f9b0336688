// SPDX-License-Identifier: GPL-2.0-or-later
// Entities in the index and in search, on documents written for these tests: filters by id and
// by name in either language, articles, renamed bodies, cross-language search, exact facets.
#include <doctest/doctest.h>

#include <algorithm>

#include <ngosearch/index/indexer.hpp>
#include <ngosearch/search/searcher.hpp>

#include "support/temp_dir.hpp"

using namespace ngosearch;

namespace {

std::vector<Document> documents() {
    std::vector<Document> docs{
        {.id = "en-moon",
         .title = "Letter to President Moon",
         .body = "Dear President Moon, we write about Article 7 of the National Security Act "
                 "and the Ministry of Unification.",
         .language = "en", .date = "2019-03-01"},
        {.id = "ko-moon",
         .body = "문재인 대통령은 국가보안법 제7조를 폐지해야 한다. 통일부는 답하라.",
         .language = "ko", .date = "2019-05-01"},
        {.id = "ko-ansp",
         .body = "1990년대 안기부는 국가보안법으로 학생들을 연행했다.",
         .language = "ko", .date = "2015-01-01"},
        {.id = "en-resolution",
         .body = "The General Assembly adopted resolution 78/218 on North Korea.",
         .language = "en"},
        {.id = "en-plain",
         .body = "Moon Jae-in was elected in 2017; his name appears here as written.",
         .language = "en"},
    };
    // A larger set for facets: 24 documents name the Ministry of Unification, 9 of them the
    // National Security Act as well.
    for (int i = 0; i < 24; ++i) {
        docs.push_back({.id = "bulk-" + std::to_string(i),
                        .body = std::string("Report ") + std::to_string(i) +
                                " on detention: the Ministry of Unification did not answer." +
                                (i % 8 < 3 ? " The National Security Act was cited." : ""),
                        .language = "en"});
    }
    return docs;
}

class EntityIndex {
protected:
    EntityIndex() {
        Indexer ix(path());
        for (const auto& d : documents()) ix.add(d);
        ix.commit();
    }
    std::filesystem::path path() const { return dir_ / "index"; }

    std::vector<std::string> ids(const std::string& q, SearchOptions o = {}) const {
        o.limit = 100;
        std::vector<std::string> out;
        for (const auto& h : Searcher(path()).search(q, o).hits) out.push_back(h.id);
        std::sort(out.begin(), out.end());
        std::erase_if(out, [](const std::string& id) { return id.starts_with("bulk-"); });
        return out;
    }

private:
    test::TempDir dir_;
};

using Ids = std::vector<std::string>;

}  // namespace

TEST_CASE_FIXTURE(EntityIndex, "entity search: filters by id and by name in either language") {
    CHECK(ids("person:moon-jae-in") == Ids{"en-moon", "en-plain", "ko-moon"});
    CHECK(ids("person:\"Moon Jae-in\"") == Ids{"en-moon", "en-plain", "ko-moon"});
    CHECK(ids("person:문재인") == Ids{"en-moon", "en-plain", "ko-moon"});
    CHECK(ids("ministry:통일부") == Ids{"en-moon", "ko-moon"});
    CHECK(ids("law:국가보안법") == Ids{"en-moon", "ko-ansp", "ko-moon"});
    CHECK(ids("law:\"National Security Law\" lang:ko") == Ids{"ko-ansp", "ko-moon"});
    CHECK(ids("-person:moon-jae-in law:national-security-act") == Ids{"ko-ansp"});
    CHECK(ids("person:nobody-at-all").empty());
}

TEST_CASE_FIXTURE(EntityIndex, "entity search: articles, renamed bodies, resolutions") {
    // Every document that cites Article 7 of the National Security Act, in either language.
    CHECK(ids("law:national-security-act/7") == Ids{"en-moon", "ko-moon"});
    // 안기부 is indexed as what it became.
    CHECK(ids("ministry:national-intelligence-service") == Ids{"ko-ansp"});
    CHECK(ids("ministry:국정원") == Ids{"ko-ansp"});
    // A resolution by its number, its symbol or its id; never another body's.
    CHECK(ids("resolution:78/218") == Ids{"en-resolution"});
    CHECK(ids("resolution:A/RES/78/218") == Ids{"en-resolution"});
    CHECK(ids("resolution:unga-78-218") == Ids{"en-resolution"});
    CHECK(ids("resolution:A/HRC/RES/78/218").empty());
}

TEST_CASE_FIXTURE(EntityIndex, "entity search: a word that names an entity finds it in any language") {
    const Searcher s(path());
    const SearchResult r = s.search("문재인", {.limit = 10});
    REQUIRE(r.expansions.size() == 1);
    CHECK(r.expansions[0].id == "moon-jae-in");
    CHECK(r.expansions[0].words == "문재인");
    std::vector<std::string> got;
    for (const auto& h : r.hits) got.push_back(h.id);
    // The document with the word itself first; the English ones through the entity.
    REQUIRE(got.size() == 3);
    CHECK(got[0] == "ko-moon");
    CHECK(std::find(got.begin(), got.end(), "en-moon") != got.end());
    // The English hit shows where the entity is named.
    const auto en = std::find_if(r.hits.begin(), r.hits.end(),
                                 [](const Hit& h) { return h.id == "en-moon"; });
    REQUIRE_FALSE(en->highlights.empty());
    CHECK(en->snippet.substr(en->highlights[0].first,
                             en->highlights[0].second - en->highlights[0].first) == "Moon");
    // Several words naming one entity, and switched off.
    CHECK(ids("National Security Act") == Ids{"en-moon", "ko-ansp", "ko-moon"});
    CHECK(ids("문재인", {.expand_entities = false}) == Ids{"ko-moon"});
    // A quoted phrase stays exact.
    CHECK(s.search("\"National Security Act\"").expansions.empty());
}

TEST_CASE_FIXTURE(EntityIndex, "entity search: facets count every matching document, exactly") {
    const Searcher s(path());
    const SearchResult r = s.search("detention", {.limit = 5, .facets = true});
    CHECK(r.hits.size() == 5);
    CHECK(r.total == 24);
    const auto facet = [&](entities::EntityType t, std::string_view id) -> std::size_t {
        for (const auto& f : r.facets) {
            if (f.type != t) continue;
            for (const auto& v : f.values) {
                if (v.id == id) return v.count;
            }
        }
        return 0;
    };
    CHECK(facet(entities::EntityType::Ministry, "ministry-of-unification") == 24);
    CHECK(facet(entities::EntityType::Law, "national-security-act") == 9);
    // Facets respect the query's filters.
    const SearchResult f = s.search("detention law:national-security-act", {.facets = true});
    CHECK(f.total == 9);
    CHECK(f.facets.at(0).values.at(0).count == 9);
}

TEST_CASE_FIXTURE(EntityIndex, "entity search: hits carry their entities with spans into the body") {
    const auto hit = Searcher(path()).search("문재인 대통령은", {.limit = 1}).hits.at(0);
    CHECK(hit.id == "ko-moon");
    const auto doc = Searcher(path()).find("ko-moon");
    REQUIRE(doc.has_value());
    REQUIRE_FALSE(hit.entities.empty());
    for (const auto& e : hit.entities) {
        CHECK(doc->body.substr(e.begin, e.end - e.begin) == e.surface);
    }
    CHECK(hit.entities[0].id == "moon-jae-in");
    CHECK(doc->entities == hit.entities);
}

TEST_CASE("entity search: with tagging off nothing is tagged or filtered") {
    test::TempDir dir;
    {
        Indexer ix(dir / "index", {.tag_entities = false});
        ix.add({.id = "a", .body = "문재인 대통령과 통일부"});
        ix.commit();
    }
    const Searcher s(dir / "index");
    CHECK(s.search("person:moon-jae-in").hits.empty());
    CHECK(s.search("통일부").hits.size() == 1);
    CHECK(s.find("a")->entities.empty());
}
