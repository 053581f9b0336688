// SPDX-License-Identifier: GPL-2.0-or-later
#include <ngosearch/entities/entity.hpp>

#include <array>
#include <utility>

namespace ngosearch::entities {

namespace {
constexpr std::array<std::pair<EntityType, std::string_view>, 5> kTypeNames{{
    {EntityType::Person, "person"},
    {EntityType::Ministry, "ministry"},
    {EntityType::Law, "law"},
    {EntityType::Org, "org"},
    {EntityType::Resolution, "resolution"},
}};
}  // namespace

std::string_view to_string(EntityType type) noexcept {
    for (const auto& [value, name] : kTypeNames) {
        if (value == type) return name;
    }
    return "person";
}

std::optional<EntityType> parse_entity_type(std::string_view name) noexcept {
    for (const auto& [value, n] : kTypeNames) {
        if (n == name) return value;
    }
    return std::nullopt;
}

std::string_view to_string(Source source) noexcept {
    switch (source) {
        case Source::Gazetteer: return "gazetteer";
        case Source::Rule: return "rule";
        case Source::Link: return "link";
    }
    return "gazetteer";
}

}  // namespace ngosearch::entities
