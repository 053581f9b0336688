// SPDX-License-Identifier: GPL-2.0-or-later
// ngosearch-bench: indexing throughput and query latency, in the manner of leveldb's db_bench.
// Every case runs in its own child process on the same corpus in the same run, beside its
// baselines (plain Xapian TermGenerator, with and without CJK n-grams; Lucene 8 when Java is
// present), so the ratios survive a noisy machine; each checks its own counts.
//
//     ngosearch-bench --corpus DIR [--cases stages,baselines,ngosearch,korean,queries,bulk,parts]
//                     [--threads 1,2] [--queries 300] [--json FILE] [--work DIR]
#include <algorithm>
#include <cstdio>
#include <functional>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <ngosearch/error.hpp>
#include <set>
#include <sstream>
#include <thread>

#include "bench/cases.hpp"
#include "bench/child_process.hpp"
#include "bench/common.hpp"
#include "bench/system_info.hpp"

#ifndef NGOSEARCH_BENCH_LUCENE_SOURCE
#define NGOSEARCH_BENCH_LUCENE_SOURCE "LuceneBench.java"
#endif

namespace fs = std::filesystem;
using nlohmann::json;
using namespace ngosearch::bench;

namespace {

const std::set<std::string> kCases = {"stages",    "baselines", "lucene",
                                      "ngosearch", "korean",    "queries"};
// Cases run only when asked for by name: `bulk` is a sweep of a dozen runs; `parts` indexes
// the corpus four times, with and without the parts an index may leave out.
const std::set<std::string> kExtraCases = {"bulk", "parts"};

struct Options {
    fs::path corpus, work, json_out;
    fs::path lucene_jars = "/usr/share/java";
    fs::path lucene_source = NGOSEARCH_BENCH_LUCENE_SOURCE;
    std::set<std::string> cases = kCases;
    std::vector<std::size_t> threads;
    std::size_t queries = 300;
    std::size_t repeat = 1;
    bool keep_work = false;
};

[[noreturn]] void usage_error(const std::string& message) {
    throw std::invalid_argument(
        message +
        "\nusage: ngosearch-bench --corpus DIR [options]\n"
        "  --cases LIST      of stages, baselines, lucene, ngosearch, korean, queries, bulk, "
        "parts (default: all but bulk and parts)\n"
        "  --repeat N        run each bulk setting N times (default 1)\n"
        "  --threads LIST    thread counts of the ngosearch runs (default: 1 and all hardware "
        "threads)\n"
        "  --queries N       queries in the latency mix (default 300)\n"
        "  --json FILE       write the figures as JSON\n"
        "  --work DIR        scratch folder for indexes (default: a new folder in $TMPDIR; "
        "removed)\n"
        "  --keep-work       leave the scratch folder\n"
        "  --lucene-jars DIR Lucene 8 jars (default /usr/share/java, Debian's liblucene8-java)\n"
        "  --lucene-source F LuceneBench.java");
}

Options parse_options(int argc, char** argv) {
    Options o;
    const std::size_t hw = std::max(1u, std::thread::hardware_concurrency());
    o.threads = hw > 1 ? std::vector<std::size_t>{1, hw} : std::vector<std::size_t>{1};
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        auto value = [&]() -> std::string {
            if (i + 1 >= argc) usage_error(arg + " needs a value");
            return argv[++i];
        };
        if (arg == "--corpus")
            o.corpus = value();
        else if (arg == "--work")
            o.work = value();
        else if (arg == "--json")
            o.json_out = value();
        else if (arg == "--lucene-jars")
            o.lucene_jars = value();
        else if (arg == "--lucene-source")
            o.lucene_source = value();
        else if (arg == "--keep-work")
            o.keep_work = true;
        else if (arg == "--threads")
            o.threads = parse_number_list(value());
        else if (arg == "--queries")
            o.queries = parse_number_list(value()).front();
        else if (arg == "--repeat")
            o.repeat = std::max<std::size_t>(parse_number_list(value()).front(), 1);
        else if (arg == "--cases") {
            o.cases.clear();
            std::stringstream list(value());
            for (std::string c; std::getline(list, c, ',');) {
                if (c == "all")
                    o.cases = kCases;
                else if (kCases.count(c) || kExtraCases.count(c))
                    o.cases.insert(c);
                else
                    usage_error("unknown case '" + c + "'");
            }
        } else if (arg == "--help" || arg == "-h")
            usage_error("measures indexing and search");
        else
            usage_error("unknown option '" + arg + "'");
    }
    if (o.corpus.empty()) usage_error("--corpus is required");
    std::sort(o.threads.begin(), o.threads.end());
    o.threads.erase(std::unique(o.threads.begin(), o.threads.end()), o.threads.end());
    return o;
}

// ---- the child side ----

