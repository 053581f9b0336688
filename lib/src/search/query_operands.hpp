// SPDX-License-Identifier: GPL-2.0-or-later
// The first half of building a query: lexemes become items — operators, brackets and operands
// (a word, a phrase, a filter, an entity), each operand already a Xapian::Query of its terms.
// query_builder.cpp then combines the items by the operators' precedence.
#pragma once

#include <xapian.h>

#include <string>
#include <string_view>
#include <vector>

#include "search/query_builder.hpp"
#include "search/query_lexer.hpp"

namespace ngosearch::detail {

enum class Op { And, Or, Xor, Not, Near, Adj };

// What stands between the operators.
struct Operand {
    std::size_t begin = 0, end = 0;  // where it is written in the query
    char sign = '\0';                // '+' (required) or '-' (excluded)
    Xapian::Query query;
    const Field* filter = nullptr;   // a filter value or date range: grouped per field
    bool stopword = false;           // an English function word
    bool exact = false;              // a phrase or a field's word: kept when a query relaxes
    std::string text;                // a plain word as analysed: repeats are searched once
    std::vector<Xapian::Query> positional;  // a plain word's terms in order, for NEAR and ADJ
};

struct Item {
    enum class Kind { Operator, Open, Close, Operand } kind = Kind::Operand;
    std::size_t begin = 0, end = 0;
    char sign = '\0';                // Open: a sign before the bracket
    Op op = Op::And;
    Xapian::termcount distance = 0;  // NEAR/n, ADJ/n; 0 for the default
    Operand operand;
};

/// The items of a validated query, left to right. Counts the words in `words` and records the
/// entity expansions in `expansions`. @throws QueryError for a query of more words than
/// QueryContext::max_words.
std::vector<Item> read_items(std::string_view query, const std::vector<Lexeme>& lexemes,
                             const QueryContext& context, const BuildOptions& options,
                             std::vector<QueryExpansion>& expansions);

}  // namespace ngosearch::detail
