// SPDX-License-Identifier: GPL-2.0-or-later
#include <algorithm>
#include <string>
#include <unordered_map>
#include <vector>

#include <ngosearch/analysis/korean_lexicon.hpp>
#include <ngosearch/analysis/stemmer.hpp>

#include "analysis/korean_stemmer.hpp"
#include "analysis/korean_tails.hpp"
#include "detail/embedded_data.hpp"
#include "detail/hangul.hpp"

namespace ngosearch::analysis {

namespace {

// Suffixes sorted longest first, so that "에서" is tried before "에" and "으로부터" before "부터".
std::vector<std::string_view> longest_first(std::string_view file) {
    std::vector<std::string_view> v = detail::list_lines(file);
    std::stable_sort(v.begin(), v.end(),
                     [](std::string_view a, std::string_view b) { return a.size() > b.size(); });
    return v;
}

// Shortest stem the rules may leave on their own; a lexicon may confirm a shorter one (법을 → 법).
// One-syllable guesses are mostly wrong (결과 → 결, 회의 → 회).
constexpr std::size_t kMinRuleSyllables = 2;
// Particles stack (탈북자들의, 북한에서는) but rarely more than three deep.
constexpr int kMaxParticleSteps = 3;

}  // namespace

KoreanStemmer::KoreanStemmer(std::shared_ptr<const KoreanLexicon> lexicon)
    : lexicon_(lexicon ? std::move(lexicon) : KoreanLexicon::from_words({}, "none")),
      particles_(longest_first(data::ko_particles)),
      suffixes_(detail::list_lines(data::ko_suffixes)),
      name_(lexicon_->size() ? "ko_lex(" + lexicon_->name() + ")" : "ko_rules") {}

bool KoreanStemmer::known(std::string_view word) const {
    return lexicon_->contains(word) || lexicon_->contains(detail::initial_sound_rule(word));
}

std::vector<std::string> KoreanStemmer::known_words(std::string_view stem, bool whole_ok) const {
    constexpr std::size_t kMaxSyllables = 16;
    const std::size_t n = detail::code_points(stem);
    if (n < 2 || n > kMaxSyllables || !detail::all_hangul_syllables(stem)) return {};
    // parts[i]: fewest parts covering the first i syllables; from[i]: where the last part starts.
    constexpr std::size_t kNone = 1000;
    std::size_t parts[kMaxSyllables + 1], from[kMaxSyllables + 1];
    std::fill(std::begin(parts), std::end(parts), kNone);
    parts[0] = 0;
    for (std::size_t end = 1; end <= n; ++end) {
        for (std::size_t begin = 0; begin < end; ++begin) {
            if (parts[begin] == kNone || (begin == 0 && end == n && !whole_ok)) continue;
            const std::string_view piece = stem.substr(begin * 3, (end - begin) * 3);
            const bool ok = (end - begin >= 2) ? known(piece)
                                               : (end == n && std::find(suffixes_.begin(),
                                                                        suffixes_.end(), piece) !=
                                                                  suffixes_.end());
            // Ties go to the split with the longer first parts (found first, begin ascending).
            if (ok && parts[begin] + 1 < parts[end]) {
                parts[end] = parts[begin] + 1;
                from[end] = begin;
            }
        }
    }
    if (parts[n] == kNone) return {};
    std::vector<std::string> out(parts[n]);
    for (std::size_t end = n, k = parts[n]; end > 0; end = from[end]) {
        out[--k] = std::string(stem.substr(from[end] * 3, (end - from[end]) * 3));
    }
    return out;
}

std::vector<std::string> KoreanStemmer::split_uncached(std::string_view stem) const {
    constexpr std::size_t kMinSyllables = 4;
    if (detail::code_points(stem) < kMinSyllables) return {};
    return known_words(stem, false);
}

std::vector<std::string> KoreanStemmer::decompound_uncached(std::string_view stem) const {
    std::vector<std::string> parts = split_compound(stem);
    if (!parts.empty()) return parts;
    // One unknown piece of two syllables or more, first or last: a name or loanword with a
    // known word (매케인|상원의원, 세라노|고추), never a one-syllable prefix (비|공개 must not
    // make 공개 find 비공개).
    constexpr std::size_t kMinUnknown = 2, kMinSyllables = 4;
    const std::size_t n = detail::code_points(stem);
    if (n < kMinSyllables || n > 16 || !detail::all_hangul_syllables(stem)) return {};
    for (std::size_t u = kMinUnknown; u + 2 <= n; ++u) {
        std::vector<std::string> rest = known_words(stem.substr(u * 3), true);
        if (rest.empty()) continue;
        rest.insert(rest.begin(), std::string(stem.substr(0, u * 3)));
        return rest;
    }
    for (std::size_t u = kMinUnknown; u + 2 <= n; ++u) {
        std::vector<std::string> rest = known_words(stem.substr(0, (n - u) * 3), true);
        if (rest.empty()) continue;
        rest.emplace_back(stem.substr((n - u) * 3));
        return rest;
    }
    return {};
}

namespace {

// Korean text repeats its words, and one word is stemmed and split several times on its way
// through the filters and the indexer: remember recent results, per thread (no locking). They
// depend only on the lexicon, so the cache is shared by every stemmer of the same lexicon.
struct Cache {
    std::uint64_t lexicon = 0;
    std::unordered_map<std::string, std::string> stems;
    std::unordered_map<std::string, std::vector<std::string>> splits;
};

Cache& thread_cache(const KoreanLexicon& lexicon) {
    constexpr std::size_t kMaxCached = 1 << 16;
    thread_local Cache cache;
    if (cache.lexicon != lexicon.identity() || cache.stems.size() >= kMaxCached ||
        cache.splits.size() >= kMaxCached) {
        cache.stems.clear();
        cache.splits.clear();
        cache.lexicon = lexicon.identity();
    }
    return cache;
}

}  // namespace

std::string KoreanStemmer::stem(std::string_view term) const {
    auto& stems = thread_cache(*lexicon_).stems;
    std::string key(term);
    if (const auto it = stems.find(key); it != stems.end()) return it->second;
    std::string result = stem_uncached(term);
    thread_cache(*lexicon_).stems.emplace(std::move(key), result);
    return result;
}

std::vector<std::string> KoreanStemmer::split_compound(std::string_view stem) const {
    auto& splits = thread_cache(*lexicon_).splits;
    std::string key(stem);
    if (const auto it = splits.find(key); it != splits.end()) return it->second;
    std::vector<std::string> result = split_uncached(stem);
    thread_cache(*lexicon_).splits.emplace(std::move(key), result);
    return result;
}

std::vector<std::string> KoreanStemmer::decompound(std::string_view stem) const {
    // Cached beside the strict splits, under a key no word starts with.
    auto& splits = thread_cache(*lexicon_).splits;
    std::string key = "\x01" + std::string(stem);
    if (const auto it = splits.find(key); it != splits.end()) return it->second;
    std::vector<std::string> result = decompound_uncached(stem);
    thread_cache(*lexicon_).splits.emplace(std::move(key), result);
    return result;
}

std::string KoreanStemmer::stem_uncached(std::string_view term) const {
    // Candidate stems, from the word itself down: the word less stacked particles (문재인은 →
    // 문재인), the word less a predicate ending (석방됐다 → 석방, 잠재적인 → 잠재적).
    struct Candidate {
        std::string_view stem;
        bool predicate;            // what was stripped is a predicate ending
        KoreanTails::Strength strength = KoreanTails::Strength::Strong;
    };
    std::vector<Candidate> candidates{{term, false}};
    // Every particle that ends the word is a candidate, then every one that ends what is left
    // (탈북자들의 → 탈북자들 → 탈북자): 결과의 is 결과 + 의, not 결 + 과의; the lexicon decides.
    std::vector<std::string_view> frontier{term};
    for (int step = 0; step < kMaxParticleSteps && !frontier.empty(); ++step) {
        std::vector<std::string_view> next;
        for (const std::string_view f : frontier) {
            for (const std::string_view p : particles_) {
                if (f.size() <= p.size() || !f.ends_with(p)) continue;
                const std::string_view c = f.substr(0, f.size() - p.size());
                const bool seen = std::any_of(candidates.begin(), candidates.end(),
                                              [&](const Candidate& x) { return x.stem == c; });
                if (seen) continue;
                candidates.push_back({c, false});
                next.push_back(c);
            }
        }
        frontier.swap(next);
    }
    thread_local std::vector<KoreanTails::Match> tails;
    tails.clear();
    KoreanTails::instance().match(term, tails);
    for (const auto& m : tails) {
        candidates.push_back({term.substr(0, term.size() - m.bytes), true, m.strength});
    }
    std::stable_sort(candidates.begin(), candidates.end(),
                     [](const Candidate& a, const Candidate& b) {
                         return a.stem.size() > b.stem.size();
                     });
    // A noun before a predicate ending has two syllables or more: 위한, 대한, 의하면 stay whole.
    const auto allowed = [](const Candidate& c) {
        return !c.predicate || detail::code_points(c.stem) >= kMinRuleSyllables;
    };
    // 1. The longest candidate the lexicon knows.
    for (const Candidate& c : candidates) {
        if (allowed(c) && known(c.stem)) return detail::initial_sound_rule(c.stem);
    }
    // 2. The candidate that splits into the fewest known words (인권이사회의 splits as
    //    인권|이사|회의 but 인권이사회 as 인권|이사회: the particle-free form wins). Each word of
    //    the split follows the initial-sound rule: 이주로동자 → 이주노동자.
    //    On a tie the word less a particle wins over the whole word: 교정본부의 is
    //    교정|본부 + 의, not 교정본|부의.
    std::vector<std::string> best;
    bool best_is_whole = false;
    for (const Candidate& c : candidates) {
        if (!allowed(c)) continue;
        std::vector<std::string> parts = split_compound(c.stem);
        if (parts.empty()) continue;
        const bool whole = c.stem.size() == term.size();
        if (best.empty() || parts.size() < best.size() ||
            (parts.size() == best.size() && best_is_whole && !c.predicate)) {
            best = std::move(parts);
            best_is_whole = whole;
        }
    }
    // A split of the whole word that ends in a body or law suffix read with its particle as
    //    one word (보위부의 as 보위|부의, 보위부가 as 보위|부가) is the word less the particle.
    if (best_is_whole && best.size() >= 2 && detail::code_points(best.back()) == 2 &&
        detail::code_points(term) >= 4) {
        const std::string_view last = best.back();
        const std::string_view suffix = last.substr(0, 3), particle = last.substr(3);
        const bool is_suffix =
            std::find(suffixes_.begin(), suffixes_.end(), suffix) != suffixes_.end();
        const bool is_particle =
            std::find(particles_.begin(), particles_.end(), particle) != particles_.end();
        if (is_suffix && is_particle) {
            return detail::initial_sound_rule(term.substr(0, term.size() - particle.size()));
        }
    }
    if (!best.empty()) {
        std::string out;
        for (const auto& part : best) {
            out += detail::code_points(part) >= 2 ? detail::initial_sound_rule(part) : part;
        }
        return out;
    }
    // 3. Rules alone: the most stripped candidate that keeps two syllables, where what was
    //    stripped is surely a particle or a predicate ending, and what is left is no verb stem
    //    (말하는 is not 말하 + 는).
    const auto verb_stem = [](std::string_view c) {
        return c.ends_with("하") || c.ends_with("되");
    };
    for (auto it = candidates.rbegin(); it != candidates.rend(); ++it) {
        if (it->stem.size() < term.size() && detail::code_points(it->stem) >= kMinRuleSyllables &&
            it->strength == KoreanTails::Strength::Strong && !verb_stem(it->stem)) {
            return detail::initial_sound_rule(it->stem);
        }
    }
    return detail::initial_sound_rule(term);
}

std::unique_ptr<Stemmer> make_korean_stemmer(std::shared_ptr<const KoreanLexicon> lexicon) {
    return std::make_unique<KoreanStemmer>(std::move(lexicon));
}

}  // namespace ngosearch::analysis
