// SPDX-License-Identifier: GPL-2.0-or-later
#include <ngosearch/index/indexer.hpp>

#include <xapian.h>

#include <algorithm>
#include <thread>

#include <ngosearch/error.hpp>
#include <ngosearch/ingest/loader.hpp>
#include <ngosearch/text/utf8.hpp>

#include "detail/xapian_errors.hpp"
#include "index/document_builder.hpp"
#include "index/document_codec.hpp"
#include "index/file_pipeline.hpp"
#include "index/file_walk.hpp"
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
                     ": the folder is not empty and holds no index; choose another --db");
}

}  // namespace

struct Indexer::Impl {
    fs::path path;
    std::string where;
    IndexOptions options;
    Xapian::WritableDatabase db;
    std::size_t pending = 0;
    std::size_t pending_bytes = 0;
    std::unique_ptr<detail::DocumentBuilder> builder;
    std::string index_fingerprint;  // the analysis and the tagging

    void put(const Document& doc) { write(builder->build(doc, {})); }

    void write(const detail::BuiltDocument& built) {
        try {
            db.replace_document(built.id_term, built.document);
        } catch (const Xapian::Error& e) {
            // Xapian has dropped the uncommitted batch: say so, never report it as indexed.
            pending = 0;
            pending_bytes = 0;
            throw IndexError("index error at " + where + " while adding '" + built.id +
                             "': " + detail::describe(e) +
                             "; documents added since the last commit were lost, index again");
        }
        pending_bytes += built.text_bytes;
        if (++pending >= options.batch_docs || pending_bytes >= options.batch_bytes) commit();
    }

    void commit() {
        detail::translate_xapian_errors(where, [&] { db.commit(); });
        pending = 0;
        pending_bytes = 0;
    }

    // The content hash committed for `id`, read by `reader` (reopened when the writer's
    // commits overtake it).
    std::optional<std::string> stored_hash(Xapian::Database& reader, const std::string& id) {
        return detail::translate_xapian_errors(where, [&] {
            return detail::with_reopen(reader, [&]() -> std::optional<std::string> {
                const auto docid = detail::find_document(reader, id);
                if (!docid) return std::nullopt;
                return reader.get_document(*docid).get_value(
                    detail::slot(detail::Slot::ContentHash));
            });
        });
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
            throw IndexNotFound("no index at " + impl_->where +
                                "; create one with `ngosearch index PATH`");
        }
        fs::create_directories(path, ec);
        if (ec) {
            throw IndexError("cannot create index folder " + impl_->where + ": " + ec.message());
        }
    }
    check_index_location(path);
    impl_->db = detail::translate_xapian_errors(impl_->where, [&] {
        return Xapian::WritableDatabase(
            impl_->where, Xapian::DB_CREATE_OR_OPEN | (impl_->options.sync ? 0 : Xapian::DB_NO_SYNC));
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

void Indexer::add(const Document& doc) { impl_->put(doc); }

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
    const std::vector<detail::SourceFile> files = detail::list_source_files(path, report);
    // Unchanged files are told by the hashes committed before this run (read by a reader of
    // their own while the writer goes on): commit what add() left pending first.
    if (impl_->pending > 0) impl_->commit();
    Xapian::Database reader = detail::translate_xapian_errors(
        impl_->where, [&] { return Xapian::Database(impl_->where); });
    const detail::FilePipelineIndex index{
        .stored_hash = [&](const std::string& id) { return impl_->stored_hash(reader, id); },
        .write = [&](const detail::BuiltDocument& built) { impl_->write(built); },
    };
    const detail::FilePipelineSettings settings{
        .threads = impl_->options.threads > 0 ? impl_->options.threads
                                              : std::max(1u, std::thread::hardware_concurrency()),
        .max_file_bytes = impl_->options.max_file_bytes,
        .index_fingerprint = impl_->index_fingerprint,
    };
    detail::run_file_pipeline(files, *impl_->builder, settings, index, report, progress);
    return report;
}

void Indexer::commit() { impl_->commit(); }

std::size_t Indexer::document_count() const {
    return detail::translate_xapian_errors(impl_->where, [&] { return impl_->db.get_doccount(); });
}

const fs::path& Indexer::path() const noexcept { return impl_->path; }

}  // namespace ngosearch
