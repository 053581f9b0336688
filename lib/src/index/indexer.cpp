// SPDX-License-Identifier: GPL-2.0-or-later
#include <ngosearch/index/indexer.hpp>

#include <xapian.h>

#include <fnmatch.h>

#include <algorithm>
#include <fstream>
#include <unordered_map>

#include <ngosearch/error.hpp>
#include <ngosearch/ingest/loader.hpp>
#include <ngosearch/text/utf8.hpp>

#include "detail/xapian_errors.hpp"
#include "index/document_builder.hpp"
#include "index/document_codec.hpp"
#include "index/index_fingerprint.hpp"
#include "index/prefixes.hpp"

namespace ngosearch {

namespace fs = std::filesystem;

IndexReport& IndexReport::operator+=(const IndexReport& other) {
    indexed += other.indexed;
    unchanged += other.unchanged;
    ignored += other.ignored;
    skipped.insert(skipped.end(), other.skipped.begin(), other.skipped.end());
    warnings.insert(warnings.end(), other.warnings.begin(), other.warnings.end());
    ids.insert(ids.end(), other.ids.begin(), other.ids.end());
    return *this;
}

namespace {

// Refuse to turn a folder of someone's files into an index by accident (`--db corpus/`).
void check_index_location(const fs::path& path) {
    std::error_code ec;
    if (!fs::exists(path, ec)) return;
    if (!fs::is_directory(path, ec)) {
        throw IndexError("cannot use " + path.string() + " as an index: it is a file, not a folder");
    }
    if (fs::exists(path / "iamglass", ec) || fs::is_empty(path, ec)) return;
    throw IndexError("refusing to create an index in " + path.string() +
                     ": the folder is not empty and holds no index; choose another location");
}

// Patterns of a folder's .ngosearchignore file: one glob per line, '#' comments. A pattern with
// a '/' matches the path relative to the folder, one without matches the file name.
std::vector<std::string> read_ignore_patterns(const fs::path& root) {
    std::vector<std::string> patterns;
    std::ifstream in(root / ".ngosearchignore");
    for (std::string line; std::getline(in, line);) {
        while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.pop_back();
        if (line.empty() || line.front() == '#') continue;
        patterns.push_back(line);
    }
    return patterns;
}

bool ignored(const std::vector<std::string>& patterns, const fs::path& rel) {
    const std::string path = rel.generic_string();
    const std::string name = rel.filename().string();
    for (const auto& p : patterns) {
        const bool whole_path = p.find('/') != std::string::npos;
        if (::fnmatch(p.c_str(), whole_path ? path.c_str() : name.c_str(), FNM_PATHNAME) == 0) {
            return true;
        }
    }
    return false;
}

bool hidden(const fs::path& p) {
    const std::string name = p.filename().string();
    return name.size() > 1 && name.front() == '.' && name != "..";
}

}  // namespace

struct Indexer::Impl {
    fs::path path;
    std::string where;
    IndexOptions options;
    Xapian::WritableDatabase db;
    std::size_t pending = 0;
    std::unique_ptr<detail::DocumentBuilder> builder;
    std::string index_fingerprint;  // the analysis and the tagging

    void put(const Document& doc, const std::string& content_hash) {
        const detail::BuiltDocument built = builder->build(doc, content_hash);
        try {
            db.replace_document(built.id_term, built.document);
        } catch (const Xapian::Error& e) {
            // Xapian has dropped the uncommitted batch: say so, never report it as indexed.
            pending = 0;
            throw IndexError("index error at " + where + " while adding '" + doc.id +
                             "': " + detail::describe(e) +
                             "; documents added since the last commit were lost, index again");
        }
        if (++pending >= options.batch_docs) commit();
    }

    void commit() {
        detail::translate_xapian_errors(where, [&] { db.commit(); });
        pending = 0;
    }

    std::optional<std::string> stored_hash(const std::string& id) {
        return detail::translate_xapian_errors(where, [&]() -> std::optional<std::string> {
            const auto docid = detail::find_document(db, id);
            if (!docid) return std::nullopt;
            return db.get_document(*docid).get_value(detail::slot(detail::Slot::ContentHash));
        });
    }

