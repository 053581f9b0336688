// SPDX-License-Identifier: GPL-2.0-or-later
#include <ngosearch/ingest/loader.hpp>

#include <algorithm>
#include <fstream>

#include <ngosearch/error.hpp>

#include "detail/ascii.hpp"
#include "ingest/loaders.hpp"

namespace ngosearch::ingest {

std::shared_ptr<const LoaderRegistry> LoaderRegistry::standard() {
    static const std::shared_ptr<const LoaderRegistry> instance = [] {
        auto r = std::make_shared<LoaderRegistry>();
        r->add(make_text_loader(Format::PlainText));
        r->add(make_text_loader(Format::Markdown));
        r->add(make_html_loader());
        r->add(make_pdf_loader());
        return r;
    }();
    return instance;
}

void LoaderRegistry::add(std::shared_ptr<const Loader> loader) {
    if (!loader) throw InvalidArgument("LoaderRegistry::add: loader must not be null");
    for (std::string ext : loader->extensions()) {
        ext = ::ngosearch::detail::lower_ascii(ext);
        if (!ext.starts_with('.')) ext.insert(0, 1, '.');
        std::erase_if(by_extension_, [&](const auto& e) { return e.first == ext; });
        by_extension_.emplace_back(ext, loader);
    }
    std::sort(by_extension_.begin(), by_extension_.end(),
              [](const auto& a, const auto& b) { return a.first < b.first; });
}

const Loader* LoaderRegistry::for_file(const std::filesystem::path& file) const noexcept {
    try {
        const std::string ext = ::ngosearch::detail::lower_ascii(file.extension().string());
        for (const auto& [e, loader] : by_extension_) {
            if (e == ext) return loader.get();
        }
    } catch (...) {
        // An allocation failure while lowering a name: no loader.
    }
    return nullptr;
}

std::string LoaderRegistry::supported() const {
    std::string out;
    for (const auto& [ext, loader] : by_extension_) out += (out.empty() ? "" : ", ") + ext;
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
    if (static_cast<std::uint64_t>(in.gcount()) != size || in.peek() != std::char_traits<char>::eof()) {
        throw InputError(where, "read failed (file changed while reading?)");
    }
    return bytes;
}

LoadedFile load_file(const std::filesystem::path& file, std::uint64_t max_bytes,
                     const LoaderRegistry* registry) {
    if (!registry) registry = LoaderRegistry::standard().get();
    const Loader* loader = registry->for_file(file);
    if (!loader) {
        const std::string ext = file.extension().string();
        throw InputError(file.string(), "unsupported format (" +
                                            (ext.empty() ? "no extension" : ext) +
                                            "); supported: " + registry->supported());
    }
    return loader->load(read_file(file, max_bytes), file.string());
}

}  // namespace ngosearch::ingest
