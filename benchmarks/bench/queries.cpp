// SPDX-License-Identifier: GPL-2.0-or-later
// Query latency: a mix of queries drawn from the corpus itself (words, two words, phrases, in
// both languages; with date, language and entity filters; with facets), run through Searcher.
#include <algorithm>
#include <cmath>
#include <map>
#include <ngosearch/error.hpp>
#include <ngosearch/ingest/loader.hpp>
#include <ngosearch/search/searcher.hpp>
#include <sstream>

#include "bench/cases.hpp"
#include "bench/common.hpp"
#include "gen/random.hpp"
#include "gen/seed_text.hpp"

namespace ngosearch::bench {

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

struct Query {
    std::string kind;
    std::string text;
    bool facets = false;
    bool must_hit = false;  // drawn from a document, without filters: at least one hit
};

bool plain_word(std::string_view w, bool korean) {
    if (korean) return has_hangul(w) && w.size() >= 6;
    if (w.size() < 4) return false;
    return std::all_of(w.begin(), w.end(),
                       [](char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; });
}

// Words of a document, as pairs of consecutive words of one language: the material of the mix.
struct Material {
    std::vector<std::string> english, korean;
    std::vector<std::pair<std::string, std::string>> english_pairs, korean_pairs;
};

void collect(const std::string& body, Material& m) {
    std::istringstream in(body);
    std::string previous;
    bool previous_korean = false;
    for (std::string token; in >> token;) {
        const std::string_view raw = token;
        const bool ends_clause = !raw.empty() && std::string_view(",.;:!?)」").find(raw.back()) !=
                                                     std::string_view::npos;
        const std::string w(strip_punctuation(raw));
        const bool korean = has_hangul(w);
        if (!plain_word(w, korean) || w.size() != raw.size()) {
            if (plain_word(w, korean)) (korean ? m.korean : m.english).push_back(w);
            previous.clear();
            continue;
        }
        (korean ? m.korean : m.english).push_back(w);
        if (!previous.empty() && previous_korean == korean) {
            (korean ? m.korean_pairs : m.english_pairs).emplace_back(previous, w);
        }
        previous = ends_clause ? std::string() : w;
        previous_korean = korean;
    }
}

std::vector<Query> make_mix(const std::vector<fs::path>& files, std::size_t count,
                            std::uint64_t seed) {
    Material m;
    const std::size_t sample = std::min<std::size_t>(files.size(), 300);
    for (std::size_t i = 0; i < sample; ++i) {
        const auto& file = files[i * files.size() / sample];
        collect(ingest::load_file(file).document.body, m);
    }
    check(!m.english.empty() || !m.korean.empty(), "queries: no words in the corpus sample");
    Rng rng(seed);
    auto pick = [&](const auto& v) -> const auto& { return v[rng.below(v.size())]; };
    std::vector<Query> mix;
    for (std::size_t i = 0; mix.size() < count; ++i) {
        const bool korean = m.english.empty() || (!m.korean.empty() && i % 2 == 1);
        const auto& words = korean ? m.korean : m.english;
        const auto& pairs = korean ? m.korean_pairs : m.english_pairs;
        const std::string lang = korean ? "ko" : "en";
        switch ((i / 2) % 8) {
            case 0:
                mix.push_back({"word " + lang, pick(words), false, true});
                break;
            case 1:
                if (pairs.empty()) continue;
                {
                    const auto& p = pick(pairs);
                    mix.push_back({"two words " + lang, p.first + " " + p.second, false, true});
                }
                break;
            case 2:
                if (pairs.empty()) continue;
                {
                    const auto& p = pick(pairs);
                    mix.push_back(
                        {"phrase " + lang, "\"" + p.first + " " + p.second + "\"", false, true});
                }
                break;
            case 3:
                mix.push_back({"word + date",
                               pick(words) + " date:" + std::to_string(rng.between(1995, 2015)) +
                                   ".." + std::to_string(rng.between(2016, 2025)),
                               false, false});
                break;
            case 4:
                mix.push_back({"word + lang",
                               pick(words) + " lang:" + (rng.chance(0.5) ? "ko" : "en"), false,
                               false});
                break;
            case 5: {
                static const std::vector<std::string> kEntities = {
                    "law:national-security-act",
                    "law:국가보안법",
                    "ministry:통일부",
                    "ministry:\"Ministry of Unification\"",
                    "org:\"Human Rights Council\"",
                    "person:문재인"};
                mix.push_back({"entity filter",
                               pick(words) + " OR " + pick(words) + " " + pick(kEntities), false,
                               false});
                break;
            }
            case 6:
                mix.push_back({"word + facets", pick(words), true, true});
                break;
            default:
                mix.push_back({"any of 3 words",
                               pick(words) + " OR " + pick(words) + " OR " + pick(words), false,
                               true});
                break;
        }
    }
    return mix;
}

double percentile(std::vector<double> v, double p) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    const auto i =
        static_cast<std::size_t>(std::max(0.0, std::ceil(p * static_cast<double>(v.size())) - 1));
    return v[std::min(i, v.size() - 1)];
}

json latency(const std::vector<double>& ms) {
    return {{"queries", ms.size()},
            {"p50_ms", percentile(ms, 0.50)},
            {"p95_ms", percentile(ms, 0.95)},
            {"p99_ms", percentile(ms, 0.99)},
            {"max_ms", percentile(ms, 1.0)}};
}

}  // namespace

json run_queries(const CaseArgs& args) {
    const auto files = read_list(args.path("list"));
    const std::size_t wanted = args.number("queries");
    const auto candidates = make_mix(files, wanted, 20240601);
    const Searcher searcher(args.path("index"));
    // A first pass warms the caches the way a running service has them, and leaves out the
    // queries the language refuses (a word that is an English stop word alone); the second is
    // timed.
    std::vector<Query> mix;
    for (const auto& q : candidates) {
        try {
            searcher.search(q.text, {.limit = 10, .facets = q.facets});
            mix.push_back(q);
        } catch (const QueryError&) {
        }
    }
    check(mix.size() * 10 >= candidates.size() * 9,
          "queries: " + std::to_string(candidates.size() - mix.size()) + " of " +
              std::to_string(candidates.size()) + " refused as malformed");
    std::map<std::string, std::vector<double>> by_kind;
    std::vector<double> all;
    std::uint64_t hits = 0, with_hits = 0;
    for (const auto& q : mix) {
        Stopwatch watch;
        watch.start();
        const SearchResult r = searcher.search(q.text, {.limit = 10, .facets = q.facets});
        watch.stop();
        const double ms = watch.seconds() * 1000;
        by_kind[q.kind].push_back(ms);
        all.push_back(ms);
        hits += r.total;
        with_hits += r.total > 0;
        check(!q.must_hit || r.total > 0,
              "queries: no hit for '" + q.text + "', drawn from the corpus");
        check(!q.facets || !r.hits.empty(), "queries: no hits with facets for '" + q.text + "'");
    }
    json kinds = json::object();
    for (const auto& [kind, ms] : by_kind) kinds[kind] = latency(ms);
    json out = latency(all);
    out["kinds"] = kinds;
    out["total_hits"] = hits;
    out["queries_with_hits"] = with_hits;
    return out;
}

}  // namespace ngosearch::bench
