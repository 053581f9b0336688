// SPDX-License-Identifier: GPL-2.0-or-later
#include <ngosearch/analysis/korean_lexicon.hpp>

#include <unicode/normalizer2.h>

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <fstream>
#include <optional>
#include <unordered_map>
#include <unordered_set>

#include <ngosearch/error.hpp>

#include "detail/hangul.hpp"
#include "detail/icu_check.hpp"

namespace ngosearch::analysis {

namespace {

struct StringHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const noexcept {
        return std::hash<std::string_view>{}(s);
    }
};

std::string nfc(std::string_view s) {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* n = icu::Normalizer2::getNFCInstance(status);
    detail::check_icu(status, "Normalizer2::getNFCInstance");
    const icu::StringPiece piece(s.data(), static_cast<int32_t>(s.size()));
    // The dictionary is NFC already, nearly always: checking is cheaper than rewriting.
    if (n->isNormalizedUTF8(piece, status) && U_SUCCESS(status)) return std::string(s);
    status = U_ZERO_ERROR;
    std::string out;
    icu::StringByteSink<std::string> sink(&out);
    n->normalizeUTF8(0, piece, sink, nullptr, status);
    if (U_FAILURE(status)) return {};
    return out;
}

}  // namespace

struct KoreanLexicon::Impl {
    std::unordered_set<std::string, StringHash, std::equal_to<>> words;
    std::string name;
    std::uint64_t identity = next_identity();

    static std::uint64_t next_identity() {
        static std::atomic<std::uint64_t> counter{0};
        return ++counter;
    }

    void add(std::string_view raw) { add_normalized(nfc(raw)); }
    void add_normalized(std::string w) {
        if (!w.empty() && detail::all_hangul_syllables(w)) words.insert(std::move(w));
    }
};

KoreanLexicon::KoreanLexicon(Key, std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
KoreanLexicon::~KoreanLexicon() = default;

namespace {

std::vector<std::string> comma_list(std::string_view list) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start <= list.size()) {
        const std::size_t comma = std::min(list.find(',', start), list.size());
        out.emplace_back(list.substr(start, comma - start));
        start = comma + 1;
    }
    return out;
}

// What a hunspell .aff file says about the flags of .dic entries: hunspell-ko uses numeric
// flags ("FLAG num") through "AF" alias lines, so an entry "word/12" has the flags of alias 12.
struct AffixFacts {
    std::vector<std::vector<std::string>> aliases;
    std::unordered_set<std::string> not_words;    // ONLYINCOMPOUND, FORBIDDENWORD, NEEDAFFIX
    std::unordered_set<std::string> noun_flags;   // flags of rules that add 을/를 and strip nothing

    std::vector<std::string> flags_of(std::string_view field) const {
        if (field.empty()) return {};
        if (!aliases.empty() && field.find_first_not_of("0123456789") == std::string_view::npos) {
            // An alias number; one past the aliases (or too long to be one) names no flags.
            if (field.size() > 9) return {};
            const std::size_t n = std::stoul(std::string(field));
            if (n >= 1 && n <= aliases.size()) return aliases[n - 1];
            return {};
        }
        return comma_list(field);
    }
};

std::vector<std::string_view> fields_of(std::string_view line) {
    std::vector<std::string_view> out;
    std::size_t i = 0;
    while (i < line.size()) {
        while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
        const std::size_t start = i;
        while (i < line.size() && line[i] != ' ' && line[i] != '\t') ++i;
        if (i > start) out.push_back(line.substr(start, i - start));
    }
    return out;
}

std::optional<AffixFacts> read_affix_facts(const std::filesystem::path& aff) {
    std::ifstream in(aff, std::ios::binary);
    if (!in) return std::nullopt;
    AffixFacts facts;
    bool alias_count_seen = false;
    for (std::string line; std::getline(in, line);) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        const auto f = fields_of(line);
        if (f.size() < 2) continue;
        if (f[0] == "AF") {
            // The first AF line gives the number of aliases; the others are aliases 1, 2, …
            if (alias_count_seen) facts.aliases.push_back(comma_list(f[1]));
            alias_count_seen = true;
        } else if (f[0] == "ONLYINCOMPOUND" || f[0] == "FORBIDDENWORD" || f[0] == "NEEDAFFIX") {
            facts.not_words.emplace(f[1]);
        } else if (f[0] == "SFX" && f.size() >= 4 && f[2] == "0") {
            const std::string add = nfc(f[3].substr(0, f[3].find('/')));
            if (add == "을" || add == "를") facts.noun_flags.emplace(f[1]);
        }
    }
    return facts;
}

