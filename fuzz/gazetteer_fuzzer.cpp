// SPDX-License-Identifier: GPL-2.0-or-later
// Any bytes as a gazetteer file (TSV) → a gazetteer or an InputError naming the line; a
// gazetteer that loads also tags text without failing.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include <ngosearch/entities/gazetteer.hpp>
#include <ngosearch/entities/tagger.hpp>
#include <ngosearch/error.hpp>

#include "fuzz_check.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    std::shared_ptr<const ngosearch::entities::Gazetteer> gazetteer;
    try {
        gazetteer = ngosearch::entities::Gazetteer::parse(text, "fuzz.tsv");
    } catch (const ngosearch::InputError& e) {
        NGOSEARCH_FUZZ_CHECK(std::string(e.what()).find("fuzz.tsv") != std::string::npos);
        return 0;
    }
    const auto tagger = ngosearch::entities::make_standard_tagger(gazetteer);
    // The gazetteer's own text is full of its names.
    for (const auto& e : tagger->tag(text.substr(0, 4096))) {
        NGOSEARCH_FUZZ_CHECK(e.begin < e.end && e.end <= std::min<std::size_t>(size, 4096));
    }
    return 0;
}
