// SPDX-License-Identifier: GPL-2.0-or-later
// A scanner, not a regular expression: it runs once per indexed file, and std::regex over the
// top of each file was a tenth of all indexing time.
#include <ngosearch/ingest/dates.hpp>

#include <array>
#include <cctype>
#include <cstdio>


#include "detail/ascii.hpp"

namespace ngosearch::ingest {

namespace {

constexpr std::string_view kYearSuffix = "\xEB\x85\x84";   // 년
constexpr std::string_view kMonthSuffix = "\xEC\x9B\x94";  // 월
constexpr std::string_view kDaySuffix = "\xEC\x9D\xBC";    // 일

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// Reads the text left to right; every step either consumes what it expects or fails.
class Cursor {
public:
    Cursor(std::string_view text, std::size_t at) : text_(text), at_(at) {}

    std::size_t at() const { return at_; }

    // A run of min..max digits that is not part of a longer number.
    std::optional<int> number(std::size_t min, std::size_t max) {
        std::size_t end = at_;
        while (end < text_.size() && is_digit(text_[end])) ++end;
        const std::size_t n = end - at_;
        if (n < min || n > max) return std::nullopt;
        int value = 0;
        for (; at_ < end; ++at_) value = value * 10 + (text_[at_] - '0');
        return value;
    }

    // An English month name or abbreviation ("Dec", "Dec.", "Sept"), any case; 1-12.
    std::optional<int> month_name() {
        static constexpr std::array<std::string_view, 12> kMonths{
            "january", "february", "march",     "april",   "may",      "june",
            "july",    "august",   "september", "october", "november", "december"};
        std::size_t end = at_;
        while (end < text_.size() && is_letter(text_[end])) ++end;
        const std::string word = ::ngosearch::detail::lower_ascii(text_.substr(at_, end - at_));
        for (std::size_t i = 0; i < kMonths.size(); ++i) {
            const bool full = word == kMonths[i];
            const bool abbreviated = word.size() == 3 && kMonths[i].starts_with(word);
            if (full || abbreviated || (i == 8 && word == "sept")) {
                at_ = end;
                if (!full) skip(".");
                return static_cast<int>(i) + 1;
            }
        }
        return std::nullopt;
    }

    bool skip(std::string_view s) {
        if (text_.substr(at_).starts_with(s)) {
            at_ += s.size();
            return true;
        }
        return false;
    }

    // At most `max` spaces (0 to max).
    void spaces(std::size_t max = 2) {
        for (std::size_t i = 0; i < max && at_ < text_.size() && text_[at_] == ' '; ++i) ++at_;
    }

    bool space() {  // at least one
        const std::size_t before = at_;
        spaces();
        return at_ > before;
    }

    void ordinal() {  // 15th, 1st, 2nd, 3rd
        for (std::string_view s : {"st", "nd", "rd", "th"}) {
            if (skip(s)) return;
        }
    }

private:
    std::string_view text_;
    std::size_t at_;
};

std::optional<std::string> make_date(int y, int m, int d) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
    return normalize_date(buf);
}

// 2020-12-15, 2020/12/15, 2020.12.15, 2020. 12. 15. (Korean letters), 2020년 12월 15일
std::optional<std::string> numeric_date(Cursor c) {
    const auto y = c.number(4, 4);
    if (!y) return std::nullopt;
    if (c.skip("-") || c.skip("/")) {
        const auto m = c.number(1, 2);
        if (!m || !(c.skip("-") || c.skip("/"))) return std::nullopt;
        const auto d = c.number(1, 2);
        return d ? make_date(*y, *m, *d) : std::nullopt;
    }
    if (c.skip(".")) {
        c.spaces(1);
        const auto m = c.number(1, 2);
        if (!m || !c.skip(".")) return std::nullopt;
        c.spaces(1);
        const auto d = c.number(1, 2);
        return d ? make_date(*y, *m, *d) : std::nullopt;
    }
    c.spaces(1);
    if (!c.skip(kYearSuffix)) return std::nullopt;
    c.spaces(1);
    const auto m = c.number(1, 2);
    c.spaces(1);
    if (!m || !c.skip(kMonthSuffix)) return std::nullopt;
    c.spaces(1);
    const auto d = c.number(1, 2);
    c.spaces(1);
    if (!d || !c.skip(kDaySuffix)) return std::nullopt;
    return make_date(*y, *m, *d);
}

// 15 December 2020, 15 Dec. 2020, 15th December, 2020
std::optional<std::string> day_month_year(Cursor c) {
    const auto d = c.number(1, 2);
    if (!d) return std::nullopt;
    c.ordinal();
    if (!c.space()) return std::nullopt;
    const auto m = c.month_name();
    if (!m) return std::nullopt;
    c.skip(",");
    if (!c.space()) return std::nullopt;
    const auto y = c.number(4, 4);
    return y ? make_date(*y, *m, *d) : std::nullopt;
}

// December 15, 2020, Dec. 15 2020, December 15th, 2020
std::optional<std::string> month_day_year(Cursor c) {
    const auto m = c.month_name();
    if (!m || !c.space()) return std::nullopt;
    const auto d = c.number(1, 2);
    if (!d) return std::nullopt;
    c.ordinal();
    c.skip(",");
    if (!c.space()) return std::nullopt;
    const auto y = c.number(4, 4);
    return y ? make_date(*y, *m, *d) : std::nullopt;
}

}  // namespace

std::optional<std::string> find_written_date(std::string_view text) {
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        const char before = i > 0 ? text[i - 1] : ' ';
        std::optional<std::string> date;
        if (is_digit(c) && !is_digit(before)) {
            date = numeric_date({text, i});
            if (!date) date = day_month_year({text, i});
        } else if (is_letter(c) && !is_letter(before)) {
            date = month_day_year({text, i});
        }
        if (date) return date;
    }
    return std::nullopt;
}

std::optional<std::string> normalize_date(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
    int parts[3] = {0, 0, 0};
    int count = 0;
    std::size_t i = 0;
    while (count < 3) {
        const std::size_t start = i;
        int value = 0;
        while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) {
            // More than four digits is never a valid part; stop adding before int overflows.
            if (i - start < 4) value = value * 10 + (s[i] - '0');
            ++i;
        }
        const std::size_t digits = i - start;
        if (digits == 0 || (count == 0 && digits != 4) || (count > 0 && digits > 2)) {
            return std::nullopt;
        }
        parts[count++] = value;
        if (i == s.size() || count == 3) break;
        if (s[i] != '-' && s[i] != '/' && s[i] != '.') return std::nullopt;
        ++i;
    }
    if (i != s.size()) return std::nullopt;
    const int y = parts[0], m = parts[1], d = parts[2];
    if (y < 1000) return std::nullopt;
    char buf[32];
    if (count == 1) {
        std::snprintf(buf, sizeof buf, "%04d", y);
        return std::string(buf);
    }
    if (m < 1 || m > 12) return std::nullopt;
    if (count == 2) {
        std::snprintf(buf, sizeof buf, "%04d-%02d", y, m);
        return std::string(buf);
    }
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    const int days = kDays[m - 1] + ((m == 2 && leap) ? 1 : 0);
    if (d < 1 || d > days) return std::nullopt;
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
    return std::string(buf);
}

}  // namespace ngosearch::ingest
