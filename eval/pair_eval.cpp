// SPDX-License-Identifier: GPL-2.0-or-later
// Korean retrieval on a line-aligned South Korean / North Korean pair: ngosearch against plain
// Xapian and Xapian's CJK n-gram mode, all built and queried in the same run.
//
//     ngosearch_pair_eval [--limit-lines N] [--queries-per-set N] [--show N] SK_FILE NK_FILE
//
// Line i of SK_FILE is a sentence in South Korean spelling and spacing, line i of NK_FILE the
// same sentence in North Korean ones. One line is one document (id = its line number, from 1).
// Queries are made from the SK lines (pair_queries.hpp); the query from line i has document i as
// its one relevant answer, in the SK index and in the NK index.
#include <xapian.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <exception>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <thread>
#include <tuple>
#include <vector>

#include <ngosearch/ngosearch.hpp>

#include "hunspell_stemmer.hpp"
#include "ko_nouns.hpp"
#include "pair_queries.hpp"
#include "schemes.hpp"

namespace fs = std::filesystem;
using eval::kNk;
using eval::kSk;
using eval::Query;

namespace {

constexpr std::size_t kTop = 10;
constexpr std::size_t kCommonNouns = 200;
constexpr std::size_t kExamples = 3;
constexpr const char* kSideNames[] = {"SK", "NK"};
// Seeds of the samples that cap the query sets (std::mt19937: the same sample everywhere).
constexpr std::uint32_t kLexiconSeed[] = {1, 2};
constexpr std::uint32_t kParticleSeed = 3;

struct UsageError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

struct Options {
    std::size_t limit_lines = 2000;
    std::size_t queries_per_set = 600;
    std::size_t show = 0;
    bool stemmers = false;  // also ngosearch with hunspell-based Korean stemmers
    fs::path sk, nk;
};

constexpr const char* kUsage =
    "usage: ngosearch_pair_eval [--limit-lines N] [--queries-per-set N] [--show N]\n"
    "                           SK_FILE NK_FILE\n"
    "  SK_FILE, NK_FILE  line-aligned UTF-8 text: line i of NK_FILE is line i of SK_FILE in\n"
    "                    North Korean spelling and spacing; one line is one document\n"
    "  --limit-lines N       use the first N lines of each (default 2000)\n"
    "  --queries-per-set N   at most N queries per query set and side (default 600)\n"
    "  --show N              list up to N queries per set and side that ngosearch ranks below 1\n"
    "  --stemmers            also ngosearch with Korean stemmers on libhunspell (hunspell-ko's\n"
    "                        affix rules), alone and after ngosearch's ending rules\n";

std::size_t parse_count(const std::string& option, const std::string& value, std::size_t min) {
    std::size_t n = 0;
    const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), n);
    if (ec != std::errc() || end != value.data() + value.size() || n < min) {
        throw UsageError(option + " needs a whole number of at least " + std::to_string(min) +
                         ", not '" + value + "'");
    }
    return n;
}

Options parse_args(const std::vector<std::string>& args) {
    Options o;
    std::vector<std::string> files;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (a == "--limit-lines" || a == "--queries-per-set" || a == "--show") {
            if (i + 1 == args.size()) throw UsageError(a + " needs a value");
            const std::string& v = args[++i];
            if (a == "--limit-lines") o.limit_lines = parse_count(a, v, 1);
            if (a == "--queries-per-set") o.queries_per_set = parse_count(a, v, 1);
            if (a == "--show") o.show = parse_count(a, v, 0);
        } else if (a == "--stemmers") {
            o.stemmers = true;
        } else if (a.size() > 1 && a.front() == '-') {
            throw UsageError("unknown option " + a);
        } else {
            files.push_back(a);
        }
    }
    if (files.size() != 2) throw UsageError("expected SK_FILE and NK_FILE");
    o.sk = files[0];
    o.nk = files[1];
    return o;
}

