// SPDX-License-Identifier: GPL-2.0-or-later
#include "bench/common.hpp"
#include "gen/seed_text.hpp"

#include <time.h>

#include <algorithm>
#include <charconv>
#include <fstream>

namespace ngosearch::bench {

namespace fs = std::filesystem;

void check(bool ok, const std::string& what) {
    if (!ok) throw CountCheckFailed("count check failed: " + what);
}

std::vector<fs::path> corpus_files(const fs::path& root) { return text_files(root); }

void write_list(const fs::path& file, const std::vector<fs::path>& paths) {
    std::ofstream out(file);
    for (const auto& p : paths) out << p.string() << '\n';
    if (!out) throw std::runtime_error("cannot write " + file.string());
}

std::vector<fs::path> read_list(const fs::path& file) {
    std::ifstream in(file);
    if (!in) throw std::runtime_error("cannot read " + file.string());
    std::vector<fs::path> paths;
    for (std::string line; std::getline(in, line);) {
        if (!line.empty()) paths.emplace_back(line);
    }
    return paths;
}

std::uint64_t count_words(std::string_view text) noexcept {
    std::uint64_t words = 0;
    bool in_word = false, has_letter = false;
    for (const char ch : text) {
        const auto c = static_cast<unsigned char>(ch);
        if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
            if (in_word && has_letter) ++words;
            in_word = has_letter = false;
            continue;
        }
        in_word = true;
        if (c >= 0x80 || (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z'))
            has_letter = true;
    }
    if (in_word && has_letter) ++words;
    return words;
}

double Stopwatch::process_cpu_seconds() noexcept {
    timespec t{};
    ::clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) * 1e-9;
}

std::uint64_t directory_bytes(const fs::path& dir) {
    std::uint64_t bytes = 0;
    std::error_code ec;
    for (auto it = fs::recursive_directory_iterator(dir, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (it->is_regular_file(ec)) bytes += it->file_size(ec);
    }
    return bytes;
}

std::vector<std::size_t> parse_number_list(std::string_view text) {
    std::vector<std::size_t> out;
    while (!text.empty()) {
        const auto comma = text.find(',');
        const std::string_view item = text.substr(0, comma);
        std::size_t n = 0;
        const auto [end, ec] = std::from_chars(item.data(), item.data() + item.size(), n);
        if (ec != std::errc() || end != item.data() + item.size() || n == 0) {
            throw std::invalid_argument("bad number '" + std::string(item) + "' in list '" +
                                        std::string(text) + "'");
        }
        out.push_back(n);
        if (comma == std::string_view::npos) break;
        text.remove_prefix(comma + 1);
    }
    if (out.empty()) throw std::invalid_argument("empty list");
    return out;
}

}  // namespace ngosearch::bench
