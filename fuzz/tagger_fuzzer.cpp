// SPDX-License-Identifier: GPL-2.0-or-later
// Any bytes → entities whose spans lie in the text, on character boundaries, surface non-empty.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include <ngosearch/entities/tagger.hpp>

#include "fuzz_check.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const auto tagger = ngosearch::entities::make_standard_tagger();
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    for (const auto& e : tagger->tag(text, "2020-01-01")) {
        NGOSEARCH_FUZZ_CHECK(e.begin < e.end);
        NGOSEARCH_FUZZ_CHECK(e.end <= size);
        NGOSEARCH_FUZZ_CHECK(ngosearch::fuzz::on_boundary(data, size, e.begin));
        NGOSEARCH_FUZZ_CHECK(ngosearch::fuzz::on_boundary(data, size, e.end));
        NGOSEARCH_FUZZ_CHECK(!e.id.empty());
    }
    return 0;
}
