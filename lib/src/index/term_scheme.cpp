// SPDX-License-Identifier: GPL-2.0-or-later
#include "index/term_scheme.hpp"

#include <algorithm>

#include "detail/hangul.hpp"
#include "index/prefixes.hpp"

namespace ngosearch::detail {

namespace {

bool is_hangul(const analysis::Token& t) { return t.script == text::Script::Hangul; }

// Bigrams are built for every Hangul word indexed; reuse one buffer per thread.
thread_local std::vector<std::string> t_bigrams;

}  // namespace

void hangul_bigrams(std::string_view word, std::vector<std::string>& out) {
    const std::size_t first = out.size();
    for (std::size_t i = 0; i + 6 <= word.size();) {
        if (!syllable_at(word, i)) {
            ++i;
            continue;
        }
        if (syllable_at(word, i + 3)) out.emplace_back(word.substr(i, 6));
        i += 3;
    }
    std::sort(out.begin() + static_cast<std::ptrdiff_t>(first), out.end());
    out.erase(std::unique(out.begin() + static_cast<std::ptrdiff_t>(first), out.end()), out.end());
}

Xapian::termpos index_tokens(Xapian::Document& doc, const analysis::Analyzer& analyzer,
                             const analysis::TokenBuffer& tokens, std::string_view prefix,
                             Xapian::termcount wdf_inc, Xapian::termpos first_position,
                             const StoredParts& parts) {
    Xapian::termpos last = first_position;
    std::string term;
    for (const analysis::Token& t : tokens) {
        if (prefix.size() + kStemPrefix.size() + t.text.size() > kMaxTermBytes) continue;
        const Xapian::termpos pos = first_position + t.position;
        last = pos;
        // A joined form spans several positions: a phrase can never ask for it as one word.
        const bool positional = parts.positions && t.kind != analysis::TokenKind::Joined;
        const auto post = [&](const std::string& t_name) {
            if (positional) {
                doc.add_posting(t_name, pos, wdf_inc);
            } else {
                doc.add_term(t_name, wdf_inc);
            }
        };
        term.assign(prefix).append(t.text);
        post(term);
        const std::string stem = analyzer.stem(t.text);
        if (!stem.empty() && stem != t.text) {
            if (is_hangul(t)) {
                // wdf counts, not 0: a phrase or NEAR match on the stem must carry weight.
                term.assign(prefix).append(stem);
                post(term);
            } else {
                term.assign(kStemPrefix).append(prefix).append(stem);
                doc.add_term(term, wdf_inc);
            }
        }
        // Every word written (not the extra terms), numbers with Korean units too: 4급허리케인.
        if (parts.korean_bigrams && prefix.empty() && !analysis::is_extra(t.kind)) {
            t_bigrams.clear();
            hangul_bigrams(t.text, t_bigrams);
            for (const std::string& g : t_bigrams) {
                term.assign(kGramPrefix).append(g);
                doc.add_term(term, wdf_inc);
            }
        }
    }
    return last + 1;
}

Xapian::Query word_query(const analysis::Analyzer& analyzer, const analysis::Token& token,
                         std::string_view prefix, Xapian::termpos position) {
    std::string stem = analyzer.stem(token.text);
    if (stem.empty()) stem = token.text;
    const std::string plain = std::string(prefix) + stem;
    // For Hangul the "Z" term is never indexed (the stem is posted as a word); it is asked for
    // all the same, so that Xapian's snippet matcher, which looks up "Z"+stem of each word of
    // the text, finds 통일부는 for the query 통일부. An absent term adds no weight.
    const std::string stemmed = std::string(kStemPrefix) + plain;
    const Xapian::Query parts[] = {Xapian::Query(stemmed, 1, position),
                                   Xapian::Query(plain, 1, position)};
    return Xapian::Query(Xapian::Query::OP_SYNONYM, std::begin(parts), std::end(parts));
}

Xapian::Query bigram_query(const analysis::Token& token) {
    std::vector<std::string> grams;
    hangul_bigrams(token.text, grams);
    if (grams.empty()) return {};
    std::vector<Xapian::Query> terms;
    terms.reserve(grams.size());
    for (const std::string& g : grams) terms.emplace_back(std::string(kGramPrefix) + g);
    return Xapian::Query(Xapian::Query::OP_AND, terms.begin(), terms.end());
}

std::string phrase_term(const analysis::Token& token, std::string_view prefix) {
    return std::string(prefix) + token.text;
}

std::string implied_phrase_term(const analysis::Analyzer& analyzer, const analysis::Token& token,
                                std::string_view prefix) {
    if (!is_hangul(token)) return phrase_term(token, prefix);
    const std::string stem = analyzer.stem(token.text);
    return std::string(prefix) + (stem.empty() ? token.text : stem);
}

}  // namespace ngosearch::detail
