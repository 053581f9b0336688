// SPDX-License-Identifier: GPL-2.0-or-later
// Resolutions and article references: both are read from the characters as written (the word
// breaker splits "78/218" and "92-6" into numbers).
#include <algorithm>
#include <optional>
#include <tuple>

#include "entities/rules.hpp"

namespace ngosearch::entities::detail {

namespace {

bool digit(char c) { return c >= '0' && c <= '9'; }
bool letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool symbol_char(char c) { return digit(c) || letter(c) || c == '/'; }

char upper(char c) { return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c; }

std::vector<std::string_view> segments(std::string_view run) {
    std::vector<std::string_view> out;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= run.size(); ++i) {
        if (i == run.size() || run[i] == '/') {
            out.push_back(run.substr(start, i - start));
            start = i + 1;
        }
    }
    return out;
}

bool all_digits(std::string_view s, std::size_t min, std::size_t max) {
    if (s.size() < min || s.size() > max) return false;
    for (const char c : s) {
        if (!digit(c)) return false;
    }
    return true;
}

bool equals_upper(std::string_view s, std::string_view upper_word) {
    if (s.size() != upper_word.size()) return false;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (upper(s[i]) != upper_word[i]) return false;
    }
    return true;
}

// The UN body a resolution's context names, as the gazetteer's ids abbreviate it.
struct Body {
    std::string_view written;  // as it stands before "resolution" / "결의"
    std::string_view id;       // unga, hrc, unsc
};
constexpr Body kBodies[] = {
    {"General Assembly", "unga"}, {"UNGA", "unga"},        {"유엔총회", "unga"},
    {"유엔 총회", "unga"},        {"총회", "unga"},        {"Human Rights Council", "hrc"},
    {"HRC", "hrc"},               {"인권이사회", "hrc"},    {"Security Council", "unsc"},
    {"UNSC", "unsc"},             {"안보리", "unsc"},       {"안전보장이사회", "unsc"},
};

// What stands before a resolution's number: the word "resolution" (or 결의), maybe with the
// body's name before it. Returns where the mention starts and the body's id ("" if unnamed),
// or nullopt when no resolution word is there.
std::optional<std::pair<std::size_t, std::string_view>> resolution_context(std::string_view text,
                                                                          std::size_t at) {
    std::size_t i = at;
    while (i > 0 && text[i - 1] == ' ') --i;
    std::size_t word = std::string_view::npos;
    for (const std::string_view w : {"resolutions", "resolution", "Resolution", "결의"}) {
        if (i >= w.size() && text.substr(i - w.size(), w.size()) == w) {
            word = i - w.size();
            break;
        }
    }
    if (word == std::string_view::npos) return std::nullopt;
    std::size_t j = word;
    while (j > 0 && text[j - 1] == ' ') --j;
    for (const Body& b : kBodies) {
        if (j >= b.written.size() && text.substr(j - b.written.size(), b.written.size()) == b.written) {
            return std::make_pair(j - b.written.size(), b.id);
        }
    }
    return std::make_pair(word, std::string_view());
}

// The id of a resolution symbol's segments: A/RES/78/218 → unga-78-218, A/HRC/RES/55/1 →
// hrc-55-1, S/RES/2397 → unsc-2397; empty when the symbol has no number.
std::string symbol_id(const std::vector<std::string_view>& seg) {
    if (seg.size() < 3 || !all_digits(seg.back(), 1, 5)) return {};
    std::string id = equals_upper(seg[0], "S") ? "unsc" : equals_upper(seg[1], "HRC") ? "hrc" : "unga";
    for (const std::string_view g : seg) {
        if (all_digits(g, 1, 5)) id += "-" + std::string(g);
    }
    return id;
}

}  // namespace

std::optional<std::pair<std::string, std::size_t>> korean_article(std::string_view text,
                                                                  std::size_t i) {
    const auto number_after = [&](std::size_t& at, std::string_view mark,
                                  std::string_view unit) -> std::optional<std::string> {
        if (text.substr(at, mark.size()) != mark) return std::nullopt;
        std::size_t j = at + mark.size();
        const std::size_t digits = j;
        while (j < text.size() && digit(text[j])) ++j;
        if (j == digits || text.substr(j, unit.size()) != unit) return std::nullopt;
        std::string n(text.substr(digits, j - digits));
        at = j + unit.size();
        return n;
    };
    std::size_t at = i;
    auto article = number_after(at, "제", "조");
    if (!article) return std::nullopt;
    std::string out = *article;
    // 조의6: a later article inserted after 6.
    if (text.substr(at, 3) == "의") {
        std::size_t j = at + 3, start = j;
        while (j < text.size() && digit(text[j])) ++j;
        if (j > start) {
            out += "-" + std::string(text.substr(start, j - start));
            at = j;
        }
    }
    for (const std::string_view unit : {"항", "호"}) {
        // 제7조 제5항: a space may stand between the parts.
        std::size_t j = at;
        while (j < text.size() && text[j] == ' ') ++j;
        if (auto n = number_after(j, "제", unit)) {
            out += "(" + *n + ")";
            at = j;
        }
    }
    return std::make_pair(out, at);
}

std::vector<std::string> resolution_ids(std::string_view value) {
    const auto seg = segments(value);
    if (std::any_of(seg.begin(), seg.end(), [](std::string_view g) { return equals_upper(g, "RES"); })) {
        std::string id = symbol_id(seg);
        if (!id.empty()) return {std::move(id)};
        return {};
    }
    if (seg.size() == 2 && all_digits(seg[0], 1, 3) && all_digits(seg[1], 1, 4)) {
        const std::string n = std::string(seg[0]) + "-" + std::string(seg[1]);
        return {"unga-" + n, "hrc-" + n};
    }
    if (seg.size() == 1 && all_digits(seg[0], 3, 4)) return {"unsc-" + std::string(seg[0])};
    return {};
}

