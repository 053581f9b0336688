// SPDX-License-Identifier: GPL-2.0-or-later
#include "ingest/date_parse.hpp"

#include <array>
#include <cstdio>
#include <regex>

#include <ngosearch/ingest/loader.hpp>

namespace ngosearch::detail {

namespace {

int month_number(std::string name) {
    static constexpr std::array<std::string_view, 12> kMonths{
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
    for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    for (std::size_t i = 0; i < kMonths.size(); ++i) {
        if (name.starts_with(kMonths[i])) return static_cast<int>(i) + 1;
    }
    return 0;
}

std::optional<std::string> make_date(int y, int m, int d) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
    return ingest::normalize_date(buf);
}

}  // namespace

std::optional<std::string> find_written_date(std::string_view text) {
    static const std::string kMonth =
        "(January|February|March|April|May|June|July|August|September|October|November|December|"
        "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\\.?";
    // One pattern with alternatives, so the earliest date in the text wins whatever its style.
    static const std::regex kDate(
        kMonth + " ([0-9]{1,2}),? ([0-9]{4})"                        // 1-3: December 15, 2020
        "|([0-9]{1,2}) " + kMonth + ",? ([0-9]{4})"                  // 4-6: 15 December 2020
        "|([0-9]{4})-([0-9]{2})-([0-9]{2})"                          // 7-9: 2020-12-15
        "|([0-9]{4})\xEB\x85\x84 ?([0-9]{1,2})\xEC\x9B\x94 ?([0-9]{1,2})\xEC\x9D\xBC",  // 년 월 일
        std::regex::ECMAScript | std::regex::optimize);
    std::match_results<std::string_view::const_iterator> m;
    auto begin = text.cbegin();
    while (std::regex_search(begin, text.cend(), m, kDate)) {
        std::optional<std::string> date;
        const auto num = [&](int i) { return std::stoi(m[i].str()); };
        if (m[1].matched) {
            date = make_date(num(3), month_number(m[1].str()), num(2));
        } else if (m[4].matched) {
            date = make_date(num(6), month_number(m[5].str()), num(4));
        } else if (m[7].matched) {
            date = make_date(num(7), num(8), num(9));
        } else if (m[10].matched) {
            date = make_date(num(10), num(11), num(12));
        }
        if (date) return date;
        begin = m[0].second;
    }
    return std::nullopt;
}

}  // namespace ngosearch::detail
