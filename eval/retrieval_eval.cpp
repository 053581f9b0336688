// SPDX-License-Identifier: GPL-2.0-or-later
// Retrieval evaluation: ngosearch's analyzer against plain Xapian and Xapian's CJK n-gram mode,
// all built and queried in the same run over the same documents.
//
//     ngosearch_eval CORPUS QUERIES.tsv [ROBUSTNESS.tsv ROBUSTNESS_DIR]
//
// QUERIES.tsv: id, lang, query, relevant (comma-separated ids = paths below CORPUS), note.
// ROBUSTNESS.tsv: id, query, target (a file of ROBUSTNESS_DIR). For the robustness figure the
// rewritten files replace the corpus documents of the same file name.
#include <xapian.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <map>
#include <memory>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <ngosearch/ngosearch.hpp>

#include "schemes.hpp"

namespace fs = std::filesystem;
using eval::NgosearchScheme;
using eval::Scheme;
using eval::TempDir;
using eval::XapianScheme;
using eval::index_bytes;

namespace {

struct Query {
    std::string id, lang, text;
    std::set<std::string> relevant;
};

struct RobustnessQuery {
    std::string text, target;
};

std::vector<std::vector<std::string>> read_tsv(const fs::path& path) {
    std::ifstream in(path);
    if (!in) throw std::runtime_error("cannot read " + path.string());
    std::vector<std::vector<std::string>> rows;
    std::string line;
    std::getline(in, line);  // header
    while (std::getline(in, line)) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.empty() || line.front() == '#') continue;
        std::vector<std::string> cols;
        std::stringstream ss(line);
        for (std::string c; std::getline(ss, c, '\t');) cols.push_back(c);
        rows.push_back(std::move(cols));
    }
    return rows;
}

std::set<std::string> split_ids(const std::string& s) {
    std::set<std::string> out;
    std::stringstream ss(s);
    for (std::string id; std::getline(ss, id, ',');) {
        id.erase(0, id.find_first_not_of(' '));
        id.erase(id.find_last_not_of(' ') + 1);
        if (!id.empty()) out.insert(id);
    }
    return out;
}

// The documents of a folder, loaded once with ngosearch's loader so that every scheme indexes
// exactly the same title and body text.
std::vector<ngosearch::Document> load_folder(const fs::path& root, const std::string& id_prefix) {
    std::vector<ngosearch::Document> docs;
    std::vector<fs::path> files;
    for (const auto& e : fs::recursive_directory_iterator(root)) {
        if (e.is_regular_file() && ngosearch::ingest::format_for(e.path())) {
            const std::string name = e.path().filename().string();
            if (name == "README.md" || name.front() == '.') continue;
            files.push_back(e.path());
        }
    }
    std::sort(files.begin(), files.end());
    for (const auto& f : files) {
        ngosearch::Document d = ngosearch::ingest::load_file(f).document;
        d.id = id_prefix + f.lexically_relative(root).generic_string();
        docs.push_back(std::move(d));
    }
    return docs;
}

struct Scores {
    double recall = 0, mrr = 0, p10 = 0, p_returned = 0, matches = 0;
    std::size_t n = 0;
};

constexpr std::size_t kTop = 10;

Scores evaluate(Scheme& scheme, const std::vector<Query>& queries, const std::string& lang,
                bool all, bool show_misses) {
    Scores s;
    for (const auto& q : queries) {
        if (q.lang != lang) continue;
        const auto [ids, total] = scheme.search(q.text, kTop, all);
        std::size_t found = 0;
        double rr = 0;
        for (std::size_t i = 0; i < ids.size(); ++i) {
            if (q.relevant.count(ids[i])) {
                ++found;
                if (rr == 0) rr = 1.0 / static_cast<double>(i + 1);
            }
        }
        if (show_misses && (found < std::min(q.relevant.size(), kTop) || rr < 1)) {
            std::cout << "  miss " << scheme.name() << (all ? " AND " : " OR ") << q.id << " ["
                      << q.text << "] found " << found << '/' << q.relevant.size()
                      << ", first relevant at " << (rr > 0 ? 1 / rr : 0) << '\n';
        }
        s.recall += static_cast<double>(found) / static_cast<double>(q.relevant.size());
        s.mrr += rr;
        s.p10 += static_cast<double>(found) / static_cast<double>(kTop);
        s.p_returned += ids.empty() ? 0 : static_cast<double>(found) / static_cast<double>(ids.size());
        s.matches += static_cast<double>(total);
        ++s.n;
    }
    if (s.n) {
        const auto n = static_cast<double>(s.n);
        s.recall /= n;
        s.mrr /= n;
        s.p10 /= n;
        s.p_returned /= n;
        s.matches /= n;
    }
    return s;
}

}  // namespace

