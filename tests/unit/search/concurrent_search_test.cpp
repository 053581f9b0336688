// SPDX-License-Identifier: GPL-2.0-or-later
// One Searcher used by several threads at once must answer exactly as it does on one thread.
#include <doctest/doctest.h>

#include <atomic>
#include <sstream>
#include <thread>
#include <vector>

#include <ngosearch/error.hpp>
#include <ngosearch/index/indexer.hpp>
#include <ngosearch/search/searcher.hpp>

#include "support/sample_index.hpp"

using namespace ngosearch;

namespace {

// Everything a result says, as text, so that two results compare in one CHECK.
std::string describe(const SearchResult& r) {
    std::ostringstream out;
    out << r.query << '|' << r.total << '|' << r.offset << '|' << r.relaxed << '\n';
    for (const auto& h : r.hits) {
        out << h.rank << ' ' << h.id << ' ' << h.score << ' ' << h.snippet;
        for (const auto& [b, e] : h.highlights) out << " [" << b << ',' << e << ')';
        for (const auto& e : h.entities) out << ' ' << e.id << '@' << e.begin;
        out << '\n';
    }
    for (const auto& x : r.expansions) out << "x " << x.words << ' ' << x.id << '\n';
    for (const auto& f : r.facets) {
        for (const auto& v : f.values) out << "f " << v.id << ' ' << v.count << '\n';
    }
    return out.str();
}

struct Query {
    std::string text;
    SearchOptions options;
};

std::vector<Query> queries() {
    return {
        {"국가보안법", {}},
        {"prosecute", {}},
        {"통일부 북한", {.match_all = false}},
        {"\"National Security Law\"", {.facets = true}},
        {"NOT zzzz", {.limit = 20}},                 // everything but: a MatchAll inside
        {"repeal 국가보안법 unknownword", {}},        // relaxed
        {"문재인", {}},                              // an entity expansion
        {"인권 date:2019..2024 lang:ko", {.facets = true}},
        {"title:letter OR 로동", {}},
        {"prosecut*", {}},
    };
}

}  // namespace

TEST_CASE("searcher: one Searcher searched from several threads answers as on one thread") {
    test::SampleIndex idx;
    const Searcher searcher(idx.path());
    const std::vector<Query> qs = queries();
    std::vector<std::string> expected;
    for (const auto& q : qs) expected.push_back(describe(searcher.search(q.text, q.options)));
    const std::string expected_doc = searcher.find("ko-nsl").value().body;
    const std::size_t expected_docs = searcher.stats().documents;

    constexpr int kThreads = 4;
    constexpr int kRounds = 15;
    std::atomic<int> mismatches{0};
    std::atomic<int> calls{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t) {
        threads.emplace_back([&, t] {
            for (int round = 0; round < kRounds; ++round) {
                // Each thread walks the queries from a different start, so that different
                // queries run at the same moment.
                for (std::size_t k = 0; k < qs.size(); ++k) {
                    const std::size_t i = (k + static_cast<std::size_t>(t) * 3) % qs.size();
                    if (describe(searcher.search(qs[i].text, qs[i].options)) != expected[i]) {
                        ++mismatches;
                    }
                    ++calls;
                }
                if (searcher.find("ko-nsl").value().body != expected_doc) ++mismatches;
                if (searcher.stats().documents != expected_docs) ++mismatches;
                try {
                    searcher.search("\"unbalanced");
                    ++mismatches;
                } catch (const QueryError&) {
                }
            }
        });
    }
    for (auto& th : threads) th.join();
    CHECK(calls.load() == kThreads * kRounds * static_cast<int>(qs.size()));
    CHECK(mismatches.load() == 0);
}

TEST_CASE("searcher: reopen() while other threads search; they then see the new revision") {
    test::TempDir dir;
    const auto db = dir / "index";
    Indexer writer(db);
    for (int i = 0; i < 50; ++i) {
        writer.add({.id = std::to_string(i), .body = "detention report " + std::to_string(i)});
    }
    writer.commit();
    Searcher searcher(db);
    std::atomic<bool> stop{false};
    std::atomic<int> wrong{0};
    std::vector<std::thread> readers;
    for (int t = 0; t < 3; ++t) {
        readers.emplace_back([&] {
            while (!stop) {
                // 50 before the second commit, 60 after: never anything else.
                const std::size_t total = searcher.search("detention").total;
                if (total != 50 && total != 60) ++wrong;
            }
        });
    }
    for (int i = 50; i < 60; ++i) {
        writer.add({.id = std::to_string(i), .body = "detention report " + std::to_string(i)});
    }
    writer.commit();
    for (int i = 0; i < 20; ++i) searcher.reopen();
    stop = true;
    for (auto& th : readers) th.join();
    CHECK(wrong.load() == 0);
    CHECK(searcher.search("detention").total == 60);
}
