// SPDX-License-Identifier: GPL-2.0-or-later
#include <ngosearch/index/indexer.hpp>

#include <xapian.h>

#include <algorithm>
#include <thread>
#include <unordered_set>

#include <ngosearch/error.hpp>
#include <ngosearch/ingest/loader.hpp>
#include <ngosearch/text/utf8.hpp>

#include "detail/xapian_errors.hpp"
#include "index/document_builder.hpp"
#include "index/document_codec.hpp"
#include "index/file_pipeline.hpp"
#include "index/file_walk.hpp"
#include "index/index_creation.hpp"
#include "index/table_check.hpp"
#include "index/shard_layout.hpp"
#include "index/shard_writer.hpp"
#include "index/index_fingerprint.hpp"
#include "index/prefixes.hpp"
#include "index/stored_parts.hpp"

namespace ngosearch {

namespace fs = std::filesystem;

IndexReport& IndexReport::operator+=(const IndexReport& other) {
    indexed += other.indexed;
    updated += other.updated;
    pruned += other.pruned;
    bytes += other.bytes;
    unchanged += other.unchanged;
    ignored += other.ignored;
    skipped.insert(skipped.end(), other.skipped.begin(), other.skipped.end());
    warnings.insert(warnings.end(), other.warnings.begin(), other.warnings.end());
    ids.insert(ids.end(), other.ids.begin(), other.ids.end());
    return *this;
}

namespace {

// Documents waiting for each shard's writer: a few per shard keep it busy, and bound memory.
constexpr std::size_t kShardQueueDocs = 16;

// Refuse to turn a folder of someone's files into an index by accident (`--db corpus/`).
void check_index_location(const fs::path& path) {
    std::error_code ec;
    if (!fs::exists(path, ec)) return;
    if (!fs::is_directory(path, ec)) {
        throw IndexError("cannot use " + path.string() + " as an index: it is a file, not a folder");
    }
    if (fs::exists(path / "iamglass", ec) || fs::exists(path / detail::kShardStubName, ec) ||
        fs::is_empty(path, ec)) {
        return;
    }
    throw IndexError("refusing to create an index in " + path.string() +
                     ": the folder is not empty and holds no index; choose another location");
}

}  // namespace

struct Indexer::Impl {
    fs::path path;
    std::string where;
    IndexOptions options;
    std::vector<detail::ShardWriter> shards;  // one, or the shards of a sharded index
    std::unique_ptr<detail::DocumentBuilder> builder;
    std::string index_fingerprint;  // the analysis and the tagging

    // Routed by the id as stored (repaired, see DocumentBuilder), so that remove() with the
    // raw id finds the shard add() wrote to.
    detail::ShardWriter& shard_of(std::string_view id) {
        if (shards.size() == 1) return shards.front();
        if (text::is_valid_utf8(id)) return shards[detail::shard_for(id, shards.size())];
        return shards[detail::shard_for(text::repair_utf8(id).text, shards.size())];
    }

    void put(const Document& doc) {
        const detail::BuiltDocument built = builder->build(doc, {});
        shard_of(built.id).write(built);
    }

    void commit() {
        for (auto& s : shards) s.commit();
    }

    bool pending() const {
        return std::any_of(shards.begin(), shards.end(), [](const auto& s) { return s.pending() > 0; });
    }

    // The content hash committed for `id`, read by `reader` (reopened when the writers'
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

    // Deletes the documents whose stored path lies under `root` and names a file that is gone.
    // Only documents whose ids a walk of the folder now does not meet are looked at.
    std::size_t prune(Xapian::Database& reader, const fs::path& root) {
        std::unordered_set<std::string> seen;
        detail::FileWalk walk(root);
        while (auto f = walk.next()) seen.insert(text::escape_invalid_utf8(f->raw_id));
        std::string under = text::escape_invalid_utf8(root.generic_string());
        if (!under.ends_with('/')) under += '/';
        const std::string prefix(detail::kIdPrefix);
        std::vector<std::string> gone;
        for (auto t = reader.allterms_begin(prefix); t != reader.allterms_end(prefix); ++t) {
            const std::string id = (*t).substr(prefix.size());
            if (seen.contains(id)) continue;
            auto p = reader.postlist_begin(*t);
            if (p == reader.postlist_end(*t)) continue;
            const Document d = detail::decode_document(reader.get_document(*p).get_data());
            std::error_code ec;
            if (d.path.starts_with(under) && !fs::exists(fs::path(d.path), ec) && !ec) {
                gone.push_back(d.id);
            }
        }
        std::size_t removed = 0;
        for (const std::string& id : gone) removed += shard_of(id).remove(id) ? 1 : 0;
        return removed;
    }

