// SPDX-License-Identifier: GPL-2.0-or-later
// ngosearch-corpusgen: writes a bilingual Korean/English benchmark corpus of any size, seeded
// from a folder of real documents. Word choice is Zipfian over an open vocabulary (see
// vocabulary.hpp), so distinct words keep growing with size (Heaps' law); the number of
// distinct words is printed at 1, 10, 100 MB, … The same seed and seed folder write the same
// bytes.
//
//     ngosearch-corpusgen --out bench-corpus --size 200M [--seed-dir DIR] [--seed 1]
#include <algorithm>
#include <array>
#include <charconv>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <numbers>
#include <stdexcept>
#include <string>
#include <unordered_set>
#include <vector>

#include "gen/random.hpp"
#include "gen/seed_text.hpp"
#include "gen/vocabulary.hpp"

#ifndef NGOSEARCH_DEFAULT_SEED_DIR
#define NGOSEARCH_DEFAULT_SEED_DIR "corpus"
#endif

namespace fs = std::filesystem;
using namespace ngosearch::bench;

namespace {

struct Options {
    fs::path out;
    fs::path seed_dir = NGOSEARCH_DEFAULT_SEED_DIR;
    std::uint64_t bytes = 0;
    std::uint64_t seed = 1;
    double korean = 0.45;  // share of Korean documents
    double mixed = 0.10;   // share of mixed documents; the rest is English
    bool quiet = false;
};

// Text is a mixture: runs of the seed's own text (its word frequencies and word order) and
// words of the open vocabulary beyond the seed's, drawn Zipf-wise. The share of the seed and the
// exponent of the tail set how fast distinct words grow: with an exponent s above 1 they grow as
// a power 1/s of the corpus size (Heaps' law), as in real text.
constexpr double kEnglishSeedShare = 0.80;
constexpr double kKoreanSeedShare = 0.70;
constexpr double kTailExponent = 1.2;
constexpr std::uint64_t kVocabularyRanks = 1ull << 40;

constexpr std::array<std::string_view, 7> kTypes = {
    "letter", "statement", "press-release", "report", "open-letter", "submission", "briefing"};

[[noreturn]] void usage_error(const std::string& message) {
    throw std::invalid_argument(message +
                                "\nusage: ngosearch-corpusgen --out DIR --size SIZE "
                                "[--seed-dir DIR] [--seed N] [--korean F] [--mixed F] [--quiet]\n"
                                "  SIZE in bytes, or with K, M or G (1024-based): 200M, 1G");
}

std::uint64_t parse_size(std::string_view s) {
    std::uint64_t n = 0;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), n);
    if (ec != std::errc() || end == s.data()) usage_error("bad size '" + std::string(s) + "'");
    const std::string_view unit(end, s.data() + s.size() - end);
    if (unit.empty() || unit == "B") return n;
    if (unit == "K" || unit == "k") return n << 10;
    if (unit == "M" || unit == "m") return n << 20;
    if (unit == "G" || unit == "g") return n << 30;
    usage_error("bad size unit '" + std::string(unit) + "'");
}

double parse_share(std::string_view s) {
    try {
        const double v = std::stod(std::string(s));
        if (v >= 0 && v <= 1) return v;
    } catch (const std::exception&) {
    }
    usage_error("a share must be a number from 0 to 1, not '" + std::string(s) + "'");
}

Options parse_options(int argc, char** argv) {
    Options o;
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        auto value = [&]() -> std::string_view {
            if (i + 1 >= argc) usage_error(std::string(arg) + " needs a value");
            return argv[++i];
        };
        if (arg == "--out")
            o.out = value();
        else if (arg == "--size")
            o.bytes = parse_size(value());
        else if (arg == "--seed-dir")
            o.seed_dir = value();
        else if (arg == "--seed")
            o.seed = parse_size(value());
        else if (arg == "--korean")
            o.korean = parse_share(value());
        else if (arg == "--mixed")
            o.mixed = parse_share(value());
        else if (arg == "--quiet")
            o.quiet = true;
        else if (arg == "--help" || arg == "-h")
            usage_error("writes a benchmark corpus");
        else
            usage_error("unknown option '" + std::string(arg) + "'");
    }
    if (o.out.empty()) usage_error("--out is required");
    if (o.bytes == 0) usage_error("--size is required (and not 0)");
    if (o.korean + o.mixed > 1) usage_error("--korean plus --mixed must not exceed 1");
    return o;
}

// Distinct words as an index would see them, roughly: punctuation stripped, ASCII lower-cased,
// Korean words as written (particles attached). Hashes, not strings: 8 bytes per word.
class DistinctCounter {
  public:
    void add(std::string_view token, bool korean) {
        const std::string_view w = strip_punctuation(token);
        if (w.empty()) return;
        std::uint64_t h = 0xcbf29ce484222325ull;
        for (const char c : w) {
            const auto u = static_cast<unsigned char>(c);
            h = (h ^ (u >= 'A' && u <= 'Z' ? u + 32 : u)) * 0x100000001b3ull;
        }
        ++words_;
        if (all_.insert(h).second) ++(korean ? korean_ : english_);
    }
    std::uint64_t words() const noexcept { return words_; }
    std::size_t distinct() const noexcept { return all_.size(); }
    std::size_t korean() const noexcept { return korean_; }
    std::size_t english() const noexcept { return english_; }

