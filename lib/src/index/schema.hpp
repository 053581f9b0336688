// SPDX-License-Identifier: GPL-2.0-or-later
// The field schema: one table of the fields a query can name, read by the indexer (which terms
// and values to write), the query lexer (which `name:` words are fields), the validator (what a
// value may be) and the query builder (which term or value range a value becomes). A new filter
// is one row here.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include <ngosearch/entities/entity.hpp>

#include "index/prefixes.hpp"

namespace ngosearch::detail {

enum class FieldKind {
    Text,       ///< analysed words under a term prefix: `title:word`, `title:"a phrase"`
    Filter,     ///< one boolean term per value: `lang:ko`; values of one field are OR-ed
    DateRange,  ///< a date or range of dates on a value slot: `date:2020..2025`
    Entity,     ///< an entity by id or by name in either language: `person:moon-jae-in`,
                ///< `person:"Moon Jae-in"`, `law:국가보안법`, `law:national-security-act/7`
};

struct Field {
    std::string_view name;    ///< as written in queries, lower case
    std::string_view prefix;  ///< term prefix (Text, Filter)
    FieldKind kind;
    std::string_view noun = {};  ///< what a value is, for messages: "language"
    Slot slot = Slot::Date;   ///< DateRange: the value slot
    entities::EntityType entity = entities::EntityType::Person;  ///< Entity: its type
    /// Filter: the value as indexed (normalised), or nullopt with `error` set to what a valid
    /// value looks like. Null: any non-empty value, NFKC case folded.
    std::optional<std::string> (*normalize)(std::string_view value, std::string& error) = nullptr;
};

/// The field called `name` (ASCII case-insensitive), or null.
const Field* find_field(std::string_view name);

/// Filter value as indexed and queried: the field's normaliser, or NFKC case folding.
/// nullopt (with `error`) for a value the field does not accept.
std::optional<std::string> normalize_filter_value(const Field& field, std::string_view value,
                                                  std::string& error);

/// "lang:ko, type:letter, date:2020..2025": examples for error messages.
std::string field_examples();

/// The field of an entity type (its term prefix).
const Field& entity_field(entities::EntityType type);

}  // namespace ngosearch::detail
