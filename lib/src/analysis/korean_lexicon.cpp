// SPDX-License-Identifier: GPL-2.0-or-later
#include <ngosearch/analysis/korean_lexicon.hpp>

#include <unicode/normalizer2.h>

#include <atomic>
#include <cstdlib>
#include <fstream>
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
    std::string out;
    icu::StringByteSink<std::string> sink(&out);
    n->normalizeUTF8(0, icu::StringPiece(s.data(), static_cast<int32_t>(s.size())), sink, nullptr,
                     status);
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

    void add(std::string_view raw) {
        std::string w = nfc(raw);
        if (!w.empty() && detail::all_hangul_syllables(w)) words.insert(std::move(w));
    }
};

KoreanLexicon::KoreanLexicon(Key, std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
KoreanLexicon::~KoreanLexicon() = default;

std::shared_ptr<const KoreanLexicon> KoreanLexicon::load_hunspell(const std::filesystem::path& dic) {
    std::ifstream in(dic, std::ios::binary);
    if (!in) throw InputError(dic.string(), "cannot open Korean dictionary");
    auto impl = std::make_unique<Impl>();
    std::string line;
    std::getline(in, line);  // entry count
    while (std::getline(in, line)) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        const std::size_t slash = line.find('/');
        impl->add(std::string_view(line).substr(0, slash));
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
