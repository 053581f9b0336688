// SPDX-License-Identifier: GPL-2.0-or-later
#include <ngosearch/ingest/loader.hpp>

#include <algorithm>
#include <cctype>
#include <fstream>
#include <vector>

#include <ngosearch/error.hpp>

#include "detail/ascii.hpp"
#include <ngosearch/text/language.hpp>
#include <ngosearch/text/normalize.hpp>
#include <ngosearch/text/utf8.hpp>

#include "ingest/date_parse.hpp"

namespace ngosearch::ingest {

namespace {

constexpr std::size_t kMaxTitleBytes = 300;
// Dates of letters and releases are written near the top; looking further finds cited dates.
constexpr std::size_t kDateSearchBytes = 1500;
// A NUL byte this early means a binary file, not text with a stray control character.
constexpr std::size_t kBinarySniffBytes = 64 * 1024;

std::string_view trim(std::string_view s) {
    const auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
    while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
    while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
    return s;
}


// UTF-16 text: a byte order mark, or (without one) mostly NUL bytes at every other offset, as
// text of Latin letters has. Otherwise its NUL bytes would call it binary.
bool looks_like_utf16(std::string_view s) {
    if (s.starts_with("\xFF\xFE") || s.starts_with("\xFE\xFF")) return true;
    const std::size_t pairs = std::min<std::size_t>(s.size() / 2, 512);
    if (pairs < 4) return false;
    std::size_t even = 0, odd = 0;
    for (std::size_t i = 0; i < pairs; ++i) {
        even += s[2 * i] == '\0';
        odd += s[2 * i + 1] == '\0';
    }
    const auto mostly = [&](std::size_t nul, std::size_t other) {
        return nul * 10 >= pairs * 9 && other * 10 <= pairs;
    };
    return mostly(even, odd) || mostly(odd, even);
}

// Splits off one line (without its terminator) from the front of `rest`.
std::string_view next_line(std::string_view& rest) {
    const std::size_t nl = rest.find('\n');
    std::string_view line = rest.substr(0, nl);
    rest = (nl == std::string_view::npos) ? std::string_view{} : rest.substr(nl + 1);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    return line;
}

// "en", "ko" or "mixed" for the ways front matter names them; "" for anything else.
std::string language_code(std::string_view value) {
    const std::string v = detail::lower_ascii(trim(value));
    if (v == "en" || v == "eng" || v == "english" || v == "영어") return "en";
    if (v == "ko" || v == "kor" || v == "korean" || v == "한국어" || v == "ko-kr") return "ko";
    if (v == "mixed" || v == "en+ko" || v == "ko+en" || v == "bilingual") return "mixed";
    return {};
}

std::string clip_title(std::string_view s) {
    s = trim(s);
    return std::string(s.substr(0, text::utf8_prefix_length(s, kMaxTitleBytes)));
}

// Fills `doc` from a "---" front-matter block at the start of `text`; returns the rest of the
// text. Without a block, returns `text` unchanged.
std::string_view read_front_matter(std::string_view text, Document& doc,
                                   std::vector<std::string>& notes) {
    std::string_view rest = text;
    if (trim(next_line(rest)) != "---") return text;
    std::string_view body = rest;
    std::vector<std::pair<std::string, std::string>> fields;
    while (!body.empty()) {
        const std::string_view line = next_line(body);
        if (trim(line) == "---") {
            for (auto& [key, value] : fields) {
                if (key == "title") {
                    doc.title = clip_title(value);
                } else if (key == "date") {
                    if (auto d = normalize_date(value)) {
                        doc.date = *d;
                    } else {
                        doc.metadata["date"] = value;  // keep what was written; never lose it
                        notes.push_back("front matter date '" + value +
                                        "' is not a valid date (YYYY, YYYY-MM or YYYY-MM-DD); "
                                        "the document has no date (the text is kept in its "
                                        "metadata)");
                    }
                } else if (key == "type") {
                    doc.type = text::normalize(value);
                } else if (key == "lang" || key == "language") {
                    doc.language = language_code(value);
                    if (doc.language.empty()) {
                        doc.metadata[key] = value;
                        notes.push_back("front matter " + key + " '" + value +
                                        "' is not a language ngosearch knows (en, ko, mixed); "
                                        "the language is guessed from the text");
                    }
                } else {
                    doc.metadata[key] = value;
                }
            }
            return body;
        }
        const std::size_t colon = line.find(':');
        if (colon == std::string_view::npos) return text;  // not front matter after all
        fields.emplace_back(detail::lower_ascii(trim(line.substr(0, colon))),
                            std::string(trim(line.substr(colon + 1))));
    }
    return text;  // unterminated: treat the whole file as text
}

std::string first_title(std::string_view body, Format format) {
    if (format == Format::Markdown) {
        std::string_view rest = body;
        while (!rest.empty()) {
            std::string_view line = trim(next_line(rest));
            if (line.starts_with('#')) {
                line.remove_prefix(std::min(line.find_first_not_of('#'), line.size()));
                while (!line.empty() && line.back() == '#') line.remove_suffix(1);
                if (!trim(line).empty()) return clip_title(line);
            }
        }
    }
    std::string_view rest = body;
    while (!rest.empty()) {
        const std::string_view line = trim(next_line(rest));
        if (!line.empty()) return clip_title(line);
    }
    return {};
}

}  // namespace

std::optional<Format> format_for(const std::filesystem::path& file) noexcept {
    const std::string ext = detail::lower_ascii(file.extension().string());
    if (ext == ".txt" || ext == ".text") return Format::PlainText;
    if (ext == ".md" || ext == ".markdown") return Format::Markdown;
    return std::nullopt;
}

LoadedFile parse_text(std::string_view bytes, Format format, std::string_view path) {
    const std::string where(path);
    const std::string_view sniff = bytes.substr(0, kBinarySniffBytes);
    if (looks_like_utf16(sniff)) {
        throw InputError(where, "UTF-16 text, not UTF-8; convert it to UTF-8 first (e.g. "
                                "iconv -f UTF-16 -t UTF-8)");
    }
    if (sniff.find('\0') != std::string_view::npos) {
        throw InputError(where, "binary file (contains NUL bytes); not indexed");
    }
    LoadedFile out;
    text::Utf8Repair repaired = text::repair_utf8(bytes);
    // Mostly invalid UTF-8 is another encoding (EUC-KR, UTF-16) or binary data, not text with
    // a few damaged bytes: refuse it rather than index noise.
    if (repaired.invalid_bytes * 5 > bytes.size()) {
        throw InputError(where, "not UTF-8 text (" + std::to_string(repaired.invalid_bytes) +
                                    " of " + std::to_string(bytes.size()) +
                                    " bytes invalid); convert it to UTF-8 first");
    }
    out.invalid_bytes = repaired.invalid_bytes;
    out.first_invalid = repaired.first_invalid;
    std::string_view text = repaired.text;
    if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);  // byte order mark

