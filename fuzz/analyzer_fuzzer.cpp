// SPDX-License-Identifier: GPL-2.0-or-later
// Any bytes → tokens: offsets in bounds and on UTF-8 character boundaries of the input,
// begin < end, positions never decreasing. Invalid UTF-8 is repaired, never thrown on.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include <ngosearch/analysis/analyzer.hpp>

#include "fuzz_check.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const auto analyzer = ngosearch::analysis::Analyzer::standard();
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    ngosearch::analysis::TokenBuffer tokens;
    analyzer->analyze(text, tokens);
    std::uint32_t position = 0;
    for (const auto& t : tokens) {
        NGOSEARCH_FUZZ_CHECK(t.begin < t.end);
        NGOSEARCH_FUZZ_CHECK(t.end <= size);
        NGOSEARCH_FUZZ_CHECK(ngosearch::fuzz::on_boundary(data, size, t.begin));
        NGOSEARCH_FUZZ_CHECK(ngosearch::fuzz::on_boundary(data, size, t.end));
        NGOSEARCH_FUZZ_CHECK(t.position >= position);
        NGOSEARCH_FUZZ_CHECK(!t.text.empty());
        position = t.position;
    }
    return 0;
}