int main(int argc, char** argv) try {
    std::vector<std::string> args(argv + 1, argv + argc);
    const bool show_misses = std::erase(args, std::string("--misses")) > 0;
    if (args.size() != 2 && args.size() != 4) {
        std::cerr << "usage: ngosearch_eval [--misses] CORPUS QUERIES.tsv "
                     "[ROBUSTNESS.tsv ROBUSTNESS_DIR]\n";
        return 2;
    }
    const fs::path corpus = args[0];
    std::vector<Query> queries;
    for (const auto& row : read_tsv(args[1])) {
        if (row.size() < 4) throw std::runtime_error("queries file: row with fewer than 4 columns");
        queries.push_back({row[0], row[1], row[2], split_ids(row[3])});
    }
    const std::vector<ngosearch::Document> docs = load_folder(corpus, "");
    std::set<std::string> known;
    std::uintmax_t text_bytes = 0;
    for (const auto& d : docs) {
        known.insert(d.id);
        text_bytes += d.title.size() + d.body.size();
    }
    for (const auto& q : queries) {
        for (const auto& id : q.relevant) {
            if (!known.count(id)) throw std::runtime_error(q.id + ": unknown document " + id);
        }
    }
    std::size_t ko = 0, en = 0;
    for (const auto& q : queries) (q.lang == "ko" ? ko : en)++;
    std::cout << "ngosearch retrieval evaluation (" << ngosearch::dependency_versions() << ")\n"
              << "corpus: " << docs.size() << " documents, " << text_bytes / 1024
              << " KiB of text; queries: " << ko << " Korean, " << en << " English; top "
              << kTop << "\n";

    std::vector<std::unique_ptr<Scheme>> schemes;
    schemes.push_back(std::make_unique<NgosearchScheme>());
    // Without entity expansion: the judgments are per language (a Korean query is judged on
    // Korean and mixed documents), so the English documents an expanded Korean word finds
    // count against it here though they may be on topic.
    auto words = std::make_unique<NgosearchScheme>(nullptr, "ngosearch-no-expand");
    words->set_expand(false);
    schemes.push_back(std::move(words));
    // Neither that nor the Korean bigram fallback: what the fallback adds and costs.
    auto exact = std::make_unique<NgosearchScheme>(nullptr, "ngosearch-exact");
    exact->set_fallback(false);
    exact->set_expand(false);
    schemes.push_back(std::move(exact));
    schemes.push_back(std::make_unique<XapianScheme>(false));
    schemes.push_back(std::make_unique<XapianScheme>(true));

    TempDir tmp;
    double ceiling_ko = 0, ceiling_en = 0;
    for (const auto& q : queries) {
        const double c = static_cast<double>(std::min(q.relevant.size(), kTop)) / kTop;
        (q.lang == "ko" ? ceiling_ko : ceiling_en) += c;
    }
    std::printf("P@10 can be at most %.3f (Korean) and %.3f (English): the queries have few "
                "relevant documents each.\nP@hits10 is precision over the hits returned (at most 10); "
                "avg.match the mean number of matching documents.\n",
                ko ? ceiling_ko / static_cast<double>(ko) : 0.0,
                en ? ceiling_en / static_cast<double>(en) : 0.0);
    struct Build {
        double seconds;
        std::pair<std::uintmax_t, std::uintmax_t> bytes;
    };
    std::map<std::string, Build> build_stats;
    for (auto& scheme : schemes) {
        const fs::path dir = tmp.path / scheme->name();
        const auto t0 = std::chrono::steady_clock::now();
        scheme->build(docs, dir);
        const double seconds =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        build_stats[scheme->name()] = {seconds, index_bytes(dir)};
    }
    for (const bool all : {false, true}) {
        std::printf("\nwords combined with %s\n%-20s %-4s %9s %7s %7s %9s %10s\n",
                    all ? "AND (ngosearch's default)" : "OR (ranked by BM25)", "scheme", "lang",
                    "recall@10", "MRR@10", "P@10", "P@hits10", "avg.match");
        for (const std::string lang : {"ko", "en"}) {
            for (auto& scheme : schemes) {
                const Scores s = evaluate(*scheme, queries, lang, all, show_misses);
                std::printf("%-20s %-4s %9.3f %7.3f %7.3f %9.3f %10.1f\n",
                            scheme->name().c_str(), lang.c_str(), s.recall, s.mrr, s.p10,
                            s.p_returned, s.matches);
            }
        }
    }
    std::printf("\n%-20s %12s %10s %16s %10s %10s\n", "scheme", "index bytes", "vs n-gram",
                "without stored", "vs n-gram", "index s");
    const Build& ngram = build_stats["xapian-cjk-ngram"];
    for (const auto& [name, b] : build_stats) {
        std::printf("%-20s %12ju %9.2fx %16ju %9.2fx %10.3f\n", name.c_str(), b.bytes.first,
                    static_cast<double>(b.bytes.first) / static_cast<double>(ngram.bytes.first),
                    b.bytes.second,
                    static_cast<double>(b.bytes.second) / static_cast<double>(ngram.bytes.second),
                    b.seconds);
    }
    std::cout << "(sizes after compaction; \"without stored\" leaves out the stored document data)\n";

    if (args.size() == 4) {
        std::vector<RobustnessQuery> rq;
        for (const auto& row : read_tsv(args[2])) {
            if (row.size() < 3) throw std::runtime_error("robustness file: short row");
            rq.push_back({row[1], "robustness/" + row[2]});
        }
        std::vector<ngosearch::Document> rewritten = load_folder(args[3], "robustness/");
        std::set<std::string> replaced;
        for (const auto& d : rewritten) replaced.insert(fs::path(d.id).filename().string());
        std::vector<ngosearch::Document> mixed;
        for (const auto& d : docs) {
            if (!replaced.count(fs::path(d.id).filename().string())) mixed.push_back(d);
        }
        mixed.insert(mixed.end(), rewritten.begin(), rewritten.end());
        std::cout << "\nrobustness: " << rewritten.size()
                  << " Korean documents rewritten with other spacing and North Korean spelling "
                     "replace their originals; share of "
                  << rq.size() << " queries (standard spelling) that find their document in the top "
                  << kTop << ":\n";
        for (auto& scheme : schemes) {
            const fs::path dir = tmp.path / (scheme->name() + "-robust");
            scheme->build(mixed, dir);
            std::size_t ok = 0;
            for (const auto& q : rq) {
                const auto ids = scheme->search(q.text, kTop, false).first;
                ok += std::find(ids.begin(), ids.end(), q.target) != ids.end();
            }
            std::printf("%-20s %6.3f (%zu/%zu)\n", scheme->name().c_str(),
                        rq.empty() ? 0.0 : static_cast<double>(ok) / static_cast<double>(rq.size()),
                        ok, rq.size());
        }
    }
    return 0;
} catch (const std::exception& e) {
    std::cerr << "ngosearch_eval: error: " << e.what() << '\n';
    return 1;
} catch (const Xapian::Error& e) {
    std::cerr << "ngosearch_eval: error: " << e.get_description() << '\n';
    return 1;
}