int child_main(int argc, char** argv) {
    CaseArgs args;
    const std::string name = argv[2];
    for (int i = 3; i + 1 < argc; i += 2) {
        std::string key = argv[i];
        if (key.rfind("--", 0) == 0) key = key.substr(2);
        args.values[key] = argv[i + 1];
    }
    json out;
    if (name == "prepare")
        out = run_prepare(args);
    else if (name == "stages")
        out = run_stages(args);
    else if (name == "ngosearch")
        out = run_ngosearch(args);
    else if (name == "xapian")
        out = run_xapian(args);
    else if (name == "queries")
        out = run_queries(args);
    else if (name == "stored-parts")
        out = run_stored_parts(args);
    else
        throw std::invalid_argument("unknown case " + name);
    std::cout << out.dump() << '\n';
    return 0;
}

// ---- the parent side ----

struct Run {
    bool ok = false;
    json figures;
    std::string error;
};

class Bench {
  public:
    explicit Bench(Options o) : o_(std::move(o)) {}

    int run() {
        prepare_work();
        header();
        if (!prepare()) return finish();
        if (o_.cases.count("stages")) stages();
        if (o_.cases.count("baselines") || o_.cases.count("lucene")) baselines();
        if (o_.cases.count("ngosearch")) ngosearch();
        if (o_.cases.count("korean")) korean_part();
        if (o_.cases.count("queries")) queries();
        if (o_.cases.count("bulk")) bulk();
        if (o_.cases.count("parts")) parts();
        index_sizes();
        targets();
        return finish();
    }

    ~Bench() {
        if (!o_.keep_work && !work_.empty()) {
            std::error_code ec;
            fs::remove_all(work_, ec);
        }
    }
    Bench(const Bench&) = delete;
    Bench& operator=(const Bench&) = delete;

  private:
    void prepare_work() {
        if (o_.work.empty()) {
            const char* tmp = std::getenv("TMPDIR");
            std::string pattern =
                (fs::path(tmp ? tmp : "/tmp") / "ngosearch-bench-XXXXXX").string();
            if (!::mkdtemp(pattern.data()))
                throw std::runtime_error("cannot create a scratch folder in " + pattern);
            work_ = pattern;
        } else {
            fs::create_directories(o_.work);
            work_ = o_.work;
        }
        work_ = fs::absolute(work_);
    }

    // Runs a case in a child; its figures, or the failure (a count check, a crash) recorded.
    Run child(const std::string& name, std::vector<std::pair<std::string, std::string>> args) {
        std::vector<std::string> argv = {self_executable().string(), "--child", name};
        for (auto& [k, v] : args) {
            argv.push_back("--" + k);
            argv.push_back(v);
        }
        return finish_child(name, run_child(argv),
                            [](const std::string& out) { return last_json_line(out); });
    }

    template <typename Parse>
    Run finish_child(const std::string& name, const ChildResult& r, Parse parse) {
        Run run;
        if (r.exit_code == 0) {
            try {
                run.figures = parse(r.out);
                run.figures["peak_rss_bytes"] = r.peak_rss_bytes;
                run.figures["wall_seconds"] = r.wall_seconds;
                run.ok = true;
                ++checks_passed_;
                return run;
            } catch (const CountCheckFailed& e) {
                run.error = e.what();
            } catch (const std::exception& e) {
                run.error = std::string("unreadable output: ") + e.what();
            }
        } else {
            std::string err = r.err;
            while (!err.empty() && err.back() == '\n') err.pop_back();
            const auto nl = err.rfind('\n', err.size() > 400 ? err.size() - 400 : 0);
            run.error = "exit " + std::to_string(r.exit_code) + ": " +
                        (nl == std::string::npos ? err : err.substr(nl + 1));
        }
        failures_.push_back(name + ": " + run.error);
        return run;
    }

    static json last_json_line(const std::string& out) {
        std::string line, last;
        std::istringstream in(out);
        while (std::getline(in, line)) {
            if (!line.empty() && line.front() == '{') last = line;
        }
        return json::parse(last);
    }

    void header() {
        machine_ = system_info();
        std::printf("ngosearch-bench %s   %s\n", machine_["ngosearch"].get<std::string>().c_str(),
                    machine_["date"].get<std::string>().c_str());
        std::printf("CPU:        %s, %u hardware threads; memory %s; %s\n",
                    machine_["cpu"].get<std::string>().c_str(),
                    machine_["hardware_threads"].get<unsigned>(),
                    machine_["memory"].get<std::string>().c_str(),
                    machine_["kernel"].get<std::string>().c_str());
        std::printf("Build:      %s, %s\n", machine_["build_type"].get<std::string>().c_str(),
                    machine_["compiler"].get<std::string>().c_str());
        std::printf("Libraries:  %s; Korean lexicon %s\n",
                    machine_["libraries"].get<std::string>().c_str(),
                    machine_["korean_lexicon"].get<std::string>().c_str());
        std::printf(
            "Load:       %.2f at start (1-minute average; other work on the machine slows every "
            "figure)\n",
            machine_["load_average_start"].get<double>());
        std::fflush(stdout);
    }

