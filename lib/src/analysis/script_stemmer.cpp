// SPDX-License-Identifier: GPL-2.0-or-later
#include <ngosearch/analysis/stemmer.hpp>
#include <ngosearch/error.hpp>
#include <ngosearch/text/script.hpp>

namespace ngosearch::analysis {

namespace {

class ScriptStemmer final : public Stemmer {
public:
    ScriptStemmer(std::unique_ptr<Stemmer> korean, std::unique_ptr<Stemmer> latin)
        : korean_(std::move(korean)), latin_(std::move(latin)) {
        if (!korean_ || !latin_) throw InvalidArgument("make_script_stemmer: null stemmer");
        name_ = std::string(korean_->name()) + "+" + std::string(latin_->name());
    }

    std::string stem(std::string_view term) const override {
        switch (text::final_script(term)) {
            case text::Script::Hangul:
                return korean_->stem(term);
            case text::Script::Latin:
                return latin_->stem(term);
            default:
                return std::string(term);
        }
    }

    std::string_view name() const noexcept override { return name_; }

private:
    std::unique_ptr<Stemmer> korean_;
    std::unique_ptr<Stemmer> latin_;
    std::string name_;
};

}  // namespace

std::unique_ptr<Stemmer> make_script_stemmer(std::unique_ptr<Stemmer> korean,
                                             std::unique_ptr<Stemmer> latin) {
    return std::make_unique<ScriptStemmer>(std::move(korean), std::move(latin));
}

std::unique_ptr<Stemmer> make_standard_stemmer(std::shared_ptr<const KoreanLexicon> lexicon) {
    return make_script_stemmer(make_korean_stemmer(std::move(lexicon)),
                               make_snowball_stemmer("english"));
}

}  // namespace ngosearch::analysis
