// SPDX-License-Identifier: GPL-2.0-or-later
// The text loader: plain text and Markdown, with an optional front-matter block.
#include <algorithm>
#include <memory>
#include <vector>

#include <ngosearch/error.hpp>
#include <ngosearch/ingest/loader.hpp>
#include <ngosearch/text/normalize.hpp>

#include "detail/ascii.hpp"
#include "ingest/text_decode.hpp"
#include "ingest/text_lines.hpp"
#include "ingest/loaders.hpp"
#include "ingest/text_metadata.hpp"

namespace ngosearch::ingest {

namespace {

using detail::clip_title;
using detail::next_line;
using detail::trim;

// "en", "ko" or "mixed" for the ways front matter names them; "" for anything else.
std::string language_code(std::string_view value) {
    const std::string v = ::ngosearch::detail::lower_ascii(trim(value));
    if (v == "en" || v == "eng" || v == "english" || v == "영어") return "en";
    if (v == "ko" || v == "kor" || v == "korean" || v == "한국어" || v == "ko-kr") return "ko";
    if (v == "mixed" || v == "en+ko" || v == "ko+en" || v == "bilingual") return "mixed";
    return {};
}

// Fills `doc` from a "---" front-matter block at the start of `text`; returns the rest of the
// text. Without a block, returns `text` unchanged. Values it cannot use stay in metadata and
// are reported.
std::string_view read_front_matter(std::string_view text, Document& doc,
                                   std::vector<std::string>& warnings) {
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
                        warnings.push_back("front matter date '" + value +
                                           "' is not a valid date (YYYY, YYYY-MM or "
                                           "YYYY-MM-DD); kept in metadata, the date is read "
                                           "from the text");
                    }
                } else if (key == "type") {
                    doc.type = text::normalize(value);
                } else if (key == "lang" || key == "language") {
                    doc.language = language_code(value);
                    if (doc.language.empty()) {
                        doc.metadata[key] = value;
                        warnings.push_back("front matter " + key + " '" + value +
                                           "' is not a language ngosearch knows (en, ko, "
                                           "mixed); kept in metadata, the language is guessed "
                                           "from the text");
                    }
                } else {
                    doc.metadata[key] = value;
                }
            }
            return body;
        }
        const std::size_t colon = line.find(':');
        if (colon == std::string_view::npos) return text;  // not front matter after all
        fields.emplace_back(::ngosearch::detail::lower_ascii(trim(line.substr(0, colon))),
                            std::string(trim(line.substr(colon + 1))));
    }
    return text;  // unterminated: treat the whole file as text
}

// A Markdown document's first heading.
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
    return {};  // the first line that reads as a title: detail::title_from_text
}


class TextLoader final : public Loader {
public:
    explicit TextLoader(Format format) : format_(format) {}
    std::string_view name() const noexcept override {
        return format_ == Format::Markdown ? "markdown" : "text";
    }
    std::vector<std::string> extensions() const override {
        if (format_ == Format::Markdown) return {".md", ".markdown"};
        return {".txt", ".text"};
    }
    LoadedFile load(std::string_view bytes, std::string_view path) const override {
        return parse_text(bytes, format_, path);
    }

private:
    Format format_;
};

}  // namespace

std::optional<Format> format_for(const std::filesystem::path& file) noexcept {
    const std::string ext = ::ngosearch::detail::lower_ascii(file.extension().string());
    if (ext == ".txt" || ext == ".text") return Format::PlainText;
    if (ext == ".md" || ext == ".markdown") return Format::Markdown;
    return std::nullopt;
}

LoadedFile parse_text(std::string_view bytes, Format format, std::string_view path) {
    const std::string where(path);
    detail::DecodedText decoded = detail::decode_text(bytes, path);
    LoadedFile out;
    out.encoding = decoded.encoding;
    out.invalid_bytes = decoded.invalid_bytes;
    out.first_invalid = decoded.first_invalid;
    out.warnings = std::move(decoded.warnings);
    const std::string_view text = decoded.text;

    Document& doc = out.document;
    const std::string_view body = read_front_matter(text, doc, out.warnings);
    if (trim(body).empty()) throw InputError(where, "empty file (no text to index)");
    doc.body = std::string(body);
    if (doc.title.empty()) doc.title = first_title(body, format);
    detail::complete_from_text(doc, body);
    return out;
}

std::shared_ptr<const Loader> make_text_loader(Format format) {
    return std::make_shared<TextLoader>(format);
}

}  // namespace ngosearch::ingest