    bool prepare() {
        const Run r = child(
            "prepare", {{"corpus", fs::absolute(o_.corpus).string()}, {"work", work_.string()}});
        if (!r.ok) {
            std::printf("Corpus:     %s: %s\n", o_.corpus.c_str(), r.error.c_str());
            return false;
        }
        corpus_ = r.figures;
        corpus_["path"] = o_.corpus.string();
        std::printf("Corpus:     %s: %s documents, %.1f MB, %s words (", o_.corpus.c_str(),
                    thousands(corpus_["docs"]).c_str(), mb(corpus_["bytes"]),
                    thousands(corpus_["words"]).c_str());
        bool first = true;
        for (const auto& [lang, l] : corpus_["languages"].items()) {
            std::printf("%s%s %s docs %.1f MB", first ? "" : "; ", lang.c_str(),
                        thousands(l["docs"]).c_str(), mb(l["bytes"]));
            first = false;
        }
        std::printf(")\n");
        std::fflush(stdout);
        return true;
    }

    void stages() {
        const Run r = child(
            "stages", {{"corpus", fs::absolute(o_.corpus).string()}, {"work", work_.string()}});
        std::printf(
            "\n== stages (one thread, %s)\n",
            r.ok ? ("startup " + fixed(r.figures["startup_seconds"], 2) + " s").c_str() : "failed");
        std::printf("%-24s %9s %10s %9s %9s %10s %18s\n", "stage", "MB/s", "docs/s", "seconds",
                    "CPU s", "MB/CPU-s", "count");
        if (!r.ok) {
            std::printf("FAILED: %s\n", r.error.c_str());
            return;
        }
        results_["stages"] = r.figures;
        for (const auto& s : r.figures["stages"]) {
            std::string count_name, count;
            for (const char* k : {"words", "bytes_out", "tokens", "entities", "terms"}) {
                if (s.contains(k)) count = thousands(s[k]) + " " + k;
            }
            std::printf("%-24s %9.2f %10.1f %9.2f %9.2f %10.2f %18s\n",
                        s["stage"].get<std::string>().c_str(), s["mb_per_s"].get<double>(),
                        s["docs_per_s"].get<double>(), s["seconds"].get<double>(),
                        s["cpu_seconds"].get<double>(), s["mb_per_cpu_s"].get<double>(),
                        count.c_str());
        }
        std::printf("peak RSS %.0f MB (all documents held in memory)\n",
                    mb(r.figures["peak_rss_bytes"]));
        std::fflush(stdout);
    }

    std::vector<std::pair<std::string, std::string>> corpus_args(const json& part,
                                                                 const fs::path& corpus) {
        return {{"corpus", corpus.string()},
                {"docs", part["docs"].dump()},
                {"bytes", part["bytes"].dump()},
                {"words", part["words"].dump()}};
    }

    json korean_figures() const {
        const json langs = corpus_["languages"];
        return langs.contains("ko") ? langs["ko"] : json{{"docs", 0}, {"bytes", 0}, {"words", 0}};
    }

    void print_run_header(const char* title) {
        std::printf("\n== %s\n%-34s %7s %8s %8s %8s %7s %12s %12s %12s\n", title, "run", "MB/s",
                    "docs/s", "seconds", "CPU s", "RSS MB", "×xapian", "×cjk", "×lucene");
    }

    // One row; `korean_part`: the ratios to the whole-corpus Xapian runs would mislead, and the
    // Lucene ratio is to `lucene_ref` (Nori on the same documents).
    void print_run(const std::string& name, const Run& r, const json* lucene_ref = nullptr,
                   bool korean_part = false) {
        if (!r.ok) {
            std::printf("%-34s FAILED: %s\n", name.c_str(), r.error.c_str());
            return;
        }
        const json& f = r.figures;
        std::printf("%-34s %7.2f %8.1f %8.2f %8.2f %7.0f %12s %12s %12s\n", name.c_str(),
                    f["mb_per_s"].get<double>(), f["docs_per_s"].get<double>(),
                    f["seconds"].get<double>(), f["cpu_seconds"].get<double>(),
                    mb(f["peak_rss_bytes"]), korean_part ? "-" : ratio(f, "xapian").c_str(),
                    korean_part ? "-" : ratio(f, "xapian-cjk").c_str(),
                    korean_part && !lucene_ref
                        ? "-"
                        : ratio(f, lucene_ref ? "" : "lucene-standard", lucene_ref).c_str());
        std::fflush(stdout);
    }

    // "wall (CPU)": the ratio of MB/s, and of MB per CPU-second (steadier on a shared machine;
    // for a run on N threads it measures the work, not the speed-up).
    std::string ratio(const json& run, const std::string& base, const json* ref = nullptr) const {
        const json* b = ref;
        if (!b) {
            const auto it = runs_.find(base);
            if (it == runs_.end() || !it->second.contains("mb_per_s")) return "-";
            b = &it->second;
        }
        const double d = (*b)["mb_per_s"], dc = (*b)["mb_per_cpu_s"];
        if (d <= 0 || dc <= 0) return "-";
        return fixed(run["mb_per_s"].get<double>() / d, 2) + " (" +
               fixed(run["mb_per_cpu_s"].get<double>() / dc, 2) + ")";
    }

    void record(const std::string& key, const std::string& label, const Run& r, json extra) {
        json entry = r.ok ? r.figures : json{{"error", r.error}};
        entry["name"] = label;
        entry.update(extra);
        runs_[key] = entry;
        run_order_.push_back(key);
    }

