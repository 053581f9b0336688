// SPDX-License-Identifier: GPL-2.0-or-later
#include <algorithm>
#include <array>
#include <map>
#include <optional>

#include "detail/hangul.hpp"
#include "entities/rules.hpp"

namespace ngosearch::entities::detail {

namespace {

// Titles a Korean surname alone stands before: "문 대통령", "이 장관".
constexpr std::array<std::string_view, 15> kKoreanTitles{
    "대통령", "장관", "위원장", "의원", "총리", "대표", "여사", "씨", "특별보고관", "대사",
    "총비서", "국무위원장", "원장", "차관", "대변인"};

template <std::size_t N>
bool in(const std::array<std::string_view, N>& list, std::string_view s) {
    return std::find(list.begin(), list.end(), s) != list.end();
}

bool upper_ascii(char c) { return c >= 'A' && c <= 'Z'; }

// The acronym a mention defines right after itself: "… in North Korea (ICNK)".
std::optional<std::string_view> defined_acronym(std::string_view s, std::uint32_t end) {
    std::size_t i = end;
    while (i < s.size() && s[i] == ' ') ++i;
    if (i >= s.size() || s[i] != '(') return std::nullopt;
    const std::size_t start = ++i;
    while (i < s.size() && (upper_ascii(s[i]) || s[i] == '&')) ++i;
    if (i >= s.size() || s[i] != ')' || i - start < 2 || i - start > 10) return std::nullopt;
    return s.substr(start, i - start);
}

// The surname by which a person may be named again: "Moon" (Moon Jae-in), "문" (문재인).
struct Surnames {
    std::string latin;   // lower case
    std::string hangul;  // one syllable
};

Surnames surnames_of(const Entity& e) {
    Surnames out;
    for (const std::string* name : {&e.name, &e.surface}) {
        const std::string_view n = *name;
        if (n.empty()) continue;
        if (static_cast<unsigned char>(n.front()) < 0x80 && out.latin.empty()) {
            const std::size_t space = n.find(' ');
            if (space != std::string_view::npos) {
                for (const char c : n.substr(0, space)) {
                    out.latin += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
                }
            }
        } else if (::ngosearch::detail::syllable_at(n, 0) && out.hangul.empty() &&
                   ::ngosearch::detail::code_points(n) >= 2) {
            out.hangul = std::string(n.substr(0, 3));
        }
    }
    return out;
}

Mention link(const TextView& text, const Entity& to, std::size_t word, std::uint32_t begin,
             std::uint32_t end) {
    Mention m;
    m.entity = to;
    m.entity.source = Source::Link;
    m.entity.article.clear();
    set_span(text, begin, end, m.entity);
    m.first = word;
    m.last = word + 1;
    return m;
}

}  // namespace

void link_mentions(const TextView& text, std::vector<Mention>& mentions) {
    std::sort(mentions.begin(), mentions.end(),
              [](const Mention& a, const Mention& b) { return a.entity.begin < b.entity.begin; });
    std::vector<bool> covered(text.words.size(), false);
    for (const Mention& m : mentions) {
        for (std::size_t w = m.first; w < m.last && w < covered.size(); ++w) covered[w] = true;
    }
    // What later words may refer to, as the text goes on.
    std::map<std::string, const Entity*> by_latin, by_hangul, by_acronym;
    const Entity* last_law = nullptr;
    std::vector<Mention> links;
    std::size_t next = 0;  // the next mention to learn from
    for (std::size_t i = 0; i < text.words.size(); ++i) {
        while (next < mentions.size() && mentions[next].first <= i) {
            const Entity& e = mentions[next].entity;
            if (e.type == EntityType::Person) {
                const Surnames s = surnames_of(e);
                if (!s.latin.empty()) by_latin[s.latin] = &e;
                if (!s.hangul.empty()) by_hangul[s.hangul] = &e;
            }
            if (e.type == EntityType::Law) last_law = &e;
            if (const auto acronym = defined_acronym(text.source, e.end)) {
                by_acronym[std::string(*acronym)] = &e;
            }
            ++next;
        }
        if (covered[i]) continue;
        const Word& w = text.words[i];
        const std::string_view written = text.written(*w.token);
        // An acronym defined before (and the definition itself).
        if (const auto it = by_acronym.find(std::string(written)); it != by_acronym.end()) {
            links.push_back(link(text, *it->second, i, w.token->begin, w.token->end));
            continue;
        }
        // Moon, President Moon after Moon Jae-in (a capitalised surname only).
        if (w.token->script == text::Script::Latin && text.capitalized(i)) {
            if (const auto it = by_latin.find(w.key); it != by_latin.end()) {
                const auto span = text.span_of(*w.token, {});
                links.push_back(link(text, *it->second, i, span.first, span.second));
                continue;
            }
        }
        // 이 대통령 after 이명박: a surname alone, then a title.
        if (w.token->script == text::Script::Hangul && written.size() == 3 &&
            i + 1 < text.words.size() && in(kKoreanTitles, text.words[i + 1].key)) {
            if (const auto it = by_hangul.find(std::string(written)); it != by_hangul.end()) {
                links.push_back(link(text, *it->second, i, w.token->begin, w.token->end));
                continue;
            }
        }
        // 제4조제1항 after a law: an article of that law.
        if (last_law && w.token->kind == analysis::TokenKind::Identifier) {
            if (const auto article = korean_article(text.source, w.token->begin)) {
                Mention m = link(text, *last_law, i, w.token->begin,
                                 static_cast<std::uint32_t>(article->second));
                m.entity.article = article->first;
                links.push_back(std::move(m));
            }
        }
    }
    for (auto& l : links) mentions.push_back(std::move(l));
    std::sort(mentions.begin(), mentions.end(),
              [](const Mention& a, const Mention& b) { return a.entity.begin < b.entity.begin; });
}

}  // namespace ngosearch::entities::detail
