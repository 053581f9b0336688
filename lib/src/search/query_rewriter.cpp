// SPDX-License-Identifier: GPL-2.0-or-later
#include "search/query_rewriter.hpp"

#include <unicode/uchar.h>

#include <ngosearch/text/normalize.hpp>

#include "detail/utf8_decode.hpp"

namespace ngosearch::detail {

namespace {

// Characters QueryParser would take as part of a word (letters, digits, marks) but the analyzer
// dropped, such as U+318D ㆍ between Korean words: they must not glue two words back together.
bool is_word_char(UChar32 c) {
    return u_isalnum(c) || u_hasBinaryProperty(c, UCHAR_ALPHABETIC) ||
           (U_GET_GC_MASK(c) & U_GC_M_MASK) != 0;
}

void append_gap_chars(std::string_view gap, std::string& out) {
    const auto length = static_cast<int32_t>(gap.size());
    bool has_space = false;
    for (const char c : gap) has_space |= (c == ' ' || c == '\t' || c == '\n' || c == '\r');
    for (int32_t i = 0; i < length;) {
        const int32_t start = i;
        const UChar32 c = next_code_point(gap, i, length);
        if (c < 0 || is_word_char(c)) {
            out += has_space ? ' ' : '-';
        } else {
            out.append(gap.substr(static_cast<std::size_t>(start),
                                  static_cast<std::size_t>(i - start)));
        }
    }
}

void append_gap(std::string_view gap, std::string& out) {
    // ".." outside date: would make QueryParser look for a range ("...", "a..b").
    if (gap.find("..") != std::string_view::npos) {
        std::string cleaned(gap);
        for (std::size_t p; (p = cleaned.find("..")) != std::string::npos;) cleaned[p + 1] = ' ';
        append_gap_chars(cleaned, out);
        return;
    }
    append_gap_chars(gap, out);
}

// Rewrites free text (words with +, -, * and punctuation around them).
void rewrite_text(std::string_view text, const analysis::Analyzer& analyzer, std::string& out) {
    const analysis::TokenBuffer tokens = analyzer.analyze(text);
    std::size_t cursor = 0;
    bool first = true;
    std::uint32_t last_position = 0;
    for (const analysis::Token& t : tokens) {
        // Only the first token at a position is what was written; the rest are extra terms.
        if (analysis::is_extra(t.kind)) continue;
        if (!first && t.position == last_position) continue;
        if (t.begin < cursor) continue;
        const std::string_view gap = text.substr(cursor, t.begin - cursor);
        if (!first && gap.empty()) {
            out += '-';
        } else {
            append_gap(gap, out);
        }
        out += t.text;
        cursor = t.end;
        first = false;
        last_position = t.position;
    }
    append_gap(text.substr(cursor), out);
}

}  // namespace

void drop_unsearchable(std::string_view q, std::vector<Lexeme>& lexemes,
                       const analysis::Analyzer& analyzer) {
    for (Lexeme& lx : lexemes) {
        if (lx.kind != LexemeKind::Text || lx.in_phrase) continue;
        if (analyzer.analyze(q.substr(lx.begin, lx.end - lx.begin)).empty()) {
            lx.kind = LexemeKind::Space;
        }
    }
}

std::string rewrite_query(std::string_view q, const std::vector<Lexeme>& lexemes,
                          const analysis::Analyzer& analyzer) {
    std::string out;
    out.reserve(q.size() + 16);
    for (std::size_t i = 0; i < lexemes.size(); ++i) {
        const Lexeme& lx = lexemes[i];
        const std::string_view src = q.substr(lx.begin, lx.end - lx.begin);
        switch (lx.kind) {
            case LexemeKind::Space:
                // A dropped word (see drop_unsearchable) becomes one space.
                out += (src.find_first_not_of(" \t\r\n") == std::string_view::npos) ? src : " ";
                break;
            case LexemeKind::Quote:
            case LexemeKind::Open:
            case LexemeKind::Close:
            case LexemeKind::Operator:
                out += src;
                break;
            case LexemeKind::FieldPrefix:
                out += lx.field;
                out += ':';
                break;
            case LexemeKind::FieldValue:
                if (lx.field == "date") {
                    std::string lo, hi;
                    parse_date_range(lx.value, lo, hi);  // validated already
                    out += "date:" + lo + ".." + hi;
                } else {
                    out += lx.field + ":" + text::normalize(lx.value);
                }
                // QueryParser reads a filter value up to white space: end it before a quote or
                // bracket glued to it (lang:ko"…").
                if (lx.end < q.size() && q[lx.end] != ' ' && q[lx.end] != '\t') out += ' ';
                break;
            case LexemeKind::Text: {
                // Words are analysed a run at a time, as the indexer saw them (a particle written
                // apart, 국가보안법 을, is dropped on both sides); a word after title: alone.
                std::size_t last = i;
                const bool after_prefix = i > 0 && lexemes[i - 1].kind == LexemeKind::FieldPrefix;
                while (!after_prefix && last + 1 < lexemes.size() &&
                       (lexemes[last + 1].kind == LexemeKind::Text ||
                        lexemes[last + 1].kind == LexemeKind::Space) &&
                       lexemes[last + 1].in_phrase == lx.in_phrase) {
                    ++last;
                }
                rewrite_text(q.substr(lx.begin, lexemes[last].end - lx.begin), analyzer, out);
                i = last;
                break;
            }
        }
    }
    return out;
}

}  // namespace ngosearch::detail