    void baselines() {
        print_run_header("baselines (one thread; the file as one text, stored)");
        const auto all = work_ / "all.lst";
        if (o_.cases.count("baselines")) {
            for (const auto& [variant, key, label] :
                 {std::tuple{"plain", "xapian", "xapian TermGenerator (en stem)"},
                  std::tuple{"cjk", "xapian-cjk", "xapian TermGenerator CJK n-gram"}}) {
                auto args = corpus_args(corpus_, fs::absolute(o_.corpus));
                args.insert(args.end(), {{"list", all.string()},
                                         {"index", (work_ / key).string()},
                                         {"variant", variant},
                                         {"compact", "1"}});
                const Run r = child("xapian", args);
                record(key, label, r, {{"kind", "xapian"}, {"variant", variant}, {"part", "all"}});
                print_run(label, r);
            }
        }
        if (o_.cases.count("lucene")) {
            lucene("standard", "lucene-standard", "lucene 8 StandardAnalyzer", all, corpus_);
            if (korean_figures()["docs"].get<std::uint64_t>() > 0) {
                lucene("nori", "lucene-nori", "lucene 8 Nori (Korean part)", work_ / "ko.lst",
                       korean_figures());
            }
        }
    }

    // The Lucene peer: compiled once with javac, run with java, skipped when either or the jars
    // are missing.
    void lucene(const std::string& analyzer, const std::string& key, const std::string& label,
                const fs::path& list, const json& part) {
        if (lucene_skip_.empty() && lucene_classpath_.empty()) compile_lucene();
        if (!lucene_skip_.empty()) {
            std::printf("%-34s skipped (%s)\n", label.c_str(), lucene_skip_.c_str());
            runs_[key] = {{"name", label}, {"skipped", lucene_skip_}};
            run_order_.push_back(key);
            return;
        }
        const fs::path index = work_ / key;
        fs::remove_all(index);
        const ChildResult cr =
            run_child({find_in_path("java").string(), "-Xmx1g", "-cp", lucene_classpath_,
                       "LuceneBench", analyzer, list.string(), index.string()});
        Run r = finish_child(key, cr, [&](const std::string& out) {
            json j = last_json_line(out);
            const auto docs = part["docs"].get<std::uint64_t>(),
                       words = part["words"].get<std::uint64_t>();
            check(j["docs"] == docs && j["indexed"] == docs,
                  "lucene " + analyzer + ": " + j["indexed"].dump() + " documents indexed, " +
                      std::to_string(docs) + " expected");
            const auto tokens = j["tokens"].get<std::uint64_t>();
            check(tokens >= kMinTermsPerWord * words && tokens <= kMaxTermsPerWord * words,
                  "lucene " + analyzer + ": " + std::to_string(tokens) + " tokens for " +
                      std::to_string(words) + " words");
            const double s = j["seconds"];
            j["mb_per_s"] = s > 0 ? j["bytes"].get<double>() / 1048576.0 / s : 0.0;
            j["docs_per_s"] = s > 0 ? j["docs"].get<double>() / s : 0.0;
            const double cpu = j["cpu_seconds"];
            j["mb_per_cpu_s"] = cpu > 0 ? j["bytes"].get<double>() / 1048576.0 / cpu : 0.0;
            return j;
        });
        fs::remove_all(index);
        record(key, label, r,
               {{"kind", "lucene"},
                {"variant", analyzer},
                {"part", analyzer == "nori" ? "ko" : "all"}});
        print_run(label, r, &r.figures, analyzer == "nori");
    }

    void compile_lucene() {
        const fs::path java = find_in_path("java"), javac = find_in_path("javac");
        if (java.empty() || javac.empty()) {
            lucene_skip_ = "no java/javac in PATH";
            return;
        }
        std::string jars;
        for (const char* prefix :
             {"lucene-core-8", "lucene-analyzers-common-8", "lucene-analyzers-nori-8"}) {
            fs::path found;
            std::error_code ec;
            for (const auto& e : fs::directory_iterator(o_.lucene_jars, ec)) {
                const std::string n = e.path().filename().string();
                if (n.rfind(prefix, 0) == 0 && n.size() > 4 && n.substr(n.size() - 4) == ".jar")
                    found = e.path();
            }
            if (found.empty()) {
                lucene_skip_ = std::string("no ") + prefix + "*.jar in " + o_.lucene_jars.string() +
                               " (Debian: liblucene8-java)";
                return;
            }
            jars += ":" + found.string();
        }
        const fs::path classes = work_ / "lucene-classes";
        fs::create_directories(classes);
        const ChildResult r = run_child({javac.string(), "-nowarn", "-d", classes.string(), "-cp",
                                         jars.substr(1), o_.lucene_source.string()});
        if (r.exit_code != 0) {
            lucene_skip_ = "javac failed: " + r.err.substr(0, 300);
            return;
        }
        lucene_classpath_ = classes.string() + jars;
    }

