// SPDX-License-Identifier: GPL-2.0-or-later
// Any bytes as an HTML page or (when they start like one) a PDF → a Document or an
// InputError; the document's fields are valid UTF-8, its date well formed, its pages in order
// and inside the body.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include <ngosearch/error.hpp>
#include <ngosearch/ingest/loader.hpp>
#include <ngosearch/text/utf8.hpp>

#include "fuzz_check.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    const auto& registry = *ngosearch::ingest::LoaderRegistry::standard();
    const auto* loader = registry.for_file(bytes.starts_with("%PDF") ? "fuzz.pdf" : "fuzz.html");
    NGOSEARCH_FUZZ_CHECK(loader != nullptr);
    try {
        const auto loaded = loader->load(bytes, "fuzz");
        const auto& d = loaded.document;
        for (const std::string* field : {&d.title, &d.body, &d.language, &d.type}) {
            NGOSEARCH_FUZZ_CHECK(ngosearch::text::is_valid_utf8(*field));
        }
        for (const auto& [key, value] : d.metadata) {
            NGOSEARCH_FUZZ_CHECK(ngosearch::text::is_valid_utf8(key));
            NGOSEARCH_FUZZ_CHECK(ngosearch::text::is_valid_utf8(value));
        }
        NGOSEARCH_FUZZ_CHECK(d.date.empty() || ngosearch::ingest::normalize_date(d.date) == d.date);
        std::size_t previous = 0;
        for (const auto& page : loaded.pages) {
            NGOSEARCH_FUZZ_CHECK(page.body_offset >= previous && page.body_offset <= d.body.size());
            previous = page.body_offset;
        }
    } catch (const ngosearch::InputError&) {
    }
    return 0;
}
