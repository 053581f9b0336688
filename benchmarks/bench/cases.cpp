// SPDX-License-Identifier: GPL-2.0-or-later
#include "bench/cases.hpp"

#include <xapian.h>

#include <charconv>
#include <stdexcept>

#include "bench/common.hpp"

namespace ngosearch::bench {

namespace fs = std::filesystem;

const std::string& CaseArgs::get(const std::string& key) const {
    const auto it = values.find(key);
    if (it == values.end()) throw std::invalid_argument("case needs --" + key);
    return it->second;
}

std::string CaseArgs::get_or(const std::string& key, const std::string& fallback) const {
    const auto it = values.find(key);
    return it == values.end() ? fallback : it->second;
}

std::uint64_t CaseArgs::number(const std::string& key) const {
    const std::string& v = get(key);
    std::uint64_t n = 0;
    const auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
    if (ec != std::errc() || end != v.data() + v.size()) {
        throw std::invalid_argument("--" + key + " must be a number, not '" + v + "'");
    }
    return n;
}

void measure_index(const fs::path& index, const fs::path& compacted, bool compact,
                   nlohmann::json& out) {
    out["index_bytes"] = directory_bytes(index);
    if (!compact) return;
    fs::remove_all(compacted);
    Stopwatch watch;
    watch.start();
    Xapian::Database(index.string()).compact(compacted.string());
    watch.stop();
    out["compacted_bytes"] = directory_bytes(compacted);
    out["compact_seconds"] = watch.seconds();
    fs::remove_all(compacted);
}

}  // namespace ngosearch::bench