  private:
    std::unordered_set<std::uint64_t> all_;
    std::uint64_t words_ = 0;
    std::size_t korean_ = 0, english_ = 0;
};

class CorpusWriter {
  public:
    CorpusWriter(const SeedText& seed, const Options& options)
        : seed_(seed),
          rng_(mix64(options.seed)),
          vocabulary_(seed, options.seed),
          english_(kVocabularyRanks, kTailExponent, seed.english.words.size() + 1),
          nouns_(kVocabularyRanks, kTailExponent, seed.korean_nouns.words.size() + 1),
          predicates_(seed.korean_predicates.words.size(), 1.0) {}

    // One document of the given language ("en", "ko", "mixed"), about `target` bytes.
    std::string document(std::string_view lang, std::size_t target) {
        text_.clear();
        const bool korean_title = lang == "ko" || (lang == "mixed" && rng_.chance(0.5));
        std::string title;
        if (korean_title)
            korean_sentence(title, rng_.between(4, 9), false);
        else
            english_sentence(title, rng_.between(5, 12), false);
        const int year = static_cast<int>(rng_.between(1995, 2025));
        char date[16];
        std::snprintf(date, sizeof date, "%04d-%02d-%02d", year,
                      static_cast<int>(rng_.between(1, 12)), static_cast<int>(rng_.between(1, 28)));
        text_ += "---\ntitle: " + title + "\ndate: " + date +
                 "\ntype: " + std::string(kTypes[rng_.below(kTypes.size())]) +
                 "\nlang: " + std::string(lang) + "\n---\n\n# " + title + "\n\n";
        bool korean = lang == "ko";
        while (text_.size() < target) {
            if (lang == "mixed") korean = !korean;
            const int sentences = static_cast<int>(rng_.between(2, 6));
            for (int s = 0; s < sentences; ++s) {
                if (korean)
                    korean_sentence(text_, rng_.between(6, 16), true);
                else
                    english_sentence(text_, rng_.between(8, 26), true);
                text_ += ' ';
            }
            text_.back() = '\n';
            text_ += '\n';
        }
        return text_;
    }

    Rng& rng() noexcept { return rng_; }
    DistinctCounter& counter() noexcept { return counter_; }

  private:
    void append(std::string& out, std::string_view token, bool korean, bool count) {
        if (!out.empty() && out.back() != '\n' && out.back() != ' ') out += ' ';
        out += token;
        if (count) counter_.add(token, korean);
    }

    // A run of words copied from the seed, as written: names, titles of laws, collocations.
    // Lengths are geometric, 3 on average.
    void seed_run(std::string& out, const std::vector<std::string>& tokens, bool korean, bool count,
                  std::int64_t& left) {
        std::int64_t n = 1;
        while (n < left && rng_.chance(2.0 / 3.0)) ++n;
        const std::size_t start = rng_.below(tokens.size() - static_cast<std::size_t>(n));
        for (std::int64_t i = 0; i < n; ++i)
            append(out, tokens[start + static_cast<std::size_t>(i)], korean, count);
        left -= n;
    }

    void english_sentence(std::string& out, std::int64_t words, bool count) {
        const std::size_t first =
            out.size() + (out.empty() || out.back() == '\n' || out.back() == ' ' ? 0 : 1);
        while (words > 0) {
            if (rng_.chance(kEnglishSeedShare)) {
                seed_run(out, seed_.english_tokens, false, count, words);
                continue;
            }
            std::string w = vocabulary_.english(english_(rng_));
            if (words > 1 && rng_.chance(0.06)) w += ',';
            append(out, w, false, count);
            --words;
        }
        if (first < out.size())
            out[first] = static_cast<char>(std::toupper(static_cast<unsigned char>(out[first])));
        if (count) out += '.';
    }

    void korean_sentence(std::string& out, std::int64_t words, bool count) {
        while (words > 1) {
            if (rng_.chance(kKoreanSeedShare)) {
                std::int64_t left = words - 1;  // the last word is a predicate
                seed_run(out, seed_.korean_tokens, true, count, left);
                words = left + 1;
                continue;
            }
            std::string w = vocabulary_.korean_noun(nouns_(rng_));
            w += seed_.korean_particles
                     .words[pick_weighted(rng_, seed_.korean_particles.cumulative)];
            if (rng_.chance(0.05)) w += ',';
            append(out, w, true, count);
            --words;
        }
        if (count) {
            append(out, seed_.korean_predicates.words[predicates_(rng_) - 1], true, count);
            if (out.back() != '.') out += '.';
        }
    }