    // Creates the index's databases when it is new; opens them; checks the analysis.
    void open() {
        // A new index is a bulk build: its batches skip the fsync (DB_NO_SYNC) and commit()
        // flushes them; a power loss meanwhile loses only the unfinished build (IndexOptions::sync).
        const bool fresh = detail::awaiting_index(path);
        if (fresh) {
            if (!options.create) throw IndexNotFound("no index at " + where);
            detail::create_index(path, options.analyzer->fingerprint(),
                                 std::max<std::size_t>(options.shards, 1),
                                 detail::requested_parts(options.positions, options.korean_bigrams));
        }
        check_index_location(path);
        const std::vector<fs::path> paths = detail::shard_paths(path);
        if (options.shards > 0 && paths.size() != options.shards) {
            throw InvalidArgument("the index at " + where + " has " + std::to_string(paths.size()) +
                                  " shard(s), not " + std::to_string(options.shards) +
                                  "; a shard count applies to a new index (compact it into "
                                  "one, or index into a new folder)");
        }
        // The batch is the index's, shared by its shards: what all of them buffer together
        // (and so the memory) is what one database would buffer.
        const std::size_t n = paths.size();
        const detail::BatchLimits limits{std::max<std::size_t>(options.batch_docs / n, 1),
                                         std::max<std::size_t>(options.batch_bytes / n, 1)};
        const bool sync_batches = options.sync && !fresh;
        for (const fs::path& p : paths) shards.emplace_back(p, limits, sync_batches);
        const std::string& fingerprint = options.analyzer->fingerprint();
        const detail::StoredParts requested =
            detail::requested_parts(options.positions, options.korean_bigrams);
        std::optional<detail::StoredParts> parts;
        for (auto& s : shards) {
            detail::translate_xapian_errors(s.where(), [&] {
                Xapian::WritableDatabase& db = s.database();
                detail::check_analyzer(db, fingerprint, where);
                if (db.get_metadata(detail::kAnalyzerKey).empty()) {
                    // An empty database nobody has written to yet: it becomes a new index.
                    db.set_metadata(detail::kAnalyzerKey, fingerprint);
                    db.set_metadata(detail::kFormatKey, detail::kFormatVersion);
                    detail::record_stored_parts(db, requested);
                    db.commit();
                }
                const detail::StoredParts recorded = detail::read_stored_parts(db, s.where());
                if (parts && recorded != *parts) {
                    throw IndexCorrupt("the shards of " + where + " store different parts (" +
                                       s.where() + " differs from the first shard); index "
                                       "the documents again into a new folder");
                }
                parts = recorded;
                detail::check_tables(db, s.where(), s.where());
            });
        }
        detail::check_stored_parts(*parts, options.positions, options.korean_bigrams, where);
        // Documents are built as the index records, whatever this writer was asked.
        builder = std::make_unique<detail::DocumentBuilder>(
            options.analyzer, options.tag_entities ? options.tagger : nullptr,
            detail::kBodyPieceBytes, *parts);
    }
};

Indexer::Indexer(const fs::path& path, IndexOptions options) : impl_(std::make_unique<Impl>()) {
    impl_->path = path;
    impl_->where = path.string();
    if (!options.analyzer) options.analyzer = analysis::Analyzer::standard();
    if (options.batch_docs == 0) options.batch_docs = 1;
    if (!options.loaders) options.loaders = ingest::LoaderRegistry::standard();
    impl_->options = std::move(options);
    if (impl_->options.tag_entities && !impl_->options.tagger) {
        impl_->options.tagger = entities::make_standard_tagger(nullptr, impl_->options.analyzer);
    }
    impl_->index_fingerprint = impl_->options.analyzer->fingerprint();
    if (impl_->options.tag_entities) {
        impl_->index_fingerprint += "|" + impl_->options.tagger->fingerprint();
    }
    // Another writer may finish soon: poll for its lock rather than block in Xapian
    // (DB_RETRY_LOCK waits for ever).
    const auto started = std::chrono::steady_clock::now();
    const auto give_up = started + impl_->options.lock_wait;
    for (;;) {
        try {
            impl_->open();
            return;
        } catch (const IndexLocked& e) {
            impl_->shards.clear();
            const auto now = std::chrono::steady_clock::now();
            if (now >= give_up) {
                if (impl_->options.lock_wait.count() == 0) throw;
                const auto waited = std::chrono::duration<double>(now - started).count();
                throw IndexLocked(std::string(e.what()) + " (waited " +
                                  std::to_string(static_cast<long>(waited + 0.5)) + " s)");
            }
            std::this_thread::sleep_for(
                std::min<std::chrono::steady_clock::duration>(std::chrono::milliseconds(100),
                                                              give_up - now));
        }
    }
}

Indexer::~Indexer() {
    if (!impl_) return;
    try {
        impl_->commit();
    } catch (...) {
        // Destructors must not throw; callers who care call commit() and see the error.
    }
}

Indexer::Indexer(Indexer&&) noexcept = default;
Indexer& Indexer::operator=(Indexer&&) noexcept = default;

void Indexer::add(const Document& doc) { impl_->put(doc); }

bool Indexer::remove(std::string_view id) {
    if (id.empty()) throw InvalidArgument("document id must not be empty");
    return impl_->shard_of(id).remove(id);
}

IndexReport Indexer::add_path(const fs::path& path, const ProgressCallback& progress) {
    if (!progress) return add_path(path, DetailedProgressCallback{});
    return add_path(path, DetailedProgressCallback([&](const IndexProgress& p) {
                        progress(p.done, p.total);
                    }));
}

IndexReport Indexer::add_path(const fs::path& path, const DetailedProgressCallback& progress) {
    detail::FileWalk walk(path);
    const std::size_t total = progress ? detail::FileWalk::count(path) : 0;
    // Unchanged files are told by the hashes committed before this run (read by a reader of
    // their own while the writer goes on): commit what add() left pending first.
    if (impl_->pending()) impl_->commit();
    Xapian::Database reader = detail::open_for_reading(impl_->path);
    const std::size_t threads = impl_->options.threads > 0
                                    ? impl_->options.threads
                                    : std::max(1u, std::thread::hardware_concurrency());
    // Each database is written on a thread of its own, so that the writer (the slowest stage)
    // never waits for a pipeline thread that is building a document; one thread writes inline.
    std::optional<detail::ParallelShardWrites> parallel;
    if (impl_->shards.size() > 1 || threads > 1) {
        parallel.emplace(impl_->shards,
                         [n = impl_->shards.size()](std::string_view id) {
                             return detail::shard_for(id, n);
                         },
                         kShardQueueDocs);
    }
    const detail::FilePipelineIndex index{
        .stored_hash = [&](const std::string& id) { return impl_->stored_hash(reader, id); },
        .write =
            [&](detail::BuiltDocument&& built) {
                if (parallel) {
                    parallel->push(std::move(built));
                } else {
                    impl_->shards.front().write(built);
                }
            },
    };
    // The writers' threads count against `threads`: more busy threads than cores would only
    // take turns (and spin), slowing the writer, the stage everything waits for.
    const std::size_t writers = parallel ? impl_->shards.size() : 0;
    const detail::FilePipelineSettings settings{
        .threads = threads > writers ? threads - writers : 1,
        .max_file_bytes = impl_->options.max_file_bytes,
        .index_fingerprint = impl_->index_fingerprint,
        .loaders = impl_->options.loaders.get(),
        .report_ids = impl_->options.report_ids,
    };
    IndexReport report;
    detail::run_file_pipeline(walk, total, *impl_->builder, settings, index, report, progress);
    if (parallel) parallel->finish();
    // What the walk left out comes first, as it was met before the files were read.
    IndexReport& walked = walk.issues();
    report.ignored += walked.ignored;
    report.skipped.insert(report.skipped.begin(), walked.skipped.begin(), walked.skipped.end());
    report.warnings.insert(report.warnings.begin(), walked.warnings.begin(), walked.warnings.end());
    if (impl_->options.prune && fs::is_directory(path)) {
        detail::translate_xapian_errors(impl_->where, [&] {
            detail::with_reopen(reader, [&] { report.pruned += impl_->prune(reader, path); });
        });
    }
    return report;
}

void Indexer::commit() { impl_->commit(); }

std::size_t Indexer::document_count() const {
    std::size_t n = 0;
    for (auto& s : impl_->shards) {
        n += detail::translate_xapian_errors(s.where(), [&] { return s.database().get_doccount(); });
    }
    return n;
}

const fs::path& Indexer::path() const noexcept { return impl_->path; }

void Indexer::rollback() {
    for (auto& s : impl_->shards) s.rollback();
}

}  // namespace ngosearch
