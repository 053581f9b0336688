// SPDX-License-Identifier: GPL-2.0-or-later
#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <vector>

#include <ngosearch/analysis/tokenizer.hpp>

#include "detail/icu_check.hpp"
#include "detail/utf8_decode.hpp"

namespace ngosearch::analysis {

namespace {

// UTF-16 for ICU, with the original byte offset of every UTF-16 unit, so that tokens point into
// the caller's bytes even when those held invalid UTF-8 (decoded as U+FFFD).
struct Utf16View {
    icu::UnicodeString text;
    std::vector<int32_t> byte_of;  // size text.length() + 1
};

// Middle dots that separate listed words in Korean and CJK text (찬양ㆍ고무ㆍ선전, bill sponsors
// 정의화․이명수). ICU treats U+318D as a Hangul letter, so it would come out as a word of its own.
bool is_list_separator(UChar32 c) {
    switch (c) {
        case 0x00B7:  // MIDDLE DOT
        case 0x2022:  // BULLET
        case 0x2024:  // ONE DOT LEADER
        case 0x2027:  // HYPHENATION POINT
        case 0x318D:  // HANGUL LETTER ARAEA, typed as a middle dot
        case 0x30FB:  // KATAKANA MIDDLE DOT
        case 0xFF65:  // HALFWIDTH KATAKANA MIDDLE DOT
            return true;
        default:
            return false;
    }
}

void decode(std::string_view bytes, int32_t base, Utf16View& out) {
    out.text.remove();
    out.byte_of.clear();
    const auto length = static_cast<int32_t>(bytes.size());
    for (int32_t i = 0; i < length;) {
        const int32_t start = i;
        UChar32 c = detail::next_code_point(bytes, i, length);
        if (c < 0) c = 0xFFFD;
        // A separator becomes a space for the break iterator; offsets still point at it.
        if (is_list_separator(c)) c = 0x0020;
        out.text.append(c);
        out.byte_of.push_back(base + start);
        if (c > 0xFFFF) out.byte_of.push_back(base + start);
    }
    out.byte_of.push_back(base + length);
}

// Analyse long inputs in pieces (cut at white space) so memory stays bounded by the piece size
// rather than growing ~6x the input for UTF-16 plus offsets.
constexpr std::size_t kPieceBytes = 64 * 1024;

std::size_t piece_end(std::string_view text, std::size_t from) {
    if (text.size() - from <= kPieceBytes) return text.size();
    for (std::size_t i = from + kPieceBytes; i < text.size(); ++i) {
        const char c = text[i];
        if (c == ' ' || c == '\n' || c == '\t' || c == '\r') return i + 1;
        if (i - from > 4 * kPieceBytes) break;  // no white space: cut at a code point start
    }
    std::size_t cut = from + kPieceBytes;
    while (cut < text.size() && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) ++cut;
    return cut;
}

class UnicodeWordTokenizer final : public Tokenizer {
public:
    void tokenize(std::string_view text, TokenBuffer& out) const override {
        detail::checked_length(text);
        icu::BreakIterator& words = thread_iterator();
        Utf16View view;
        std::uint32_t position = out.empty() ? 0 : out.back().position + 1;
        for (std::size_t from = 0; from < text.size();) {
            const std::size_t to = piece_end(text, from);
            decode(text.substr(from, to - from), static_cast<int32_t>(from), view);
            words.setText(view.text);
            int32_t start = words.first();
            for (int32_t end = words.next(); end != icu::BreakIterator::DONE;
                 start = end, end = words.next()) {
                const int32_t status = words.getRuleStatus();
                if (status < UBRK_WORD_NONE_LIMIT) continue;  // spaces, punctuation
                const auto b = static_cast<std::uint32_t>(view.byte_of[static_cast<size_t>(start)]);
                const auto e = static_cast<std::uint32_t>(view.byte_of[static_cast<size_t>(end)]);
                Token t;
                t.text.assign(text.substr(b, e - b));
                t.begin = b;
                t.end = e;
                t.position = position++;
                t.kind = (status < UBRK_WORD_NUMBER_LIMIT) ? TokenKind::Number : TokenKind::Word;
                out.push_back(std::move(t));
            }
            from = to;
        }
    }

    std::string_view name() const noexcept override { return "icu_words"; }

private:
    // BreakIterator is not thread-safe: one per thread, created on first use.
    static icu::BreakIterator& thread_iterator() {
        thread_local std::unique_ptr<icu::BreakIterator> it = [] {
            UErrorCode status = U_ZERO_ERROR;
            std::unique_ptr<icu::BreakIterator> bi(
                icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
            detail::check_icu(status, "BreakIterator::createWordInstance");
            return bi;
        }();
        return *it;
    }
};

}  // namespace

std::unique_ptr<Tokenizer> make_unicode_word_tokenizer() {
    return std::make_unique<UnicodeWordTokenizer>();
}

}  // namespace ngosearch::analysis
