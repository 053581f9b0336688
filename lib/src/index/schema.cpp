// SPDX-License-Identifier: GPL-2.0-or-later
#include "index/schema.hpp"

#include <array>

#include <ngosearch/text/normalize.hpp>

#include "detail/ascii.hpp"

namespace ngosearch::detail {

namespace {

std::optional<std::string> language_code(std::string_view value, std::string& error) {
    std::string v = lower_ascii(value);
    if (v == "en" || v == "ko" || v == "mixed") return v;
    error = "use lang:en, lang:ko or lang:mixed";
    return std::nullopt;
}

constexpr std::array kFields{
    Field{.name = "title", .prefix = kTitlePrefix, .kind = FieldKind::Text},
    Field{.name = "lang", .prefix = kLangPrefix, .kind = FieldKind::Filter, .noun = "language",
          .normalize = language_code},
    Field{.name = "type", .prefix = kTypePrefix, .kind = FieldKind::Filter,
          .noun = "document type"},
    Field{.name = "date", .prefix = {}, .kind = FieldKind::DateRange, .noun = "date",
          .slot = Slot::Date},
    Field{.name = "person", .prefix = kPersonPrefix, .kind = FieldKind::Entity,
          .noun = "person", .entity = entities::EntityType::Person},
    Field{.name = "ministry", .prefix = kMinistryPrefix, .kind = FieldKind::Entity,
          .noun = "ministry", .entity = entities::EntityType::Ministry},
    Field{.name = "law", .prefix = kLawPrefix, .kind = FieldKind::Entity, .noun = "law",
          .entity = entities::EntityType::Law},
    Field{.name = "org", .prefix = kOrgPrefix, .kind = FieldKind::Entity, .noun = "organisation",
          .entity = entities::EntityType::Org},
    Field{.name = "resolution", .prefix = kResolutionPrefix, .kind = FieldKind::Entity,
          .noun = "resolution", .entity = entities::EntityType::Resolution},
};

}  // namespace

const Field* find_field(std::string_view name) {
    const std::string lower = lower_ascii(name);
    for (const Field& f : kFields) {
        if (f.name == lower) return &f;
    }
    return nullptr;
}

std::optional<std::string> normalize_filter_value(const Field& field, std::string_view value,
                                                  std::string& error) {
    if (field.normalize) return field.normalize(value, error);
    std::string v = text::normalize(value);
    if (v.empty()) {
        error = "the value is empty once normalised";
        return std::nullopt;
    }
    return v;
}

std::string field_examples() {
    return "lang:ko, type:letter, date:2020..2025, person:moon-jae-in, law:\"National "
           "Security Act\"";
}

const Field& entity_field(entities::EntityType type) {
    for (const Field& f : kFields) {
        if (f.kind == FieldKind::Entity && f.entity == type) return f;
    }
    return kFields.front();  // every type has a row; never reached
}

}  // namespace ngosearch::detail
