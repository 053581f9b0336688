// SPDX-License-Identifier: GPL-2.0-or-later
// The endings of predicates built on a noun, so that a derived predicate reduces to its noun:
// 석방됐다 → 석방, 대비할 → 대비, 잠재적인 → 잠재적, 강화시켰다 → 강화, 납치당한 → 납치,
// 처벌받은 → 처벌, 책임지고 → 책임, 조사하셨습니다 → 조사, 보호하기를 → 보호.
//
// A tail is a light verb (하다, 되다, 시키다, 당하다, 받다, 지다, the copula 이다) conjugated:
// honorific 시, past 었 (했, 됐, 하였, 되였 …), 겠, then one ending — a connective (고, 며, 면,
// 서, 게, 지, 도록 …), an adnominal (한, 할, 하는, 된, 될 …), a nominaliser with its particle
// (하기를, 함으로써), a sentence ending (했다, 합니다, 한다고 …). The tails are generated once
// from these tables, with Hangul syllables composed arithmetically (a coda ㄴ, ㄹ, ㅁ, ㅂ joins
// the syllable before it: 하+ㄴ → 한), and matched as suffixes of a word.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace ngosearch::analysis {

class KoreanTails {
public:
    enum class Strength : std::uint8_t {
        /// Surely a predicate ending (하/되/시키/당하/받 + endings, the copula with two
        /// syllables or more: 이다, 이었다): the rules may strip it from an unknown word.
        Strong,
        /// Also a plain word ending (진, 여, 인, 다): stripped only when the lexicon knows
        /// what is left.
        Weak,
    };

    struct Match {
        std::size_t bytes;  ///< length of the tail in bytes
        Strength strength;
    };

    /// Auxiliary verbs written after a connective (하고 있다, 하지 않았다, 해야 한다, 해 주다);
    /// a bit each in auxiliary_verbs().
    enum Auxiliary : std::uint16_t {
        kIss = 1 << 0,     ///< 있다
        kEobs = 1 << 1,    ///< 없다
        kAnh = 1 << 2,     ///< 않다
        kSip = 1 << 3,     ///< 싶다
        kMotha = 1 << 4,   ///< 못하다
        kJu = 1 << 5,      ///< 주다
        kBo = 1 << 6,      ///< 보다
        kHa = 1 << 7,      ///< 하다
        kDoe = 1 << 8,     ///< 되다
    };

    /// The tails of predicates built on a noun, built on first use. Thread-safe, immutable.
    static const KoreanTails& instance();

    /// The conjugated forms of the auxiliary verbs (있다, 있었습니다, 않는, 해야 한다's 한다 …).
    static const KoreanTails& auxiliary_verbs();

    /// Appends the tails `word` ends with, longest first, each leaving at least one syllable.
    void match(std::string_view word, std::vector<Match>& out) const;

    /// True when `tail` is a whole tail.
    bool contains(std::string_view tail) const { return tails_.find(tail) != tails_.end(); }

    /// The Auxiliary bits of the verbs `form` is a form of (0 when none).
    std::uint16_t verbs_of(std::string_view form) const {
        const auto it = tails_.find(form);
        return it == tails_.end() ? 0 : it->second.verbs;
    }

    std::size_t size() const noexcept { return tails_.size(); }

    struct Verb;

private:
    KoreanTails(const Verb* verbs, std::size_t count);
    void add(const std::string& tail, Strength strength, std::uint16_t verbs);

    struct Hash {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const noexcept {
            return std::hash<std::string_view>{}(s);
        }
    };
    struct Entry {
        Strength strength;
        std::uint16_t verbs;
    };
    std::unordered_map<std::string, Entry, Hash, std::equal_to<>> tails_;
    std::size_t max_syllables_ = 0;
};

}  // namespace ngosearch::analysis
