// SPDX-License-Identifier: GPL-2.0-or-later
// Shared pieces of ngosearch-bench: the corpus file lists, an independent word count to check
// every timed loop against, timers, and small file-system helpers.
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace ngosearch::bench {

/// A count check failed: a timed loop did not process what it was given.
class CountCheckFailed : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

/// Throws CountCheckFailed with `what` unless `ok`.
void check(bool ok, const std::string& what);

/// Files an ngosearch index of `root` would take, as add_path() finds them: .txt and .md,
/// hidden entries skipped, sorted.
std::vector<std::filesystem::path> corpus_files(const std::filesystem::path& root);

/// Writes / reads a list of paths, one per line.
void write_list(const std::filesystem::path& file, const std::vector<std::filesystem::path>& paths);
std::vector<std::filesystem::path> read_list(const std::filesystem::path& file);

/// Words in `text` by a rule independent of the analyzer: whitespace-separated runs holding a
/// letter or digit (any non-ASCII byte counts as a letter). Analyzers make more or fewer terms
/// than this, within a factor a check can bound.
std::uint64_t count_words(std::string_view text) noexcept;

/// Bytes of the files under `dir` (an index's size on disk).
std::uint64_t directory_bytes(const std::filesystem::path& dir);

/// Seconds elapsed, and CPU seconds of the whole process (all its threads), accumulated over
/// timed sections. On a shared machine the wall clock counts the time other programs ran; the
/// CPU time of a one-thread run does not, so its ratios to other one-thread runs are steadier.
class Stopwatch {
  public:
    void start() noexcept {
        started_ = std::chrono::steady_clock::now();
        cpu_started_ = process_cpu_seconds();
    }
    void stop() noexcept {
        seconds_ +=
            std::chrono::duration<double>(std::chrono::steady_clock::now() - started_).count();
        cpu_seconds_ += process_cpu_seconds() - cpu_started_;
    }
    double seconds() const noexcept { return seconds_; }
    double cpu_seconds() const noexcept { return cpu_seconds_; }

  private:
    static double process_cpu_seconds() noexcept;
    std::chrono::steady_clock::time_point started_{};
    double cpu_started_ = 0;
    double seconds_ = 0, cpu_seconds_ = 0;
};

/// Parses "1,2,4" into numbers. @throws std::invalid_argument.
std::vector<std::size_t> parse_number_list(std::string_view text);

}  // namespace ngosearch::bench
