// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <ngosearch/analysis/analyzer.hpp>

#include "search/query_lexer.hpp"

namespace ngosearch::detail {

/// Rewrites a lexed query for Xapian's QueryParser so that it sees words exactly as the indexer
/// produced them: every word goes through the analyzer (NFKC case folding, possessives, the
/// tokenizer's splits), operators and brackets stay, field values are normalised, dates become
/// explicit slot ranges. Where the analyzer splits inside what QueryParser would read as one
/// word ("UN인권이사회", "2024년", "찬양ㆍ고무"), the parts are joined with '-', which QueryParser
/// turns into a phrase, matching the consecutive positions the indexer gave them.
/// Turns word lexemes outside phrases that hold nothing searchable (emoji, lone punctuation)
/// into spaces, so that validation sees "law AND 😀" as an operator with nothing on its right.
void drop_unsearchable(std::string_view query, std::vector<Lexeme>& lexemes,
                       const analysis::Analyzer& analyzer);

std::string rewrite_query(std::string_view query, const std::vector<Lexeme>& lexemes,
                          const analysis::Analyzer& analyzer);

}  // namespace ngosearch::detail
