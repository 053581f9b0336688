// SPDX-License-Identifier: GPL-2.0-or-later
// Lucene's checkRandomData idea: random and broken input must never crash the analyzer, and
// what it returns must stay consistent.
#include <doctest/doctest.h>

#include <unicode/utf8.h>

#include <random>
#include <set>

#include <ngosearch/analysis/analyzer.hpp>

using namespace ngosearch::analysis;

namespace {

// Start offsets of the units a UTF-8 decoder sees: code points, and each maximal ill-formed
// subsequence (which stands for one U+FFFD), plus the end.
std::set<std::uint32_t> unit_starts(std::string_view s) {
    std::set<std::uint32_t> starts;
    const auto* bytes = reinterpret_cast<const uint8_t*>(s.data());
    const auto length = static_cast<int32_t>(s.size());
    for (int32_t i = 0; i < length;) {
        starts.insert(static_cast<std::uint32_t>(i));
        UChar32 c;
        U8_NEXT(bytes, i, length, c);
        (void)c;
    }
    starts.insert(static_cast<std::uint32_t>(s.size()));
    return starts;
}

std::string random_text(std::mt19937& rng) {
    static const std::vector<std::string> kPieces = {
        "국가", "보안법", "을", " ", "ㆍ", "UN", "korea's", "2024", "년", "\xFF", "\xEA\xB5",
        "\xE1\x84\x92\xE1\x85\xA1", "\n", "-", "/", "U.N.", "法", "ＵＮ", "\xC0\xAF", "\0", "é"};
    std::uniform_int_distribution<std::size_t> pick(0, kPieces.size() - 1);
    std::uniform_int_distribution<int> len(0, 40);
    std::uniform_int_distribution<int> byte(0, 255);
    std::string s;
    for (int i = len(rng); i > 0; --i) {
        if (i % 7 == 0) {
            s += static_cast<char>(byte(rng));
        } else {
            s += kPieces[pick(rng)];
        }
    }
    return s;
}

}  // namespace

TEST_CASE("random input: offsets in bounds, on boundaries, positions never go backwards") {
    const auto an = Analyzer::standard();
    std::mt19937 rng(20261125);
    for (int round = 0; round < 3000; ++round) {
        const std::string text = random_text(rng);
        CAPTURE(round);
        const TokenBuffer toks = an->analyze(text);
        const std::set<std::uint32_t> starts = unit_starts(text);
        std::uint32_t last_pos = 0;
        for (const Token& t : toks) {
            REQUIRE(t.begin < t.end);
            REQUIRE(t.end <= text.size());
            REQUIRE(starts.count(t.begin) == 1);
            REQUIRE(starts.count(t.end) == 1);
            REQUIRE(t.position >= last_pos);
            REQUIRE_FALSE(t.text.empty());
            last_pos = t.position;
            (void)an->stem(t.text);
        }
    }
}
