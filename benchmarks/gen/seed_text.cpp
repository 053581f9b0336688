// SPDX-License-Identifier: GPL-2.0-or-later
#include "gen/seed_text.hpp"

#include <algorithm>
#include <array>
#include <fstream>
#include <map>
#include <sstream>
#include <stdexcept>

namespace ngosearch::bench {

namespace fs = std::filesystem;

namespace {

// Common Korean particles, longest first so that 에서는 wins over 는. A seed word is split into
// noun + particle only when at least two syllables remain.
constexpr std::array<std::string_view, 32> kParticles = {
    "에서는", "으로는", "에게는", "으로서", "으로써", "에서도", "까지는", "에서",
    "으로",   "에게",   "까지",   "부터",   "처럼",   "보다",   "에는",   "와는",
    "과는",   "이나",   "이며",   "이다",   "은",     "는",     "이",     "가",
    "을",     "를",     "에",     "의",     "도",     "만",     "로",     "와"};

std::size_t utf8_length(unsigned char lead) noexcept {
    if (lead < 0x80) return 1;
    if ((lead >> 5) == 0x6) return 2;
    if ((lead >> 4) == 0xe) return 3;
    if ((lead >> 3) == 0x1e) return 4;
    return 1;
}

bool is_hangul_syllable(std::string_view cp) noexcept {
    if (cp.size() != 3) return false;
    const auto b0 = static_cast<unsigned char>(cp[0]), b1 = static_cast<unsigned char>(cp[1]),
               b2 = static_cast<unsigned char>(cp[2]);
    const std::uint32_t c = ((b0 & 0x0fu) << 12) | ((b1 & 0x3fu) << 6) | (b2 & 0x3fu);
    return c >= 0xac00 && c <= 0xd7a3;
}

bool is_punctuation(std::string_view cp) noexcept {
    if (cp.size() == 1) {
        const char c = cp[0];
        return !(c >= '0' && c <= '9') && !(c >= 'a' && c <= 'z') && !(c >= 'A' && c <= 'Z') &&
               static_cast<unsigned char>(c) < 0x80;
    }
    static constexpr std::array<std::string_view, 16> kCjk = {
        "「", "」", "『", "』", "“", "”", "‘", "’", "·", "…", "《", "》", "〈", "〉", "ㆍ", "–"};
    return std::find(kCjk.begin(), kCjk.end(), cp) != kCjk.end();
}

bool has_letter_or_digit(std::string_view word) noexcept {
    for (const auto cp : code_points(word)) {
        if (!is_punctuation(cp)) return true;
    }
    return false;
}

bool ends_with(std::string_view s, std::string_view tail) noexcept {
    return s.size() >= tail.size() && s.substr(s.size() - tail.size()) == tail;
}

RankedWords rank(const std::map<std::string, std::uint64_t>& counts) {
    std::vector<std::pair<std::string, std::uint64_t>> v(counts.begin(), counts.end());
    // Ties in count keep the map's (byte) order: the ranking, and so the corpus, is
    // deterministic.
    std::stable_sort(v.begin(), v.end(),
                     [](const auto& a, const auto& b) { return a.second > b.second; });
    RankedWords r;
    double sum = 0;
    for (auto& [word, count] : v) {
        r.words.push_back(std::move(word));
        sum += static_cast<double>(count);
        r.cumulative.push_back(sum);
    }
    return r;
}

// The body of a seed file: front matter dropped, Markdown heading and list marks left to the
// tokenizer (they are punctuation-only tokens and are skipped).
std::string body_of(const std::string& text) {
    if (text.rfind("---\n", 0) == 0) {
        const auto end = text.find("\n---\n", 3);
        if (end != std::string::npos) return text.substr(end + 5);
    }
    return text;
}

struct Counts {
    std::map<std::string, std::uint64_t> english, nouns, particles, predicates, syllables;
};

bool all_hangul(std::string_view word) {
    for (const auto cp : code_points(word)) {
        if (!is_hangul_syllable(cp)) return false;
    }
    return !word.empty();
}

void learn_korean(std::string_view word, Counts& c) {
    if (!all_hangul(word)) return;
    for (const auto cp : code_points(word)) ++c.syllables[std::string(cp)];
    if (ends_with(word, "다")) {
        ++c.predicates[std::string(word)];
        return;
    }
    for (const auto particle : kParticles) {
        // At least two syllables (six bytes) left for the noun.
        if (ends_with(word, particle) && word.size() >= particle.size() + 6) {
            ++c.nouns[std::string(word.substr(0, word.size() - particle.size()))];
            ++c.particles[std::string(particle)];
            return;
        }
    }
    // Bare nouns are common in titles and lists; words ending in a connective are not nouns.
    static constexpr std::array<std::string_view, 8> kConnective = {"고",   "며",   "서", "면",
                                                                    "지만", "는데", "한", "된"};
    for (const auto tail : kConnective) {
        if (ends_with(word, tail)) return;
    }
    ++c.nouns[std::string(word)];
    ++c.particles[""];
}

}  // namespace

std::vector<std::string_view> code_points(std::string_view word) {
    std::vector<std::string_view> out;
    for (std::size_t i = 0; i < word.size();) {
        std::size_t n = utf8_length(static_cast<unsigned char>(word[i]));
        if (i + n > word.size()) n = 1;
        out.push_back(word.substr(i, n));
        i += n;
    }
    return out;
}

bool has_hangul(std::string_view word) noexcept {
    for (std::size_t i = 0; i + 3 <= word.size(); ++i) {
        if (is_hangul_syllable(word.substr(i, 3))) return true;
    }
    return false;
}

std::string_view strip_punctuation(std::string_view word) noexcept {
    while (!word.empty()) {
        const std::size_t n = utf8_length(static_cast<unsigned char>(word[0]));
        if (n > word.size() || !is_punctuation(word.substr(0, n))) break;
        word.remove_prefix(n);
    }
    while (!word.empty()) {
        std::size_t start = word.size() - 1;
        while (start > 0 && (static_cast<unsigned char>(word[start]) & 0xc0) == 0x80) --start;
        if (!is_punctuation(word.substr(start))) break;
        word = word.substr(0, start);
    }
    return word;
}

std::vector<fs::path> text_files(const fs::path& folder) {
    std::error_code ec;
    if (!fs::is_directory(folder, ec)) {
        throw std::runtime_error(folder.string() + " does not exist or is not a folder");
    }
    std::vector<fs::path> files;
    for (auto it = fs::recursive_directory_iterator(folder, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        const std::string name = it->path().filename().string();
        if (name.size() > 1 && name.front() == '.') {
            if (it->is_directory(ec)) it.disable_recursion_pending();
            continue;
        }
        const std::string ext = it->path().extension().string();
        if (it->is_regular_file(ec) && (ext == ".txt" || ext == ".md")) files.push_back(it->path());
    }
    if (ec) throw std::runtime_error("cannot list " + folder.string() + ": " + ec.message());
    std::sort(files.begin(), files.end());
    return files;
}

SeedText read_seed(const fs::path& folder) {
    const std::vector<fs::path> files = text_files(folder);
    SeedText seed;
    Counts counts;
    for (const auto& file : files) {
        std::ifstream in(file, std::ios::binary);
        std::stringstream buffer;
        buffer << in.rdbuf();
        const std::string text = body_of(buffer.str());
        ++seed.files;
        seed.bytes += text.size();
        std::istringstream lines(text);
        for (std::string line; std::getline(lines, line);) {
            std::vector<std::string> tokens;
            std::size_t korean = 0;
            std::istringstream words(line);
            for (std::string token; words >> token;) {
                if (!has_letter_or_digit(token)) continue;
                korean += has_hangul(token) ? 1 : 0;
                tokens.push_back(std::move(token));
            }
            const bool korean_line = 2 * korean > tokens.size();
            for (auto& token : tokens) {
                const std::string_view word = strip_punctuation(token);
                if (has_hangul(word))
                    learn_korean(word, counts);
                else if (!korean_line)
                    ++counts.english[std::string(word)];
                (korean_line ? seed.korean_tokens : seed.english_tokens)
                    .push_back(std::move(token));
            }
        }
    }
    seed.english = rank(counts.english);
    seed.korean_nouns = rank(counts.nouns);
    seed.korean_particles = rank(counts.particles);
    seed.korean_predicates = rank(counts.predicates);
    seed.syllables = rank(counts.syllables);
    // Enough to sample from: a few dozen of each is already thin, but works.
    if (seed.english.words.size() < 50 || seed.korean_nouns.words.size() < 50 ||
        seed.korean_predicates.words.size() < 5 || seed.english_tokens.size() < 500 ||
        seed.korean_tokens.size() < 500) {
        throw std::runtime_error(
            "seed folder " + folder.string() + " has too little text (" +
            std::to_string(seed.english.words.size()) + " English words, " +
            std::to_string(seed.korean_nouns.words.size()) + " Korean nouns, " +
            std::to_string(seed.korean_predicates.words.size()) +
            " Korean predicates): give it more English and Korean .txt or .md documents");
    }
    return seed;
}

}  // namespace ngosearch::bench
