// SPDX-License-Identifier: GPL-2.0-or-later
// Runs one benchmark case in a child process, so that each case's peak RSS is its own
// (getrusage of the child) and no case inherits another's caches or heap.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace ngosearch::bench {

struct ChildResult {
    int exit_code = -1;  ///< exit status, or -signal if killed by a signal
    std::string out;     ///< everything the child wrote to stdout
    std::string err;     ///< everything the child wrote to stderr
    std::uint64_t peak_rss_bytes = 0;
    double wall_seconds = 0;
};

/// Runs `argv[0]` (a path, or a name looked up in PATH) with `argv`, stdout and stderr
/// captured. @throws std::runtime_error if it cannot be started.
ChildResult run_child(const std::vector<std::string>& argv);

/// `name` found in PATH, or empty.
std::filesystem::path find_in_path(const std::string& name);

/// This program's own executable, for a forked child to exec.
std::filesystem::path self_executable();

}  // namespace ngosearch::bench
