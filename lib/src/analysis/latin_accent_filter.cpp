// SPDX-License-Identifier: GPL-2.0-or-later
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <ngosearch/analysis/token_filter.hpp>

#include "detail/icu_check.hpp"

namespace ngosearch::analysis {

namespace {

bool is_ascii(std::string_view s) {
    for (const char c : s) {
        if (static_cast<unsigned char>(c) >= 0x80) return false;
    }
    return true;
}

// Folds accents off Latin words, as Lucene's ASCIIFoldingFilter does for the common case:
// "Salmón" and "Salmon", "Tomás" and "Tomas" meet. Only Latin tokens: decomposing Hangul would
// turn syllables into jamo.
class LatinAccentFilter final : public TokenFilter {
public:
    LatinAccentFilter() {
        UErrorCode status = U_ZERO_ERROR;
        nfd_ = icu::Normalizer2::getNFDInstance(status);
        detail::check_icu(status, "Normalizer2::getNFDInstance");
        nfc_ = icu::Normalizer2::getNFCInstance(status);
        detail::check_icu(status, "Normalizer2::getNFCInstance");
    }

    void apply(std::string_view /*source*/, TokenBuffer& tokens) const override {
        for (Token& t : tokens) {
            if (t.script != text::Script::Latin || is_ascii(t.text)) continue;
            UErrorCode status = U_ZERO_ERROR;
            const icu::UnicodeString decomposed =
                nfd_->normalize(icu::UnicodeString::fromUTF8(t.text), status);
            if (U_FAILURE(status)) continue;
            icu::UnicodeString bare;
            for (int32_t i = 0; i < decomposed.length();) {
                const UChar32 c = decomposed.char32At(i);
                if (u_charType(c) != U_NON_SPACING_MARK) bare.append(c);
                i += U16_LENGTH(c);
            }
            const icu::UnicodeString composed = nfc_->normalize(bare, status);
            if (U_FAILURE(status) || composed.isEmpty()) continue;
            t.text.clear();
            composed.toUTF8String(t.text);
        }
    }

    std::string_view name() const noexcept override { return "latin_fold"; }

private:
    const icu::Normalizer2* nfd_ = nullptr;
    const icu::Normalizer2* nfc_ = nullptr;
};

}  // namespace

std::unique_ptr<TokenFilter> make_latin_accent_filter() {
    return std::make_unique<LatinAccentFilter>();
}

}  // namespace ngosearch::analysis
