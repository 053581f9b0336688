// SPDX-License-Identifier: GPL-2.0-or-later
// Lucene-style assertion that an analyzer produces exactly the expected tokens.
#pragma once

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include <ngosearch/analysis/analyzer.hpp>

namespace ngosearch::test {

struct Expected {
    std::string text;
    std::uint32_t begin;
    std::uint32_t end;
    std::uint32_t position;
};

/// Checks text, byte offsets and positions of every token, in order.
inline void check_analyzes_to(const analysis::Analyzer& analyzer, std::string_view input,
                              const std::vector<Expected>& expected) {
    const analysis::TokenBuffer got = analyzer.analyze(input);
    CAPTURE(input);
    REQUIRE(got.size() == expected.size());
    for (std::size_t i = 0; i < got.size(); ++i) {
        CAPTURE(i);
        CHECK(got[i].text == expected[i].text);
        CHECK(got[i].begin == expected[i].begin);
        CHECK(got[i].end == expected[i].end);
        CHECK(got[i].position == expected[i].position);
    }
}

/// The texts of the tokens of `input`.
inline std::vector<std::string> terms_of(const analysis::Analyzer& analyzer, std::string_view input) {
    std::vector<std::string> out;
    for (const auto& t : analyzer.analyze(input)) out.push_back(t.text);
    return out;
}

}  // namespace ngosearch::test
