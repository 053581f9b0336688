// SPDX-License-Identifier: GPL-2.0-or-later
#include "search/query_operands.hpp"

#include <algorithm>
#include <span>

#include <ngosearch/entities/gazetteer.hpp>
#include <ngosearch/error.hpp>

#include "entities/name_index.hpp"
#include "entities/rules.hpp"
#include "index/schema.hpp"
#include "index/term_scheme.hpp"

namespace ngosearch::detail {

namespace {

using analysis::Token;
using Q = Xapian::Query;

// A gazetteer name is rarely longer than this many words.
constexpr std::size_t kMaxNameWords = 10;
constexpr Xapian::termcount kMaxDistance = 1000000;

Q combine(Q::op op, const std::vector<Q>& parts) {
    if (parts.empty()) return {};
    if (parts.size() == 1) return parts.front();
    return Q(op, parts.begin(), parts.end());
}

// "national-security-act/7": an id and the article it cites.
std::pair<std::string, std::string> split_article(std::string_view value) {
    const std::size_t slash = value.rfind('/');
    if (slash == std::string_view::npos || slash == 0) return {std::string(value), {}};
    const std::string_view article = value.substr(slash + 1);
    const bool looks = !article.empty() && article.front() >= '0' && article.front() <= '9' &&
                       article.find_first_not_of("0123456789-()") == std::string_view::npos;
    if (!looks) return {std::string(value), {}};
    return {std::string(value.substr(0, slash)), std::string(article)};
}

class Reader {
public:
    Reader(std::string_view query, const QueryContext& context, const BuildOptions& options,
           std::vector<QueryExpansion>& expansions)
        : q_(query), ctx_(context), options_(options), expansions_(expansions) {}

    std::vector<Item> read(const std::vector<Lexeme>& lx) {
        for (std::size_t k = 0; k < lx.size(); ++k) {
            const Lexeme& l = lx[k];
            switch (l.kind) {
                case LexemeKind::Space:
                    break;
                case LexemeKind::Open:
                case LexemeKind::Close: {
                    Item it;
                    it.kind = l.kind == LexemeKind::Open ? Item::Kind::Open : Item::Kind::Close;
                    it.begin = l.begin;
                    it.end = l.end;
                    it.sign = l.sign;
                    items_.push_back(std::move(it));
                    break;
                }
                case LexemeKind::Operator:
                    items_.push_back(operator_item(l));
                    break;
                case LexemeKind::FieldValue:
                    push(filter_operand(l));
                    break;
                case LexemeKind::Quote:
                    k = read_phrase(lx, k, "", l.begin, l.sign);
                    break;
                case LexemeKind::FieldPrefix: {
                    const Field& field = *find_field(l.field);
                    if (k + 1 < lx.size() && lx[k + 1].kind == LexemeKind::Quote) {
                        k = read_phrase(lx, k + 1, field.prefix, l.begin, l.sign);
                    } else if (k + 1 < lx.size() && lx[k + 1].kind == LexemeKind::Text) {
                        ++k;
                        read_words(lx, k, k, field.prefix, l.begin, l.sign);
                    }
                    break;
                }
                case LexemeKind::Text: {
                    // Words are analysed a run at a time, as the indexer saw them: a particle
                    // written apart (국가보안법 을) is dropped on both sides.
                    std::size_t last = k;
                    for (std::size_t j = k + 1; j < lx.size(); ++j) {
                        if (lx[j].kind == LexemeKind::Text) last = j;
                        if (lx[j].kind != LexemeKind::Text && lx[j].kind != LexemeKind::Space) break;
                    }
                    read_words(lx, k, last, "", std::string_view::npos, '\0');
                    k = last;
                    break;
                }
            }
        }
        return std::move(items_);
    }

private:
    Item operator_item(const Lexeme& l) const {
        Item it;
        it.kind = Item::Kind::Operator;
        it.begin = l.begin;
        it.end = l.end;
        const std::string_view w = q_.substr(l.begin, l.end - l.begin);
        if (w == "AND") it.op = Op::And;
        else if (w == "OR") it.op = Op::Or;
        else if (w == "XOR") it.op = Op::Xor;
        else if (w == "NOT") it.op = Op::Not;
        else {
            it.op = w.starts_with("NEAR") ? Op::Near : Op::Adj;
            const std::size_t slash = w.find('/');
            if (slash != std::string_view::npos) {
                Xapian::termcount n = 0;
                for (const char c : w.substr(slash + 1)) {
                    n = std::min<Xapian::termcount>(n * 10 + static_cast<Xapian::termcount>(c - '0'),
                                                    kMaxDistance);
                }
                it.distance = std::max<Xapian::termcount>(n, 1);
            }
        }
        return it;
    }

