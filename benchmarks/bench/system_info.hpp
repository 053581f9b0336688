// SPDX-License-Identifier: GPL-2.0-or-later
// The machine a benchmark ran on, for its header: figures mean little without it.
#pragma once

#include <nlohmann/json.hpp>

namespace ngosearch::bench {

/// CPU model, hardware threads, memory, kernel, compiler, build type, library versions, date
/// and the load average (the machine may be shared: say so beside the figures).
nlohmann::json system_info();

/// The 1-minute load average now.
double load_average();

}  // namespace ngosearch::bench
