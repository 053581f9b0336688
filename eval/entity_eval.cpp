// SPDX-License-Identifier: GPL-2.0-or-later
// Entity tagging measured on annotated documents: precision, recall and F1 per type and
// language, linking accuracy, the tagger's throughput, and indexing time with tagging on and off.
//
//     ngosearch_entity_eval [--show N] [--corpus DIR] ANNOTATED_DIR
//
// ANNOTATED_DIR holds .txt files: a first line "date: YYYY-MM-DD", a blank line, then text in
// which every mention is marked [[type:id|surface]] (see eval/entities/README.md). The markup
// is removed to get the text the tagger sees; a mention counts as found when the tagger gives
// the same type and byte span, and as linked when it also gives the same id.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <ngosearch/ngosearch.hpp>
#include <ngosearch/entities/tagger.hpp>

#include "schemes.hpp"

namespace fs = std::filesystem;
using ngosearch::entities::Entity;
using ngosearch::entities::EntityType;

namespace {

struct Gold {
    EntityType type;
    std::string id;
    std::uint32_t begin, end;
};

struct Annotated {
    std::string name, lang, date, text;
    std::vector<Gold> gold;
};

// Parses "[[type:id|surface]]" markup out of `marked`.
Annotated parse(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read " + file.string());
    std::stringstream ss;
    ss << in.rdbuf();
    std::string all = ss.str();
    Annotated a;
    a.name = file.filename().string();
    a.lang = a.name.substr(0, 2);
    if (all.starts_with("date:")) {
        const std::size_t nl = all.find('\n');
        a.date = all.substr(5, nl - 5);
        a.date.erase(0, a.date.find_first_not_of(' '));
        all.erase(0, nl == std::string::npos ? all.size() : nl + 1);
    }
    for (std::size_t i = 0; i < all.size();) {
        if (all.compare(i, 2, "[[") != 0) {
            a.text += all[i++];
            continue;
        }
        const std::size_t close = all.find("]]", i);
        const std::size_t bar = all.find('|', i);
        const std::size_t colon = all.find(':', i);
        if (close == std::string::npos || bar > close || colon > bar) {
            throw std::runtime_error(file.string() + ": malformed markup at byte " +
                                     std::to_string(i));
        }
        const auto type = ngosearch::entities::parse_entity_type(all.substr(i + 2, colon - i - 2));
        if (!type) {
            throw std::runtime_error(file.string() + ": unknown type at byte " + std::to_string(i));
        }
        Gold g{*type, all.substr(colon + 1, bar - colon - 1),
               static_cast<std::uint32_t>(a.text.size()), 0};
        a.text += all.substr(bar + 1, close - bar - 1);
        g.end = static_cast<std::uint32_t>(a.text.size());
        a.gold.push_back(std::move(g));
        i = close + 2;
    }
    return a;
}

// The id a mention is checked against: a law's article is part of it ("…/7").
std::string full_id(const Entity& e) { return e.article.empty() ? e.id : e.id + "/" + e.article; }

struct Count {
    std::size_t gold = 0, found = 0, spans = 0, linked = 0;  // spans: type+span right
};

double ratio(std::size_t a, std::size_t b) { return b ? static_cast<double>(a) / static_cast<double>(b) : 0.0; }

double seconds_since(std::chrono::steady_clock::time_point t0) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

// Indexes a folder with tagging on or off; the seconds it took.
double index_seconds(const fs::path& corpus, bool tag) {
    eval::TempDir dir;
    const auto t0 = std::chrono::steady_clock::now();
    ngosearch::Indexer ix(dir.path / "index", {.tag_entities = tag});
    ix.add_path(corpus);
    ix.commit();
    return seconds_since(t0);
}

}  // namespace

