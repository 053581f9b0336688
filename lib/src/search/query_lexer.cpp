// SPDX-License-Identifier: GPL-2.0-or-later
#include "search/query_lexer.hpp"

#include <algorithm>

#include <ngosearch/error.hpp>

#include <ngosearch/ingest/loader.hpp>

#include "index/document_codec.hpp"
#include "index/schema.hpp"

namespace ngosearch::detail {

namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
bool ends_word(char c) { return is_space(c) || c == '"' || c == '(' || c == ')'; }

bool is_operator_word(std::string_view w) {
    if (w == "AND" || w == "OR" || w == "NOT" || w == "XOR") return true;
    for (const std::string_view op : {"NEAR", "ADJ"}) {
        if (w == op) return true;
        if (w.starts_with(op) && w.size() > op.size() + 1 && w[op.size()] == '/') {
            const std::string_view n = w.substr(op.size() + 1);
            if (n.find_first_not_of("0123456789") == std::string_view::npos) return true;
        }
    }
    return false;
}

bool date_bound(std::string_view s, bool high, std::string& out) {
    const auto d = ingest::normalize_date(s);
    if (!d) return false;
    out = date_value(*d);  // unknown parts are "00"
    if (high) {
        if (d->size() == 4) out.replace(4, 4, "9999");
        if (d->size() == 7) out.replace(6, 2, "99");
    }
    return true;
}

[[noreturn]] void fail(const std::string& what, std::size_t pos) { throw QueryError(what, pos); }

}  // namespace

std::vector<Lexeme> lex_query(std::string_view q) {
    std::vector<Lexeme> out;
    bool in_phrase = false;
    std::size_t i = 0;
    while (i < q.size()) {
        const std::size_t start = i;
        const char c = q[i];
        if (is_space(c)) {
            while (i < q.size() && is_space(q[i])) ++i;
            out.push_back({LexemeKind::Space, start, i, {}, {}, in_phrase});
            continue;
        }
        if (c == '"') {
            out.push_back({LexemeKind::Quote, start, ++i, {}, {}, in_phrase});
            in_phrase = !in_phrase;
            continue;
        }
        if (!in_phrase && (c == '(' || c == ')')) {
            out.push_back({c == '(' ? LexemeKind::Open : LexemeKind::Close, start, ++i, {}, {},
                           false});
            continue;
        }
        // Inside a phrase brackets are just characters ("Moon Jae-in (문재인)").
        const auto word_end = [&](char ch) {
            return in_phrase ? (is_space(ch) || ch == '"') : ends_word(ch);
        };
        while (i < q.size() && !word_end(q[i])) ++i;
        if (i == start) ++i;  // never stall, whatever the input
        const std::string_view word = q.substr(start, i - start);
        Lexeme lx{LexemeKind::Text, start, i, {}, {}, in_phrase};
        if (!in_phrase && is_operator_word(word)) {
            lx.kind = LexemeKind::Operator;
        } else if (!in_phrase) {
            // A filter may be required or excluded like a word: +lang:ko, -type:letter.
            const bool signed_word = word.size() > 1 && (word[0] == '+' || word[0] == '-');
            const std::string_view body = signed_word ? word.substr(1) : word;
            const std::size_t colon = body.find(':');
            const Field* field =
                (colon != std::string_view::npos && colon > 0) ? find_field(body.substr(0, colon))
                                                               : nullptr;
            const std::size_t sign_bytes = signed_word ? 1 : 0;
            if (field) {
                lx.field = field->name;
                lx.sign = signed_word ? word[0] : '\0';
                if (field->kind != FieldKind::Text) {
                    lx.kind = LexemeKind::FieldValue;
                    lx.value = body.substr(colon + 1);
                    // person:"Moon Jae-in": a quoted value, spaces and all.
                    if (lx.value.empty() && i < q.size() && q[i] == '"') {
                        const std::size_t close = q.find('"', i + 1);
                        if (close != std::string_view::npos) {
                            lx.value = q.substr(i + 1, close - i - 1);
                            lx.quoted = true;
                            i = lx.end = close + 1;
                        }
                    }
                } else {
                    // The prefix is its own lexeme; what follows is lexed as usual.
                    lx.kind = LexemeKind::FieldPrefix;
                    lx.end = start + sign_bytes + colon + 1;
                    i = lx.end;
                }
            }
        }
        out.push_back(std::move(lx));
    }
    // A sign written alone before a phrase or a bracket belongs to it: -"a b", +(a OR b).
    for (std::size_t k = 0; k + 1 < out.size(); ++k) {
        Lexeme& sign = out[k];
        Lexeme& next = out[k + 1];
        const bool alone = sign.kind == LexemeKind::Text && !sign.in_phrase &&
                           sign.end - sign.begin == 1 && (q[sign.begin] == '+' || q[sign.begin] == '-');
        if (alone && next.begin == sign.end && !next.in_phrase &&
            (next.kind == LexemeKind::Quote || next.kind == LexemeKind::Open)) {
            next.sign = q[sign.begin];
            next.begin = sign.begin;
            sign.kind = LexemeKind::Space;
            sign.end = sign.begin;
        }
    }
    return out;
}

