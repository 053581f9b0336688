// SPDX-License-Identifier: GPL-2.0-or-later
#include "search/query_builder.hpp"

#include <map>
#include <span>

#include <ngosearch/error.hpp>

#include "index/schema.hpp"
#include "index/term_scheme.hpp"

namespace ngosearch::detail {

namespace {

using analysis::Token;
using Q = Xapian::Query;

// Xapian's QueryParser reads "a NEAR b" as "within 10 words".
constexpr Xapian::termcount kDefaultNearDistance = 10;

enum class Op { And, Or, Xor, Not, Near, Adj };

// What stands between the operators: a word, a phrase, a filter, a bracketed group.
struct Operand {
    std::size_t begin = 0, end = 0;  // where it is written in the query
    char sign = '\0';                // '+' (required) or '-' (excluded)
    Q query;
    const Field* filter = nullptr;   // a filter value or date range: grouped per field
    bool stopword = false;           // an English function word
    std::vector<Q> positional;       // a plain word's terms in order, for NEAR and ADJ
};

struct Item {
    enum class Kind { Operator, Open, Close, Operand } kind = Kind::Operand;
    std::size_t begin = 0, end = 0;
    Op op = Op::And;
    Xapian::termcount distance = 0;  // NEAR/n, ADJ/n; 0 for the default
    Operand operand;
};

// The operands between two boolean operators, sorted as Xapian's QueryParser sorts them.
struct Prob {
    std::vector<Operand> plain, loved, hated;
    std::map<std::string_view, std::vector<Q>> filters;  // by field name
};

Q combine(Q::op op, const std::vector<Q>& parts) {
    if (parts.empty()) return {};
    if (parts.size() == 1) return parts.front();
    return Q(op, parts.begin(), parts.end());
}

std::string text_of(std::string_view q, std::size_t begin, std::size_t end) {
    return std::string(q.substr(begin, end - begin));
}

class Builder {
public:
    Builder(std::string_view query, const QueryContext& context, BuildOptions options)
        : q_(query), ctx_(context), match_all_(options.match_all), fallback_(options.fallback) {}

    BuiltQuery run(const std::vector<Lexeme>& lexemes) {
        read(lexemes);
        Q query = parse_or();
        if (i_ < items_.size()) {
            const Item& it = items_[i_];
            throw QueryError("unexpected '" + text_of(q_, it.begin, it.end) + "' at position " +
                                 std::to_string(it.begin),
                             it.begin);
        }
        return {std::move(query), relaxable_};
    }

private:
    // ---- lexemes to items

    void read(const std::vector<Lexeme>& lx) {
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
                    items_.push_back(std::move(it));
                    break;
                }
                case LexemeKind::Operator:
                    items_.push_back(operator_item(l));
                    break;
                case LexemeKind::FieldValue:
                    push_operand(filter_operand(l));
                    break;
                case LexemeKind::Quote:
                    k = read_phrase(lx, k, "", l.begin);
                    break;
                case LexemeKind::FieldPrefix: {
                    const Field& field = *find_field(l.field);
                    if (k + 1 < lx.size() && lx[k + 1].kind == LexemeKind::Quote) {
                        k = read_phrase(lx, k + 1, field.prefix, l.begin);
                    } else if (k + 1 < lx.size() && lx[k + 1].kind == LexemeKind::Text) {
                        ++k;
                        read_words(lx, k, k, field.prefix, l.begin);
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
                    read_words(lx, k, last, "", std::string_view::npos);
                    k = last;
                    break;
                }
            }
        }
    }

    Item operator_item(const Lexeme& l) {
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

    void push_operand(Operand o) {
        Item it;
        it.kind = Item::Kind::Operand;
        it.begin = o.begin;
        it.end = o.end;
        it.operand = std::move(o);
        items_.push_back(std::move(it));
    }

    Operand filter_operand(const Lexeme& l) {
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
        } else {
            std::string why;
            const auto value = normalize_filter_value(field, l.value, why);  // validated already
            o.query = Q(std::string(field.prefix) + value.value_or(std::string(l.value)));
        }
        return o;
    }

    // The phrase opened by the quote lx[open] (written from `written_at`, which includes a
    // field prefix); returns the index of its closing quote.
    std::size_t read_phrase(const std::vector<Lexeme>& lx, std::size_t open,
                            std::string_view prefix, std::size_t written_at) {
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
        Operand o;
        o.begin = written_at;
        o.end = lx[close].end;
        o.query = terms.size() == 1 ? terms.front()
                                    : Q(Q::OP_PHRASE, terms.begin(), terms.end(), terms.size());
        push_operand(std::move(o));
        return close;
    }

