// SPDX-License-Identifier: GPL-2.0-or-later
#include "ingest/text_decode.hpp"

#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>

#include <algorithm>
#include <memory>
#include <optional>

#include <ngosearch/error.hpp>
#include <ngosearch/text/utf8.hpp>

namespace ngosearch::ingest::detail {

namespace {

// A NUL byte this early means a binary file, not text with a stray control character.
constexpr std::size_t kBinarySniffBytes = 64 * 1024;
// Charset detection reads this much; it is enough to tell EUC-KR from other encodings.
constexpr std::size_t kDetectBytes = 64 * 1024;
// Below this confidence (0-100) ICU's guess is not taken.
constexpr int32_t kMinConfidence = 30;
// Up to this many invalid bytes, or 1 in kDamagedShare, are damaged UTF-8; more are another
// encoding (in EUC-KR every Hangul syllable is two invalid bytes).
constexpr std::size_t kDamagedBytes = 8;
constexpr std::size_t kDamagedShare = 50;

struct DetectorCloser {
    void operator()(UCharsetDetector* d) const { ucsdet_close(d); }
};
struct ConverterCloser {
    void operator()(UConverter* c) const { ucnv_close(c); }
};

// Converts `bytes` in `encoding` to UTF-8; nullopt if ICU has no such converter. Bytes the
// converter cannot map become U+FFFD and are counted.
std::optional<DecodedText> convert(std::string_view bytes, const char* encoding) {
    UErrorCode status = U_ZERO_ERROR;
    const std::unique_ptr<UConverter, ConverterCloser> from(ucnv_open(encoding, &status));
    if (U_FAILURE(status)) return std::nullopt;
    std::unique_ptr<UConverter, ConverterCloser> to(ucnv_open("UTF-8", &status));
    if (U_FAILURE(status)) return std::nullopt;
    DecodedText out;
    out.encoding = encoding;
    // Count substitutions: a callback would be exact; comparing is simpler — ICU writes U+FFFD
    // (EF BF BD) for what it cannot map, and the source had none of those (it was not UTF-8).
    out.text.resize(bytes.size() * 3 + 16);
    char* target = out.text.data();
    const char* source = bytes.data();
    ucnv_convertEx(to.get(), from.get(), &target, out.text.data() + out.text.size(), &source,
                   bytes.data() + bytes.size(), nullptr, nullptr, nullptr, nullptr, true, true,
                   &status);
    if (U_FAILURE(status)) return std::nullopt;
    out.text.resize(static_cast<std::size_t>(target - out.text.data()));
    std::size_t at = 0;
    while ((at = out.text.find("\xEF\xBF\xBD", at)) != std::string::npos) {
        if (out.invalid_bytes++ == 0) out.first_invalid = at;
        at += 3;
    }
    return out;
}

// ICU's best guess of the encoding of non-UTF-8 text, or nullptr.
std::string detect(std::string_view bytes) {
    UErrorCode status = U_ZERO_ERROR;
    const std::unique_ptr<UCharsetDetector, DetectorCloser> detector(ucsdet_open(&status));
    if (U_FAILURE(status)) return {};
    const std::string_view head = bytes.substr(0, kDetectBytes);
    ucsdet_setText(detector.get(), head.data(), static_cast<int32_t>(head.size()), &status);
    const UCharsetMatch* match = ucsdet_detect(detector.get(), &status);
    if (U_FAILURE(status) || match == nullptr) return {};
    const int32_t confidence = ucsdet_getConfidence(match, &status);
    const char* name = ucsdet_getName(match, &status);
    if (U_FAILURE(status) || name == nullptr || confidence < kMinConfidence) return {};
    return name;
}

// UTF-16 without a byte order mark: NUL bytes at nearly every other offset, as text of Latin
// letters has, and hardly any at the others.
const char* utf16_without_mark(std::string_view s) {
    const std::size_t pairs = std::min<std::size_t>(s.size() / 2, 512);
    if (pairs < 4) return nullptr;
    std::size_t even = 0, odd = 0;
    for (std::size_t i = 0; i < pairs; ++i) {
        even += s[2 * i] == '\0';
        odd += s[2 * i + 1] == '\0';
    }
    const auto mostly = [&](std::size_t nul, std::size_t other) {
        return nul * 10 >= pairs * 9 && other * 10 <= pairs;
    };
    if (mostly(odd, even)) return "UTF-16LE";
    if (mostly(even, odd)) return "UTF-16BE";
    return nullptr;
}

}  // namespace

DecodedText decode_text(std::string_view bytes, std::string_view path) {
    const std::string where(path);
    // Byte order marks first: UTF-16 is full of NUL bytes and is text all the same.
    const char* utf16 = nullptr;
    if (bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF")) {
        utf16 = bytes[0] == '\xFF' ? "UTF-16LE" : "UTF-16BE";
        bytes.remove_prefix(2);
    } else {
        utf16 = utf16_without_mark(bytes);
    }
    if (utf16) {
        auto out = convert(bytes, utf16);
        if (!out) throw InputError(where, "cannot convert UTF-16 text");
        if (out->invalid_bytes > 0) {
            out->warnings.push_back(out->encoding + ": " + std::to_string(out->invalid_bytes) +
                                    " sequence(s) replaced with U+FFFD");
        }
        return std::move(*out);
    }
    if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);
    if (bytes.substr(0, kBinarySniffBytes).find('\0') != std::string_view::npos) {
        throw InputError(where, "binary file (contains NUL bytes); not indexed");
    }
    if (text::is_valid_utf8(bytes)) return DecodedText{std::string(bytes), "UTF-8", 0, 0, {}};
    text::Utf8Repair repaired = text::repair_utf8(bytes);
    const auto as_repaired_utf8 = [&] {
        // Keep what is UTF-8, mark the rest; never drop the file silently.
        DecodedText out{std::move(repaired.text), "UTF-8", repaired.invalid_bytes,
                        repaired.first_invalid, {}};
        out.warnings.push_back("invalid UTF-8: " + std::to_string(out.invalid_bytes) +
                               " byte(s) replaced with U+FFFD, the first at byte offset " +
                               std::to_string(out.first_invalid));
        return out;
    };
    // A few bad bytes in UTF-8 text are damage, not another encoding.
    if (repaired.invalid_bytes <= kDamagedBytes ||
        repaired.invalid_bytes * kDamagedShare <= bytes.size()) {
        return as_repaired_utf8();
    }

    // Not UTF-8: ICU says which legacy encoding it reads like. EUC-KR files from Windows are
    // often CP949 (its superset with every Hangul syllable): convert with that.
    std::string guess = detect(bytes);
    if (guess == "EUC-KR") guess = "windows-949";
    const bool legacy = !guess.empty() && guess != "UTF-8" && !guess.starts_with("UTF-16") &&
                        !guess.starts_with("UTF-32");
    if (legacy) {
        if (auto out = convert(bytes, guess.c_str());
            out && out->invalid_bytes * 20 <= bytes.size()) {
            out->warnings.push_back("not UTF-8: read as " + guess + " (detected)" +
                                    (out->invalid_bytes > 0
                                         ? "; " + std::to_string(out->invalid_bytes) +
                                               " sequence(s) replaced with U+FFFD"
                                         : std::string()));
            return std::move(*out);
        }
    }
    return as_repaired_utf8();
}

}  // namespace ngosearch::ingest::detail