    void push(Operand o) {
        Item it;
        it.kind = Item::Kind::Operand;
        it.begin = o.begin;
        it.end = o.end;
        it.operand = std::move(o);
        items_.push_back(std::move(it));
    }

    // The terms an entity filter value stands for: an id, an id with an article, or a name in
    // either language (several entities may share it), else the id the rules would give.
    std::vector<std::string> entity_terms(const Field& field, std::string_view value) const {
        const auto [name, article] = field.entity == entities::EntityType::Law
                                         ? split_article(value)
                                         : std::pair{std::string(value), std::string()};
        std::vector<std::string> ids;
        if (ctx_.names) {
            const entities::Gazetteer& g = ctx_.names->gazetteer();
            if (const auto* e = g.find(name)) {
                ids.push_back(g.current(*e).id);
            } else {
                for (const auto* e : ctx_.names->named(ctx_.names->keys(name))) {
                    const auto& now = g.current(*e);
                    if (now.type == field.entity) ids.push_back(now.id);
                }
            }
        }
        if (ids.empty() && field.entity == entities::EntityType::Resolution) {
            // A resolution the gazetteer lacks has the id the rules give it: A/RES/78/218 and
            // "General Assembly resolution 78/218" are unga-78-218; 78/218 alone may be the
            // Assembly's or the Council's.
            ids = entities::detail::resolution_ids(name);
        }
        if (ids.empty()) ids.push_back(entities::detail::id_from_name(name));
        std::vector<std::string> terms;
        for (const auto& id : ids) {
            terms.push_back(std::string(field.prefix) + id + (article.empty() ? "" : "/" + article));
        }
        return terms;
    }

    Operand filter_operand(const Lexeme& l) const {
        const Field& field = *find_field(l.field);
        Operand o;
        o.begin = l.begin;
        o.end = l.end;
        o.sign = l.sign;
        o.filter = &field;
        if (field.kind == FieldKind::DateRange) {
            std::string low, high;
            parse_date_range(l.value, low, high);  // validated already
            o.query = Q(Q::OP_VALUE_RANGE, slot(field.slot), low, high);
        } else if (field.kind == FieldKind::Entity) {
            std::vector<Q> terms;
            for (const auto& t : entity_terms(field, l.value)) terms.emplace_back(t);
            o.query = combine(Q::OP_OR, terms);
        } else {
            std::string why;
            const auto value = normalize_filter_value(field, l.value, why);  // validated already
            o.query = Q(std::string(field.prefix) + value.value_or(std::string(l.value)));
        }
        return o;
    }

    // The phrase opened by the quote lx[open] (written from `written_at`, which includes a
    // field prefix and a sign); returns the index of its closing quote.
    std::size_t read_phrase(const std::vector<Lexeme>& lx, std::size_t open,
                            std::string_view prefix, std::size_t written_at, char sign) {
        std::size_t close = open + 1;
        while (close < lx.size() && lx[close].kind != LexemeKind::Quote) ++close;
        if (close >= lx.size()) return lx.size();  // validated: cannot happen
        const std::size_t from = lx[open].end, to = lx[close].begin;
        analysis::TokenBuffer tokens;
        ctx_.analyzer->analyze(q_.substr(from, to - from), tokens);
        std::vector<Q> terms;
        for (const Token& t : tokens) {
            if (analysis::is_extra(t.kind)) continue;
            terms.emplace_back(phrase_term(t, prefix), 1, next_position());
        }
        if (terms.empty()) return close;
        if (terms.size() > 1 && !ctx_.positions) {
            throw QueryError(
                needs_positions("the phrase " + std::string(q_.substr(written_at,
                                                                      lx[close].end - written_at)),
                                written_at),
                written_at);
        }
        Operand o;
        o.begin = written_at;
        o.end = lx[close].end;
        o.sign = sign ? sign : lx[open].sign;
        o.exact = true;
        o.query = terms.size() == 1 ? terms.front()
                                    : Q(Q::OP_PHRASE, terms.begin(), terms.end(), terms.size());
        push(std::move(o));
        return close;
    }

