// SPDX-License-Identifier: GPL-2.0-or-later
#include "index/shard_writer.hpp"

#include <ngosearch/error.hpp>

#include "detail/xapian_errors.hpp"
#include "index/document_codec.hpp"
#include "index/durable_files.hpp"

namespace ngosearch::detail {

ShardWriter::ShardWriter(const std::filesystem::path& path, BatchLimits limits, bool sync)
    : where_(path.string()), limits_(limits), sync_(sync) {
    if (limits_.docs == 0) limits_.docs = 1;
    if (limits_.bytes == 0) limits_.bytes = 1;
    // Created (see index_creation.hpp) before it is opened.
    db_ = translate_xapian_errors(where_, [&] {
        return Xapian::WritableDatabase(where_, Xapian::DB_OPEN | (sync ? 0 : Xapian::DB_NO_SYNC));
    });
}

void ShardWriter::write(const BuiltDocument& built) {
    try {
        db_.replace_document(built.id_term, built.document);
    } catch (const Xapian::Error& e) {
        // Xapian has dropped the uncommitted batch: say so, never report it as indexed.
        pending_ = 0;
        pending_bytes_ = 0;
        std::string failure = system_failure(e, where_);
        if (failure.empty()) failure = "index error at " + where_ + ": " + describe(e);
        throw IndexError(failure + "; while adding '" + built.id +
                         "': documents added since the last commit were lost, index again");
    }
    count(built.text_bytes);
}

bool ShardWriter::remove(std::string_view id) {
    return translate_xapian_errors(where_, [&] {
        const auto docid = find_document(db_, id);
        if (!docid) return false;
        db_.delete_document(*docid);
        count(0);
        return true;
    });
}

void ShardWriter::count(std::size_t bytes) {
    pending_bytes_ += bytes;
    if (++pending_ >= limits_.docs || pending_bytes_ >= limits_.bytes) commit_batch();
}

void ShardWriter::commit_batch() {
    translate_xapian_errors(where_, [&] { db_.commit(); });
    pending_ = 0;
    pending_bytes_ = 0;
}

void ShardWriter::commit() {
    commit_batch();
    // DB_NO_SYNC left this commit (and the batches before it) in the page cache; a run that
    // returns must have its index on disk, whatever the power does next.
    if (!sync_) flush_folder_to_disk(where_);
}

void ShardWriter::rollback() {
    // Cancelling an unflushed transaction also discards what was pending before it began
    // (see Xapian::WritableDatabase::begin_transaction): Xapian has no other way to drop it.
    translate_xapian_errors(where_, [&] {
        db_.begin_transaction(false);
        db_.cancel_transaction();
    });
    pending_ = 0;
    pending_bytes_ = 0;
}

ParallelShardWrites::ParallelShardWrites(std::vector<ShardWriter>& writers,
                                         std::function<std::size_t(std::string_view)> route,
                                         std::size_t queue_capacity)
    : writers_(writers), route_(std::move(route)) {
    for (std::size_t i = 0; i < writers_.size(); ++i) {
        auto lane = std::make_unique<Lane>();
        lane->queue.set_capacity(static_cast<std::ptrdiff_t>(std::max<std::size_t>(queue_capacity, 1)));
        lane->thread = std::thread([&lane = *lane, &writer = writers_[i]] {
            for (Item item;;) {
                lane.queue.pop(item);
                if (!item) return;
                if (lane.failed) continue;  // drain, so that push() never blocks for ever
                try {
                    writer.write(*item);
                } catch (...) {
                    lane.error = std::current_exception();
                    lane.failed = true;
                }
            }
        });
        lanes_.push_back(std::move(lane));
    }
}

ParallelShardWrites::~ParallelShardWrites() {
    if (!finished_) stop_all();
}

void ParallelShardWrites::push(BuiltDocument&& built) {
    Lane& lane = *lanes_[route_(built.id)];
    if (lane.failed) {
        finish();  // throws the lane's error
        return;
    }
    lane.queue.push(std::make_unique<BuiltDocument>(std::move(built)));
}

void ParallelShardWrites::stop_all() {
    finished_ = true;
    for (auto& lane : lanes_) lane->queue.push(nullptr);
    for (auto& lane : lanes_) {
        if (lane->thread.joinable()) lane->thread.join();
    }
}

void ParallelShardWrites::finish() {
    if (!finished_) stop_all();
    rethrow_first_error();
}

void ParallelShardWrites::rethrow_first_error() {
    for (auto& lane : lanes_) {
        if (lane->error) std::rethrow_exception(lane->error);
    }
}

}  // namespace ngosearch::detail
