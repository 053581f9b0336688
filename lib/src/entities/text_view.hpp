// SPDX-License-Identifier: GPL-2.0-or-later
// A text analysed once for all the entity finders: its words (the tokens written, one per
// position) with their match keys and extra terms, and helpers for the byte span of a mention.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <ngosearch/analysis/token.hpp>
#include <ngosearch/entities/entity.hpp>

#include "entities/name_index.hpp"

namespace ngosearch::entities::detail {

struct Word {
    const analysis::Token* token = nullptr;
    std::string key;                               ///< see NameIndex::key
    std::vector<const analysis::Token*> extras;    ///< compound parts, joined forms at its position
};

struct TextView {
    std::string_view source;
    analysis::TokenBuffer own_tokens;             ///< when the view analysed the text itself
    const analysis::TokenBuffer& tokens;
    std::vector<Word> words;
    std::string date;  ///< the text's date, normalised (may be empty)
    /// Markup left in the text (<u>, </sup>, <br/>): [begin, end) byte ranges. Words inside
    /// them are no words, and they separate words as a space does.
    std::vector<std::pair<std::uint32_t, std::uint32_t>> tags;

    TextView(std::string_view text, std::string_view date, const NameIndex& names);
    /// With the text's tokens from names.analyzer(), analysed already.
    TextView(std::string_view text, std::string_view date, const NameIndex& names,
             const analysis::TokenBuffer& analysed);
    TextView(const TextView&) = delete;
    TextView& operator=(const TextView&) = delete;

    /// The bytes of the source a token came from.
    std::string_view written(const analysis::Token& t) const {
        return source.substr(t.begin, t.end - t.begin);
    }
    /// The words [first, last) that start inside the byte span [begin, end) (at least one).
    std::pair<std::size_t, std::size_t> words_in(std::uint32_t begin, std::uint32_t end) const;
    /// True when only spaces stand between word i-1 and word i (no punctuation, no line break):
    /// a name goes on across such a gap only.
    bool spaced(std::size_t i) const;
    /// True when the word is written with a capital first letter (names, titles).
    bool capitalized(std::size_t word) const;
    /// The span of `part` inside the token (its stem, a compound part), when the source has it
    /// as written; else the whole token, less an English possessive ('s).
    std::pair<std::uint32_t, std::uint32_t> span_of(const analysis::Token& t,
                                                    std::string_view part) const;
};

/// A candidate mention: an entity and the words it covers, [first, last).
struct Mention {
    Entity entity;
    std::size_t first = 0, last = 0;
};

/// Sets surface, begin and end of a mention from a byte span.
void set_span(const TextView& text, std::uint32_t begin, std::uint32_t end, Entity& e);

}  // namespace ngosearch::entities::detail
