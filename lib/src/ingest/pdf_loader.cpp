// SPDX-License-Identifier: GPL-2.0-or-later
// PDF with poppler-cpp: the text of each page, with where each page begins in the body (so a
// hit can name its page), and the title and date of the document information when present.
#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page.h>

#include <algorithm>
#include <ctime>
#include <limits>
#include <memory>
#include <mutex>

#include <ngosearch/error.hpp>
#include <ngosearch/ingest/loader.hpp>
#include <ngosearch/text/utf8.hpp>

#include "ingest/loaders.hpp"
#include "ingest/text_metadata.hpp"

namespace ngosearch::ingest {

namespace {

// Poppler keeps global state; parsing is serialised rather than trusted with threads.
std::mutex& poppler_mutex() {
    static std::mutex m;
    return m;
}

std::string utf8(const poppler::ustring& s) {
    const poppler::byte_array bytes = s.to_utf8();
    std::string out(bytes.begin(), bytes.end());
    if (!text::is_valid_utf8(out)) out = text::repair_utf8(out).text;
    return out;
}

std::string date_of(time_t t) {
    if (t <= 0) return {};
    std::tm tm{};
    if (!gmtime_r(&t, &tm)) return {};
    char buf[16];
    if (std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm) == 0) return {};
    return normalize_date(buf).value_or("");
}

class PdfLoader final : public Loader {
public:
    PdfLoader() {
        // Poppler reports damaged files on stderr; the loader reports them itself.
        static std::once_flag once;
        std::call_once(once, [] {
            poppler::set_debug_error_function([](const std::string&, void*) {}, nullptr);
        });
    }
    std::string_view name() const noexcept override { return "pdf"; }
    std::vector<std::string> extensions() const override { return {".pdf"}; }

    LoadedFile load(std::string_view bytes, std::string_view path) const override {
        const std::string where(path);
        if (!bytes.starts_with("%PDF-") && bytes.substr(0, 1024).find("%PDF-") == std::string_view::npos) {
            throw InputError(where, "not a PDF file (no %PDF- header)");
        }
        if (bytes.size() > static_cast<std::size_t>(std::numeric_limits<int>::max())) {
            throw InputError(where, "PDF too large to read (over 2 GiB)");
        }
        const std::lock_guard lock(poppler_mutex());
        const std::unique_ptr<poppler::document> doc(poppler::document::load_from_raw_data(
            bytes.data(), static_cast<int>(bytes.size())));
        if (!doc) {
            throw InputError(where, "damaged or truncated PDF (unreadable); not indexed");
        }
        // unlock() answers whether the document is still locked.
        if (doc->is_locked() && doc->unlock("", "")) {
            throw InputError(where, "encrypted PDF that needs a password; not indexed");
        }
        LoadedFile out;
        Document& d = out.document;
        const int pages = doc->pages();
        for (int i = 0; i < pages; ++i) {
            const std::unique_ptr<poppler::page> page(doc->create_page(i));
            if (!page) continue;
            std::string text = utf8(page->text());
            std::replace(text.begin(), text.end(), '\f', '\n');  // poppler ends pages with one
            if (!d.body.empty()) d.body += "\n\n";
            out.pages.push_back({static_cast<std::uint32_t>(i + 1), d.body.size()});
            d.body += text;
        }
        if (d.body.find_first_not_of(" \t\r\n\f") == std::string::npos) {
            throw InputError(where, "PDF without text (scanned pages need OCR first); not indexed");
        }
        d.title = detail::clip_title(utf8(doc->get_title()));
        d.date = date_of(doc->info_date_t("CreationDate"));
        if (const std::string author = utf8(doc->info_key("Author")); !author.empty()) {
            d.metadata["author"] = author;
        }
        d.metadata["pages"] = std::to_string(pages);
        detail::complete_from_text(d, d.body);
        return out;
    }
};

}  // namespace

std::shared_ptr<const Loader> make_pdf_loader() { return std::make_shared<PdfLoader>(); }

}  // namespace ngosearch::ingest