bool parse_date_range(std::string_view value, std::string& low, std::string& high) {
    const std::size_t dots = value.find("..");
    if (dots == std::string_view::npos) {
        return date_bound(value, false, low) && date_bound(value, true, high);
    }
    const std::string_view a = value.substr(0, dots);
    const std::string_view b = value.substr(dots + 2);
    if (a.empty() && b.empty()) return false;
    if (a.empty()) {
        low = "00000000";
    } else if (!date_bound(a, false, low)) {
        return false;
    }
    if (b.empty()) {
        high = "99999999";
    } else if (!date_bound(b, true, high)) {
        return false;
    }
    return true;
}

void validate_query(std::string_view q, const std::vector<Lexeme>& lexemes) {
    std::vector<const Lexeme*> sig;  // significant lexemes outside phrases, phrases as one
    std::size_t open_quote = 0;
    bool quoted = false;
    std::vector<std::size_t> open_brackets;
    for (const Lexeme& lx : lexemes) {
        if (lx.kind == LexemeKind::Quote) {
            if (!quoted) open_quote = lx.begin;
            if (!quoted) sig.push_back(&lx);
            quoted = !quoted;
            continue;
        }
        if (quoted || lx.kind == LexemeKind::Space) continue;
        if (lx.kind == LexemeKind::Open) open_brackets.push_back(lx.begin);
        if (lx.kind == LexemeKind::Close) {
            if (open_brackets.empty()) {
                fail("unbalanced brackets: ')' at byte " + std::to_string(lx.begin) +
                         " has no matching '('",
                     lx.begin);
            }
            open_brackets.pop_back();
        }
        if (lx.kind == LexemeKind::FieldValue) {
            if (lx.value.empty()) {
                fail("field '" + lx.field + ":' at byte " + std::to_string(lx.begin) +
                         " needs a value, e.g. " + field_examples(),
                     lx.begin);
            }
            const Field& field = *find_field(lx.field);
            const std::size_t value_at =
                lx.begin + (lx.sign ? 1 : 0) + lx.field.size() + 1;
            if (field.kind == FieldKind::DateRange) {
                std::string lo, hi;
                if (!parse_date_range(lx.value, lo, hi)) {
                    fail("invalid date '" + std::string(lx.value) + "' at byte " +
                             std::to_string(value_at) +
                             ": use YYYY, YYYY-MM or YYYY-MM-DD, or a range such as 2020..2025, "
                             "2020-03.. or ..2019-12-31",
                         value_at);
                }
                if (lo > hi) {
                    fail("empty date range '" + std::string(lx.value) + "' at byte " +
                             std::to_string(value_at) +
                             ": the start is after the end",
                         value_at);
                }
            }
            std::string why;
            if (field.kind == FieldKind::Filter && !normalize_filter_value(field, lx.value, why)) {
                fail("unknown " + std::string(field.noun) + " '" + std::string(lx.value) + "' at byte " +
                         std::to_string(value_at) + ": " + why,
                     value_at);
            }
        }
        sig.push_back(&lx);
    }
    if (quoted) {
        fail("unbalanced quotes: the phrase opened at byte " + std::to_string(open_quote) +
                 " is never closed",
             open_quote);
    }
    if (!open_brackets.empty()) {
        fail("unbalanced brackets: '(' at byte " + std::to_string(open_brackets.back()) +
                 " is never closed",
             open_brackets.back());
    }
    // "-law" alone: Xapian would ignore the exclusion and search for nothing to exclude from.
    const bool only_excluded =
        !sig.empty() && std::all_of(sig.begin(), sig.end(), [&](const Lexeme* lx) {
            return lx->sign == '-' || (lx->kind == LexemeKind::Text && q[lx->begin] == '-');
        });
    if (only_excluded && sig[0]->kind == LexemeKind::Text) {
        fail("nothing to search for: '" + std::string(q.substr(sig[0]->begin, sig[0]->end - sig[0]->begin)) +
                 "' only excludes; add words to search for, or write NOT " +
                 std::string(q.substr(sig[0]->begin + 1, sig[0]->end - sig[0]->begin - 1)) +
                 " to search everything else",
             sig[0]->begin);
    }
    if (only_excluded) {
        fail("nothing to search for: the query only excludes (from byte " +
                 std::to_string(sig[0]->begin) +
                 "); add words to search for, or write NOT before what to leave out",
             sig[0]->begin);
    }
    const auto is_operand_end = [](const Lexeme* lx) {
        return lx->kind == LexemeKind::Text || lx->kind == LexemeKind::FieldValue ||
               lx->kind == LexemeKind::Close || lx->kind == LexemeKind::Quote;
    };
    for (std::size_t k = 0; k < sig.size(); ++k) {
        const Lexeme& lx = *sig[k];
        const std::string word(q.substr(lx.begin, lx.end - lx.begin));
        if (lx.kind == LexemeKind::Text &&
            (word.starts_with("NEAR/") || word.starts_with("ADJ/"))) {
            fail("'" + word + "' at byte " + std::to_string(lx.begin) +
                     ": NEAR and ADJ take a distance in words, e.g. NEAR/3",
                 lx.begin);
        }
        if (lx.kind == LexemeKind::FieldPrefix) {
            if (k + 1 == sig.size() || sig[k + 1]->begin != lx.end ||
                (sig[k + 1]->kind != LexemeKind::Text && sig[k + 1]->kind != LexemeKind::Quote)) {
                fail("field '" + word + "' at byte " + std::to_string(lx.begin) +
                         " must be followed directly by a word or a \"phrase\"",
                     lx.begin);
            }
        }
        if (lx.kind == LexemeKind::Open && k + 1 < sig.size() &&
            sig[k + 1]->kind == LexemeKind::Close) {
            fail("empty brackets at byte " + std::to_string(lx.begin), lx.begin);
        }
        if (lx.kind != LexemeKind::Operator) continue;
        const bool is_not = (word == "NOT");
        const bool has_left = k > 0 && is_operand_end(sig[k - 1]);
        // Only AND may be followed by NOT (a AND NOT b); Xapian has no other operator pairs.
        const bool has_right =
            k + 1 < sig.size() && sig[k + 1]->kind != LexemeKind::Close &&
            (sig[k + 1]->kind != LexemeKind::Operator ||
             (word == "AND" && q.substr(sig[k + 1]->begin, sig[k + 1]->end - sig[k + 1]->begin) ==
                                   "NOT"));
        if (word.starts_with("NEAR") || word.starts_with("ADJ")) {
            // NEAR and ADJ take single words on both sides, not phrases, brackets or fields.
            const auto plain = [&](std::size_t j) {
                return j < sig.size() && sig[j]->kind == LexemeKind::Text &&
                       !(j > 0 && sig[j - 1]->kind == LexemeKind::FieldPrefix);
            };
            if (!(k > 0 && plain(k - 1)) || !plain(k + 1)) {
                fail("operator " + word + " at byte " + std::to_string(lx.begin) +
                         " needs a single word on each side (not a phrase, bracket or field)",
                     lx.begin);
            }
        }
        if (!has_left && !is_not) {
            fail("operator " + word + " at byte " + std::to_string(lx.begin) +
                     " needs something to its left",
                 lx.begin);
        }
        if (!has_right) {
            fail("operator " + word + " at byte " + std::to_string(lx.begin) +
                     " needs something to its right",
                 lx.begin);
        }
    }
}

}  // namespace ngosearch::detail