    // The words of lx[first..last] (Text lexemes and the spaces between them), one operand per
    // lexeme. `written_at` is where a field prefix starts, if any.
    void read_words(const std::vector<Lexeme>& lx, std::size_t first, std::size_t last,
                    std::string_view prefix, std::size_t written_at, char prefix_sign) {
        const std::size_t base = lx[first].begin;
        analysis::TokenBuffer tokens;
        ctx_.analyzer->analyze(q_.substr(base, lx[last].end - base), tokens);
        std::vector<Operand> run;
        std::vector<std::vector<Token>> run_words;
        std::size_t t = 0;
        for (std::size_t k = first; k <= last; ++k) {
            const Lexeme& l = lx[k];
            if (l.kind != LexemeKind::Text) continue;
            std::vector<Token> words;
            for (; t < tokens.size() && base + tokens[t].begin < l.end; ++t) {
                if (!analysis::is_extra(tokens[t].kind) && base + tokens[t].begin >= l.begin) {
                    words.push_back(tokens[t]);
                }
            }
            if (words.empty()) continue;
            if (++words_ > options_.max_words) {
                throw QueryError("the query has more than " + std::to_string(options_.max_words) +
                                     " words (the " + std::to_string(options_.max_words + 1) +
                                     "th at byte " + std::to_string(l.begin) +
                                     "); shorten it, or raise the limit: SearchOptions::max_query_words, or "
                                     "ngosearch search --max-query-words N",
                                 l.begin);
            }
            const std::string_view written = q_.substr(l.begin, l.end - l.begin);
            Operand o;
            o.begin = written_at == std::string_view::npos ? l.begin : written_at;
            o.end = l.end;
            o.sign = prefix_sign;
            if (written.size() > 1 && (written[0] == '+' || written[0] == '-')) o.sign = written[0];
            o.exact = !prefix.empty();
            const bool wildcard = written.size() > 1 && written.back() == '*' && words.size() == 1;
            word_operand(words, prefix, wildcard, o);
            run.push_back(std::move(o));
            run_words.push_back(std::move(words));
        }
        if (prefix.empty() && options_.expand_entities && ctx_.names) expand_entities(run, run_words);
        for (auto& o : run) push(std::move(o));
    }

    void word_operand(std::span<const Token> words, std::string_view prefix, bool wildcard,
                      Operand& o) {
        if (wildcard) {
            o.query = Q(Q::OP_WILDCARD, std::string(prefix) + words.front().text,
                        options_.max_wildcard_terms, Q::WILDCARD_LIMIT_MOST_FREQUENT, Q::OP_SYNONYM);
            return;
        }
        for (const Token& w : words) {
            o.text += (o.text.empty() ? "" : " ") + w.text;
            o.positional.emplace_back(implied_phrase_term(*ctx_.analyzer, w, prefix), 1,
                                      next_position());
        }
        Q precise;
        if (words.size() == 1) {
            precise = word_query(*ctx_.analyzer, words.front(), prefix, position_);
            o.stopword = ctx_.stopwords && words.front().script == text::Script::Latin &&
                         ctx_.stopwords->contains(words.front().text);
        } else {
            // One written word that analyses to several ("UN인권이사회", "www.ohchr.org"): its
            // parts in order, as QueryParser reads words joined by punctuation; all of them
            // anywhere when the index stores no positions (the user wrote no phrase).
            precise = ctx_.positions ? Q(Q::OP_PHRASE, o.positional.begin(), o.positional.end(),
                                         o.positional.size())
                                     : Q(Q::OP_AND, o.positional.begin(), o.positional.end());
        }
        o.query = precise;
        // An excluded word excludes what it says (a fallback would exclude more).
        if (!prefix.empty() || !options_.fallback || !ctx_.korean_bigrams || o.sign == '-' ||
            words_ > ctx_.max_fallback_words) {
            return;
        }
        // The Korean fallback: every part of the word, found by its syllable bigrams where its
        // stem is not found (names, loanwords, new compounds, other spellings and spacing).
        std::vector<Q> loose;
        bool has_grams = false;
        for (const Token& w : words) {
            Q grams = bigram_query(w);
            has_grams |= !grams.empty();
            loose.push_back(grams.empty() ? word_query(*ctx_.analyzer, w, prefix, 0) : grams);
        }
        if (!has_grams) return;
        o.query = Q(Q::OP_OR, precise,
                    Q(Q::OP_SCALE_WEIGHT, combine(Q::OP_AND, loose), ctx_.fallback_weight));
    }

