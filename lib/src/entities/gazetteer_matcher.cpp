// SPDX-License-Identifier: GPL-2.0-or-later
#include "entities/gazetteer_matcher.hpp"

#include <algorithm>
#include <array>
#include <optional>

#include <ngosearch/analysis/analyzer.hpp>

#include "detail/hangul.hpp"

namespace ngosearch::entities::detail {

namespace {

// What may follow a Korean name of a body or person inside one word: a title or a role
// (통일부장관, 국정원장, 외교부대변인, 문재인대통령).
constexpr std::array<std::string_view, 24> kTitles{
    "장관", "장", "청장", "차관", "대변인", "원장", "위원장", "의장", "대표", "총장", "처장",
    "국장", "실장", "측", "당국", "관계자", "대사", "총리", "대통령", "부장", "본부장", "위원",
    "의원", "여사"};

bool is_title(std::string_view s) {
    for (const std::string_view t : kTitles) {
        if (s == t) return true;
    }
    return false;
}

// A date as a comparable bound: YYYY and YYYY-MM stretch to the start or end of the period.
std::string bound(const std::string& date, bool end) {
    if (date.size() == 4) return date + (end ? "-12-31" : "-01-01");
    if (date.size() == 7) return date + (end ? "-31" : "-01");
    return date;
}

bool role_applies(const NameRef& ref, const GazetteerEntry& e, const std::string& date) {
    if (ref.role < 0) return true;
    if (date.empty()) return !ref.shared_role;
    const Role& r = e.roles[static_cast<std::size_t>(ref.role)];
    const std::string from = r.from.empty() ? "0000-00-00" : bound(r.from, false);
    const std::string to = r.to.empty() ? "9999-99-99" : bound(r.to, true);
    return bound(date, false) <= to && bound(date, true) >= from;
}

// One way a word can start a name: its own key, a compound part or a joined form.
struct Start {
    std::string key;
    std::uint32_t begin;
    std::size_t words;  // how many words it covers
};

// A romanised Korean address: Cheongwadae-ro, Sejong-daero, Jongno-gu (a street, not the
// body it is named after).
bool address(std::string_view written) {
    for (const std::string_view end : {"-ro", "-gil", "-daero", "-dong", "-gu", "-si", "-eup",
                                       "-myeon"}) {
        if (written.size() > end.size() && written.ends_with(end)) return true;
    }
    return false;
}

std::vector<Start> starts(const NameIndex& names, const TextView& text, std::size_t i) {
    const Word& w = text.words[i];
    if (w.token->script == text::Script::Latin && address(text.written(*w.token))) return {};
    std::vector<Start> out{{w.key, text.span_of(*w.token, w.key).first, 1}};
    // Compounds that name a remedy or a court, not the constitution they start with.
    const bool remedy = w.key.starts_with("헌법소원") || w.key.starts_with("헌법불합치") ||
                        w.key.starts_with("헌법재판");
    for (const analysis::Token* x : w.extras) {
        if (x->kind == analysis::TokenKind::CompoundPart) {
            if (remedy) continue;
            out.push_back({x->text, text.span_of(*w.token, x->text).first, 1});
        } else {
            std::size_t covered = 1;
            while (i + covered < text.words.size() &&
                   text.words[i + covered].token->begin < x->end) {
                ++covered;
            }
            out.push_back({names.analyzer().stem(x->text), x->begin, covered});
        }
    }
    return out;
}

// Words of a title alias that are the title, not the name: the span leaves them out
// ("President Moon" → Moon, "문 대통령" → 문).
constexpr std::array<std::string_view, 18> kTitleWords{
    "president", "minister", "mr", "ms", "mrs", "dr", "chairman", "chairwoman", "secretary",
    "general", "acting", "권한대행", "대통령", "장관", "총리", "위원장", "여사", "국무위원장"};

bool title_word(std::string_view key) {
    for (const std::string_view t : kTitleWords) {
        if (key == t) return true;
    }
    return false;
}

Mention make(const NameIndex& names, const TextView& text, const NameRef& ref,
             std::uint32_t begin, std::uint32_t end, std::size_t first, std::size_t last) {
    const GazetteerEntry& found = names.gazetteer().entries()[ref.entry];
    const GazetteerEntry& now = names.gazetteer().current(found);
    Mention m;
    m.entity.type = now.type;
    m.entity.id = now.id;
    m.entity.name = now.name();
    m.entity.source = Source::Gazetteer;
    if (ref.role >= 0) {
        // The span is the name in the alias, without its title words.
        while (first + 1 < last && title_word(text.words[first].key)) ++first;
        while (last - 1 > first && title_word(text.words[last - 1].key)) --last;
        begin = std::max(begin, text.words[first].token->begin);
        end = std::min(end, text.span_of(*text.words[last - 1].token, text.words[last - 1].key).second);
    }
    set_span(text, begin, end, m.entity);
    m.first = first;
    m.last = last;
    return m;
}

}  // namespace

void match_gazetteer(const NameIndex& names, const TextView& text, std::vector<Mention>& out) {
    const auto& entries = names.gazetteer().entries();
    for (std::size_t i = 0; i < text.words.size();) {
        std::optional<Mention> best;
        const Word& w = text.words[i];
        for (const Start& s : starts(names, text, i)) {
            for (const NameRef& ref : names.starting_with(s.key)) {
                const std::size_t last = i + s.words + ref.rest.size();
                if (last > text.words.size()) continue;
                bool fits = true;
                for (std::size_t k = 0; k < ref.rest.size() && fits; ++k) {
                    fits = text.words[i + s.words + k].key == ref.rest[k];
                }
                if (!fits || !role_applies(ref, entries[ref.entry], text.date)) continue;
                if (ref.capitals && !acronym(text.written(*w.token))) continue;
                if (ref.capitalised && !text.capitalized(i)) continue;
                if (best && best->last >= last) continue;
                // The name ends with the stem of its last word, before any particle; a name
                // written apart (국가 보안법을, matched as one joined form) at its last word's.
                const Word& end_word = text.words[last - 1];
                const std::string& end_key =
                    (ref.rest.empty() && s.words > 1) ? end_word.key
                                                      : (ref.rest.empty() ? s.key : ref.rest.back());
                std::uint32_t end = text.span_of(*end_word.token, end_key).second;
                if (!ref.last_written.empty() &&
                    text.written(*end_word.token).starts_with(ref.last_written)) {
                    end = end_word.token->begin + static_cast<std::uint32_t>(ref.last_written.size());
                }
                best = make(names, text, ref, s.begin, std::max(end, s.begin), i, last);
            }
        }
        if (!best && w.token->script == text::Script::Hangul && ::ngosearch::detail::all_hangul_syllables(w.key)) {
            // A name at the start of a word, a title after it: 통일부장관은, 국정원장.
            for (std::size_t k = w.key.size() - 3; k >= 6 && !best; k -= 3) {
                if (!is_title(std::string_view(w.key).substr(k))) continue;
                const std::string head = w.key.substr(0, k);
                for (const NameRef& ref : names.starting_with(head)) {
                    if (!ref.rest.empty() || ref.role >= 0) continue;
                    const auto span = text.span_of(*w.token, head);
                    best = make(names, text, ref, span.first, span.second, i, i + 1);
                    break;
                }
            }
        }
        // Every start is tried: a title alias here may lose to a longer name starting at the
        // next word ("President Moon Jae-in"); the tagger keeps the longest.
        if (best) out.push_back(std::move(*best));
        ++i;
    }
}

}  // namespace ngosearch::entities::detail