std::vector<std::string> read_lines(const fs::path& path, std::size_t limit) {
    if (!fs::exists(path)) throw std::runtime_error(path.string() + ": no such file");
    if (fs::is_directory(path)) throw std::runtime_error(path.string() + " is a folder");
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read " + path.string());
    std::vector<std::string> lines;
    for (std::string line; lines.size() < limit && std::getline(in, line);) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (lines.empty() && line.starts_with("\xEF\xBB\xBF")) line.erase(0, 3);
        lines.push_back(std::move(line));
    }
    if (in.bad()) throw std::runtime_error("cannot read " + path.string());
    // Blank lines at the end of a file are not sentences; keeping them could misalign the pair.
    if (in.eof()) {
        while (!lines.empty() && lines.back().empty()) lines.pop_back();
    }
    if (lines.empty()) throw std::runtime_error(path.string() + " has no lines");
    return lines;
}

std::size_t bytes_of(const std::vector<std::string>& lines) {
    std::size_t n = 0;
    for (const auto& l : lines) n += l.size();
    return n;
}

double seconds_since(std::chrono::steady_clock::time_point t0) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

// Each index is built on a fresh thread: ngosearch caches Korean stems per thread, and an index
// built after another one on the same thread would be timed with a cache a real run lacks.
double timed_build(eval::Scheme& scheme, const std::vector<ngosearch::Document>& docs,
                   const fs::path& dir) {
    double seconds = 0;
    std::exception_ptr error;
    std::thread worker([&] {
        try {
            const auto t0 = std::chrono::steady_clock::now();
            scheme.build(docs, dir);
            seconds = seconds_since(t0);
        } catch (...) {
            error = std::current_exception();
        }
    });
    worker.join();
    if (error) std::rethrow_exception(error);
    return seconds;
}

struct QuerySet {
    std::string name;
    eval::BySide queries;
};

// One row of the table: a scheme queried one way.
struct Run {
    std::string label;
    std::size_t scheme;  // index into the schemes of a side (see make_schemes)
    bool all;
    bool fallback;       // ngosearch: the Korean bigram fallback on
};

// Schemes 0..2 are always there (the size table compares with scheme 2, the n-gram index).
constexpr std::size_t kNgosearch = 0, kNgram = 2;

std::vector<std::unique_ptr<eval::Scheme>> make_schemes(const Options& opt) {
    std::vector<std::unique_ptr<eval::Scheme>> schemes;
    schemes.push_back(std::make_unique<eval::NgosearchScheme>());
    schemes.push_back(std::make_unique<eval::XapianScheme>(false));
    schemes.push_back(std::make_unique<eval::XapianScheme>(true));
    if (opt.stemmers) {
        const fs::path dic = eval::korean_dictionary_path();
        schemes.push_back(std::make_unique<eval::NgosearchScheme>(
            eval::hunspell_analyzer(dic, eval::HunspellMode::Alone), "ngs-hunspell"));
        schemes.push_back(std::make_unique<eval::NgosearchScheme>(
            eval::hunspell_analyzer(dic, eval::HunspellMode::AfterRules), "ngs-rules+hun"));
    }
    return schemes;
}

std::vector<Run> make_runs(const Options& opt) {
    std::vector<Run> runs{{"ngosearch", 0, true, true},
                          {"ngosearch-any", 0, false, true},
                          {"ngosearch-exact", 0, true, false},
                          {"xapian-plain", 1, false, true},
                          {"xapian-ngram", 2, false, true}};
    if (opt.stemmers) {
        runs.push_back({"ngs-hunspell", 3, true, true});
        runs.push_back({"ngs-rules+hun", 4, true, true});
        // Without the fallback, which hides what a stemmer misses.
        runs.push_back({"hunspell-exact", 3, true, false});
        runs.push_back({"rules+hun-exact", 4, true, false});
    }
    return runs;
}

constexpr std::size_t kNgramRun = 4;

using Lines = std::array<const std::vector<std::string>*, 2>;

struct Outcome {
    std::size_t rank = 0;   // 1-based; 0 = not in the top kTop
    std::size_t hits = 0;   // returned (at most kTop)
    std::size_t total = 0;  // matching documents (estimated by Xapian)
    std::optional<std::string> error;
};

