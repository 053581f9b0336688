// SPDX-License-Identifier: GPL-2.0-or-later
// Every feature of the query language against the sample index.
#include <doctest/doctest.h>

#include <ngosearch/search/searcher.hpp>

#include "support/sample_index.hpp"

using namespace ngosearch;

namespace {

class Fixture {
protected:
    test::SampleIndex idx;
    Searcher s{idx.path()};

    // Words only, without what an entity they name adds (see entity_search_test.cpp).
    std::vector<std::string> ids(const std::string& q, bool all = true) const {
        std::vector<std::string> out;
        const SearchOptions o{.limit = 100, .match_all = all, .expand_entities = false};
        for (const auto& h : s.search(q, o).hits) out.push_back(h.id);
        std::sort(out.begin(), out.end());
        return out;
    }
};

using Ids = std::vector<std::string>;

}  // namespace

TEST_CASE_FIXTURE(Fixture, "query: Korean stems meet — 국가보안법 finds 국가보안법을, 통일부 finds 통일부는") {
    CHECK(ids("국가보안법") == Ids{"ko-nsl", "ko-spaced"});
    CHECK(ids("통일부") == Ids{"ko-unification", "mixed-letter"});
    CHECK(ids("탈출한") == Ids{"ko-unification"});
}

TEST_CASE_FIXTURE(Fixture, "query: English stems — prosecute finds prosecutions and prosecuted") {
    CHECK(ids("prosecute") == Ids{"en-nsl", "en-undated"});
    CHECK(ids("Korea's") == ids("korea"));
}

TEST_CASE_FIXTURE(Fixture, "query: AND is the default, OR and --any widen, NOT and - exclude") {
    CHECK(ids("china escapees") == Ids{"en-repatriation"});
    CHECK(ids("china OR detention") == Ids{"en-repatriation", "en-undated"});
    CHECK(ids("china detention", false) == Ids{"en-repatriation", "en-undated"});
    CHECK(ids("activists NOT detention") == Ids{"en-nsl"});
    CHECK(ids("activists -detention") == Ids{"en-nsl"});
    CHECK(ids("activists AND NOT detention") == Ids{"en-nsl"});
    CHECK(ids("(china OR detention) AND conditions") == Ids{"en-undated"});
}

TEST_CASE_FIXTURE(Fixture, "query: exact phrases stay exact") {
    CHECK(ids("\"prosecution of activists\"") == Ids{"en-undated"});
    CHECK(ids("\"prosecutions of activists\"").empty());
    CHECK(ids("\"national security law\"") == Ids{"en-nsl"});
    CHECK(ids("\"통일부 북한\"") == Ids{"ko-unification"});
    // Reversed order: not the document that has 통일부는 … 북한에서 (another one matches through
    // the compound part 북한 of 북한인권법 followed by 통일부는: the price of "mixed" compounds).
    CHECK(ids("\"북한 통일부\"") == Ids{"mixed-letter"});
}

TEST_CASE_FIXTURE(Fixture, "query: NEAR and NEAR/n") {
    CHECK(ids("repeal NEAR article") == Ids{"en-nsl"});
    CHECK(ids("repeal NEAR/1 law").empty());
    CHECK(ids("repeal NEAR/12 law") == Ids{"en-nsl"});
}

TEST_CASE_FIXTURE(Fixture, "query: prefix wildcards") {
    CHECK(ids("prosecut*") == Ids{"en-nsl", "en-undated"});
    CHECK(ids("repatri*") == Ids{"en-repatriation"});
    CHECK(ids("국가보안*") == Ids{"ko-nsl", "ko-spaced"});
}

TEST_CASE_FIXTURE(Fixture, "query: title: searches titles only") {
    CHECK(ids("title:repatriation") == Ids{"en-repatriation"});
    CHECK(ids("title:china") == Ids{"en-repatriation"});
    CHECK(ids("title:escapees").empty());
    CHECK(ids("title:통일부") == Ids{"ko-unification", "mixed-letter"});
    CHECK(ids("title:\"national security law\"") == Ids{"en-nsl"});
}

TEST_CASE_FIXTURE(Fixture, "query: lang: and type: filters") {
    CHECK(ids("통일부 lang:ko") == Ids{"ko-unification", "mixed-letter"});
    CHECK(ids("unification lang:en") == Ids{"en-repatriation", "mixed-letter"});
    CHECK(ids("lang:mixed") == Ids{"mixed-letter"});
    CHECK(ids("type:letter") == Ids{"en-nsl", "ko-unification"});
    CHECK(ids("type:open-letter") == Ids{"mixed-letter"});
    CHECK(ids("type:report lang:en") == Ids{"en-un", "en-undated"});
    CHECK(ids("type:report lang:ko") == Ids{"ko-nk"});
}

