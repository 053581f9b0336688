// SPDX-License-Identifier: GPL-2.0-or-later
#include "search/snippet.hpp"

#include <algorithm>
#include <array>
#include <utility>

#include <ngosearch/text/utf8.hpp>

#include "detail/text_pieces.hpp"

namespace ngosearch::detail {

namespace {

constexpr std::string_view kOpen = "\xEE\x80\x80";   // U+E000, never in analysed text output
constexpr std::string_view kClose = "\xEE\x80\x81";  // U+E001

constexpr std::array<std::pair<std::string_view, std::string_view>, 5> kEntities{{
    {"&amp;", "&"}, {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&#39;", "'"}}};

}  // namespace

std::unordered_set<std::string> highlight_terms(const Xapian::Query& query) {
    std::unordered_set<std::string> terms;
    for (auto it = query.get_unique_terms_begin(); it != query.get_unique_terms_end(); ++it) {
        const std::string& t = *it;
        // Unprefixed terms start with a lower-case letter, a digit or a non-ASCII byte.
        const bool prefixed = !t.empty() && t[0] >= 'A' && t[0] <= 'Z';
        if (!prefixed || (t.size() > 1 && t[0] == 'Z' && !(t[1] >= 'A' && t[1] <= 'Z'))) {
            terms.insert(t);
        }
    }
    return terms;
}

namespace {

bool matches(const analysis::Analyzer& analyzer, const std::unordered_set<std::string>& terms,
             const analysis::Token& t) {
    // A phrase looks for unstemmed terms, which the index also posts as Korean stems.
    const std::string stem = analyzer.stem(t.text);
    return terms.contains(t.text) || terms.contains(stem) || terms.contains("Z" + stem);
}

void add_analyzer_highlights(const analysis::Analyzer& analyzer,
                             const std::unordered_set<std::string>& terms, Hit& hit) {
    if (terms.empty()) return;
    for (const analysis::Token& t : analyzer.analyze(hit.snippet)) {
        if (matches(analyzer, terms, t)) hit.highlights.emplace_back(t.begin, t.end);
    }
    std::sort(hit.highlights.begin(), hit.highlights.end());
    std::vector<std::pair<std::size_t, std::size_t>> merged;
    for (const auto& h : hit.highlights) {
        if (!merged.empty() && h.first <= merged.back().second) {
            merged.back().second = std::max(merged.back().second, h.second);
        } else {
            merged.push_back(h);
        }
    }
    hit.highlights.swap(merged);
}

// A passage of about `length` bytes of `body` that shows the bytes at `at`, starting at a word
// where one is close; returns the offsets in `body` of the snippet's text (without the
// ellipses around it).
std::pair<std::size_t, std::size_t> cut_passage(std::string_view body, std::size_t at,
                                                std::size_t length, Hit& hit) {
    std::size_t begin = at > length / 3 ? at - length / 3 : 0;
    while (begin > 0 && (static_cast<unsigned char>(body[begin]) & 0xC0) == 0x80) --begin;
    if (begin > 0) {
        // Start at a word: after the nearest space at or before `begin`, if one is close.
        const std::size_t space = body.rfind(' ', begin);
        if (space != std::string_view::npos && begin - space < 40) begin = space + 1;
    }
    while (begin < at && (body[begin] == ' ' || body[begin] == '\n' || body[begin] == '\r' ||
                          body[begin] == '\t')) {
        ++begin;
    }
    const std::size_t end = begin + text::utf8_prefix_length(body.substr(begin), length);
    hit.snippet.clear();
    hit.highlights.clear();
    if (begin > 0) hit.snippet += "\xE2\x80\xA6";
    hit.snippet += body.substr(begin, end - begin);
    if (end < body.size()) hit.snippet += "\xE2\x80\xA6";
    return {begin, end};
}

// Xapian picks its passage by its own word matching, which knows nothing of compound parts or
// words joined across spaces (보안법 in 국가보안법을, 국가 보안법). When its passage shows no
// match, cut one around the first word the analyzer matches.
void passage_around_first_match(std::string_view body, std::size_t length,
                                const analysis::Analyzer& analyzer,
                                const std::unordered_set<std::string>& terms, Hit& hit) {
    for (const analysis::Token& t : analyzer.analyze(body)) {
        if (!matches(analyzer, terms, t)) continue;
        cut_passage(body, t.begin, length, hit);
        add_analyzer_highlights(analyzer, terms, hit);
        return;
    }
}

// The snippet of one window of a text.
void window_snippet(const Xapian::MSet& mset, std::string_view text, std::size_t length,
                    const Xapian::Stem& stem, const analysis::Analyzer& analyzer,
                    const std::unordered_set<std::string>& terms, Hit& hit) {
    hit.snippet.clear();
    hit.highlights.clear();
    std::string body(text);
    // Our markers must not occur in the text itself.
    for (const std::string_view marker : {kOpen, kClose}) {
        for (std::size_t p = 0; (p = body.find(marker, p)) != std::string::npos;) {
            body.replace(p, marker.size(), "\xEF\xBF\xBD");
        }
    }
    const std::string html = mset.snippet(
        body, length, stem,
        Xapian::MSet::SNIPPET_BACKGROUND_MODEL | Xapian::MSet::SNIPPET_EXHAUSTIVE,
        std::string(kOpen), std::string(kClose), "\xE2\x80\xA6");
    std::size_t open_at = std::string::npos;
    for (std::size_t i = 0; i < html.size();) {
        const std::string_view rest = std::string_view(html).substr(i);
        if (rest.starts_with(kOpen)) {
            open_at = hit.snippet.size();
            i += kOpen.size();
            continue;
        }
        if (rest.starts_with(kClose)) {
            if (open_at != std::string::npos && open_at < hit.snippet.size()) {
                hit.highlights.emplace_back(open_at, hit.snippet.size());
            }
            open_at = std::string::npos;
            i += kClose.size();
            continue;
        }
        bool entity = false;
        if (rest.front() == '&') {
            for (const auto& [from, to] : kEntities) {
                if (rest.starts_with(from)) {
                    hit.snippet += to;
                    i += from.size();
                    entity = true;
                    break;
                }
            }
        }
        if (!entity) hit.snippet += html[i++];
    }
    add_analyzer_highlights(analyzer, terms, hit);
    if (hit.highlights.empty() && !terms.empty()) {
        passage_around_first_match(body, length, analyzer, terms, hit);
    }
}

constexpr std::string_view kEllipsis = "\xE2\x80\xA6";

}  // namespace

void make_snippet(const Xapian::MSet& mset, std::string_view text, std::size_t length,
                  std::size_t scan_bytes, const Xapian::Stem& stem,
                  const analysis::Analyzer& analyzer,
                  const std::unordered_set<std::string>& terms, Hit& hit) {
    hit.snippet.clear();
    hit.highlights.clear();
    if (text.empty()) return;
    // Window by window, until one shows a match: Xapian's snippet and our analysis read all
    // they are given, so a match near the start of a long body costs one window, and no body
    // costs more than scan_bytes of reading.
    const std::size_t window = std::max(kSnippetWindowBytes, 2 * length);
    Hit first;
    for (std::size_t begin = 0; begin < text.size() && (begin == 0 || begin < scan_bytes);) {
        const std::size_t end = begin + piece_end(text.substr(begin), window);
        window_snippet(mset, text.substr(begin, end - begin), length, stem, analyzer, terms, hit);
        if (begin > 0 && !hit.snippet.starts_with(kEllipsis)) {
            hit.snippet.insert(0, kEllipsis);
            for (auto& [b, e] : hit.highlights) {
                b += kEllipsis.size();
                e += kEllipsis.size();
            }
        }
        if (end < text.size() && !hit.snippet.ends_with(kEllipsis)) hit.snippet += kEllipsis;
        if (!hit.highlights.empty() || terms.empty()) return;
        if (begin == 0) first = hit;
        begin = end;
    }
    // No window read shows a match: the passage Xapian chose in the first.
    hit.snippet = std::move(first.snippet);
    hit.highlights = std::move(first.highlights);
}

void passage_around_entities(std::string_view body, const std::vector<std::string>& ids,
                             std::size_t length, Hit& hit) {
    const auto wanted = [&](const entities::Entity& e) {
        return std::find(ids.begin(), ids.end(), e.id) != ids.end() && e.end <= body.size();
    };
    const auto first = std::find_if(hit.entities.begin(), hit.entities.end(), wanted);
    if (first == hit.entities.end()) return;
    const auto [begin, end] = cut_passage(body, first->begin, length, hit);
    const std::size_t lead = begin > 0 ? 3 : 0;  // the ellipsis before the text
    for (const auto& e : hit.entities) {
        if (wanted(e) && e.begin >= begin && e.end <= end) {
            hit.highlights.emplace_back(e.begin - begin + lead, e.end - begin + lead);
        }
    }
}

std::uint32_t page_of_snippet(std::string_view body, const std::vector<std::size_t>& pages,
                              const Hit& hit) {
    if (pages.empty()) return 0;
    // A piece of the snippet long enough to be found once: from the first highlight (or the
    // start) up to the next line break, ellipsis or 48 bytes, cut on a character boundary.
    std::string_view s = hit.snippet;
    const std::size_t from = hit.highlights.empty() ? 0 : hit.highlights.front().first;
    std::string_view piece = from < s.size() ? s.substr(from) : s;
    while (piece.starts_with("\xE2\x80\xA6") || piece.starts_with(' ')) {
        piece.remove_prefix(piece.starts_with(' ') ? 1 : 3);
    }
    for (const std::string_view stop : {std::string_view("\xE2\x80\xA6"), std::string_view("\n")}) {
        piece = piece.substr(0, piece.find(stop));
    }
    piece = piece.substr(0, text::utf8_prefix_length(piece, 48));
    std::size_t at = piece.empty() ? std::string_view::npos : body.find(piece);
    if (at == std::string_view::npos && !hit.highlights.empty()) {
        const auto [b, e] = hit.highlights.front();
        if (e <= s.size()) at = body.find(s.substr(b, e - b));
    }
    if (at == std::string_view::npos) return 0;
    const auto next = std::upper_bound(pages.begin(), pages.end(), at);
    return static_cast<std::uint32_t>(next - pages.begin());
}

}  // namespace ngosearch::detail