    // Runs of words that name an entity of the gazetteer (통일부, National Security Law) also
    // find the documents that mention it, in any language or alias, at a lower weight: the
    // run becomes one operand, OR(its words, the entity).
    void expand_entities(std::vector<Operand>& run, const std::vector<std::vector<Token>>& words) {
        // Words with no sign (a name's "of" included), not wildcards.
        const auto plain = [&](std::size_t k) {
            return run[k].sign == '\0' && !run[k].positional.empty();
        };
        std::vector<Operand> out;
        for (std::size_t i = 0; i < run.size();) {
            std::size_t best_end = i;
            std::vector<const entities::GazetteerEntry*> best;
            std::vector<std::string> keys;
            for (std::size_t j = i; j < run.size() && j < i + kMaxNameWords && plain(j); ++j) {
                for (const Token& w : words[j]) keys.push_back(ctx_.names->key(w));
                auto found = ctx_.names->named(keys);
                if (!found.empty()) {
                    best = std::move(found);
                    best_end = j + 1;
                }
            }
            if (best.empty()) {
                out.push_back(std::move(run[i++]));
                continue;
            }
            const entities::Gazetteer& g = ctx_.names->gazetteer();
            std::vector<Q> entity_terms;
            for (const auto* e : best) {
                const auto& now = g.current(*e);
                entity_terms.emplace_back(std::string(entity_field(now.type).prefix) + now.id);
                expansions_.push_back({std::string(q_.substr(run[i].begin, run[best_end - 1].end -
                                                                               run[i].begin)),
                                       now.type, now.id, now.name()});
            }
            Operand merged = std::move(run[i]);
            std::vector<Q> words_of_name{merged.query};
            for (std::size_t k = i + 1; k < best_end; ++k) {
                words_of_name.push_back(run[k].query);
                merged.positional.insert(merged.positional.end(), run[k].positional.begin(),
                                         run[k].positional.end());
                merged.text += " " + run[k].text;
                merged.end = run[k].end;
            }
            const Q::op words_op = options_.match_all ? Q::OP_AND : Q::OP_OR;
            merged.stopword = false;
            merged.query = Q(Q::OP_OR, combine(words_op, words_of_name),
                             Q(Q::OP_SCALE_WEIGHT, combine(Q::OP_OR, entity_terms),
                               ctx_.entity_weight));
            out.push_back(std::move(merged));
            i = best_end;
        }
        run.swap(out);
    }

    Xapian::termpos next_position() { return ++position_; }

    std::string_view q_;
    const QueryContext& ctx_;
    const BuildOptions& options_;
    std::vector<QueryExpansion>& expansions_;
    std::vector<Item> items_;
    Xapian::termpos position_ = 0;
    std::size_t words_ = 0;
};

}  // namespace

std::vector<Item> read_items(std::string_view query, const std::vector<Lexeme>& lexemes,
                             const QueryContext& context, const BuildOptions& options,
                             std::vector<QueryExpansion>& expansions) {
    return Reader(query, context, options, expansions).read(lexemes);
}

}  // namespace ngosearch::detail