    void ngosearch() {
        print_run_header("ngosearch end to end (Indexer::add_path, all analysis)");
        const std::size_t max_threads = o_.threads.back();
        for (const bool tag : {true, false}) {
            for (const std::size_t t : o_.threads) {
                const std::string key =
                    std::string("ngosearch-tag-") + (tag ? "on" : "off") + "-t" + std::to_string(t);
                const std::string label = std::string("ngosearch, tagging ") +
                                          (tag ? "on, " : "off, ") + std::to_string(t) +
                                          (t == 1 ? " thread" : " threads");
                auto args = corpus_args(corpus_, fs::absolute(o_.corpus));
                const bool last = t == max_threads;
                args.insert(args.end(),
                            {{"index", (work_ / key).string()},
                             {"tag", tag ? "1" : "0"},
                             {"threads", std::to_string(t)},
                             {"compact", last ? "1" : "0"},
                             {"keep", tag && last && o_.cases.count("queries") ? "1" : "0"}});
                const Run r = child("ngosearch", args);
                record(key, label, r,
                       {{"kind", "ngosearch"}, {"tag", tag}, {"threads", t}, {"part", "all"}});
                print_run(label, r);
                if (tag && last && r.ok) query_index_ = work_ / key;
            }
            same_index_across_threads(tag);
        }
    }

    // 1 and N threads must build the same index.
    void same_index_across_threads(bool tag) {
        const json* first = nullptr;
        for (const std::size_t t : o_.threads) {
            const auto it = runs_.find(std::string("ngosearch-tag-") + (tag ? "on" : "off") + "-t" +
                                       std::to_string(t));
            if (it == runs_.end() || !it->second.contains("index")) continue;
            if (!first) {
                first = &it->second;
                continue;
            }
            if ((*first)["index"] != it->second["index"]) {
                failures_.push_back("ngosearch with " + std::to_string(t) +
                                    " threads built another index than with " +
                                    (*first)["threads"].dump() + ": " + it->second["index"].dump() +
                                    " against " + (*first)["index"].dump());
            } else {
                ++checks_passed_;
            }
        }
    }

    void korean_part() {
        const json ko = korean_figures();
        print_run_header("Korean part (documents with lang ko)");
        if (ko["docs"].get<std::uint64_t>() == 0) {
            std::printf("skipped (no Korean documents)\n");
            return;
        }
        const std::size_t t = o_.threads.back();
        auto args = corpus_args(ko, work_ / "ko-part");
        args.insert(args.end(), {{"index", (work_ / "ngosearch-ko").string()},
                                 {"tag", "1"},
                                 {"threads", std::to_string(t)}});
        const Run r = child("ngosearch", args);
        const std::string label =
            "ngosearch, tagging on, " + std::to_string(t) + (t == 1 ? " thread" : " threads");
        record("ngosearch-ko", label + " (Korean part)", r,
               {{"kind", "ngosearch"}, {"tag", true}, {"threads", t}, {"part", "ko"}});
        const auto nori = runs_.find("lucene-nori");
        const json* ref =
            nori != runs_.end() && nori->second.contains("mb_per_s") ? &nori->second : nullptr;
        if (ref) print_run("lucene 8 Nori", Run{true, *ref, {}}, ref, true);
        print_run(label, r, ref, true);
        std::printf(ref ? "(×lucene here: against Lucene Nori on the same Korean documents)\n"
                        : "(×lucene: against Nori, which was skipped or not run)\n");
    }

    void queries() {
        std::printf("\n== queries (Searcher, 10 hits with snippets; one thread)\n");
        if (query_index_.empty()) {
            std::printf("skipped (needs the ngosearch case with tagging on)\n");
            return;
        }
        const Run r = child("queries", {{"index", query_index_.string()},
                                        {"list", (work_ / "all.lst").string()},
                                        {"queries", std::to_string(o_.queries)}});
        if (!r.ok) {
            std::printf("FAILED: %s\n", r.error.c_str());
            return;
        }
        results_["queries"] = r.figures;
        std::printf("%-24s %8s %9s %9s %9s %9s\n", "kind", "queries", "p50 ms", "p95 ms", "p99 ms",
                    "max ms");
        auto row = [](const std::string& kind, const json& l) {
            std::printf("%-24s %8s %9.2f %9.2f %9.2f %9.2f\n", kind.c_str(),
                        l["queries"].dump().c_str(), l["p50_ms"].get<double>(),
                        l["p95_ms"].get<double>(), l["p99_ms"].get<double>(),
                        l["max_ms"].get<double>());
        };
        for (const auto& [kind, l] : r.figures["kinds"].items()) row(kind, l);
        row("all", r.figures);
        std::printf("%s of %s queries found something; %s hits in all\n",
                    r.figures["queries_with_hits"].dump().c_str(),
                    r.figures["queries"].dump().c_str(),
                    thousands(r.figures["total_hits"]).c_str());
    }

