// SPDX-License-Identifier: GPL-2.0-or-later
#include "pair_queries.hpp"

#include <algorithm>
#include <limits>
#include <map>
#include <numeric>
#include <random>
#include <set>
#include <sstream>
#include <utility>

namespace eval {
namespace {

bool syllable_at(std::string_view s, std::size_t i) {
    if (i + 3 > s.size()) return false;
    const auto b0 = static_cast<unsigned char>(s[i]);
    const auto b1 = static_cast<unsigned char>(s[i + 1]);
    const auto b2 = static_cast<unsigned char>(s[i + 2]);
    if ((b0 & 0xF0) != 0xE0 || (b1 & 0xC0) != 0x80 || (b2 & 0xC0) != 0x80) return false;
    const char32_t cp = ((b0 & 0x0Fu) << 12) | ((b1 & 0x3Fu) << 6) | (b2 & 0x3Fu);
    return cp >= 0xAC00 && cp <= 0xD7A3;
}

// The first syllables of what follows a noun inside an eojeol: particles, the copula, the
// 하다/되다/시키다 endings and the plural 들. A tail starting otherwise is not read as one.
const std::set<std::string>& tail_starts() {
    static const std::set<std::string> starts = [] {
        const std::string_view all =
            "이가은는을를의에로으와과도까처들인였임하한할함해했되된될됐돼시없";
        std::set<std::string> s;
        for (std::size_t i = 0; i + 3 <= all.size(); i += 3) s.emplace(all.substr(i, 3));
        return s;
    }();
    return starts;
}

bool contains(const std::vector<std::string>& v, const std::string& s) {
    return std::find(v.begin(), v.end(), s) != v.end();
}

// Nouns found in the most lines come first; equal counts in byte (= code point) order, so that
// the same set comes out every run.
std::unordered_set<std::string> most_frequent(const NounReader& reader,
                                              const std::vector<std::string>& lines,
                                              std::size_t n) {
    std::map<std::string, std::size_t> df;
    for (const auto& line : lines) {
        const auto words = reader.words(line);
        for (const auto& w : std::set<std::string>(words.begin(), words.end())) ++df[w];
    }
    std::vector<std::pair<std::string, std::size_t>> ranked(df.begin(), df.end());
    std::stable_sort(ranked.begin(), ranked.end(),
                     [](const auto& a, const auto& b) { return a.second > b.second; });
    std::unordered_set<std::string> out;
    for (std::size_t i = 0; i < std::min(n, ranked.size()); ++i) out.insert(ranked[i].first);
    return out;
}

std::vector<std::string> qualifying(const NounReader& reader, std::string_view source,
                                    std::string_view target,
                                    const std::unordered_set<std::string>& common) {
    const auto runs = hangul_runs(target);
    std::vector<std::string> out;
    for (const auto& word : reader.words(source)) {
        if (common.count(word) || contains(runs, word) || contains(out, word)) continue;
        const bool inside = std::any_of(runs.begin(), runs.end(), [&](const std::string& r) {
            return r.find(word) != std::string::npos;
        });
        if (inside) out.push_back(word);
    }
    return out;
}

std::string two_longest(const std::vector<std::string>& words) {
    std::vector<std::size_t> order(words.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return syllables(words[a]) > syllables(words[b]);
    });
    const auto [first, second] = std::minmax(order[0], order[1]);
    return words[first] + " " + words[second];
}

std::string pick_two(const std::vector<std::string>& candidates, std::uint32_t seed) {
    std::mt19937 rng(seed);
    const std::size_t n = candidates.size();
    const std::size_t a = rng() % n;
    std::size_t b = rng() % (n - 1);
    if (b >= a) ++b;
    const auto [first, second] = std::minmax(a, b);
    return candidates[first] + " " + candidates[second];
}

}  // namespace

std::vector<std::string> hangul_runs(std::string_view text) {
    std::vector<std::string> runs;
    std::string run;
    for (std::size_t i = 0; i < text.size();) {
        if (syllable_at(text, i)) {
            run.append(text.substr(i, 3));
            i += 3;
            continue;
        }
        if (!run.empty()) runs.push_back(std::exchange(run, {}));
        ++i;
    }
    if (!run.empty()) runs.push_back(std::move(run));
    return runs;
}

bool all_hangul(std::string_view word) {
    if (word.empty() || word.size() % 3) return false;
    for (std::size_t i = 0; i < word.size(); i += 3) {
        if (!syllable_at(word, i)) return false;
    }
    return true;
}

NounReader::NounReader(const std::unordered_set<std::string>& nouns) : nouns_(nouns) {
    for (const auto& w : nouns_) longest_ = std::max(longest_, syllables(w));
}

