// SPDX-License-Identifier: GPL-2.0-or-later
// A small lexer over the query language: it finds the operators, fields, quotes and brackets,
// so that only words go through the analyzer, and lets malformed queries be reported with a
// position.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "index/schema.hpp"

namespace ngosearch::detail {

enum class LexemeKind {
    Space,
    Quote,       // "
    Open,        // (
    Close,       // )
    Operator,    // AND OR NOT XOR, NEAR and ADJ with an optional /N
    FieldValue,  // lang:ko, type:letter, date:2020..2025 (name and value in one lexeme)
    FieldPrefix, // title:  (applies to the next word or phrase)
    Text,        // words and anything else, e.g. +must -not prosecut*
};

struct Lexeme {
    LexemeKind kind;
    std::size_t begin;  // byte offsets in the query
    std::size_t end;
    std::string field;  // FieldValue/FieldPrefix: the field name, lower case
    std::string_view value;  // FieldValue: the value
    bool in_phrase = false;  // inside "…"
    // FieldValue, FieldPrefix, Quote (opening), Open: '+' or '-' written before it, else '\0'.
    char sign = '\0';
    bool quoted = false;  // FieldValue: the value was written in quotes (person:"Moon Jae-in")
};

/// Splits a query into lexemes (never fails; validation is separate).
std::vector<Lexeme> lex_query(std::string_view query);

/// Throws QueryError (with a byte position) for malformed queries: unbalanced quotes or
/// brackets, an operator without an operand, a field without a value, a bad date or language.
void validate_query(std::string_view query, const std::vector<Lexeme>& lexemes);

/// A validated date range value ("2020..2025", "2020-03", "..2019") as inclusive bounds in the
/// Date slot's format ("20200000", "20259999"); open ends become "00000000"/"99999999".
/// Returns false if `value` is not a date or range.
bool parse_date_range(std::string_view value, std::string& low, std::string& high);

}  // namespace ngosearch::detail