    Document& doc = out.document;
    const std::string_view body = read_front_matter(text, doc, out.notes);
    if (trim(body).empty()) throw InputError(where, "empty file (no text to index)");
    doc.body = std::string(body);
    if (doc.title.empty()) doc.title = first_title(body, format);
    if (doc.date.empty()) {
        if (auto d = detail::find_written_date(body.substr(0, kDateSearchBytes))) doc.date = *d;
    }
    if (doc.language.empty()) doc.language = text::guess_language(body);
    return out;
}

std::string read_file(const std::filesystem::path& file, std::uint64_t max_bytes) {
    const std::string where = file.string();
    std::error_code ec;
    const auto status = std::filesystem::status(file, ec);
    if (ec && ec != std::errc::no_such_file_or_directory) {
        throw InputError(where, ec.message());  // "Too many levels of symbolic links", …
    }
    if (!std::filesystem::exists(status)) throw InputError(where, "no such file or directory");
    if (!std::filesystem::is_regular_file(status)) throw InputError(where, "not a regular file");
    const std::uint64_t size = std::filesystem::file_size(file, ec);
    if (ec) throw InputError(where, "cannot read size: " + ec.message());
    if (size > max_bytes) {
        throw InputError(where, "file too large (" + std::to_string(size) + " bytes; the limit is " +
                                    std::to_string(max_bytes) +
                                    " bytes); to index it raise the limit: "
                                    "IndexOptions::max_file_bytes, or ngosearch index "
                                    "--max-file-size BYTES");
    }
    std::ifstream in(file, std::ios::binary);
    if (!in) throw InputError(where, "cannot open for reading (permission denied?)");
    std::string bytes(static_cast<std::size_t>(size), '\0');
    in.read(bytes.data(), static_cast<std::streamsize>(size));
    if (static_cast<std::uint64_t>(in.gcount()) != size) {
        throw InputError(where, "read failed (file changed while reading?)");
    }
    return bytes;
}

LoadedFile load_file(const std::filesystem::path& file, std::uint64_t max_bytes) {
    const auto format = format_for(file);
    if (!format) {
        throw InputError(file.string(), "unsupported format (" + file.extension().string() +
                                            "); supported: .txt, .md");
    }
    return parse_text(read_file(file, max_bytes), *format, file.string());
}

std::optional<std::string> normalize_date(std::string_view s) {
    s = trim(s);
    int parts[3] = {0, 0, 0};
    int count = 0;
    std::size_t i = 0;
    while (count < 3) {
        const std::size_t start = i;
        int value = 0;
        while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) {
            // More than four digits is never a valid part; stop adding before int overflows.
            if (i - start < 4) value = value * 10 + (s[i] - '0');
            ++i;
        }
        const std::size_t digits = i - start;
        if (digits == 0 || (count == 0 && digits != 4) || (count > 0 && digits > 2)) {
            return std::nullopt;
        }
        parts[count++] = value;
        if (i == s.size() || count == 3) break;
        if (s[i] != '-' && s[i] != '/' && s[i] != '.') return std::nullopt;
        ++i;
    }
    if (i != s.size()) return std::nullopt;
    const int y = parts[0], m = parts[1], d = parts[2];
    if (y < 1000) return std::nullopt;
    char buf[32];
    if (count == 1) {
        std::snprintf(buf, sizeof buf, "%04d", y);
        return std::string(buf);
    }
    if (m < 1 || m > 12) return std::nullopt;
    if (count == 2) {
        std::snprintf(buf, sizeof buf, "%04d-%02d", y, m);
        return std::string(buf);
    }
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    const int days = kDays[m - 1] + ((m == 2 && leap) ? 1 : 0);
    if (d < 1 || d > days) return std::nullopt;
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
    return std::string(buf);
}

}  // namespace ngosearch::ingest
