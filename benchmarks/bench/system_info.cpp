// SPDX-License-Identifier: GPL-2.0-or-later
#include "bench/system_info.hpp"

#include <sys/utsname.h>

#include <chrono>
#include <ctime>
#include <fstream>
#include <ngosearch/analysis/korean_lexicon.hpp>
#include <ngosearch/version.hpp>
#include <string>
#include <thread>

#include "bench/child_process.hpp"

#ifndef NGOSEARCH_BENCH_BUILD_TYPE
#define NGOSEARCH_BENCH_BUILD_TYPE "unknown"
#endif

namespace ngosearch::bench {

namespace {

std::string proc_field(const char* file, std::string_view key) {
    std::ifstream in(file);
    for (std::string line; std::getline(in, line);) {
        if (line.rfind(key, 0) != 0) continue;
        const auto colon = line.find(':');
        if (colon == std::string::npos) continue;
        const auto start = line.find_first_not_of(" \t", colon + 1);
        return start == std::string::npos ? std::string() : line.substr(start);
    }
    return {};
}

// The Debian package version of the lexicon's dictionary, when dpkg knows it.
std::string lexicon_package() {
    const auto dpkg = find_in_path("dpkg-query");
    if (dpkg.empty()) return {};
    try {
        const ChildResult r = run_child({dpkg.string(), "-W", "-f=${Version}", "hunspell-ko"});
        return r.exit_code == 0 && !r.out.empty() ? " (hunspell-ko " + r.out + ")" : std::string();
    } catch (const std::exception&) {
        return {};
    }
}

}  // namespace

double load_average() {
    std::ifstream in("/proc/loadavg");
    double load = -1;
    in >> load;
    return load;
}

nlohmann::json system_info() {
    utsname u{};
    ::uname(&u);
    const std::time_t now = std::time(nullptr);
    char date[32];
    std::strftime(date, sizeof date, "%Y-%m-%d %H:%M:%S UTC", std::gmtime(&now));
    const std::string mem = proc_field("/proc/meminfo", "MemTotal");
    return {
        {"date", date},
        {"cpu", proc_field("/proc/cpuinfo", "model name")},
        {"hardware_threads", std::thread::hardware_concurrency()},
        {"memory", mem},
        {"kernel", std::string(u.sysname) + " " + u.release},
        {"compiler", std::string("g++ ") + __VERSION__},
        {"build_type", NGOSEARCH_BENCH_BUILD_TYPE},
        {"ngosearch", std::string(version_string())},
        {"libraries", std::string(dependency_versions())},
        {"korean_lexicon", analysis::KoreanLexicon::system_default()->name() + lexicon_package()},
        {"load_average_start", load_average()}};
}

}  // namespace ngosearch::bench
