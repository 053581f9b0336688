// SPDX-License-Identifier: GPL-2.0-or-later
#include "search/query_builder.hpp"

#include <map>
#include <unordered_set>

#include <ngosearch/error.hpp>

#include "search/query_operands.hpp"

namespace ngosearch::detail {

namespace {

using Q = Xapian::Query;

// Xapian's QueryParser reads "a NEAR b" as "within 10 words".
constexpr Xapian::termcount kDefaultNearDistance = 10;
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

// Combines items by Xapian QueryParser's precedence: OR < XOR < AND, NOT < NEAR, ADJ < +, -.
class Parser {
public:
    Parser(std::string_view query, std::vector<Item> items, const QueryContext& context,
           const BuildOptions& options)
        : q_(query), items_(std::move(items)), ctx_(context), options_(options) {}

    BuiltQuery run() {
        Q query = parse_binary(0);
        if (i_ < items_.size()) {
            const Item& it = items_[i_];
            throw QueryError("unexpected '" + text_of(q_, it.begin, it.end) + "' at byte " +
                                 std::to_string(it.begin),
                             it.begin);
        }
        BuiltQuery out;
        out.query = std::move(query);
        out.relaxable = relaxable_;
        return out;
    }

private:
    bool at(Item::Kind kind) const { return i_ < items_.size() && items_[i_].kind == kind; }

    bool at_op(Op op) const { return at(Item::Kind::Operator) && items_[i_].op == op; }

    [[noreturn]] void missing(const Item& op, const char* side) const {
        throw QueryError("operator " + text_of(q_, op.begin, op.end) + " at byte " +
                             std::to_string(op.begin) + " needs something searchable to its " +
                             side,
                         op.begin);
    }

    // OR (level 0) and XOR (level 1): left-associative, above AND and NOT.
    Q parse_binary(int level) {
        static constexpr Op kOps[] = {Op::Or, Op::Xor};
        static constexpr Q::op kXapian[] = {Q::OP_OR, Q::OP_XOR};
        const auto below = [&] { return level == 0 ? parse_binary(1) : parse_and(); };
        Q left = below();
        while (at_op(kOps[level])) {
            const Item& op = items_[i_++];
            Q right = below();
            if (left.empty()) missing(op, "left");
            if (right.empty()) missing(op, "right");
            left = Q(kXapian[level], left, right);
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
                // NOT b alone: everything but b. Q(""), which is what Q::MatchAll holds: copying
                // that one shared object from several threads at once races on its reference count.
                if (left.empty() && op.op == Op::Not) left = Q(std::string());
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
                o = group();
            } else {
                o = it.operand;
                ++i_;
                if (at_op(Op::Near) || at_op(Op::Adj)) near_chain(o);
            }
            add(p, std::move(o));
        }
        return p;
    }

    // ( … ), with the sign written before it.
    Operand group() {
        const Item& open = items_[i_++];
        // Refused past the limit: the parser recurses once per bracket.
        if (++depth_ > options_.max_depth) {
            throw QueryError("brackets nested more than " + std::to_string(options_.max_depth) +
                                 " deep (at byte " + std::to_string(open.begin) +
                                 "); to run it raise the limit: SearchOptions::max_query_depth, "
                                 "or ngosearch search --max-query-depth N",
                             open.begin);
        }
        Operand o;
        o.sign = open.sign;
        o.query = parse_binary(0);
        --depth_;
        if (!at(Item::Kind::Close)) {
            throw QueryError("unbalanced brackets: '(' at byte " + std::to_string(open.begin) +
                                 " is never closed",
                             open.begin);
        }
        o.begin = open.begin;
        o.end = items_[i_++].end;
        if (o.query.empty()) {
            throw QueryError("nothing searchable in the brackets at byte " +
                                 std::to_string(open.begin),
                             open.begin);
        }
        return o;
    }