Outcome ask(eval::Scheme& scheme, const Query& q, bool all) {
    Outcome o;
    try {
        const auto [ids, total] = scheme.search(q.text, kTop, all);
        const std::string target = std::to_string(q.line + 1);
        o.hits = ids.size();
        o.total = total;
        for (std::size_t i = 0; i < ids.size() && !o.rank; ++i) {
            if (ids[i] == target) o.rank = i + 1;
        }
    } catch (const ngosearch::QueryError& e) {
        o.error = e.what();
    } catch (const Xapian::QueryParserError& e) {
        o.error = e.get_description();
    }
    return o;
}

// results[set][side][run][query]
using Results = std::vector<std::array<std::vector<std::vector<Outcome>>, 2>>;

struct Build {
    double seconds = 0;
    std::uintmax_t bytes = 0, bytes_without_data = 0;
    std::uintmax_t bytes_without_bigrams = 0;  // ngosearch: compacted, without its "XG" terms
};

std::vector<ngosearch::Document> documents(const std::vector<std::string>& lines) {
    std::vector<ngosearch::Document> docs;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        docs.push_back({.id = std::to_string(i + 1), .body = lines[i], .language = "ko"});
    }
    return docs;
}

std::string describe(const Outcome& o) {
    if (o.error) return "query error: " + *o.error;
    if (o.hits == 0) return "no hits";
    const std::string matches =
        " (" + std::to_string(o.total) + (o.total == 1 ? " match)" : " matches)");
    if (o.rank == 0) return "not in the top " + std::to_string(kTop) + matches;
    return "rank " + std::to_string(o.rank) + matches;
}

std::vector<QuerySet> make_query_sets(const std::vector<std::string>& sk,
                                      const std::vector<std::string>& nk, std::size_t cap) {
    std::vector<QuerySet> sets;
    const fs::path dic = eval::korean_dictionary_path();
    try {
        const eval::KoreanNouns nouns = eval::read_korean_nouns(dic);
        std::printf("Korean nouns: %zu of %zu Hangul entries of %s; the %zu found in the most "
                    "lines are never query words\n",
                    nouns.words.size(), nouns.hangul_entries, dic.string().c_str(), kCommonNouns);
        const eval::NounReader reader(nouns.words);
        eval::BySide q = eval::lexicon_queries(reader, sk, nk, kCommonNouns);
        for (const auto side : {kSk, kNk}) {
            q[side] = eval::cap(std::move(q[side]), cap, kLexiconSeed[side]);
        }
        sets.push_back({"lexicon", std::move(q)});
    } catch (const std::runtime_error& e) {
        std::cout << "lexicon set skipped: " << e.what() << '\n';
    }
    const auto particle = eval::cap(eval::particle_queries(sk), cap, kParticleSeed);
    sets.push_back({"particle-list", {particle, particle}});
    return sets;
}

void print_query_sets(const std::vector<QuerySet>& sets, const Lines& lines, std::size_t cap) {
    std::printf("queries: two words from SK line i; document i is the one relevant answer on "
                "both sides; top %zu; at most %zu per set and side\n",
                kTop, cap);
    for (const auto& s : sets) {
        std::printf("  %-14s SK %zu, NK %zu\n", s.name.c_str(), s.queries[kSk].size(),
                    s.queries[kNk].size());
    }
    for (const auto& s : sets) {
        for (const auto side : {kSk, kNk}) {
            const auto& qs = s.queries[side];
            for (std::size_t k = 0; k < std::min(kExamples, qs.size()); ++k) {
                std::printf("  e.g. %s %s line %zu: %s\n", s.name.c_str(), kSideNames[side],
                            qs[k].line + 1,
                            eval::in_context(qs[k].text, (*lines[side])[qs[k].line]).c_str());
            }
        }
    }
}

