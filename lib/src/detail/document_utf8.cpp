// SPDX-License-Identifier: GPL-2.0-or-later
#include "detail/document_utf8.hpp"

#include <map>
#include <string>

#include <ngosearch/text/utf8.hpp>

namespace ngosearch::detail {

namespace {

std::size_t repair(std::string& s) {
    if (text::is_valid_utf8(s)) return 0;
    auto r = text::repair_utf8(s);
    s = std::move(r.text);
    return r.invalid_bytes;
}

}  // namespace

std::size_t repair_utf8_fields(Document& doc) {
    std::size_t replaced = 0;
    for (std::string* s : {&doc.id, &doc.title, &doc.body, &doc.language, &doc.date, &doc.path,
                           &doc.type}) {
        replaced += repair(*s);
    }
    bool keys_valid = true;
    for (auto& [key, value] : doc.metadata) {
        replaced += repair(value);
        keys_valid = keys_valid && text::is_valid_utf8(key);
    }
    if (keys_valid) return replaced;
    // Keys are const in the map: rebuild it.
    std::map<std::string, std::string> metadata;
    for (auto& [key, value] : doc.metadata) {
        std::string k = key;
        replaced += repair(k);
        metadata.insert_or_assign(std::move(k), std::move(value));
    }
    doc.metadata = std::move(metadata);
    return replaced;
}

}  // namespace ngosearch::detail
