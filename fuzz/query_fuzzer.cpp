// SPDX-License-Identifier: GPL-2.0-or-later
// Any string → a result or a QueryError with a position inside the query (or InvalidArgument
// for an empty one); nothing else, no crash, no hang. Runs against a small index made once.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <unistd.h>

#include <ngosearch/error.hpp>
#include <ngosearch/index/indexer.hpp>
#include <ngosearch/search/searcher.hpp>

#include "fuzz_check.hpp"

namespace {

struct Fixture {
    std::filesystem::path dir;
    std::unique_ptr<ngosearch::Searcher> searcher;
    Fixture() {
        dir = std::filesystem::temp_directory_path() /
              ("ngosearch-query-fuzzer-" + std::to_string(::getpid()));
        std::filesystem::remove_all(dir);
        {
            ngosearch::Indexer ix(dir / "index");
            ix.add({.id = "a", .title = "Letter on prosecutions",
                    .body = "The prosecutions of activists under the National Security Law "
                            "continue. Moon Jae-in met the Ministry of Unification.",
                    .language = "en", .date = "2020-05-01"});
            ix.add({.id = "b", .title = "국가보안법 폐지 성명",
                    .body = "정부는 국가보안법을 폐지해야 한다. 통일부는 북한에서 온 사람들을 "
                            "보호해야 한다. 문재인 대통령.",
                    .language = "ko", .date = "2021-06-01"});
            ix.commit();
        }
        searcher = std::make_unique<ngosearch::Searcher>(dir / "index");
    }
    ~Fixture() {
        std::error_code ec;
        std::filesystem::remove_all(dir, ec);
    }
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static Fixture fixture;
    const std::string query(reinterpret_cast<const char*>(data), size);
    try {
        const auto result = fixture.searcher->search(query, {.limit = 5, .facets = true});
        NGOSEARCH_FUZZ_CHECK(result.hits.size() <= 5);
    } catch (const ngosearch::QueryError& e) {
        NGOSEARCH_FUZZ_CHECK(e.position() != ngosearch::QueryError::npos);
        NGOSEARCH_FUZZ_CHECK(e.position() <= size);
    } catch (const ngosearch::InvalidArgument&) {
        NGOSEARCH_FUZZ_CHECK(query.find_first_not_of(" \t\r\n") == std::string::npos);
    }
    return 0;
}