    // a NEAR b [NEAR c …] or a ADJ b …: one positional query of all their terms.
    void near_chain(Operand& first) {
        const Op kind = items_[i_].op;
        Xapian::termcount distance = 0;
        std::vector<Q> terms = first.positional;
        while (at_op(Op::Near) || at_op(Op::Adj)) {
            const Item& op = items_[i_++];
            if (!ctx_.positions) {
                throw QueryError(needs_positions(text_of(q_, op.begin, op.end), op.begin),
                                 op.begin);
            }
            if (op.op != kind) {
                throw QueryError("NEAR and ADJ cannot be mixed (at byte " +
                                     std::to_string(op.begin) + "); use brackets or one of them",
                                 op.begin);
            }
            if (first.positional.empty() || !at(Item::Kind::Operand) ||
                items_[i_].operand.positional.empty()) {
                throw QueryError("operator " + text_of(q_, op.begin, op.end) + " at byte " +
                                     std::to_string(op.begin) +
                                     " needs a single word on each side (not a phrase, bracket "
                                     "or field)",
                                 op.begin);
            }
            distance = std::max(distance, op.distance ? op.distance : kDefaultNearDistance);
            const Operand& next = items_[i_++].operand;
            terms.insert(terms.end(), next.positional.begin(), next.positional.end());
            first.end = next.end;
        }
        // As QueryParser: the window is the distance plus one for each term past the second.
        const Xapian::termcount window =
            distance - 1 + static_cast<Xapian::termcount>(terms.size());
        first.query = Q(kind == Op::Near ? Q::OP_NEAR : Q::OP_PHRASE, terms.begin(), terms.end(),
                        window);
        first.stopword = false;
    }

    void add(Prob& p, Operand o) const {
        if (o.filter && o.sign != '-') {
            p.filters[o.filter->name].push_back(std::move(o.query));
        } else if (o.sign == '-') {
            p.hated.push_back(std::move(o));
        } else if (o.sign == '+' || (options_.relaxing && o.exact)) {
            // A relaxed query keeps its phrases and field words required.
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
            throw QueryError("nothing to search for beside '" + word + "' at byte " +
                                 std::to_string(h.begin) +
                                 ", which only excludes; add words to search for, or write NOT " +
                                 word.substr(1),
                             h.begin);
        }
        // Function words go, unless nothing else would be left to search for; a word written
        // twice is searched once.
        bool others = !p.loved.empty();
        for (const Operand& o : p.plain) others |= !o.stopword;
        std::vector<Q> words;
        std::unordered_set<std::string_view> seen;
        std::size_t exact = 0;
        for (const Operand& o : p.plain) {
            if (o.stopword && others) continue;
            if (!o.text.empty() && !seen.insert(o.text).second) continue;
            exact += o.exact;
            words.push_back(o.query);
        }
        const Q::op default_op = options_.match_all ? Q::OP_AND : Q::OP_OR;
        // Relaxing can only drop plain words; with phrases alone there is nothing to relax.
        if (options_.match_all && words.size() >= 2 && words.size() > exact) relaxable_ = true;
        Q query = combine(default_op, words);
        if (!p.loved.empty()) {
            std::vector<Q> loved;
            for (const Operand& o : p.loved) loved.push_back(o.query);
            if (options_.match_all) {
                if (!query.empty()) loved.insert(loved.begin(), query);
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

    std::string_view q_;
    std::vector<Item> items_;
    const QueryContext& ctx_;
    const BuildOptions& options_;
    std::size_t i_ = 0;
    std::size_t depth_ = 0;
    bool relaxable_ = false;
};

}  // namespace

std::string needs_positions(std::string_view what, std::size_t at) {
    return std::string(what) + " at byte " + std::to_string(at) +
           " needs word positions, which this index does not store (it was built with "
           "IndexOptions::positions = false, `ngosearch index --no-positions`); search the "
           "words without it, or index the documents again into a new folder with positions";
}

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
    std::vector<QueryExpansion> expansions;
    std::vector<Item> items = read_items(query, lexemes, context, options, expansions);
    BuiltQuery built = Parser(query, std::move(items), context, options).run();
    built.expansions = std::move(expansions);
    return built;
}

}  // namespace ngosearch::detail
