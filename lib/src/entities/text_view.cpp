// SPDX-License-Identifier: GPL-2.0-or-later
#include "entities/text_view.hpp"

#include <algorithm>

#include <ngosearch/analysis/analyzer.hpp>
#include <ngosearch/ingest/loader.hpp>

#include "detail/hangul.hpp"

namespace ngosearch::entities::detail {

namespace {

// Markup tags as HTML writes them: '<', a letter, '/' or '!', up to '>' on the same line.
std::vector<std::pair<std::uint32_t, std::uint32_t>> find_tags(std::string_view s) {
    constexpr std::size_t kMaxTag = 200;
    std::vector<std::pair<std::uint32_t, std::uint32_t>> out;
    for (std::size_t i = s.find('<'); i != std::string_view::npos && i + 2 < s.size();
         i = s.find('<', i + 1)) {
        const char c = s[i + 1];
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '/' || c == '!')) continue;
        const std::size_t close = s.find_first_of("<>\n", i + 1);
        if (close == std::string_view::npos || s[close] != '>' || close - i > kMaxTag) continue;
        out.emplace_back(static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(close + 1));
        i = close;
    }
    return out;
}

}  // namespace

TextView::TextView(std::string_view text, std::string_view when, const NameIndex& names)
    : TextView(text, when, names, own_tokens) {}

TextView::TextView(std::string_view text, std::string_view when, const NameIndex& names,
                   const analysis::TokenBuffer& analysed)
    : source(text), tokens(analysed), tags(find_tags(text)) {
    if (&analysed == &own_tokens) names.analyzer().analyze(text, own_tokens);
    const auto in_tag = [&](std::uint32_t at) {
        return std::any_of(tags.begin(), tags.end(),
                           [&](const auto& t) { return t.first <= at && at < t.second; });
    };
    for (const analysis::Token& t : tokens) {
        if (!tags.empty() && in_tag(t.begin)) continue;
        if (analysis::is_extra(t.kind)) {
            if (!words.empty()) words.back().extras.push_back(&t);
            continue;
        }
        words.push_back({&t, names.key(t), {}});
    }
    if (const auto d = ingest::normalize_date(when)) date = *d;
}

std::pair<std::size_t, std::size_t> TextView::words_in(std::uint32_t begin,
                                                       std::uint32_t end) const {
    // Words are in text order: two binary searches.
    const auto starts_before = [](const Word& w, std::uint32_t at) { return w.token->begin < at; };
    const auto from = std::lower_bound(words.begin(), words.end(), begin, starts_before);
    const auto to = std::lower_bound(from, words.end(), end, starts_before);
    const auto first = static_cast<std::size_t>(from - words.begin());
    const auto last = static_cast<std::size_t>(to - words.begin());
    return {first, std::max(last, first + 1)};
}

bool TextView::spaced(std::size_t i) const {
    if (i == 0 || i >= words.size()) return false;
    const std::uint32_t from = words[i - 1].token->end, to = words[i].token->begin;
    if (to <= from) return true;
    for (std::uint32_t at = from; at < to; ++at) {
        const auto tag = std::find_if(tags.begin(), tags.end(),
                                      [&](const auto& t) { return t.first <= at && at < t.second; });
        if (tag != tags.end()) {
            at = tag->second - 1;
            continue;
        }
        if (source[at] != ' ' && source[at] != '\t') return false;
    }
    return true;
}

bool TextView::capitalized(std::size_t word) const {
    const std::string_view w = written(*words[word].token);
    return !w.empty() && w.front() >= 'A' && w.front() <= 'Z';
}

std::pair<std::uint32_t, std::uint32_t> TextView::span_of(const analysis::Token& t,
                                                          std::string_view part) const {
    const std::string_view w = written(t);
    if (!part.empty()) {
        const std::size_t at = w.find(part);
        if (at != std::string_view::npos) {
            return {t.begin + static_cast<std::uint32_t>(at),
                    t.begin + static_cast<std::uint32_t>(at + part.size())};
        }
        // A Korean stem is the word's first syllables, its first one maybe respelt by the
        // initial-sound rule (리설주와 → 이설주): as many syllables of the word as written.
        if (::ngosearch::detail::all_hangul_syllables(part) && w.size() >= part.size() &&
            ::ngosearch::detail::all_hangul_syllables(w.substr(0, part.size()))) {
            return {t.begin, t.begin + static_cast<std::uint32_t>(part.size())};
        }
    }
    std::uint32_t end = t.end;
    for (const std::string_view possessive : {"'s", "\xE2\x80\x99s", "'", "\xE2\x80\x99"}) {
        if (w.size() > possessive.size() && w.ends_with(possessive)) {
            end -= static_cast<std::uint32_t>(possessive.size());
            break;
        }
    }
    return {t.begin, end};
}

void set_span(const TextView& text, std::uint32_t begin, std::uint32_t end, Entity& e) {
    e.begin = begin;
    e.end = end;
    e.surface = std::string(text.source.substr(begin, end - begin));
}

}  // namespace ngosearch::entities::detail
