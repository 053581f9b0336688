// SPDX-License-Identifier: GPL-2.0-or-later
// Dates as documents, front matter and queries write them; all date parsing is in
// lib/src/ingest/date_parse.cpp.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace ngosearch::ingest {

/// Normalises a date written as YYYY, YYYY-MM or YYYY-MM-DD (also with / or .); nullopt if it is
/// not a valid date.
std::optional<std::string> normalize_date(std::string_view text);

/// The first valid date written in running text as "December 15, 2020", "Dec. 15th 2020",
/// "15 December 2020", "2020-12-15", "2020/12/15", "2020. 12. 15." or "2020년 12월 15일", as
/// YYYY-MM-DD; nullopt if none. Numbers that are part of longer numbers are not dates.
std::optional<std::string> find_written_date(std::string_view text);

}  // namespace ngosearch::ingest