void match_resolutions(const NameIndex& names, const TextView& text, std::vector<Mention>& out) {
    const std::string_view s = text.source;
    for (std::size_t i = 0; i < s.size();) {
        if (!symbol_char(s[i]) || (i > 0 && (symbol_char(s[i - 1]) || s[i - 1] == '.' ||
                                             s[i - 1] == '-'))) {
            ++i;
            continue;
        }
        std::size_t j = i;
        while (j < s.size() && symbol_char(s[j])) ++j;
        const std::string_view run = s.substr(i, j - i);
        std::size_t begin = i;
        i = j;
        // Paths and addresses go on with a dot or a hyphen (www.x.org/a/1, 02-735-1234).
        if (j < s.size() && (s[j] == '.' || s[j] == '-' || s[j] == ':') && j + 1 < s.size() &&
            symbol_char(s[j + 1])) {
            continue;
        }
        const auto seg = segments(run);
        const auto context = resolution_context(s, begin);
        std::string id;
        if (std::any_of(seg.begin(), seg.end(), [](std::string_view g) { return equals_upper(g, "RES"); })) {
            id = symbol_id(seg);
            if (id.empty()) continue;
        } else if (context && seg.size() == 2 && all_digits(seg[0], 1, 3) &&
                   all_digits(seg[1], 1, 4)) {
            // (General Assembly) resolution 78/218, (인권이사회) 결의 25/25.
            id = std::string(context->second.empty() ? "unga" : context->second) + "-" +
                 std::string(seg[0]) + "-" + std::string(seg[1]);
            begin = context->first;
        } else if (context && context->second == "unsc" && seg.size() == 1 &&
                   all_digits(seg[0], 3, 4)) {
            // Security Council resolution 2270, 안보리 결의 2270호.
            id = "unsc-" + std::string(seg[0]);
            begin = context->first;
            if (s.substr(j, 3) == "호") j += 3;
        } else {
            continue;
        }
        Mention m;
        m.entity.type = EntityType::Resolution;
        m.entity.source = Source::Rule;
        set_span(text, static_cast<std::uint32_t>(begin), static_cast<std::uint32_t>(j), m.entity);
        const GazetteerEntry* known = names.gazetteer().find(id);
        m.entity.id = known ? names.gazetteer().current(*known).id : id;
        m.entity.name = known ? known->name() : m.entity.surface;
        std::tie(m.first, m.last) = text.words_in(m.entity.begin, m.entity.end);
        out.push_back(std::move(m));
    }
}

void attach_articles(const TextView& text, std::vector<Mention>& mentions) {
    const std::string_view s = text.source;
    for (Mention& m : mentions) {
        if (m.entity.type != EntityType::Law || !m.entity.article.empty()) continue;
        // Article 7 of the National Security Law; article 92-6 of the Military Criminal Act.
        std::size_t j = m.first;
        if (j > 0 && text.words[j - 1].key == "the") --j;
        if (j > 1 && text.words[j - 1].key == "of") {
            const std::size_t of = j - 1;
            std::size_t k = of;
            while (k > 0 && of - k < 3 && text.words[k - 1].token->kind == analysis::TokenKind::Number) {
                --k;
            }
            if (k < of && k > 0 &&
                (text.words[k - 1].key == "article" || text.words[k - 1].key == "articles" ||
                 text.words[k - 1].key == "art")) {
                const auto& a = *text.words[k - 1].token;
                const std::uint32_t from = text.words[k].token->begin;
                const std::uint32_t to = text.words[of - 1].token->end;
                std::string article(s.substr(from, to - from));
                // 19(2) stays as written; a closing bracket the word breaker left out is added.
                if (to < s.size() && s[to] == ')' && article.find('(') != std::string::npos) {
                    article += ')';
                }
                m.entity.article = article;
                set_span(text, a.begin, m.entity.end, m.entity);
                m.first = k - 1;
                continue;
            }
        }
        // 국가보안법 제7조, 군형법 제92조의6, 국가보안법의 제7조; NSL Article 7.
        std::size_t at = m.entity.end;
        if (s.substr(at, 3) == "의") at += 3;
        while (at < s.size() && s[at] == ' ') ++at;
        if (const auto art = korean_article(s, at)) {
            m.entity.article = art->first;
            set_span(text, m.entity.begin, static_cast<std::uint32_t>(art->second), m.entity);
            m.last = text.words_in(m.entity.begin, m.entity.end).second;
            continue;
        }
        if (m.last + 1 < text.words.size() && text.words[m.last].key == "article" &&
            text.spaced(m.last) && text.spaced(m.last + 1) &&
            text.words[m.last + 1].token->kind == analysis::TokenKind::Number) {
            const analysis::Token& number = *text.words[m.last + 1].token;
            std::uint32_t end = number.end;
            if (end < s.size() && s[end] == '(') {  // 7(1)
                const std::size_t close = s.find(')', end);
                if (close != std::string_view::npos && close - end <= 4) end = static_cast<std::uint32_t>(close + 1);
            }
            m.entity.article = std::string(s.substr(number.begin, end - number.begin));
            set_span(text, m.entity.begin, end, m.entity);
            m.last = text.words_in(m.entity.begin, m.entity.end).second;
        }
    }
}

}  // namespace ngosearch::entities::detail
