// SPDX-License-Identifier: GPL-2.0-or-later
#include <ngosearch/analysis/analyzer.hpp>
#include <ngosearch/analysis/korean_lexicon.hpp>
#include <ngosearch/error.hpp>

namespace ngosearch::analysis {

namespace {
// Bump when the standard pipeline's output changes, so old indexes are detected.
constexpr int kStandardVersion = 4;
}  // namespace

Analyzer::Analyzer(std::unique_ptr<Tokenizer> tokenizer,
                   std::vector<std::unique_ptr<TokenFilter>> filters,
                   std::unique_ptr<Stemmer> stemmer, int version)
    : tokenizer_(std::move(tokenizer)), filters_(std::move(filters)), stemmer_(std::move(stemmer)) {
    if (!tokenizer_) throw InvalidArgument("Analyzer: tokenizer must not be null");
    if (!stemmer_) throw InvalidArgument("Analyzer: stemmer must not be null");
    fingerprint_ = std::string(tokenizer_->name());
    for (const auto& f : filters_) {
        if (!f) throw InvalidArgument("Analyzer: filters must not be null");
        fingerprint_ += "+";
        fingerprint_ += f->name();
    }
    fingerprint_ += "|";
    fingerprint_ += stemmer_->name();
    fingerprint_ += '/';
    fingerprint_ += std::to_string(version);
}

Analyzer::~Analyzer() = default;

std::vector<std::unique_ptr<TokenFilter>> Analyzer::standard_filters(
    std::shared_ptr<const KoreanLexicon> lexicon) {
    std::vector<std::unique_ptr<TokenFilter>> filters;
    filters.push_back(make_normalize_filter());
    filters.push_back(make_latin_accent_filter());
    filters.push_back(make_english_possessive_filter());
    filters.push_back(make_hyphen_join_filter());
    filters.push_back(make_number_unit_filter());
    filters.push_back(make_korean_auxiliary_filter());
    filters.push_back(make_korean_spacing_filter(lexicon));
    filters.push_back(make_korean_compound_filter(lexicon));
    return filters;
}

std::shared_ptr<const Analyzer> Analyzer::standard() {
    static const std::shared_ptr<const Analyzer> instance = [] {
        const auto lexicon = KoreanLexicon::system_default();
        return std::make_shared<const Analyzer>(make_unicode_word_tokenizer(),
                                                standard_filters(lexicon),
                                                make_standard_stemmer(lexicon), kStandardVersion);
    }();
    return instance;
}

void Analyzer::analyze(std::string_view text, TokenBuffer& out) const {
    // Filters see only this call's tokens, so a caller may append several fields to one buffer.
    TokenBuffer fresh;
    TokenBuffer& target = out.empty() ? out : fresh;
    const std::uint32_t first_position = out.empty() ? 0 : out.back().position + 1;
    tokenizer_->tokenize(text, target);
    for (const auto& f : filters_) f->apply(text, target);
    if (&target == &fresh) {
        for (Token& t : fresh) {
            t.position += first_position;
            out.push_back(std::move(t));
        }
    }
}

TokenBuffer Analyzer::analyze(std::string_view text) const {
    TokenBuffer out;
    analyze(text, out);
    return out;
}

std::string Analyzer::stem(std::string_view term) const { return stemmer_->stem(term); }

std::string Analyzer::normalize_term(std::string_view word) const {
    TokenBuffer tokens;
    Token t;
    t.text.assign(word);
    t.end = static_cast<std::uint32_t>(word.size());
    tokens.push_back(std::move(t));
    for (const auto& f : filters_) f->apply(word, tokens);
    std::string out;
    for (const Token& tok : tokens) {
        if (!is_extra(tok.kind)) out += tok.text;
    }
    return out;
}

const std::string& Analyzer::fingerprint() const noexcept { return fingerprint_; }

const Stemmer& Analyzer::stemmer() const noexcept { return *stemmer_; }

}  // namespace ngosearch::analysis
