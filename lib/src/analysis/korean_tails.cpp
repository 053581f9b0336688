// SPDX-License-Identifier: GPL-2.0-or-later
#include "analysis/korean_tails.hpp"

#include <algorithm>
#include <array>
#include <span>

#include "detail/hangul.hpp"

namespace ngosearch::analysis {

namespace {

using Strength = KoreanTails::Strength;

// An ending as written after a stem that ends in a vowel and after one that ends in a
// consonant (받, and the past 했, 됐 …). A leading ㄴ ㄹ ㅁ ㅂ (compatibility jamo) in `vowel`
// joins the stem's last syllable as its coda: 하 + ㄴ다 → 한다. An empty form: not after such
// a stem. `after_past`: also after 었 and 겠 (했다, 했을, 했음), not only after the stem.
struct Ending {
    std::string_view vowel;
    std::string_view consonant;
    bool after_past;
};

// Connectives, sentence endings, adnominals and nominalisers with their common particles.
constexpr Ending kEndings[] = {
    {"다", "다", true}, {"고", "고", true}, {"지", "지", true}, {"게", "게", false},
    {"기", "기", true}, {"는", "는", false}, {"던", "던", true}, {"도록", "도록", false},
    {"지만", "지만", true}, {"는데", "는데", true}, {"거나", "거나", true},
    {"든지", "든지", true}, {"다가", "다가", true}, {"다고", "다고", true},
    {"다는", "다는", true}, {"다며", "다며", true}, {"다면", "다면", true},
    {"다니", "다니", true}, {"자", "자", false}, {"자고", "자고", false},
    {"자는", "자는", false}, {"지요", "지요", true}, {"죠", "죠", true}, {"네", "네", true},
    {"는지", "는지", true}, {"는가", "는가", true}, {"더라도", "더라도", true},
    {"더니", "더니", true}, {"던데", "던데", true}, {"고서", "고서", false},
    {"고도", "고도", true}, {"고는", "고는", true}, {"고자", "고자", false},
    {"느냐", "느냐", true}, {"냐고", "냐고", true}, {"지도", "지도", true},
    {"지는", "지는", true}, {"지를", "지를", true}, {"기에", "기에", true},
    {"기로", "기로", true}, {"기를", "기를", true}, {"기는", "기는", true},
    {"기도", "기도", true}, {"기가", "기가", true}, {"기의", "기의", true},
    {"기와", "기와", true}, {"기까지", "기까지", true}, {"기만", "기만", true},
    {"기보다", "기보다", true}, {"기에는", "기에는", true}, {"기엔", "기엔", true},
    {"기조차", "기조차", true}, {"기란", "기란", true}, {"기위해", "기위해", false},
    {"기위한", "기위한", false}, {"는바", "는바", false}, {"는지를", "는지를", true},
    {"는데도", "는데도", true}, {"다는데", "다는데", true}, {"다면서", "다면서", true},
    // ㅡ-alternating endings: 하며 / 받으며, 했으며.
    {"며", "으며", true}, {"면", "으면", true}, {"면서", "으면서", true}, {"니", "으니", true},
    {"나", "으나", true}, {"니까", "으니까", true}, {"므로", "으므로", true},
    {"려고", "으려고", false}, {"려면", "으려면", false}, {"러", "으러", false},
    {"라", "으라", false}, {"려", "으려", false}, {"며는", "으며는", true},
    {"면은", "으면은", true}, {"나마", "으나마", true},
    // A coda joining the stem: 한, 할, 함, 합니다 / 받은, 받을, 받음, 받습니다.
    {"ㄴ", "은", false}, {"ㄴ지", "은지", false}, {"ㄴ데", "은데", false},
    {"ㄴ가", "은가", false}, {"ㄴ바", "은바", false}, {"ㄴ즉", "은즉", false},
    {"ㄴ들", "은들", false}, {"ㄴ다", "는다", false}, {"ㄴ다고", "는다고", false},
    {"ㄴ다는", "는다는", false}, {"ㄴ다며", "는다며", false}, {"ㄴ다면", "는다면", false},
    {"ㄴ다니", "는다니", false}, {"ㄴ다거나", "는다거나", false},
    {"ㄹ", "을", true}, {"ㄹ까", "을까", true}, {"ㄹ지", "을지", true},
    {"ㄹ수록", "을수록", false}, {"ㄹ뿐", "을뿐", true}, {"ㄹ때", "을때", true},
    {"ㄹ지라도", "을지라도", true}, {"ㄹ만큼", "을만큼", true}, {"ㄹ것", "을것", true},
    {"ㄹ수", "을수", true},
    {"ㅁ", "음", true}, {"ㅁ으로", "음으로", true}, {"ㅁ으로써", "음으로써", true},
    {"ㅁ을", "음을", true}, {"ㅁ은", "음은", true}, {"ㅁ이", "음이", true},
    {"ㅁ에", "음에", true}, {"ㅁ에도", "음에도", true}, {"ㅁ과", "음과", true},
    {"ㅁ의", "음의", true}, {"ㅁ도", "음도", true}, {"ㅁ에도불구하고", "음에도불구하고", true},
    {"ㅂ니다", "습니다", true}, {"ㅂ니까", "습니까", true}, {"ㅂ시다", "", false},
};

// What follows the 어 form of a stem (해, 되어, 받아, 시켜): 해서, 해야, 해도, 되어야만.
constexpr std::string_view kAfterEo[] = {"", "서", "야", "도", "요", "야만", "야지", "서는",
                                         "서도", "서야", "라", "야할", "야한다", "야하는"};

// The copula alone takes 라 where other predicates take 다: 이라고, 이라는, 이란.
constexpr std::string_view kCopulaOnly[] = {"라고", "라는", "라며", "라면", "라도", "란",
                                            "라서", "라", "라든가", "라든지", "라야"};

}  // namespace

// A verb: its stem, its 어 forms (하 + 어: 해, 하여) and its past stems (했, 하였); North
// Korean spelling writes 되여, 되였.
struct KoreanTails::Verb {
    std::string_view stem;
    std::array<std::string_view, 3> eo;
    std::array<std::string_view, 3> past;
    Strength strength;
    bool copula;
    std::uint16_t bit;
};

namespace {

constexpr KoreanTails::Verb kLightVerbs[] = {
    {"하", {"해", "하여", ""}, {"했", "하였", ""}, Strength::Strong, false, 0},
    {"되", {"돼", "되어", "되여"}, {"됐", "되었", "되였"}, Strength::Strong, false, 0},
    {"시키", {"시켜", "", ""}, {"시켰", "", ""}, Strength::Strong, false, 0},
    {"당하", {"당해", "당하여", ""}, {"당했", "당하였", ""}, Strength::Strong, false, 0},
    {"받", {"받아", "", ""}, {"받았", "", ""}, Strength::Strong, false, 0},
    {"지", {"져", "", ""}, {"졌", "", ""}, Strength::Weak, false, 0},
    // The copula's forms also end names and compounds (아시안게임이, 김종인가): weak.
    {"이", {"이어", "여", ""}, {"이었", "였", "이였"}, Strength::Weak, true, 0},
};

constexpr KoreanTails::Verb kAuxiliaryVerbs[] = {
    {"있", {"있어", "", ""}, {"있었", "", ""}, Strength::Strong, false, KoreanTails::kIss},
    {"없", {"없어", "", ""}, {"없었", "", ""}, Strength::Strong, false, KoreanTails::kEobs},
    {"않", {"않아", "", ""}, {"않았", "", ""}, Strength::Strong, false, KoreanTails::kAnh},
    {"싶", {"싶어", "", ""}, {"싶었", "", ""}, Strength::Strong, false, KoreanTails::kSip},
    {"못하", {"못해", "못하여", ""}, {"못했", "못하였", ""}, Strength::Strong, false,
     KoreanTails::kMotha},
    {"주", {"줘", "주어", ""}, {"줬", "주었", ""}, Strength::Strong, false, KoreanTails::kJu},
    {"보", {"봐", "보아", ""}, {"봤", "보았", ""}, Strength::Strong, false, KoreanTails::kBo},
    {"하", {"해", "하여", ""}, {"했", "하였", ""}, Strength::Strong, false, KoreanTails::kHa},
    {"되", {"돼", "되어", "되여"}, {"됐", "되었", "되였"}, Strength::Strong, false,
     KoreanTails::kDoe},
};

constexpr char32_t kNieun = 0x3134, kRieul = 0x3139, kMieum = 0x3141, kBieup = 0x3142;

// The coda index (Unicode §3.12) of a compatibility jamo that may join a syllable.
int coda_of_jamo(char32_t jamo) {
    switch (jamo) {
        case kNieun: return 4;
        case kRieul: return 8;
        case kMieum: return 16;
        case kBieup: return 17;
        default: return 0;
    }
}

using detail::ends_in_vowel;

// stem + ending, with a leading coda jamo joined to the stem's last syllable. Empty when the
// coda cannot join (the syllable already has one).
std::string attach(std::string_view stem, std::string_view ending) {
    std::string out(stem);
    if (ending.size() >= 3) {
        const int coda = coda_of_jamo(detail::decode3(ending));
        if (coda) {
            if (!ends_in_vowel(stem)) return {};
            out.resize(out.size() - 3);
            detail::append_syllable(out, detail::syllable_at(stem, stem.size() - 3) +
                                             static_cast<char32_t>(coda));
            out.append(ending.substr(3));
            return out;
        }
    }
    out.append(ending);
    return out;
}

// Every ending after a stem (`past`: a stem with 었 or 겠, which takes fewer endings).
template <typename Add>
void with_endings(std::string_view stem, bool past, Add add) {
    const bool vowel = ends_in_vowel(stem);
    for (const Ending& e : kEndings) {
        if (past && !e.after_past) continue;
        const std::string_view form = vowel ? e.vowel : e.consonant;
        if (form.empty()) continue;
        const std::string tail = attach(stem, form);
        if (!tail.empty()) add(tail);
    }
}

}  // namespace

const KoreanTails& KoreanTails::instance() {
    static const KoreanTails tails(kLightVerbs, std::size(kLightVerbs));
    return tails;
}

const KoreanTails& KoreanTails::auxiliary_verbs() {
    static const KoreanTails tails(kAuxiliaryVerbs, std::size(kAuxiliaryVerbs));
    return tails;
}

void KoreanTails::add(const std::string& tail, Strength strength, std::uint16_t verbs) {
    if (tail.empty()) return;
    // One syllable of the copula (인, 여, 였) or of 지 (진, 져) is also how many words end.
    const Strength s =
        detail::code_points(tail) < 2 && strength == Strength::Strong ? Strength::Weak : strength;
    const auto [it, inserted] = tails_.emplace(tail, Entry{s, verbs});
    if (!inserted) {
        if (s == Strength::Strong) it->second.strength = Strength::Strong;
        it->second.verbs |= verbs;
    }
    max_syllables_ = std::max(max_syllables_, detail::code_points(tail));
}

KoreanTails::KoreanTails(const Verb* verbs, std::size_t count) {
    for (const Verb& v : std::span(verbs, count)) {
        const auto add_one = [&](const std::string& t) { add(t, v.strength, v.bit); };
        const auto add_all = [&](std::string_view stem, bool past) {
            with_endings(stem, past, add_one);
            if (v.copula && !past) {
                for (const std::string_view e : kCopulaOnly) {
                    add_one(std::string(stem) + std::string(e));
                }
            }
        };
        // Plain, honorific (하시, 받으시) and future/conjecture (하겠) stems.
        const std::string honorific = std::string(v.stem) + (ends_in_vowel(v.stem) ? "시" : "으시");
        add_all(v.stem, false);
        add_all(honorific, false);
        add_all(std::string(v.stem) + "겠", true);
        // 어 forms (해서, 되어야, 하셔서) and past stems (했다, 하셨다, 했었다, 했겠다).
        std::vector<std::string> eo(v.eo.begin(), v.eo.end());
        std::vector<std::string> past(v.past.begin(), v.past.end());
        const std::string honorific_base = honorific.substr(0, honorific.size() - 3);
        eo.push_back(honorific_base + "셔");
        past.push_back(honorific_base + "셨");
        past.push_back(honorific_base + "시였");  // North Korean spelling of 셨
        for (const std::string& form : eo) {
            if (form.empty()) continue;
            for (const std::string_view after : kAfterEo) add_one(form + std::string(after));
        }
        for (const std::string& form : past) {
            if (form.empty()) continue;
            add_all(form, true);
            add_all(form + "었", true);
            add_all(form + "겠", true);
        }
    }
}

void KoreanTails::match(std::string_view word, std::vector<Match>& out) const {
    if (word.size() % 3 != 0 || !detail::all_hangul_syllables(word)) return;
    const std::size_t syllables = word.size() / 3;
    for (std::size_t n = std::min(max_syllables_, syllables - 1); n >= 1; --n) {
        const auto it = tails_.find(word.substr(word.size() - n * 3));
        if (it != tails_.end()) out.push_back({n * 3, it->second.strength});
    }
}

}  // namespace ngosearch::analysis