    // The settings of a bulk build, end to end (tagging on, all threads, the same corpus):
    // batch by documents and by text bytes, sync against DB_NO_SYNC with a flushed final
    // commit; then what each stored part costs one writer and the index.
    void bulk() {
        struct Setting {
            std::uint64_t docs, bytes;
            bool sync;
        };
        constexpr std::uint64_t kNoLimit = 1'000'000'000'000;
        constexpr std::uint64_t kMB = 1u << 20;
        const Setting settings[] = {
            {1'000, 64 * kMB, true},   {10'000, 64 * kMB, true}, {100'000, 64 * kMB, true},
            {kNoLimit, 4 * kMB, true}, {kNoLimit, 16 * kMB, true}, {1'000, 64 * kMB, false},
            {10'000, 64 * kMB, false}, {kNoLimit, 16 * kMB, false},
        };
        const std::size_t t = o_.threads.back();
        std::printf("\n== bulk settings (end to end, tagging on, %zu %s; commit() at the end is "
                    "flushed to disk in every row)\n",
                    t, t == 1 ? "thread" : "threads");
        std::printf("%-38s %7s %8s %8s %7s %10s %9s\n", "batch docs / bytes / sync", "MB/s",
                    "seconds", "CPU s", "RSS MB", "index MB", "idx/text");
        json rows = json::array();
        const double text = corpus_["bytes"].get<double>();
        for (const Setting& s : settings) {
            const std::string docs = s.docs == kNoLimit ? "no limit" : thousands(json(s.docs));
            const std::string label = docs + " / " + std::to_string(s.bytes / kMB) + " MB / " +
                                      (s.sync ? "sync" : "no-sync");
            end_to_end_runs(label, "bulk", t,
                            {{"batch_docs", std::to_string(s.docs)},
                             {"batch_bytes", std::to_string(s.bytes)},
                             {"sync", s.sync ? "1" : "0"}},
                            38, [&](const std::string& name, const json& f) {
                                std::printf("%-38s %7.2f %8.2f %8.2f %7.0f %10.1f %9.2f\n",
                                            name.c_str(), f["mb_per_s"].get<double>(),
                                            f["seconds"].get<double>(),
                                            f["cpu_seconds"].get<double>(),
                                            mb(f["peak_rss_bytes"]), mb(f["index_bytes"]),
                                            f["index_bytes"].get<double>() / text);
                                json row = f;
                                row["setting"] = name;
                                row["batch_docs"] = s.docs == kNoLimit ? json() : json(s.docs);
                                row["batch_bytes"] = s.bytes;
                                row["sync"] = s.sync;
                                row["threads"] = t;
                                rows.push_back(row);
                            });
        }
        results_["bulk"]["settings"] = rows;
        stored_parts();
    }

    // The ngosearch case end to end, tagging on, on `threads` threads, into a fresh index
    // `index` under the work folder with the `extra` arguments, --repeat times. A failure is
    // printed (the name padded to `width`); a success goes to `row` with its name: `label`, or
    // "label #N" when repeated.
    void end_to_end_runs(const std::string& label, const std::string& index, std::size_t threads,
                         const std::vector<std::pair<std::string, std::string>>& extra, int width,
                         const std::function<void(const std::string&, const json&)>& row) {
        for (std::size_t rep = 0; rep < o_.repeat; ++rep) {
            auto args = corpus_args(corpus_, fs::absolute(o_.corpus));
            args.insert(args.end(), {{"index", (work_ / index).string()},
                                     {"tag", "1"},
                                     {"threads", std::to_string(threads)}});
            args.insert(args.end(), extra.begin(), extra.end());
            const Run r = child("ngosearch", args);
            const std::string name =
                o_.repeat > 1 ? label + " #" + std::to_string(rep + 1) : label;
            if (!r.ok) {
                std::printf("%-*s FAILED: %s\n", width, name.c_str(), r.error.c_str());
            } else {
                row(name, r.figures);
            }
            std::fflush(stdout);
        }
    }

    void stored_parts() {
        std::printf("\n== stored parts (documents built once; each variant written by one writer, "
                    "a commit per 1,000; sizes compacted)\n");
        const Run r = child("stored-parts", {{"corpus", fs::absolute(o_.corpus).string()},
                                             {"work", work_.string()},
                                             {"batch_docs", "1000"},
                                             {"threads", std::to_string(o_.threads.back())},
                                             {"words", corpus_["words"].dump()}});
        if (!r.ok) {
            std::printf("FAILED: %s\n", r.error.c_str());
            return;
        }
        results_["bulk"]["stored_parts"] = r.figures;
        std::printf("%-18s %8s %8s %10s %8s %10s %8s %9s  %s\n", "variant", "write s", "CPU s",
                    "index MB", "/text", "compact MB", "/text", "saves", "left out");
        const double text = r.figures["bytes"].get<double>();
        double all = 0;
        for (const auto& v : r.figures["variants"]) {
            const double c = v["compacted_bytes"];
            if (v["variant"] == "all") all = c;
            std::printf("%-18s %8.2f %8.2f %10.1f %8.2f %10.1f %8.2f %8.1f%%  %s\n",
                        v["variant"].get<std::string>().c_str(), v["seconds"].get<double>(),
                        v["cpu_seconds"].get<double>(), mb(v["index_bytes"]),
                        v["index_bytes"].get<double>() / text, c / 1048576.0, c / text,
                        all > 0 ? 100.0 * (all - c) / all : 0.0,
                        v["left_out"].get<std::string>().c_str());
        }
        std::printf("peak RSS %.0f MB (all documents built held in memory)\n",
                    mb(r.figures["peak_rss_bytes"]));
    }

    // End to end (tagging on, all threads, the library's bulk defaults), a new index with all
    // parts, without positions, without Korean bigrams, and without both
    // (IndexOptions::positions, ::korean_bigrams): what leaving them out buys a whole run.
    void parts() {
        struct Variant {
            const char* name;
            bool positions, bigrams;
        };
        const Variant variants[] = {{"all parts", true, true},
                                    {"no positions", false, true},
                                    {"no Korean bigrams", true, false},
                                    {"no positions, no bigrams", false, false}};
        const std::size_t t = o_.threads.back();
        std::printf("\n== stored parts end to end (tagging on, %zu %s; sizes compacted)\n", t,
                    t == 1 ? "thread" : "threads");
        std::printf("%-26s %7s %8s %8s %7s %10s %10s %8s %9s\n", "index", "MB/s", "seconds",
                    "CPU s", "RSS MB", "index MB", "compact MB", "/text", "saves");
        json rows = json::array();
        const double text = corpus_["bytes"].get<double>();
        double all = 0;
        for (const Variant& v : variants) {
            end_to_end_runs(v.name, "parts", t,
                            {{"compact", "1"},
                             {"positions", v.positions ? "1" : "0"},
                             {"korean_bigrams", v.bigrams ? "1" : "0"}},
                            26, [&](const std::string& name, const json& f) {
                                const double c = f["compacted_bytes"].get<double>();
                                if (v.positions && v.bigrams && all == 0) all = c;
                                std::printf(
                                    "%-26s %7.2f %8.2f %8.2f %7.0f %10.1f %10.1f %8.2f %8.1f%%\n",
                                    name.c_str(), f["mb_per_s"].get<double>(),
                                    f["seconds"].get<double>(), f["cpu_seconds"].get<double>(),
                                    mb(f["peak_rss_bytes"]), mb(f["index_bytes"]), c / 1048576.0,
                                    c / text, all > 0 ? 100.0 * (all - c) / all : 0.0);
                                json row = f;
                                row["variant"] = name;
                                row["positions"] = v.positions;
                                row["korean_bigrams"] = v.bigrams;
                                row["threads"] = t;
                                rows.push_back(row);
                            });
        }
        results_["parts"] = rows;
    }

    void index_sizes() {
        std::printf("\n== index size (bytes per byte of text; compacted with Xapian's compact)\n");
        std::printf("%-34s %10s %8s %10s %8s %9s %9s\n", "index", "MB", "/text", "compact MB",
                    "/text", "×cjk", "×plain");
        auto compacted = [&](const std::string& key) -> double {
            const auto it = runs_.find(key);
            return it != runs_.end() && it->second.contains("compacted_bytes")
                       ? it->second["compacted_bytes"].get<double>()
                       : 0;
        };
        const double cjk = compacted("xapian-cjk"), plain = compacted("xapian");
        for (const auto& key : run_order_) {
            const json& r = runs_[key];
            if (!r.contains("index_bytes") || r.value("part", "") != "all") continue;
            const double text = r["bytes"].get<double>();
            const double size = r["index_bytes"].get<double>();
            std::printf("%-34s %10.1f %8.2f", r["name"].get<std::string>().c_str(),
                        size / 1048576.0, size / text);
            if (r.contains("compacted_bytes")) {
                const double c = r["compacted_bytes"];
                std::printf(" %10.1f %8.2f %9s %9s", c / 1048576.0, c / text,
                            cjk > 0 ? fixed(c / cjk, 2).c_str() : "-",
                            plain > 0 ? fixed(c / plain, 2).c_str() : "-");
            }
            std::printf("\n");
        }
    }

    // The goals issue 11 sets, against this run's figures: reported, never asserted (a figure
    // on a shared machine is no pass/fail).
    void targets() {
        const std::string all = "ngosearch-tag-on-t" + std::to_string(o_.threads.back());
        auto figure = [&](const std::string& key, const char* field) -> double {
            const auto it = runs_.find(key);
            return it != runs_.end() && it->second.contains(field) ? it->second[field].get<double>()
                                                                   : -1;
        };
        auto quotient = [](double a, double b) { return a >= 0 && b > 0 ? a / b : -1.0; };
        double peak = -1;
        for (const auto& [key, r] : runs_) {
            if (r.value("kind", "") == "ngosearch" && r.contains("peak_rss_bytes")) {
                peak = std::max(peak, r["peak_rss_bytes"].get<double>() / 1048576.0);
            }
        }
        struct Target {
            const char* name;
            double value;
            double bound;
            bool at_least;
        };
        const Target list[] = {
            {"× plain TermGenerator (tagging on, all threads)",
             quotient(figure(all, "mb_per_s"), figure("xapian", "mb_per_s")), 1.3, true},
            {"× Lucene Nori, Korean part",
             quotient(figure("ngosearch-ko", "mb_per_s"), figure("lucene-nori", "mb_per_s")), 2.0,
             true},
            {"× Lucene StandardAnalyzer",
             quotient(figure(all, "mb_per_s"), figure("lucene-standard", "mb_per_s")), 1.0, true},
            {"peak RSS of ngosearch runs, MB", peak, 300, false},
            {"compacted index × CJK n-gram index",
             quotient(figure(all, "compacted_bytes"), figure("xapian-cjk", "compacted_bytes")), 1.5,
             false},
        };
        std::printf("\n== targets (issue 11; reported, not asserted)\n");
        json out = json::array();
        for (const auto& t : list) {
            const bool known = t.value >= 0;
            const bool met = known && (t.at_least ? t.value >= t.bound : t.value < t.bound);
            std::printf("%-50s %9s  (%s %.1f)  %s\n", t.name,
                        known ? fixed(t.value, 2).c_str() : "-", t.at_least ? ">=" : "<=", t.bound,
                        known ? (met ? "met" : "not met") : "not measured");
            out.push_back({{"target", t.name},
                           {"value", known ? json(t.value) : json()},
                           {"bound", t.bound},
                           {"at_least", t.at_least},
                           {"met", known ? json(met) : json()}});
        }
        results_["targets"] = out;
    }

    int finish() {
        const double load_end = load_average();
        std::printf("\n== checks\n");
        if (failures_.empty()) {
            std::printf(
                "counts: all passed (%d cases and cross-run comparisons; documents and terms of "
                "every timed loop)\n",
                checks_passed_);
        } else {
            std::printf("counts: %zu FAILED, %d passed\n", failures_.size(), checks_passed_);
            for (const auto& f : failures_) std::printf("  %s\n", f.c_str());
        }
        std::printf("Load:       %.2f at the end\n", load_end);
        if (!o_.json_out.empty()) {
            machine_["load_average_end"] = load_end;
            json runs = json::array();
            for (const auto& key : run_order_) {
                json r = runs_[key];
                r["key"] = key;
                runs.push_back(r);
            }
            json ratios = json::object();
            for (const auto& key : run_order_) {
                const json& r = runs_[key];
                if (r.value("kind", "") != "ngosearch" || !r.contains("mb_per_s")) continue;
                json row = json::object();
                for (const char* base :
                     {"xapian", "xapian-cjk", "lucene-standard", "lucene-nori"}) {
                    const auto it = runs_.find(base);
                    if (it == runs_.end() || !it->second.contains("mb_per_s")) continue;
                    if ((r["part"] == "ko") != (std::string(base) == "lucene-nori")) continue;
                    row[base] = r["mb_per_s"].get<double>() / it->second["mb_per_s"].get<double>();
                    row[std::string(base) + "_cpu"] =
                        r["mb_per_cpu_s"].get<double>() / it->second["mb_per_cpu_s"].get<double>();
                }
                ratios[key] = row;
            }
            const json doc = {{"bench", "ngosearch-bench"},
                              {"machine", machine_},
                              {"corpus", corpus_},
                              {"stages", results_.value("stages", json())},
                              {"runs", runs},
                              {"ratios", ratios},
                              {"queries", results_.value("queries", json())},
                              {"targets", results_.value("targets", json())},
                              {"bulk", results_.value("bulk", json())},
                              {"parts", results_.value("parts", json())},
                              {"checks", {{"passed", checks_passed_}, {"failures", failures_}}}};
            std::ofstream out(o_.json_out);
            out << doc.dump(2) << '\n';
            if (!out) throw std::runtime_error("cannot write " + o_.json_out.string());
            std::printf("JSON:       %s\n", o_.json_out.c_str());
        }
        return failures_.empty() ? 0 : 1;
    }

    static double mb(const json& bytes) { return bytes.get<double>() / 1048576.0; }
    static std::string fixed(const json& v, int digits) { return fixed(v.get<double>(), digits); }
    static std::string fixed(double v, int digits) {
        char buf[64];
        std::snprintf(buf, sizeof buf, "%.*f", digits, v);
        return buf;
    }
    static std::string thousands(const json& v) {
        std::string s = std::to_string(v.get<std::uint64_t>());
        for (int i = static_cast<int>(s.size()) - 3; i > 0; i -= 3)
            s.insert(static_cast<std::size_t>(i), ",");
        return s;
    }

    Options o_;
    fs::path work_, query_index_;
    json machine_, corpus_, results_ = json::object();
    std::map<std::string, json> runs_;
    std::vector<std::string> run_order_;
    std::vector<std::string> failures_;
    int checks_passed_ = 0;
    std::string lucene_skip_, lucene_classpath_;
};

}  // namespace

int main(int argc, char** argv) {
    const bool is_child = argc >= 3 && std::string_view(argv[1]) == "--child";
    try {
        if (is_child) return child_main(argc, argv);
        Bench bench(parse_options(argc, argv));
        return bench.run();
    } catch (const std::invalid_argument& e) {
        std::cerr << "ngosearch-bench: error: " << e.what() << '\n';
        return 2;
    } catch (const std::exception& e) {
        std::cerr << "ngosearch-bench: error: " << e.what() << '\n';
        return 1;
    }
}
