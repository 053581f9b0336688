// SPDX-License-Identifier: GPL-2.0-or-later
#include "ingest/text_metadata.hpp"

#include <array>

#include <ngosearch/text/language.hpp>
#include <ngosearch/text/utf8.hpp>

#include "detail/ascii.hpp"
#include "ingest/text_lines.hpp"
#include <ngosearch/ingest/dates.hpp>

namespace ngosearch::ingest::detail {

namespace {

constexpr std::size_t kMaxTitleBytes = 300;
// Dates of letters and releases are written near the top; looking further finds cited dates.
constexpr std::size_t kDateSearchBytes = 1500;
// Cues of a document's kind are at its top.
constexpr std::size_t kTypeSearchBytes = 2000;
// Lines looked at for a title.
constexpr int kTitleLines = 12;

// A line of `rest`, trimmed.
std::string_view next_trimmed_line(std::string_view& rest) { return trim(next_line(rest)); }

bool contains_any(std::string_view text, std::initializer_list<std::string_view> cues) {
    for (const std::string_view c : cues) {
        if (text.find(c) != std::string_view::npos) return true;
    }
    return false;
}

// Web-page furniture left by "save as text": never a title.
bool furniture(std::string_view line) {
    const std::string l = ::ngosearch::detail::lower_ascii(line);
    static constexpr std::array<std::string_view, 10> kExact{
        "skip to main content", "donate now", "donate", "menu", "search", "home", "print",
        "share", "본문 바로가기", "메뉴"};
    for (const std::string_view e : kExact) {
        if (l == e) return true;
    }
    return l.find(" > ") != std::string::npos || l.starts_with("http://") ||
           l.starts_with("https://") || l.starts_with("www.") || l.starts_with("date :") ||
           l.starts_with("date:") || l.starts_with("fax") || l.starts_with("e-mail") ||
           l.starts_with("tel");
}

}  // namespace

std::string clip_title(std::string_view s) {
    s = trim(s);
    return std::string(s.substr(0, text::utf8_prefix_length(s, kMaxTitleBytes)));
}

std::string title_from_text(std::string_view body) {
    std::string_view rest = body, first;
    for (int i = 0; i < kTitleLines && !rest.empty();) {
        const std::string_view line = next_trimmed_line(rest);
        if (line.empty()) continue;
        ++i;
        if (first.empty()) first = line;
        // A line that is only a date ("February 21, 2020", "(Seoul, 2020. 12. 15.)") is none.
        const bool date_line = line.size() < 40 && find_written_date(line);
        if (furniture(line) || date_line) continue;
        return clip_title(line);
    }
    return clip_title(first);
}

std::string type_from_text(std::string_view title, std::string_view body) {
    const std::string head = ::ngosearch::detail::lower_ascii(body.substr(0, kTypeSearchBytes));
    const std::string t = ::ngosearch::detail::lower_ascii(title);
    // The title speaks first; then the conventions of the text's top, most specific first.
    if (contains_any(t, {"open letter", "공개서한", "공개 서한", "공개질의서"})) return "open-letter";
    if (contains_any(t, {"press release", "보도자료"})) return "press-release";
    if (contains_any(t, {"statement", "성명", "논평"})) return "statement";
    if (contains_any(t, {"report", "보고서"})) return "report";
    if (contains_any(t, {"letter to", "서한"})) return "letter";
    if (contains_any(head, {"for immediate release", "보도자료", "press release"})) return "press-release";
    if (contains_any(head, {"open letter", "공개서한", "공개 서한"})) return "open-letter";
    if (contains_any(head, {"제1조(목적)", "제1조 (목적)", "article 1 (purpose)"})) return "law";
    if (contains_any(head, {"dear ", "귀하", "님께", "앞으로 보내"})) return "letter";
    if (contains_any(head, {"성명서", "statement by", "joint statement"})) return "statement";
    return {};
}

void complete_from_text(Document& doc, std::string_view body) {
    if (doc.title.empty()) doc.title = title_from_text(body);
    if (doc.date.empty()) {
        if (auto d = find_written_date(body.substr(0, kDateSearchBytes))) {
            doc.date = *d;
        }
    }
    if (doc.language.empty()) doc.language = text::guess_language(body);
    if (doc.type.empty()) doc.type = type_from_text(doc.title, body);
}

}  // namespace ngosearch::ingest::detail
