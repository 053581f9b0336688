// SPDX-License-Identifier: GPL-2.0-or-later
// Any bytes as a text or Markdown file (front matter, dates, encodings) → a Document or an
// InputError; the document's fields are valid UTF-8 and its date well formed.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include <ngosearch/error.hpp>
#include <ngosearch/ingest/loader.hpp>
#include <ngosearch/text/utf8.hpp>

#include "fuzz_check.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    // The first byte picks the format, the rest is the file.
    const auto format = (data[0] & 1) ? ngosearch::ingest::Format::Markdown
                                      : ngosearch::ingest::Format::PlainText;
    const std::string_view bytes(reinterpret_cast<const char*>(data + 1), size - 1);
    try {
        const auto loaded = ngosearch::ingest::parse_text(bytes, format, "fuzz.txt");
        const auto& d = loaded.document;
        for (const std::string* field : {&d.title, &d.body, &d.language, &d.type}) {
            NGOSEARCH_FUZZ_CHECK(ngosearch::text::is_valid_utf8(*field));
        }
        NGOSEARCH_FUZZ_CHECK(d.date.empty() || ngosearch::ingest::normalize_date(d.date) == d.date);
        NGOSEARCH_FUZZ_CHECK(loaded.invalid_bytes <= bytes.size());
    } catch (const ngosearch::InputError&) {
    }
    ngosearch::ingest::normalize_date(bytes);
    return 0;
}
