// SPDX-License-Identifier: GPL-2.0-or-later
#include "hunspell_stemmer.hpp"

#include <hunspell/hunspell.hxx>

#include <stdexcept>
#include <string>
#include <unordered_map>
#include <vector>

#include <ngosearch/analysis/korean_lexicon.hpp>
#include <ngosearch/analysis/tokenizer.hpp>

namespace eval {

namespace {

namespace an = ngosearch::analysis;

std::size_t syllables(std::string_view s) { return s.size() / 3; }

class HunspellKoreanStemmer final : public an::Stemmer {
public:
    HunspellKoreanStemmer(std::filesystem::path dic, HunspellMode mode)
        : dic_(std::move(dic)),
          mode_(mode),
          rules_(an::make_korean_stemmer(an::KoreanLexicon::system_default())),
          name_(mode == HunspellMode::Alone ? "ko_hunspell" : "ko_rules_then_hunspell") {}

    std::string stem(std::string_view term) const override {
        thread_local std::unordered_map<std::string, std::string> cache;
        const std::string key(term);
        if (const auto it = cache.find(key); it != cache.end()) return it->second;
        std::string out;
        if (mode_ == HunspellMode::AfterRules) {
            out = rules_->stem(term);
            if (out == term) out = lemma_noun(term);
        } else {
            out = lemma_noun(term);
        }
        if (cache.size() > (1u << 16)) cache.clear();
        cache.emplace(key, out);
        return out;
    }

    std::string_view name() const noexcept override { return name_; }

private:
    // hunspell's first stem, less a light verb (보호하다 → 보호); kept only when it is a prefix
    // of the word and has two syllables or more (this rejects 탈북민 → 탈 and 유엔 → 유).
    std::string lemma_noun(std::string_view term) const {
        thread_local std::unique_ptr<Hunspell> h;
        if (!h) {
            std::filesystem::path aff = dic_;
            aff.replace_extension(".aff");
            h = std::make_unique<Hunspell>(aff.c_str(), dic_.c_str());
        }
        const std::vector<std::string> stems = h->stem(std::string(term));
        if (stems.empty()) return std::string(term);
        std::string s = stems.front();
        for (const std::string_view verb : {"당하다", "시키다", "하다", "되다", "받다", "지다"}) {
            if (s.size() > verb.size() && s.ends_with(verb)) {
                s.resize(s.size() - verb.size());
                break;
            }
        }
        if (s.ends_with("다")) s.resize(s.size() - 3);
        if (syllables(s) < 2 || !term.starts_with(s)) return std::string(term);
        return s;
    }

    std::filesystem::path dic_;
    HunspellMode mode_;
    std::unique_ptr<an::Stemmer> rules_;
    std::string name_;
};

}  // namespace

std::shared_ptr<const an::Analyzer> hunspell_analyzer(const std::filesystem::path& dic,
                                                      HunspellMode mode) {
    if (!std::filesystem::exists(dic)) throw std::runtime_error(dic.string() + ": no such file");
    const auto lexicon = an::KoreanLexicon::system_default();
    return std::make_shared<const an::Analyzer>(
        an::make_unicode_word_tokenizer(), an::Analyzer::standard_filters(lexicon),
        an::make_script_stemmer(std::make_unique<HunspellKoreanStemmer>(dic, mode),
                                an::make_snowball_stemmer("english")),
        1);
}

}  // namespace eval
