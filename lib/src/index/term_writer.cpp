// SPDX-License-Identifier: GPL-2.0-or-later
#include "index/term_writer.hpp"

#include "index/prefixes.hpp"

namespace ngosearch::detail {

Xapian::termpos index_field(Xapian::Document& doc, const analysis::Analyzer& analyzer,
                            std::string_view text, std::string_view prefix,
                            Xapian::termcount wdf_inc, Xapian::termpos first_position,
                            analysis::TokenBuffer& tokens) {
    tokens.clear();
    analyzer.analyze(text, tokens);
    Xapian::termpos last = first_position;
    std::string term, stem_term;
    for (const analysis::Token& t : tokens) {
        if (prefix.size() + kStemPrefix.size() + t.text.size() > kMaxTermBytes) continue;
        const Xapian::termpos pos = first_position + t.position;
        last = pos;
        term.assign(prefix).append(t.text);
        // A joined form spans several positions: a phrase can never ask for it as one word.
        const bool positional = t.kind != analysis::TokenKind::Joined;
        if (positional) {
            doc.add_posting(term, pos, wdf_inc);
        } else {
            doc.add_term(term, wdf_inc);
        }
        // QueryParser (STEM_SOME) looks up every lower-case query word as Z+stem, so every
        // token gets one, even when the stem is the word itself.
        const std::string stem = analyzer.stem(t.text);
        if (stem.empty()) continue;
        stem_term.assign(kStemPrefix).append(prefix).append(stem);
        doc.add_term(stem_term, wdf_inc);
        if (positional && stem != t.text && t.script == text::Script::Hangul) {
            term.assign(prefix).append(stem);
            // wdf 1, not 0: a phrase or NEAR match on these terms must carry weight.
            doc.add_posting(term, pos, wdf_inc);
        }
    }
    return last + 1;
}

}  // namespace ngosearch::detail