int main(int argc, char** argv) try {
    std::vector<std::string> args(argv + 1, argv + argc);
    std::size_t show = 0;
    fs::path corpus;
    std::vector<std::string> rest;
    for (std::size_t i = 0; i < args.size(); ++i) {
        if (args[i] == "--show" && i + 1 < args.size()) {
            show = std::stoul(args[++i]);
        } else if (args[i] == "--corpus" && i + 1 < args.size()) {
            corpus = args[++i];
        } else {
            rest.push_back(args[i]);
        }
    }
    if (rest.size() != 1) {
        std::cerr << "usage: ngosearch_entity_eval [--show N] [--corpus DIR] ANNOTATED_DIR\n";
        return 2;
    }
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(rest[0])) {
        if (e.path().extension() == ".txt") files.push_back(e.path());
    }
    std::sort(files.begin(), files.end());
    if (files.empty()) throw std::runtime_error("no .txt files in " + rest[0]);

    const auto tagger = ngosearch::entities::make_standard_tagger();
    std::map<std::pair<std::string, EntityType>, Count> counts;  // (lang, type)
    std::size_t bytes = 0, shown = 0;
    std::vector<Annotated> docs;
    for (const auto& f : files) docs.push_back(parse(f));
    std::cout << "ngosearch entity evaluation (" << ngosearch::dependency_versions() << "; "
              << tagger->fingerprint() << ")\n"
              << docs.size() << " annotated documents in " << rest[0] << "\n";
    for (const Annotated& a : docs) {
        bytes += a.text.size();
        const std::vector<Entity> found = tagger->tag(a.text, a.date);
        std::set<std::size_t> matched;
        for (const Gold& g : a.gold) {
            Count& c = counts[{a.lang, g.type}];
            ++c.gold;
            const auto same_span = std::find_if(found.begin(), found.end(), [&](const Entity& e) {
                return e.type == g.type && e.begin == g.begin && e.end == g.end;
            });
            if (same_span == found.end()) {
                if (shown++ < show) {
                    std::printf("  missed %s %s:%s \"%s\"\n", a.name.c_str(),
                                std::string(to_string(g.type)).c_str(), g.id.c_str(),
                                a.text.substr(g.begin, g.end - g.begin).c_str());
                }
                continue;
            }
            ++c.spans;
            if (full_id(*same_span) == g.id) {
                ++c.linked;
            } else if (shown++ < show) {
                std::printf("  wrong id %s %s \"%s\": %s, not %s\n", a.name.c_str(),
                            std::string(to_string(g.type)).c_str(), same_span->surface.c_str(),
                            full_id(*same_span).c_str(), g.id.c_str());
            }
            matched.insert(static_cast<std::size_t>(same_span - found.begin()));
        }
        for (std::size_t k = 0; k < found.size(); ++k) {
            ++counts[{a.lang, found[k].type}].found;
            if (!matched.contains(k) && shown++ < show) {
                std::printf("  extra %s %s:%s \"%s\"\n", a.name.c_str(),
                            std::string(to_string(found[k].type)).c_str(),
                            full_id(found[k]).c_str(), found[k].surface.c_str());
            }
        }
    }
    std::printf("\n%-4s %-11s %6s %6s %10s %8s %6s %9s\n", "lang", "type", "gold", "found",
                "precision", "recall", "F1", "linking");
    for (const auto& [key, c] : counts) {
        // Precision and recall of mentions with type, span and id all right; linking: of the
        // mentions found (type and span), the share with the right id.
        const double p = ratio(c.linked, c.found), r = ratio(c.linked, c.gold);
        std::printf("%-4s %-11s %6zu %6zu %10.3f %8.3f %6.3f %9.3f\n", key.first.c_str(),
                    std::string(to_string(key.second)).c_str(), c.gold, c.found, p, r,
                    p + r > 0 ? 2 * p * r / (p + r) : 0.0, ratio(c.linked, c.spans));
    }
    std::cout << "(a mention counts when type, byte span and id are all right; linking: of the "
                 "mentions found with the right span, the share with the right id)\n";

    // Throughput: the annotated text tagged again and again for about a second.
    std::size_t rounds = 0;
    const auto t0 = std::chrono::steady_clock::now();
    std::vector<Entity> scratch;
    do {
        for (const Annotated& a : docs) {
            scratch.clear();
            tagger->tag(a.text, a.date, scratch);
        }
        ++rounds;
    } while (seconds_since(t0) < 1.0);
    const double s = seconds_since(t0);
    std::printf("\ntagger: %.2f MB/s (%zu bytes tagged %zu times in %.2f s)\n",
                static_cast<double>(bytes * rounds) / 1e6 / s, bytes, rounds, s);
    if (!corpus.empty()) {
        const double off = index_seconds(corpus, false), on = index_seconds(corpus, true);
        std::printf("indexing %s: %.3f s with tagging, %.3f s without (%.2fx)\n",
                    corpus.string().c_str(), on, off, on / off);
    }
    return 0;
} catch (const std::exception& e) {
    std::cerr << "ngosearch_entity_eval: error: " << e.what() << '\n';
    return 1;
}