// Builds each scheme's index of one side and runs every query set against it.
void run_side(eval::Side side, const std::vector<std::string>& lines,
              const std::vector<QuerySet>& sets, const Options& opt, const fs::path& tmp,
              Results& results, std::vector<Build>& builds, std::vector<std::string>& names) {
    const auto docs = documents(lines);
    const auto schemes = make_schemes(opt);
    names.clear();
    for (std::size_t k = 0; k < schemes.size(); ++k) {
        names.push_back(schemes[k]->name());
        const fs::path dir = tmp / (std::string(kSideNames[side]) + "-" + std::to_string(k));
        Build b;
        b.seconds = timed_build(*schemes[k], docs, dir);
        std::tie(b.bytes, b.bytes_without_data) = eval::index_bytes(dir);
        if (k == kNgosearch) b.bytes_without_bigrams = eval::index_bytes_without(dir, "XG");
        builds.push_back(b);
    }
    for (std::size_t s = 0; s < sets.size(); ++s) {
        for (const auto& run : make_runs(opt)) {
            std::vector<Outcome> out;
            if (auto* ngs = dynamic_cast<eval::NgosearchScheme*>(schemes[run.scheme].get())) {
                ngs->set_fallback(run.fallback);
            }
            for (const auto& q : sets[s].queries[side]) {
                out.push_back(ask(*schemes[run.scheme], q, run.all));
            }
            results[s][side].push_back(std::move(out));
        }
    }
}

void print_scores(const std::vector<QuerySet>& sets, const Results& results,
                  const std::vector<Run>& runs) {
    std::printf("\n%-14s %-4s %-15s %7s %9s %7s %9s %15s %7s %5s\n", "set", "side", "scheme",
                "MRR@10", "recall@10", "P@hits", "avg.match", "zero-hit", "errors", "n");
    for (std::size_t s = 0; s < sets.size(); ++s) {
        for (const auto side : {kSk, kNk}) {
            for (std::size_t r = 0; r < runs.size(); ++r) {
                double rr = 0, precision = 0, matches = 0;
                std::size_t found = 0, zero = 0, errors = 0;
                const auto& out = results[s][side][r];
                for (const auto& o : out) {
                    if (o.rank) rr += 1.0 / static_cast<double>(o.rank);
                    found += o.rank != 0;
                    zero += o.hits == 0;
                    errors += o.error.has_value();
                    // One relevant document: precision over the hits returned is 1/hits or 0.
                    if (o.rank) precision += 1.0 / static_cast<double>(o.hits);
                    matches += static_cast<double>(o.total);
                }
                const double n = out.empty() ? 1.0 : static_cast<double>(out.size());
                std::printf("%-14s %-4s %-15s %7.3f %9.3f %7.3f %9.1f %6.1f%% (%5zu) %7zu %5zu\n",
                            sets[s].name.c_str(), kSideNames[side], runs[r].label.c_str(), rr / n,
                            static_cast<double>(found) / n, precision / n, matches / n,
                            100.0 * static_cast<double>(zero) / n, zero, errors, out.size());
            }
        }
    }
    std::cout << "(ngosearch-exact: default mode without the Korean bigram fallback; P@hits: "
                 "precision over the hits returned, at most 10; avg.match: mean number of "
                 "matching documents; zero-hit: queries with no hit at all; errors: queries the "
                 "scheme refused, counted as zero-hit)\n";
}

void print_builds(const std::array<std::vector<Build>, 2>& builds, const Lines& lines,
                  const std::vector<std::string>& names) {
    std::printf("\n%-14s %-4s %9s %7s %12s %9s %15s %9s\n", "index", "side", "index s", "MB/s",
                "bytes", "vs n-gram", "without stored", "vs n-gram");
    for (const auto side : {kSk, kNk}) {
        const Build& ngram = builds[side][kNgram];
        const double mb = static_cast<double>(bytes_of(*lines[side])) / 1e6;
        for (std::size_t k = 0; k < builds[side].size(); ++k) {
            const Build& b = builds[side][k];
            std::printf("%-14s %-4s %9.3f %7.2f %12ju %8.2fx %15ju %8.2fx\n", names[k].c_str(),
                        kSideNames[side], b.seconds, b.seconds > 0 ? mb / b.seconds : 0.0,
                        b.bytes, static_cast<double>(b.bytes) / static_cast<double>(ngram.bytes),
                        b.bytes_without_data,
                        static_cast<double>(b.bytes_without_data) /
                            static_cast<double>(ngram.bytes_without_data));
        }
    }
    for (const auto side : {kSk, kNk}) {
        const Build& b = builds[side][kNgosearch];
        std::printf("ngosearch %s without its Korean bigram terms: %ju bytes; the fallback "
                    "takes %.1f%% of the index\n",
                    kSideNames[side], b.bytes_without_bigrams,
                    100.0 * (1.0 - static_cast<double>(b.bytes_without_bigrams) /
                                       static_cast<double>(b.bytes)));
    }
    std::cout << "(one ngosearch index serves all of its modes; sizes after compaction; "
                 "\"without stored\" leaves out the stored document data; MB = 10^6 bytes of "
                 "the lines)\n";
}