// Predicates built on a noun: 보호하다, 송환되다, 강화시키다, 납치당하다, 처벌받다, 책임지다.
constexpr std::string_view kLightVerbs[] = {"당하다", "시키다", "하다", "되다", "받다", "지다"};

}  // namespace

std::shared_ptr<const KoreanLexicon> KoreanLexicon::load_hunspell(const std::filesystem::path& dic) {
    std::ifstream in(dic, std::ios::binary);
    if (!in) throw InputError(dic.string(), "cannot open Korean dictionary");
    std::filesystem::path aff = dic;
    aff.replace_extension(".aff");
    // Without the affix file every entry counts as a word.
    const std::optional<AffixFacts> facts = read_affix_facts(aff);
    auto impl = std::make_unique<Impl>();
    struct FlagClass {
        bool not_word;
        bool noun;
    };
    std::unordered_map<std::string, FlagClass> classes;
    std::string line;
    std::getline(in, line);  // entry count
    while (std::getline(in, line)) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        const std::size_t slash = line.find('/');
        const std::string_view raw = std::string_view(line).substr(0, slash);
        if (!facts) {
            impl->add(raw);
            continue;
        }
        // Entries share a few dozen flag sets: classify each set once.
        const std::string field =
            slash == std::string::npos ? std::string() : line.substr(slash + 1);
        auto known_class = classes.find(field);
        if (known_class == classes.end()) {
            const auto flags = facts->flags_of(field);
            const auto has = [&](const std::unordered_set<std::string>& set) {
                return std::any_of(flags.begin(), flags.end(),
                                   [&](const std::string& f) { return set.contains(f); });
            };
            known_class = classes.emplace(field, FlagClass{has(facts->not_words),
                                                           has(facts->noun_flags)}).first;
        }
        const FlagClass& cls = known_class->second;
        // Conjugated stems listed so that endings can join them (해결해, 제작한) and known
        // misspellings are no words.
        if (cls.not_word) continue;
        const std::string word = nfc(raw);
        if (word.ends_with("다") && !cls.noun) {
            // A predicate is looked up by its noun, which it then vouches for.
            for (const std::string_view verb : kLightVerbs) {
                if (word.size() >= verb.size() + 6 && word.ends_with(verb)) {
                    impl->add_normalized(word.substr(0, word.size() - verb.size()));
                    break;
                }
            }
            continue;
        }
        impl->add_normalized(word);
    }
    if (in.bad()) throw InputError(dic.string(), "read failed");
    impl->name = "hunspell-ko/" + std::to_string(impl->words.size());
    return std::make_shared<const KoreanLexicon>(Key{}, std::move(impl));
}

std::shared_ptr<const KoreanLexicon> KoreanLexicon::from_words(const std::vector<std::string>& words,
                                                               std::string name) {
    auto impl = std::make_unique<Impl>();
    for (const auto& w : words) impl->add(w);
    impl->name = std::move(name);
    return std::make_shared<const KoreanLexicon>(Key{}, std::move(impl));
}

std::shared_ptr<const KoreanLexicon> KoreanLexicon::system_default() {
    static const std::shared_ptr<const KoreanLexicon> instance = [] {
        const char* env = std::getenv("NGOSEARCH_KO_DICT");
        const std::filesystem::path path =
            (env && *env) ? env : "/usr/share/hunspell/ko_KR.dic";
        try {
            return load_hunspell(path);
        } catch (const InputError&) {
            return from_words({}, "none");
        }
    }();
    return instance;
}

bool KoreanLexicon::contains(std::string_view word) const {
    return impl_->words.find(word) != impl_->words.end();
}

std::size_t KoreanLexicon::size() const noexcept { return impl_->words.size(); }

const std::string& KoreanLexicon::name() const noexcept { return impl_->name; }

std::uint64_t KoreanLexicon::identity() const noexcept { return impl_->identity; }

}  // namespace ngosearch::analysis
