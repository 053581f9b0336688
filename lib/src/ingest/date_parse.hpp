// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace ngosearch::detail {

/// The first valid date written in `text` as "December 15, 2020", "Dec. 15th 2020",
/// "15 December 2020", "2020-12-15", "2020/12/15", "2020. 12. 15." or "2020년 12월 15일", as
/// YYYY-MM-DD; nullopt if none. Numbers that are part of longer numbers are not dates.
std::optional<std::string> find_written_date(std::string_view text);

}  // namespace ngosearch::detail