// For debugging the analyzer: the queries ngosearch's default mode does not rank first.
void print_misses(const std::vector<QuerySet>& sets, const Results& results, const Lines& lines,
                  std::size_t show) {
    std::printf("\nqueries that ngosearch (default mode) ranks below 1, up to %zu per set and "
                "side:\n",
                show);
    for (std::size_t s = 0; s < sets.size(); ++s) {
        for (const auto side : {kSk, kNk}) {
            std::printf("%s %s:\n", sets[s].name.c_str(), kSideNames[side]);
            const auto& qs = sets[s].queries[side];
            const auto& by_run = results[s][side];
            for (std::size_t i = 0, shown = 0; i < qs.size() && shown < show; ++i) {
                if (by_run[0][i].rank == 1) continue;
                ++shown;
                std::printf("  line %zu: %s; ngosearch-any %s; xapian-ngram %s\n    %s\n",
                            qs[i].line + 1, describe(by_run[0][i]).c_str(),
                            describe(by_run[1][i]).c_str(),
                            describe(by_run[kNgramRun][i]).c_str(),
                            eval::in_context(qs[i].text, (*lines[side])[qs[i].line]).c_str());
            }
        }
    }
}

}  // namespace

int main(int argc, char** argv) try {
    const auto t_start = std::chrono::steady_clock::now();
    Options opt;
    try {
        opt = parse_args(std::vector<std::string>(argv + 1, argv + argc));
    } catch (const UsageError& e) {
        std::cerr << "ngosearch_pair_eval: " << e.what() << '\n' << kUsage;
        return 2;
    }
    const std::vector<std::string> sk = read_lines(opt.sk, opt.limit_lines);
    const std::vector<std::string> nk = read_lines(opt.nk, opt.limit_lines);
    if (sk.size() != nk.size()) {
        throw std::runtime_error("the files are not line-aligned: " + opt.sk.string() + " has " +
                                 std::to_string(sk.size()) + " lines, " + opt.nk.string() + " " +
                                 std::to_string(nk.size()));
    }
    const Lines lines = {&sk, &nk};

    std::cout << "ngosearch pair evaluation (" << ngosearch::dependency_versions() << ")\n";
    std::printf("SK: %s (%zu lines, %zu bytes)\nNK: %s (%zu lines, %zu bytes)\n",
                opt.sk.string().c_str(), sk.size(), bytes_of(sk), opt.nk.string().c_str(),
                nk.size(), bytes_of(nk));
    const std::vector<QuerySet> sets = make_query_sets(sk, nk, opt.queries_per_set);
    // The analyzer loads its Korean lexicon once per process; that is not indexing.
    const auto t_analyzer = std::chrono::steady_clock::now();
    ngosearch::analysis::Analyzer::standard();
    std::printf("analyzer set-up (Korean lexicon): %.2f s, not counted in the indexing times\n",
                seconds_since(t_analyzer));
    print_query_sets(sets, lines, opt.queries_per_set);
    std::cout.flush();

    Results results(sets.size());
    std::array<std::vector<Build>, 2> builds;
    std::vector<std::string> names;
    {
        eval::TempDir tmp;
        for (const auto side : {kSk, kNk}) {
            run_side(side, *lines[side], sets, opt, tmp.path, results, builds[side], names);
        }
    }
    print_scores(sets, results, make_runs(opt));
    print_builds(builds, lines, names);
    if (opt.show > 0) print_misses(sets, results, lines, opt.show);
    std::printf("\ndone in %.1f s\n", seconds_since(t_start));
    return 0;
} catch (const std::exception& e) {
    std::cerr << "ngosearch_pair_eval: error: " << e.what() << '\n';
    return 1;
} catch (const Xapian::Error& e) {
    std::cerr << "ngosearch_pair_eval: error: " << e.get_description() << '\n';
    return 1;
}
