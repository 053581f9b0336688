// SPDX-License-Identifier: GPL-2.0-or-later
#include <algorithm>
#include <array>
#include <map>
#include <unordered_map>
#include <optional>

#include <ngosearch/text/normalize.hpp>

#include "detail/hangul.hpp"
#include "entities/rules.hpp"

namespace ngosearch::entities::detail {

namespace {

// `text` less the bytes of `chars`.
std::string without(std::string_view chars, std::string_view text) {
    std::string out;
    for (const char c : text) {
        if (chars.find(c) == std::string_view::npos) out += c;
    }
    return out;
}

// A title at word i, maybe after 전/현 (former, current) and with the honorific 님: 대통령,
// 전 사령관, 장관님.
bool korean_title_at(const TextView& text, std::size_t i) {
    if (i < text.words.size() && (text.words[i].key == "전" || text.words[i].key == "현")) ++i;
    if (i >= text.words.size()) return false;
    std::string_view key = text.words[i].key;
    if (key.size() > 3 && key.ends_with("님")) key.remove_suffix(3);
    return korean_role_word(key);
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

// "(이하 '형집행법')", "(이하 형집행법이라 한다)": the short name a Korean text defines right
// after a name.
std::optional<std::string> defined_short_name(std::string_view s, std::uint32_t end) {
    std::size_t i = end;
    while (i < s.size() && s[i] == ' ') ++i;
    constexpr std::string_view kOpen = "(이하";
    if (s.substr(i, kOpen.size()) != kOpen) return std::nullopt;
    const std::size_t close = s.find(')', i);
    if (close == std::string_view::npos || close - i > 80) return std::nullopt;
    std::string_view inside = s.substr(i + kOpen.size(), close - i - kOpen.size());
    for (const std::string_view tail : {"이라 한다", "라 한다", "이라고 한다", "라고 한다"}) {
        if (inside.ends_with(tail)) inside.remove_suffix(tail.size());
    }
    std::string name;
    for (std::size_t k = 0; k < inside.size(); ++k) {
        const auto c = static_cast<unsigned char>(inside[k]);
        if (c == ' ' || c == '\'' || c == '"' || c == ':' || c == ',') continue;
        if (c == 0xE2 || c == 0xE3) {  // curly quotes ‘’“”, corner brackets 「」『』
            const std::string_view q = inside.substr(k, 3);
            if (q == "‘" || q == "’" || q == "“" || q == "”" || q == "「" || q == "」" ||
                q == "『" || q == "』") {
                k += 2;
                continue;
            }
        }
        name += inside[k];
    }
    if (name.empty() || name.size() > 40) return std::nullopt;
    return name;
}

// The surname by which a person may be named again: "Moon" (Moon Jae-in), "문" (문재인).
struct Surnames {
    std::string latin;   // lower case
    std::string hangul;  // one syllable
    std::string hangul_last;  // a foreign name's last word in Hangul: 커비 (마이클 커비)
};

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return out;
}

Surnames surnames_of(const Entity& e) {
    Surnames out;
    for (const std::string* name : {&e.name, &e.surface}) {
        const std::string_view n = *name;
        if (n.empty()) continue;
        if (static_cast<unsigned char>(n.front()) < 0x80 && out.latin.empty()) {
            // A Korean name puts the surname first (Moon Jae-in), others last (Michael Kirby).
            const std::size_t first_space = n.find(' '), last_space = n.rfind(' ');
            if (first_space != std::string_view::npos) {
                const std::string first = lower(n.substr(0, first_space));
                out.latin = korean_surname(first) ? first
                                                  : lower(text::fold_accents(n.substr(last_space + 1)));
            }
        } else if (::ngosearch::detail::syllable_at(n, 0)) {
            const std::size_t last_space = n.rfind(' ');
            if (last_space != std::string_view::npos) {
                if (out.hangul_last.empty() &&
                    ::ngosearch::detail::code_points(n.substr(last_space + 1)) >= 2) {
                    out.hangul_last = std::string(n.substr(last_space + 1));
                }
            } else if (out.hangul.empty() && ::ngosearch::detail::code_points(n) >= 2) {
                const bool two = korean_compound_surname(n) && ::ngosearch::detail::code_points(n) >= 3;
                out.hangul = std::string(n.substr(0, two ? 6 : 3));
            }
        }
    }
    return out;
}

// True when `short_name` (three Hangul syllables or more, ending in 법) is the first syllable
// of `full` and then others of it in order, and shorter: 형집행법 of 형의 집행 및 수용자의 처우에
// 관한 법률, 국보법 of 국가보안법.
bool korean_short_name(std::string_view short_name, std::string_view full) {
    using ::ngosearch::detail::all_hangul_syllables;
    using ::ngosearch::detail::code_points;
    if (code_points(short_name) < 3 || !all_hangul_syllables(short_name) ||
        !short_name.ends_with("법")) {
        return false;
    }
    const std::string joined = without(" ", full);
    if (!all_hangul_syllables(joined) || joined.size() <= short_name.size() ||
        joined.substr(0, 3) != short_name.substr(0, 3)) {
        return false;
    }
    std::size_t at = 3;
    for (std::size_t k = 3; k < short_name.size(); k += 3) {
        const std::size_t found = joined.find(short_name.substr(k, 3), at);
        if (found == std::string::npos || found % 3 != 0) return false;
        at = found + 3;
    }
    return true;
}


// "제5항" at text[at…): the paragraph number, and where it ends.
std::optional<std::pair<std::string, std::size_t>> korean_paragraph(std::string_view text,
                                                                    std::size_t at) {
    if (text.substr(at, 3) != "제") return std::nullopt;
    std::size_t j = at + 3;
    const std::size_t digits = j;
    while (j < text.size() && text[j] >= '0' && text[j] <= '9') ++j;
    if (j == digits || j - digits > 3 || text.substr(j, 3) != "항") return std::nullopt;
    return std::make_pair(std::string(text.substr(digits, j - digits)), j + 3);
}

// The law named before whose Korean name (spaces left out) ends with `key`, a word of two
// syllables or more: 기본법 for 과거사정리 기본법.
const Entity* law_ending_with(const std::vector<const Entity*>& laws, const std::string& key) {
    for (auto it = laws.rbegin(); it != laws.rend(); ++it) {
        const std::string joined = without(" ", (*it)->surface);
        if (joined.size() > key.size() && joined.ends_with(key)) return *it;
    }
    return nullptr;
}

// The entities named so far, indexed by the short forms and spellings a later rule's mention
// may use for them, so that finding one is a look-up, not a pass over all of them.
class NamedSoFar {
public:
    void add(const Entity& e) {
        const std::size_t order = count_++;
        const std::string name = lower(text::fold_accents(e.name));
        // Every ending after a space: "ojea quintana", "quintana".
        for (std::size_t at = name.find(' '); at != std::string::npos; at = name.find(' ', at + 1)) {
            suffixes_.try_emplace(key(e.type, name.substr(at + 1)), Named{order, &e, name});
        }
        spellings_[key(e.type, without(" -", name))].push_back(Named{order, &e, name});
    }