std::vector<std::string> NounReader::segment(std::string_view eojeol) const {
    constexpr std::size_t kNone = std::numeric_limits<std::size_t>::max();
    const std::size_t n = syllables(eojeol);
    // count[j]: the fewest nouns that make up the first j syllables; from[j]: where the last one
    // starts. On a tie the earlier start (the longer last noun) stays.
    std::vector<std::size_t> count(n + 1, kNone), from(n + 1, 0);
    count[0] = 0;
    for (std::size_t j = 2; j <= n; ++j) {
        for (std::size_t i = j > longest_ ? j - longest_ : 0; i + 2 <= j; ++i) {
            if (count[i] == kNone || count[i] + 1 >= count[j]) continue;
            if (!nouns_.count(std::string(eojeol.substr(3 * i, 3 * (j - i))))) continue;
            count[j] = count[i] + 1;
            from[j] = i;
        }
    }
    std::size_t best = 0;
    for (std::size_t p = 2; p <= n; ++p) {
        if (count[p] == kNone) continue;
        if (p < n && !tail_starts().count(std::string(eojeol.substr(3 * p, 3)))) continue;
        if (best == 0 || count[p] <= count[best]) best = p;  // later p: shorter tail
    }
    std::vector<std::string> words;
    for (std::size_t j = best; j > 0; j = from[j]) {
        words.emplace_back(eojeol.substr(3 * from[j], 3 * (j - from[j])));
    }
    std::reverse(words.begin(), words.end());
    return words;
}

std::vector<std::string> NounReader::words(std::string_view line) const {
    std::vector<std::string> out;
    for (const auto& run : hangul_runs(line)) {
        for (auto& w : segment(run)) out.push_back(std::move(w));
    }
    return out;
}

BySide lexicon_queries(const NounReader& reader, const std::vector<std::string>& sk,
                       const std::vector<std::string>& nk, std::size_t common) {
    std::vector<std::string> both = sk;
    both.insert(both.end(), nk.begin(), nk.end());
    const auto frequent = most_frequent(reader, both, common);
    BySide out;
    for (const Side side : {kSk, kNk}) {
        const auto& targets = side == kSk ? sk : nk;
        for (std::size_t i = 0; i < sk.size() && i < targets.size(); ++i) {
            const auto words = qualifying(reader, sk[i], targets[i], frequent);
            if (words.size() >= 2) out[side].push_back({i, two_longest(words)});
        }
    }
    return out;
}

std::vector<Query> particle_queries(const std::vector<std::string>& sk) {
    // Longest first, so that 에서 and 으로 win over 서-less 에 and 로.
    static const std::vector<std::string> particles = {
        "에서", "으로", "을", "를", "이", "가", "은", "는", "의", "에", "로", "와", "과", "도"};
    std::vector<Query> out;
    for (std::size_t i = 0; i < sk.size(); ++i) {
        const auto runs = hangul_runs(sk[i]);
        std::vector<std::string> stems;
        for (const auto& run : runs) {
            for (const auto& p : particles) {
                if (run.size() < p.size() + 6 || !run.ends_with(p)) continue;
                std::string stem = run.substr(0, run.size() - p.size());
                if (!contains(runs, stem) && !contains(stems, stem)) stems.push_back(stem);
                break;
            }
        }
        if (stems.size() >= 2) {
            out.push_back({i, pick_two(stems, static_cast<std::uint32_t>(i + 1))});
        }
    }
    return out;
}

std::vector<Query> cap(std::vector<Query> queries, std::size_t n, std::uint32_t seed) {
    if (queries.size() <= n) return queries;
    std::vector<std::size_t> order(queries.size());
    std::iota(order.begin(), order.end(), 0);
    std::mt19937 rng(seed);
    for (std::size_t k = 0; k < n; ++k) {
        std::swap(order[k], order[k + rng() % (order.size() - k)]);
    }
    order.resize(n);
    std::sort(order.begin(), order.end());
    std::vector<Query> kept;
    for (const std::size_t k : order) kept.push_back(std::move(queries[k]));
    return kept;
}

std::string in_context(const std::string& query, std::string_view target) {
    const auto runs = hangul_runs(target);
    std::vector<std::string> holders;
    std::istringstream words(query);
    for (std::string w; words >> w;) {
        const auto it = std::find_if(runs.begin(), runs.end(), [&](const std::string& r) {
            return r.find(w) != std::string::npos;
        });
        std::string holder = it == runs.end() ? "?" : *it;
        if (holders.empty() || holders.back() != holder) holders.push_back(std::move(holder));
    }
    std::string out = query + " <-";
    for (const auto& h : holders) out += " " + h;
    return out;
}

}  // namespace eval