    // The words of lx[first..last] (Text lexemes and the spaces between them), one operand per
    // lexeme. `written_at` is where a field prefix starts, if any.
    void read_words(const std::vector<Lexeme>& lx, std::size_t first, std::size_t last,
                    std::string_view prefix, std::size_t written_at) {
        const std::size_t base = lx[first].begin;
        analysis::TokenBuffer tokens;
        ctx_.analyzer->analyze(q_.substr(base, lx[last].end - base), tokens);
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
            const std::string_view written = q_.substr(l.begin, l.end - l.begin);
            Operand o;
            o.begin = written_at == std::string_view::npos ? l.begin : written_at;
            o.end = l.end;
            if (written.size() > 1 && (written[0] == '+' || written[0] == '-')) o.sign = written[0];
            const bool wildcard = written.size() > 1 && written.back() == '*' && words.size() == 1;
            word_operand(words, prefix, wildcard, o);
            push_operand(std::move(o));
        }
    }

    void word_operand(std::span<const Token> words, std::string_view prefix, bool wildcard,
                      Operand& o) {
        if (wildcard) {
            o.query = Q(Q::OP_WILDCARD, std::string(prefix) + words.front().text,
                        ctx_.max_wildcard_terms, Q::WILDCARD_LIMIT_MOST_FREQUENT, Q::OP_SYNONYM);
            return;
        }
        for (const Token& w : words) {
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
            // parts in order, as QueryParser reads words joined by punctuation.
            precise = Q(Q::OP_PHRASE, o.positional.begin(), o.positional.end(),
                        o.positional.size());
        }
        o.query = precise;
        if (!prefix.empty() || !fallback_) return;
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

    Xapian::termpos next_position() { return ++position_; }

    // ---- items to the query, Xapian's QueryParser precedence

    bool at(Item::Kind kind) const { return i_ < items_.size() && items_[i_].kind == kind; }

    bool at_op(Op op) const { return at(Item::Kind::Operator) && items_[i_].op == op; }

    [[noreturn]] void missing(const Item& op, const char* side) const {
        throw QueryError("operator " + text_of(q_, op.begin, op.end) + " at position " +
                             std::to_string(op.begin) + " needs something searchable to its " +
                             side,
                         op.begin);
    }

    Q parse_or() {
        Q left = parse_xor();
        while (at_op(Op::Or)) {
            const Item& op = items_[i_++];
            Q right = parse_xor();
            if (left.empty()) missing(op, "left");
            if (right.empty()) missing(op, "right");
            left = Q(Q::OP_OR, left, right);
        }
        return left;
    }

    Q parse_xor() {
        Q left = parse_and();
        while (at_op(Op::Xor)) {
            const Item& op = items_[i_++];
            Q right = parse_and();
            if (left.empty()) missing(op, "left");
            if (right.empty()) missing(op, "right");
            left = Q(Q::OP_XOR, left, right);
        }
        return left;
    }

    Q parse_and() {
        Q left = resolve(parse_prob());
        while (at_op(Op::And) || at_op(Op::Not)) {
            const Item& op = items_[i_++];
            const bool and_not = op.op == Op::And && at_op(Op::Not);
            if (and_not) ++i_;
            Prob right_prob = parse_prob();
            if (op.op == Op::And && !and_not && only_hated(right_prob)) {
                // a AND -b: Xapian reads it as a AND NOT b.
                if (left.empty()) missing(op, "left");
                left = Q(Q::OP_AND_NOT, left, hated_query(right_prob));
                continue;
            }
            Q right = resolve(std::move(right_prob));
            if (right.empty()) missing(op, "right");
            if (op.op == Op::Not || and_not) {
                // NOT b alone: everything but b.
                if (left.empty() && op.op == Op::Not) left = Q::MatchAll;
                if (left.empty()) missing(op, "left");
                left = Q(Q::OP_AND_NOT, left, right);
            } else {
                if (left.empty()) missing(op, "left");
                left = Q(Q::OP_AND, left, right);
            }
        }
        return left;
    }

    Prob parse_prob() {
        Prob p;
        while (i_ < items_.size()) {
            const Item& it = items_[i_];
            if (it.kind == Item::Kind::Close) break;
            if (it.kind == Item::Kind::Operator) {
                if (it.op == Op::Near || it.op == Op::Adj) missing(it, "left");
                break;
            }
            Operand o;
            if (it.kind == Item::Kind::Open) {
                const std::size_t open_at = it.begin;
                ++i_;
                o.query = parse_or();
                if (!at(Item::Kind::Close)) {
                    throw QueryError("unbalanced brackets: '(' at position " +
                                         std::to_string(open_at) + " is never closed",
                                     open_at);
                }
                o.begin = open_at;
                o.end = items_[i_++].end;
                if (o.query.empty()) {
                    throw QueryError("nothing searchable in the brackets at position " +
                                         std::to_string(open_at),
                                     open_at);
                }
            } else {
                o = it.operand;
                ++i_;
                if (at_op(Op::Near) || at_op(Op::Adj)) near_chain(o);
            }
            add(p, std::move(o));
        }
        return p;
    }

    // a NEAR b [NEAR c …] or a ADJ b …: one positional query of all their terms.
    void near_chain(Operand& first) {
        const Op kind = items_[i_].op;
        Xapian::termcount distance = 0;
        std::vector<Q> terms = first.positional;
        while (at_op(Op::Near) || at_op(Op::Adj)) {
            const Item& op = items_[i_++];
            if (op.op != kind) {
                throw QueryError("NEAR and ADJ cannot be mixed (at position " +
                                     std::to_string(op.begin) + "); use brackets or one of them",
                                 op.begin);
            }
            if (first.positional.empty() || !at(Item::Kind::Operand) ||
                items_[i_].operand.positional.empty()) {
                throw QueryError("operator " + text_of(q_, op.begin, op.end) + " at position " +
                                     std::to_string(op.begin) +
                                     " needs a single word on each side (not a phrase, bracket "
                                     "or field)",
                                 op.begin);
            }
            distance = std::max(distance, op.distance);
            const Operand& next = items_[i_++].operand;
            terms.insert(terms.end(), next.positional.begin(), next.positional.end());
            first.end = next.end;
        }
        if (distance == 0) distance = kDefaultNearDistance;
        // As QueryParser: the window is the distance plus one for each term past the second.
        const Xapian::termcount window =
            distance - 1 + static_cast<Xapian::termcount>(terms.size());
        first.query = Q(kind == Op::Near ? Q::OP_NEAR : Q::OP_PHRASE, terms.begin(), terms.end(),
                        window);
        first.stopword = false;
    }

    static void add(Prob& p, Operand o) {
        if (o.filter && o.sign != '-') {
            p.filters[o.filter->name].push_back(std::move(o.query));
        } else if (o.sign == '-') {
            p.hated.push_back(std::move(o));
        } else if (o.sign == '+') {
            p.loved.push_back(std::move(o));
        } else {
            p.plain.push_back(std::move(o));
        }
    }

    static bool only_hated(const Prob& p) {
        return p.plain.empty() && p.loved.empty() && p.filters.empty() && !p.hated.empty();
    }

    static Q hated_query(const Prob& p) {
        std::vector<Q> parts;
        for (const Operand& o : p.hated) parts.push_back(o.query);
        return combine(Q::OP_OR, parts);
    }

    Q resolve(Prob p) {
        if (only_hated(p)) {
            const Operand& h = p.hated.front();
            const std::string word = text_of(q_, h.begin, h.end);
            throw QueryError("nothing to search for beside '" + word + "' at position " +
                                 std::to_string(h.begin) +
                                 ", which only excludes; add words to search for, or write NOT " +
                                 word.substr(1),
                             h.begin);
        }
        // Function words go, unless nothing else would be left to search for.
        bool others = !p.loved.empty();
        for (const Operand& o : p.plain) others |= !o.stopword;
        std::vector<Q> words;
        for (const Operand& o : p.plain) {
            if (!(o.stopword && others)) words.push_back(o.query);
        }
        const Q::op default_op = match_all_ ? Q::OP_AND : Q::OP_OR;
        if (match_all_ && words.size() >= 2) relaxable_ = true;
        Q query = combine(default_op, words);
        if (!p.loved.empty()) {
            std::vector<Q> loved;
            for (const Operand& o : p.loved) loved.push_back(o.query);
            if (match_all_) {
                loved.insert(loved.begin(), query);
                if (query.empty()) loved.erase(loved.begin());
                query = combine(Q::OP_AND, loved);
            } else {
                const Q required = combine(Q::OP_AND, loved);
                query = query.empty() ? required : Q(Q::OP_AND_MAYBE, required, query);
            }
        }
        if (!p.filters.empty()) {
            std::vector<Q> per_field;
            for (const auto& [name, values] : p.filters) per_field.push_back(combine(Q::OP_OR, values));
            const Q filter = combine(Q::OP_AND, per_field);
            // Filters alone match without weight, as QueryParser does.
            query = query.empty() ? Q(Q::OP_SCALE_WEIGHT, filter, 0.0)
                                  : Q(Q::OP_FILTER, query, filter);
        }
        if (!p.hated.empty()) query = Q(Q::OP_AND_NOT, query, hated_query(p));
        return query;
    }

    static constexpr Xapian::termcount kMaxDistance = 1000000;

    std::string_view q_;
    const QueryContext& ctx_;
    bool match_all_;
    bool fallback_;
    std::vector<Item> items_;
    std::size_t i_ = 0;
    Xapian::termpos position_ = 0;
    bool relaxable_ = false;
};

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

BuiltQuery build_query(std::string_view query, const std::vector<Lexeme>& lexemes,
                       const QueryContext& context, BuildOptions options) {
    return Builder(query, context, options).run(lexemes);
}

}  // namespace ngosearch::detail