    // The earliest entity of e's type whose name ends with e's surface after a space, or is
    // e's surface with other spaces and hyphens; nullptr if none.
    const Entity* earlier_form_of(const Entity& e) const {
        const std::string mine = lower(text::fold_accents(e.surface));
        const Named* best = nullptr;
        if (const auto it = suffixes_.find(key(e.type, mine)); it != suffixes_.end()) {
            best = &it->second;
        }
        if (const auto it = spellings_.find(key(e.type, without(" -", mine)));
            it != spellings_.end()) {
            for (const Named& n : it->second) {
                if (n.name == mine) continue;
                if (!best || n.order < best->order) best = &n;
                break;
            }
        }
        return best ? best->entity : nullptr;
    }

private:
    struct Named {
        std::size_t order;
        const Entity* entity;
        std::string name;  // lower case, accents folded
    };
    static std::string key(EntityType type, std::string_view name) {
        return std::string(to_string(type)) + '\t' + std::string(name);
    }
    std::size_t count_ = 0;
    std::unordered_map<std::string, Named> suffixes_;
    std::unordered_map<std::string, std::vector<Named>> spellings_;
};

// Makes a mention one of the entity named before, keeping where it is written and the article
// it cites.
void refer_to(Entity& e, const Entity& named) {
    std::string article = std::move(e.article);
    std::string surface = std::move(e.surface);
    const auto begin = e.begin, end = e.end;
    e = named;
    e.source = Source::Link;
    e.article = std::move(article);
    e.surface = std::move(surface);
    e.begin = begin;
    e.end = end;
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
    std::map<std::string, const Entity*> by_latin, by_hangul_last, by_acronym;
    // People by Korean surname, in the order named: 씨 prefers someone the gazetteer does not
    // know (a witness, not the president of the same name).
    std::map<std::string, std::vector<const Entity*>> by_hangul;
    std::vector<std::size_t> surname_only;  // 문 대표 before 문성호 is named: decided at the end
    const Entity* last_law = nullptr;
    std::vector<const Entity*> laws;                   // named so far
    const Entity* last_cited = nullptr;                // the last law cited with an article
    std::map<std::string, const Entity*> cited_with;  // article → the law it was cited with
    std::vector<Mention> links;
    std::size_t next = 0;  // the next mention to learn from
    NamedSoFar named;
    for (std::size_t i = 0; i < text.words.size(); ++i) {
        while (next < mentions.size() && mentions[next].first <= i) {
            Entity& e = mentions[next].entity;
            // An article standing alone cites the law named before it.
            if (e.type == EntityType::Law && e.id.empty() && last_law) {
                // The law this article was cited with before ("Article 92-6 of the Military
                // Criminal Act", later "Article 92-6"), else the last law named.
                const auto cited = cited_with.find(e.article);
                const Entity* law = cited != cited_with.end() ? cited->second : last_law;
                refer_to(e, *law);
            }
            // A short form of a name given before (Ojea Quintana after Tomás Ojea Quintana,
            // Camp No. 15 after Political Prison Camp No. 15), or the same name spelt with other
            // hyphens (Han Jiwoo after Han Ji-woo), is that entity.
            if (e.source == Source::Rule) {
                if (const Entity* p = named.earlier_form_of(e)) {
                    e.id = p->id;
                    e.name = p->name;
                    e.source = Source::Link;
                }
            }
            if (e.type == EntityType::Person) {
                const Surnames s = surnames_of(e);
                if (!s.latin.empty()) by_latin[s.latin] = &e;
                if (!s.hangul.empty()) by_hangul[s.hangul].push_back(&e);
                if (!s.hangul_last.empty()) {
                    by_hangul_last[s.hangul_last] = &e;
                    // and by its key, as the text's words are looked up (다루스만 → 다루스)
                    const std::size_t last = mentions[next].last;
                    if (last > 0 && last <= text.words.size()) {
                        by_hangul_last[text.words[last - 1].key] = &e;
                    }
                }
            }
            // A name the rules found that the text defined as a short name before (형집행법
            // after "… 법률(이하 '형집행법')").
            if (e.source == Source::Rule) {
                if (const auto it = by_acronym.find(e.surface); it != by_acronym.end()) {
                    refer_to(e, *it->second);
                }
            }
            // "the Framework Act" after "the Framework Act on Military Status and Service".
            // 형집행법 after 형의 집행 및 수용자의 처우에 관한 법률: a Korean short name is
            // syllables of the full name, in order.
            if (e.type == EntityType::Law && e.source == Source::Rule) {
                const std::string mine = lower(e.surface) + " ";
                for (const Entity* l : laws) {
                    if (lower(l->surface).starts_with(mine) || lower(l->name).starts_with(mine) ||
                        korean_short_name(e.name, l->name) ||
                        korean_short_name(e.name, l->surface)) {
                        refer_to(e, *l);
                        break;
                    }
                }
            }
            named.add(e);  // as it is now named, after every link above
            if (e.type == EntityType::Law && !e.id.empty()) {
                last_law = &e;
                laws.push_back(&e);
                if (!e.article.empty()) {
                    cited_with[e.article] = &e;
                    last_cited = &e;
                }
            }
            if (const auto acronym = defined_acronym(text.source, e.end)) {
                by_acronym[std::string(*acronym)] = &e;
            }
            if (auto short_name = defined_short_name(text.source, e.end)) {
                by_acronym[std::move(*short_name)] = &e;
            }
            ++next;
        }
        // Inside a mention, or inside a link made at an earlier word (제7조 제1항).
        if (covered[i] || (!links.empty() && text.words[i].token->begin < links.back().entity.end)) {
            continue;
        }
        const Word& w = text.words[i];
        const std::string_view written = text.written(*w.token);
        // An acronym defined before (and the definition itself).
        if (const auto it = by_acronym.find(std::string(written)); it != by_acronym.end()) {
            links.push_back(link(text, *it->second, i, w.token->begin, w.token->end));
            continue;
        }
        // A short name defined with 이하, with a particle: 형집행법을.
        if (w.token->script == text::Script::Hangul) {
            if (const auto it = by_acronym.find(w.key); it != by_acronym.end()) {
                const auto span = text.span_of(*w.token, w.key);
                links.push_back(link(text, *it->second, i, span.first, span.second));
                continue;
            }
        }
        // 기본법 제25조제2항 after 진실·화해를 위한 과거사정리 기본법: the end of a law's name
        // standing for it, maybe with an article.
        if (w.token->script == text::Script::Hangul && w.key.ends_with("법") &&
            ::ngosearch::detail::code_points(w.key) >= 2) {
            if (const Entity* law = law_ending_with(laws, w.key)) {
                const auto span = text.span_of(*w.token, w.key);
                Mention m = link(text, *law, i, span.first, span.second);
                if (w.token->end == span.second && i + 1 < text.words.size()) {
                    std::size_t at = w.token->end;
                    while (at < text.source.size() && text.source[at] == ' ') ++at;
                    if (const auto article = korean_article(text.source, at)) {
                        set_span(text, span.first, static_cast<std::uint32_t>(article->second),
                                 m.entity);
                        m.entity.article = article->first;
                        m.last = text.words_in(m.entity.begin, m.entity.end).second;
                        for (std::size_t k = i; k < m.last; ++k) covered[k] = true;
                    }
                }
                links.push_back(std::move(m));
                continue;
            }
        }
        // Moon, President Moon after Moon Jae-in (a capitalised surname only).
        if (w.token->script == text::Script::Latin && text.capitalized(i)) {
            if (const auto it = by_latin.find(w.key); it != by_latin.end()) {
                const auto span = text.span_of(*w.token, {});
                links.push_back(link(text, *it->second, i, span.first, span.second));
                continue;
            }
        }
        // 이 대통령, 여 전 사령관, 박 장관님 after 이명박, 여인형, 박성재: a surname alone, then
        // a title.
        if (w.token->script == text::Script::Hangul &&
            (written.size() == 3 || (written.size() == 6 && korean_compound_surname(written))) &&
            korean_title_at(text, i + 1)) {
            if (const auto it = by_hangul.find(std::string(written)); it != by_hangul.end()) {
                const Entity* to = it->second.back();
                if (text.words[i + 1].key == "씨") {
                    const auto unknown = std::find_if(
                        it->second.rbegin(), it->second.rend(),
                        [](const Entity* p) { return p->source != Source::Gazetteer; });
                    if (unknown != it->second.rend()) to = *unknown;
                }
                links.push_back(link(text, *to, i, w.token->begin, w.token->end));
                continue;
            }
            surname_only.push_back(i);
        }
        // 커비 위원장 after 마이클 커비.
        if (w.token->script == text::Script::Hangul) {
            if (const auto it = by_hangul_last.find(w.key); it != by_hangul_last.end()) {
                auto span = text.span_of(*w.token, w.key);
                // 다루스만은: the name as written, though its key (다루스) is shorter.
                const std::string last = surnames_of(*it->second).hangul_last;
                if (!last.empty() && written.starts_with(last)) {
                    span.second = w.token->begin + static_cast<std::uint32_t>(last.size());
                }
                links.push_back(link(text, *it->second, i, span.first, span.second));
                continue;
            }
        }
        // 제5항 or 같은 조 제5항 after 국가보안법 제7조: a paragraph of the article cited last.
        if (last_cited && w.token->kind == analysis::TokenKind::Identifier) {
            if (const auto paragraph = korean_paragraph(text.source, w.token->begin)) {
                std::uint32_t begin = w.token->begin;
                if (i >= 2 && text.words[i - 1].key == "조" && text.written(*text.words[i - 2].token) == "같은" &&
                    text.spaced(i) && text.spaced(i - 1)) {
                    begin = text.words[i - 2].token->begin;
                }
                const std::string& cited = last_cited->article;
                Mention m = link(text, *last_cited, i, begin,
                                 static_cast<std::uint32_t>(paragraph->second));
                m.entity.article = cited.substr(0, cited.find('(')) + "(" + paragraph->first + ")";
                links.push_back(std::move(m));
                continue;
            }
        }
        // 제4조제1항 after a law: an article of that law.
        if (last_law && w.token->kind == analysis::TokenKind::Identifier) {
            if (const auto article = korean_article(text.source, w.token->begin)) {
                const auto cited = cited_with.find(article->first);
                const Entity* law = cited != cited_with.end() ? cited->second : last_law;
                Mention m = link(text, *law, i, w.token->begin,
                                 static_cast<std::uint32_t>(article->second));
                m.entity.article = article->first;
                links.push_back(std::move(m));
            }
        }
    }
    // A surname with a title before the person is named in full: the one person of the text
    // with that surname, if there is one.
    // (People by surname in text order; from the back, whether all from there on share an id.)
    struct Later {
        std::vector<const Entity*> people;
        std::vector<bool> one_id;  // one_id[k]: people[k…] all have people[k]'s id
    };
    std::map<std::string, Later> later;
    if (!surname_only.empty()) {
        for (const Mention& m : mentions) {
            if (m.entity.type != EntityType::Person) continue;
            const std::string s = surnames_of(m.entity).hangul;
            if (!s.empty()) later[s].people.push_back(&m.entity);
        }
        for (auto& [surname, l] : later) {
            l.one_id.assign(l.people.size(), true);
            for (std::size_t k = l.people.size() - 1; k-- > 0;) {
                l.one_id[k] = l.one_id[k + 1] && l.people[k]->id == l.people[k + 1]->id;
            }
        }
    }
    for (const std::size_t i : surname_only) {
        const Word& w = text.words[i];
        const auto it = later.find(std::string(text.written(*w.token)));
        if (it == later.end()) continue;
        const auto& people = it->second.people;
        const auto first = std::upper_bound(
            people.begin(), people.end(), w.token->begin,
            [](std::uint32_t at, const Entity* p) { return at < p->begin; });
        if (first == people.end()) continue;
        if (it->second.one_id[static_cast<std::size_t>(first - people.begin())]) {
            links.push_back(link(text, *people.back(), i, w.token->begin, w.token->end));
        }
    }
    // Articles that no law was named before stay unknown.
    std::erase_if(mentions, [](const Mention& m) { return m.entity.id.empty(); });
    for (auto& l : links) mentions.push_back(std::move(l));
    std::sort(mentions.begin(), mentions.end(),
              [](const Mention& a, const Mention& b) { return a.entity.begin < b.entity.begin; });
}

}  // namespace ngosearch::entities::detail
