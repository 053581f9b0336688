// SPDX-License-Identifier: GPL-2.0-or-later
// The writer of one database of an index, committing in batches; and feeding several of them
// at once, each on a thread of its own (Xapian allows one writer per database, so shards are
// how writing goes past one thread).
#pragma once

#include <xapian.h>

#include <exception>
#include <filesystem>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include <oneapi/tbb/concurrent_queue.h>

#include "index/document_builder.hpp"

namespace ngosearch::detail {

/// When a writer commits by itself.
struct BatchLimits {
    std::size_t docs = 1000;
    std::size_t bytes = 64u << 20;
};

class ShardWriter {
public:
    /// Opens (creating if missing) the database at `path`. Without `sync`, the batches are
    /// committed with Xapian's DB_NO_SYNC and only commit() flushes them to disk.
    /// @throws IndexLocked, IndexCorrupt, IndexError.
    ShardWriter(const std::filesystem::path& path, BatchLimits limits, bool sync);

    /// Replaces the document with built.id_term by this one; commits when a batch is full.
    /// @throws IndexError (the uncommitted batch is lost: Xapian drops it).
    void write(const BuiltDocument& built);
    /// Deletes the document with this id; false if there was none.
    bool remove(std::string_view id);
    /// Commits and makes everything committed durable, whatever `sync` was: without it, the
    /// database's files are flushed to disk here (the batches before were not).
    void commit();
    /// Discards the changes since the last commit.
    void rollback();

    Xapian::WritableDatabase& database() noexcept { return db_; }
    const std::string& where() const noexcept { return where_; }
    std::size_t pending() const noexcept { return pending_; }

private:
    void count(std::size_t bytes);
    /// A batch's commit: flushed to disk only with `sync`.
    void commit_batch();

    std::string where_;
    Xapian::WritableDatabase db_;
    BatchLimits limits_;
    bool sync_ = true;
    std::size_t pending_ = 0;
    std::size_t pending_bytes_ = 0;
};

/// Writes to several shards at once: push() hands a document to its shard's thread (waiting
/// while that shard's queue is full, so memory stays bounded); each shard writes its documents
/// in the order pushed. An error of a shard stops it and comes out of the next push() or of
/// finish().
class ParallelShardWrites {
public:
    /// `route(id)` names the shard of a document. The writers must outlive this object.
    ParallelShardWrites(std::vector<ShardWriter>& writers,
                        std::function<std::size_t(std::string_view)> route,
                        std::size_t queue_capacity);
    ~ParallelShardWrites();
    ParallelShardWrites(const ParallelShardWrites&) = delete;
    ParallelShardWrites& operator=(const ParallelShardWrites&) = delete;

    void push(BuiltDocument&& built);
    /// Waits for every shard to write what it was given; rethrows the first error.
    void finish();

private:
    using Item = std::unique_ptr<BuiltDocument>;  // null: no more documents
    struct Lane {
        oneapi::tbb::concurrent_bounded_queue<Item> queue;
        std::exception_ptr error;
        std::atomic<bool> failed{false};
        std::thread thread;
    };
    void stop_all();
    void rethrow_first_error();

    std::vector<ShardWriter>& writers_;
    std::function<std::size_t(std::string_view)> route_;
    std::vector<std::unique_ptr<Lane>> lanes_;
    bool finished_ = false;
};

}  // namespace ngosearch::detail
