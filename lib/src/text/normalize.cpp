// SPDX-License-Identifier: GPL-2.0-or-later
#include <ngosearch/text/normalize.hpp>

#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <ngosearch/text/utf8.hpp>

#include "detail/icu_check.hpp"

namespace ngosearch::text {

namespace {

const icu::Normalizer2& nfkc_casefold() {
    // ICU singletons are immutable and thread-safe; look it up once.
    static const icu::Normalizer2* const instance = [] {
        UErrorCode status = U_ZERO_ERROR;
        const icu::Normalizer2* n = icu::Normalizer2::getNFKCCasefoldInstance(status);
        detail::check_icu(status, "Normalizer2::getNFKCCasefoldInstance");
        return n;
    }();
    return *instance;
}

}  // namespace

std::string normalize(std::string_view utf8) {
    const icu::Normalizer2& n = nfkc_casefold();
    UErrorCode status = U_ZERO_ERROR;
    // Fast path: most terms are already normalised (ASCII lower case, precomposed Hangul).
    if (is_valid_utf8(utf8)) {
        const icu::StringPiece piece(utf8.data(), static_cast<int32_t>(utf8.size()));
        if (n.isNormalizedUTF8(piece, status) && U_SUCCESS(status)) return std::string(utf8);
        status = U_ZERO_ERROR;
        std::string out;
        icu::StringByteSink<std::string> sink(&out, static_cast<int32_t>(utf8.size()));
        n.normalizeUTF8(0, piece, sink, nullptr, status);
        detail::check_icu(status, "Normalizer2::normalizeUTF8");
        return out;
    }
    return normalize(repair_utf8(utf8).text);
}

std::string fold_accents(std::string_view utf8) {
    bool ascii = true;
    for (const char c : utf8) ascii = ascii && static_cast<unsigned char>(c) < 0x80;
    if (ascii) return std::string(utf8);
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
    const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
    detail::check_icu(status, "Normalizer2::getNFDInstance");
    const icu::UnicodeString decomposed =
        nfd->normalize(icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(),
                                                                     static_cast<int32_t>(utf8.size()))),
                       status);
    detail::check_icu(status, "Normalizer2::normalize");
    icu::UnicodeString bare;
    for (int32_t i = 0; i < decomposed.length();) {
        const UChar32 c = decomposed.char32At(i);
        if (u_charType(c) != U_NON_SPACING_MARK) bare.append(c);
        i += U16_LENGTH(c);
    }
    const icu::UnicodeString composed = nfc->normalize(bare, status);
    detail::check_icu(status, "Normalizer2::normalize");
    std::string out;
    composed.toUTF8String(out);
    return out;
}

}  // namespace ngosearch::text
