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

// Is the word "resolution" (either language) close before `at`, or 결의 right after `end`?
bool resolution_word_near(std::string_view text, std::size_t at, std::size_t end) {
    constexpr std::size_t kNear = 24;
    const std::size_t from = at > kNear ? at - kNear : 0;
    const std::string_view before = text.substr(from, at - from);
    for (const std::string_view w : {"resolution", "Resolution", "RESOLUTION", "결의"}) {
        if (before.find(w) != std::string_view::npos) return true;
    }
    std::string_view after = text.substr(end, std::min<std::size_t>(kNear, text.size() - end));
    while (!after.empty() && after.front() == ' ') after.remove_prefix(1);
    return after.starts_with("결의") || after.starts_with("호 결의");
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
        std::size_t j = at;
        if (auto n = number_after(j, "제", unit)) {
            out += "(" + *n + ")";
            at = j;
        }
    }
    return std::make_pair(out, at);
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
        const std::size_t begin = i;
        i = j;
        // Paths and addresses go on with a dot or a hyphen (www.x.org/a/1, 02-735-1234).
        if (run.find('/') == std::string_view::npos ||
            (j < s.size() && (s[j] == '.' || s[j] == '-' || s[j] == ':') && j + 1 < s.size() &&
             symbol_char(s[j + 1]))) {
            continue;
        }
        const auto seg = segments(run);
        std::string name;
        const bool has_res = std::any_of(seg.begin(), seg.end(), [](std::string_view g) {
            return equals_upper(g, "RES");
        });
        if (has_res && seg.size() >= 3 && all_digits(seg.back(), 1, 5)) {
            for (const char c : run) name += upper(c);
        } else if (seg.size() == 2 && all_digits(seg[0], 1, 3) && all_digits(seg[1], 1, 4) &&
                   resolution_word_near(s, begin, j)) {
            name = "A/RES/" + std::string(run);
        } else {
            continue;
        }
        Mention m;
        m.entity.type = EntityType::Resolution;
        m.entity.source = Source::Rule;
        set_span(text, static_cast<std::uint32_t>(begin), static_cast<std::uint32_t>(j), m.entity);
        // The gazetteer may know it, under the symbol or the bare number.
        const GazetteerEntry* known = nullptr;
        for (const std::string& alias : {name, std::string(run)}) {
            const auto found = names.named(names.keys(alias));
            if (!found.empty()) {
                known = &names.gazetteer().current(*found.front());
                break;
            }
        }
        m.entity.id = known ? known->id : id_from_name(name);
        m.entity.name = known ? known->name() : name;
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
        // 국가보안법 제7조, 군형법 제92조의6.
        std::size_t at = m.entity.end;
        while (at < s.size() && s[at] == ' ') ++at;
        if (const auto art = korean_article(s, at)) {
            m.entity.article = art->first;
            set_span(text, m.entity.begin, static_cast<std::uint32_t>(art->second), m.entity);
            m.last = text.words_in(m.entity.begin, m.entity.end).second;
        }
    }
}

}  // namespace ngosearch::entities::detail
