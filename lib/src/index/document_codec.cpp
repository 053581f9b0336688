// SPDX-License-Identifier: GPL-2.0-or-later
#include "index/document_codec.hpp"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <cstdio>

#include <ngosearch/error.hpp>
#include <ngosearch/text/utf8.hpp>

#include "detail/xapian_errors.hpp"
#include "index/prefixes.hpp"

namespace ngosearch::detail {

std::string encode_document(const Document& doc) {
    nlohmann::json j = {{"id", doc.id},     {"title", doc.title}, {"lang", doc.language},
                        {"date", doc.date}, {"path", doc.path},   {"type", doc.type},
                        {"meta", doc.metadata}, {"body", doc.body}};
    if (!doc.entities.empty()) {
        // Compact rows: a long report names hundreds of entities.
        nlohmann::json list = nlohmann::json::array();
        for (const auto& e : doc.entities) {
            list.push_back({std::string(entities::to_string(e.type)), e.id, e.name, e.begin, e.end,
                            std::string(entities::to_string(e.source)), e.article});
        }
        j["entities"] = std::move(list);
    }
    if (!doc.pages.empty()) j["pages"] = doc.pages;
    return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

Document decode_document(std::string_view data) {
    try {
        const nlohmann::json j = nlohmann::json::parse(data);
        Document d;
        d.id = j.at("id").get<std::string>();
        d.title = j.value("title", "");
        d.language = j.value("lang", "");
        d.date = j.value("date", "");
        d.path = j.value("path", "");
        d.type = j.value("type", "");
        d.body = j.value("body", "");
        if (j.contains("meta")) d.metadata = j.at("meta").get<std::map<std::string, std::string>>();
        if (j.contains("pages")) d.pages = j.at("pages").get<std::vector<std::size_t>>();
        if (j.contains("entities")) {
            for (const auto& row : j.at("entities")) {
                entities::Entity e;
                e.type = entities::parse_entity_type(row.at(0).get<std::string>())
                             .value_or(entities::EntityType::Org);
                e.id = row.at(1).get<std::string>();
                e.name = row.at(2).get<std::string>();
                e.begin = row.at(3).get<std::uint32_t>();
                e.end = row.at(4).get<std::uint32_t>();
                const std::string source = row.at(5).get<std::string>();
                e.source = source == "rule"   ? entities::Source::Rule
                           : source == "link" ? entities::Source::Link
                                              : entities::Source::Gazetteer;
                e.article = row.at(6).get<std::string>();
                // The surface is the body's bytes: kept once, in the body.
                if (e.begin <= e.end && e.end <= d.body.size()) {
                    e.surface = d.body.substr(e.begin, e.end - e.begin);
                }
                d.entities.push_back(std::move(e));
            }
        }
        return d;
    } catch (const nlohmann::json::exception& e) {
        throw DamagedData(std::string("a stored document is not readable (") + e.what() + ")");
    }
}

std::string date_value(std::string_view d) {
    if (d.empty()) return {};
    std::string v;
    for (const char c : d) {
        if (c != '-') v += c;
    }
    v.resize(8, '0');
    return v;
}

std::string fnv1a_hex(std::string_view a, std::string_view b) {
    std::uint64_t h = 0xcbf29ce484222325ull;
    for (const std::string_view part : {a, std::string_view("\0", 1), b}) {
        for (const char c : part) {
            h ^= static_cast<unsigned char>(c);
            h *= 0x100000001b3ull;
        }
    }
    char buf[17];
    std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
    return buf;
}

std::string id_term(std::string_view raw_id) {
    // Ids are stored repaired (see Indexer): look them up the same way.
    const std::string repaired = text::is_valid_utf8(raw_id) ? std::string() : text::repair_utf8(raw_id).text;
    const std::string_view id = repaired.empty() ? raw_id : std::string_view(repaired);
    std::string term(kIdPrefix);
    if (kIdPrefix.size() + id.size() <= kMaxTermBytes) {
        term += id;
        return term;
    }
    const std::size_t keep = text::utf8_prefix_length(id, kMaxTermBytes - kIdPrefix.size() - 17);
    term += id.substr(0, keep);
    term += '#';
    term += fnv1a_hex(id);
    return term;
}

}  // namespace ngosearch::detail
