// SPDX-License-Identifier: GPL-2.0-or-later
#include "search/snippet.hpp"

#include <array>
#include <utility>

namespace ngosearch::detail {

namespace {

constexpr std::string_view kOpen = "\xEE\x80\x80";   // U+E000, never in analysed text output
constexpr std::string_view kClose = "\xEE\x80\x81";  // U+E001

constexpr std::array<std::pair<std::string_view, std::string_view>, 5> kEntities{{
    {"&amp;", "&"}, {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&#39;", "'"}}};

}  // namespace

void make_snippet(const Xapian::MSet& mset, std::string_view text, std::size_t length,
                  const Xapian::Stem& stem, Hit& hit) {
    hit.snippet.clear();
    hit.highlights.clear();
    if (text.empty()) return;
    const std::string html = mset.snippet(
        std::string(text), length, stem,
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
}

}  // namespace ngosearch::detail