TEST_CASE_FIXTURE(Fixture, "query: date ranges on the document date") {
    CHECK(ids("date:2020..2021") == Ids{"en-nsl", "ko-nsl"});
    CHECK(ids("date:2022") == Ids{"ko-nk"});
    CHECK(ids("date:2024") == Ids{"en-un", "ko-unification"});
    CHECK(ids("date:2024-01") == Ids{"en-un"});
    CHECK(ids("date:2024-03-15") == Ids{"ko-unification"});
    CHECK(ids("date:..2019") == Ids{"ko-spaced", "mixed-letter"});
    CHECK(ids("date:2023-10-13..") == Ids{"en-un", "ko-unification"});
    CHECK(ids("통일부 date:2020..") == Ids{"ko-unification"});
}

TEST_CASE_FIXTURE(Fixture, "query: identifiers, mixed script, numbers, middle dots") {
    CHECK(ids("A/HRC/25/63") == Ids{"en-un"});
    CHECK(ids("78/218") == Ids{"en-un"});
    CHECK(ids("UN인권이사회") == Ids{"ko-unification"});
    CHECK(ids("2024년") == Ids{"ko-unification"});
    CHECK(ids("찬양ㆍ고무ㆍ선전") == Ids{"ko-nsl"});
    CHECK(ids("고무") == Ids{"ko-nsl"});
    CHECK(ids("U.N.") == ids("UN"));
    CHECK(ids("co-sponsored") == Ids{"en-un"});
    CHECK(ids("www.ohchr.org") == Ids{"en-un"});
    CHECK(ids("ohchr") == Ids{"en-un"});
}

TEST_CASE_FIXTURE(Fixture, "query: compound parts find the compound") {
    CHECK(ids("보안법") == Ids{"ko-nsl", "ko-spaced"});
    CHECK(ids("인권이사회") == Ids{"ko-unification"});
    CHECK(ids("인권법") == Ids{"mixed-letter"});
    CHECK(ids("\"국가보안법 제7조는\"") == Ids{"ko-nsl"});  // phrases still match the compound
}

TEST_CASE_FIXTURE(Fixture, "query: spacing variants find each other") {
    CHECK(ids("국가 보안법") == Ids{"ko-nsl", "ko-spaced"});
    CHECK(ids("인권침해") == Ids{"ko-spaced"});
    CHECK(ids("정치범수용소") == Ids{"ko-spaced"});
    CHECK(ids("세계인권선언") == Ids{"ko-spaced"});
    CHECK(ids("북한인권재단") == Ids{"ko-spaced"});    // three words written apart
    CHECK(ids("인권재단") == Ids{"ko-spaced"});
    CHECK(ids("이주노동자") == Ids{"ko-spaced"});      // apart, and in North Korean spelling
}

TEST_CASE_FIXTURE(Fixture, "query: North Korean spelling meets South Korean") {
    CHECK(ids("노동신문") == Ids{"ko-nk"});
    CHECK(ids("역사") == Ids{"ko-nk"});
    CHECK(ids("납치") == Ids{"ko-nk"});
    CHECK(ids("여성") == Ids{"ko-nk"});
    CHECK(ids("이설주") == Ids{"ko-nk"});
    CHECK(ids("로동신문") == Ids{"ko-nk"});
}

TEST_CASE_FIXTURE(Fixture, "query: article numbers with Korean units") {
    CHECK(ids("제7조") == Ids{"ko-nsl"});
    CHECK(ids("7조") == Ids{"ko-nsl"});
    CHECK(ids("2024년") == Ids{"ko-unification"});
}

TEST_CASE_FIXTURE(Fixture, "query: English stop words leave queries but not phrases") {
    CHECK(ids("an inquiry") == Ids{"en-un"});
    CHECK(ids("\"commission of inquiry\"") == Ids{"en-un"});
    CHECK(ids("\"commission inquiry\"").empty());
    CHECK(ids("co-sponsor") == Ids{"en-un"});
    CHECK(ids("cosponsored") == Ids{"en-un"});
    CHECK(ids("sponsored") == Ids{"en-un"});
}

TEST_CASE_FIXTURE(Fixture, "query: the query is analysed in runs, as the index was") {
    CHECK(ids("국가보안법 을 폐지해야") == ids("국가보안법을 폐지해야"));
    CHECK(ids("\"국가보안법 제7조는\"") == Ids{"ko-nsl"});
}