    const SeedText& seed_;
    Rng rng_;
    Vocabulary vocabulary_;
    ZipfSampler english_, nouns_, predicates_;  // english_, nouns_: ranks past the seed's
    DistinctCounter counter_;
    std::string text_;
};

void prepare_output(const fs::path& out) {
    std::error_code ec;
    if (fs::exists(out, ec) && !fs::is_empty(out, ec)) {
        throw std::runtime_error("output folder " + out.string() +
                                 " is not empty: give a new or empty folder");
    }
    fs::create_directories(out, ec);
    if (ec) throw std::runtime_error("cannot create " + out.string() + ": " + ec.message());
}

void write_file(const fs::path& file, const std::string& text) {
    std::ofstream f(file, std::ios::binary);
    f.write(text.data(), static_cast<std::streamsize>(text.size()));
    if (!f) throw std::runtime_error("cannot write " + file.string());
}

int run(const Options& options) {
    const auto started = std::chrono::steady_clock::now();
    const SeedText seed = read_seed(options.seed_dir);
    if (!options.quiet) {
        std::cout << "seed: " << seed.files << " files, " << seed.bytes << " bytes; "
                  << seed.english.words.size() << " English words, "
                  << seed.korean_nouns.words.size() << " Korean nouns, "
                  << seed.korean_particles.words.size() << " particles, "
                  << seed.korean_predicates.words.size() << " predicates\n";
    }
    prepare_output(options.out);
    CorpusWriter writer(seed, options);

    std::uint64_t written = 0, documents = 0;
    std::array<std::uint64_t, 3> per_lang{};  // en, ko, mixed
    constexpr std::array<std::string_view, 3> kLangs = {"en", "ko", "mixed"};
    std::uint64_t next_checkpoint = 1ull << 20;
    std::cout << "      size  documents        words   distinct  (English  Korean)  Heaps β\n";
    double last_words = 0, last_distinct = 0;
    auto report = [&]() {
        const auto& c = writer.counter();
        std::cout << std::setw(8) << std::fixed << std::setprecision(1) << written / 1048576.0
                  << " MB" << std::setw(11) << documents << std::setw(13) << c.words()
                  << std::setw(11) << c.distinct() << "  (" << std::setw(7) << c.english()
                  << std::setw(8) << c.korean() << ")";
        if (last_words > 0 && c.words() > last_words) {
            std::cout << std::setw(9) << std::setprecision(2)
                      << std::log(c.distinct() / last_distinct) / std::log(c.words() / last_words);
        }
        std::cout << '\n';
        last_words = static_cast<double>(c.words());
        last_distinct = static_cast<double>(c.distinct());
    };
    while (written < options.bytes) {
        const double r = writer.rng().uniform();
        const std::size_t lang = r < options.korean                   ? 1
                                 : r < options.korean + options.mixed ? 2
                                                                      : 0;
        // Lognormal sizes around 6 KB, 2–20 KB: letters, statements, the odd long report.
        const double z = std::sqrt(-2.0 * std::log(1.0 - writer.rng().uniform())) *
                         std::cos(2.0 * std::numbers::pi * writer.rng().uniform());
        const auto target = static_cast<std::size_t>(
            std::clamp(std::exp(std::log(6000.0) + 0.6 * z), 2000.0, 20000.0));
        const std::string text = writer.document(kLangs[lang], target);
        const std::uint64_t n = per_lang[lang]++;
        char name[64];
        std::snprintf(name, sizeof name, "%04llu", static_cast<unsigned long long>(n / 1000));
        const fs::path folder = options.out / std::string(kLangs[lang]) / name;
        if (n % 1000 == 0) fs::create_directories(folder);
        std::snprintf(name, sizeof name, "%s-%07llu.%s", std::string(kLangs[lang]).c_str(),
                      static_cast<unsigned long long>(n), writer.rng().chance(0.3) ? "txt" : "md");
        write_file(folder / name, text);
        written += text.size();
        ++documents;
        if (written >= next_checkpoint) {
            report();
            while (next_checkpoint <= written) next_checkpoint *= 10;
        }
    }
    report();
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    std::cout << "wrote " << documents << " documents (" << per_lang[0] << " en, " << per_lang[1]
              << " ko, " << per_lang[2] << " mixed), " << written << " bytes in "
              << std::setprecision(1) << seconds << " s (" << written / 1048576.0 / seconds
              << " MB/s) to " << options.out.string() << '\n';
    return 0;
}

}  // namespace

int main(int argc, char** argv) try {
    return run(parse_options(argc, argv));
} catch (const std::invalid_argument& e) {
    std::cerr << "ngosearch-corpusgen: error: " << e.what() << '\n';
    return 2;
} catch (const std::exception& e) {
    std::cerr << "ngosearch-corpusgen: error: " << e.what() << '\n';
    return 1;
}