    // A file whose id is its name or relative path (raw bytes): names that are not UTF-8 keep
    // their other bytes as \xNN, in the id and in the path shown, and say so.
    void index_named_file(const fs::path& file, const std::string& raw_id,
                          const std::string& raw_path, IndexReport& report) {
        const std::string shown = text::escape_invalid_utf8(raw_path);
        const std::size_t before = report.indexed;
        index_file(file, text::escape_invalid_utf8(raw_id), shown, report);
        if (report.indexed > before && shown != raw_path) {
            report.warnings.push_back({shown, "the file name is not valid UTF-8; its bytes that "
                                              "are not are written \\xNN in its id and path"});
        }
    }

    void index_file(const fs::path& file, const std::string& id, const std::string& shown_path,
                    IndexReport& report) {
        const auto format = ingest::format_for(file);
        if (!format) {
            const std::string ext = file.extension().string();
            report.skipped.push_back(
                {shown_path, "unsupported format (" + (ext.empty() ? "no extension" : ext) +
                                 "); supported: .txt, .md"});
            return;
        }
        try {
            const std::string bytes = ingest::read_file(file, options.max_file_bytes);
            // A file is unchanged when its bytes and what the index makes of them are.
            const std::string hash = detail::fnv1a_hex(bytes, index_fingerprint);
            if (stored_hash(id) == hash) {
                ++report.unchanged;
                return;
            }
            ingest::LoadedFile loaded = ingest::parse_text(bytes, *format, shown_path);
            loaded.document.id = id;
            loaded.document.path = shown_path;
            put(loaded.document, hash);
            ++report.indexed;
            report.ids.push_back(id);
            if (loaded.invalid_bytes > 0) {
                report.warnings.push_back(
                    {shown_path, "invalid UTF-8: " + std::to_string(loaded.invalid_bytes) +
                                     " byte(s) replaced with U+FFFD, the first at byte offset " +
                                     std::to_string(loaded.first_invalid)});
            }
        } catch (const InputError& e) {
            report.skipped.push_back({shown_path, e.reason()});
        } catch (const InvalidArgument& e) {
            report.skipped.push_back({shown_path, e.what()});
        }
    }
};

Indexer::Indexer(const fs::path& path, IndexOptions options) : impl_(std::make_unique<Impl>()) {
    impl_->path = path;
    impl_->where = path.string();
    if (!options.analyzer) options.analyzer = analysis::Analyzer::standard();
    if (options.batch_docs == 0) options.batch_docs = 1;
    impl_->options = std::move(options);
    if (impl_->options.tag_entities && !impl_->options.tagger) {
        impl_->options.tagger = entities::make_standard_tagger(nullptr, impl_->options.analyzer);
    }
    impl_->index_fingerprint = impl_->options.analyzer->fingerprint();
    if (impl_->options.tag_entities) {
        impl_->index_fingerprint += "|" + impl_->options.tagger->fingerprint();
    }
    impl_->builder = std::make_unique<detail::DocumentBuilder>(
        impl_->options.analyzer,
        impl_->options.tag_entities ? impl_->options.tagger : nullptr);
    std::error_code ec;
    if (!fs::exists(path, ec)) {
        if (!impl_->options.create) {
            throw IndexNotFound("no index at " + impl_->where);
        }
        fs::create_directories(path, ec);
        if (ec) {
            throw IndexError("cannot create index folder " + impl_->where + ": " + ec.message());
        }
    }
    check_index_location(path);
    impl_->db = detail::translate_xapian_errors(impl_->where, [&] {
        return Xapian::WritableDatabase(impl_->where, Xapian::DB_CREATE_OR_OPEN);
    });
    const std::string& fingerprint = impl_->options.analyzer->fingerprint();
    detail::translate_xapian_errors(impl_->where, [&] {
        detail::check_analyzer(impl_->db, fingerprint, impl_->where);
        if (impl_->db.get_metadata(detail::kAnalyzerKey).empty()) {
            impl_->db.set_metadata(detail::kAnalyzerKey, fingerprint);
            impl_->db.set_metadata(detail::kFormatKey, detail::kFormatVersion);
            impl_->db.commit();
        }
    });
}

Indexer::~Indexer() {
    if (!impl_) return;
    try {
        impl_->db.commit();
    } catch (...) {
        // Destructors must not throw; callers who care call commit() and see the error.
    }
}

Indexer::Indexer(Indexer&&) noexcept = default;
Indexer& Indexer::operator=(Indexer&&) noexcept = default;

void Indexer::add(const Document& doc) { impl_->put(doc, {}); }

bool Indexer::remove(std::string_view id) {
    if (id.empty()) throw InvalidArgument("document id must not be empty");
    return detail::translate_xapian_errors(impl_->where, [&] {
        const auto docid = detail::find_document(impl_->db, id);
        if (!docid) return false;
        impl_->db.delete_document(*docid);
        if (++impl_->pending >= impl_->options.batch_docs) impl_->commit();
        return true;
    });
}

IndexReport Indexer::add_path(const fs::path& path, const ProgressCallback& progress) {
    IndexReport report;
    std::error_code ec;
    const auto status = fs::status(path, ec);
    if (ec || !fs::exists(status)) throw InputError(path.string(), "no such file or directory");
    if (fs::is_regular_file(status)) {
        impl_->index_named_file(path, path.filename().string(), path.string(), report);
        if (progress) progress(1, 1);
        return report;
    }
    if (!fs::is_directory(status)) throw InputError(path.string(), "not a file or folder");

    // Collect first, then index in sorted order: ids and the progress total are then stable.
    std::vector<fs::path> files;
    fs::recursive_directory_iterator it(path, fs::directory_options::skip_permission_denied, ec);
    if (ec) throw InputError(path.string(), "cannot list folder: " + ec.message());
    for (; it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (ec) break;
        const fs::directory_entry& entry = *it;
        if (hidden(entry.path())) {
            if (entry.is_directory(ec)) it.disable_recursion_pending();
            continue;
        }
        if (entry.is_regular_file(ec)) files.push_back(entry.path());
    }
    if (ec) report.warnings.push_back({path.string(), "folder not fully listed: " + ec.message()});
    const std::vector<std::string> patterns = read_ignore_patterns(path);
    std::erase_if(files, [&](const fs::path& f) {
        if (!ignored(patterns, f.lexically_relative(path))) return false;
        ++report.ignored;
        return true;
    });
    std::sort(files.begin(), files.end());
    // Ids are unique in an index: two files must never land on one id and replace each other.
    std::unordered_map<std::string, std::string> taken;  // id → the path that took it
    for (std::size_t i = 0; i < files.size(); ++i) {
        const fs::path rel = files[i].lexically_relative(path);
        const std::string shown = text::escape_invalid_utf8((path / rel).generic_string());
        const std::string id = text::escape_invalid_utf8(rel.generic_string());
        if (const auto [at, fresh] = taken.emplace(id, shown); !fresh) {
            report.skipped.push_back({shown, "its id '" + id + "' is already the id of " +
                                                 at->second + "; rename one of them"});
        } else {
            impl_->index_named_file(files[i], rel.generic_string(),
                                    (path / rel).generic_string(), report);
        }
        if (progress) progress(i + 1, files.size());
    }
    return report;
}

void Indexer::commit() { impl_->commit(); }

std::size_t Indexer::document_count() const {
    return detail::translate_xapian_errors(impl_->where, [&] { return impl_->db.get_doccount(); });
}

const fs::path& Indexer::path() const noexcept { return impl_->path; }

void Indexer::rollback() {
    // Cancelling an unflushed transaction also discards what was pending before it began
    // (see Xapian::WritableDatabase::begin_transaction): Xapian has no other way to drop it.
    detail::translate_xapian_errors(impl_->where, [&] {
        impl_->db.begin_transaction(false);
        impl_->db.cancel_transaction();
    });
    impl_->pending = 0;
}

}  // namespace ngosearch
