// SPDX-License-Identifier: GPL-2.0-or-later
#include "search/reader_pool.hpp"

namespace ngosearch::detail {

ReaderPool::ReaderPool(std::function<Reader()> open) : open_(std::move(open)) {}

ReaderPool::Lease::Lease(ReaderPool& pool, std::unique_ptr<Reader> reader) noexcept
    : pool_(&pool), reader_(std::move(reader)) {}

ReaderPool::Lease::~Lease() {
    if (reader_) pool_->give_back(std::move(reader_));
}

ReaderPool::Lease ReaderPool::acquire() {
    std::unique_ptr<Reader> reader;
    {
        const std::lock_guard lock(mutex_);
        if (!idle_.empty()) {
            reader = std::move(idle_.back());
            idle_.pop_back();
        }
    }
    const std::uint64_t generation = generation_.load(std::memory_order_acquire);
    if (!reader) {
        reader = std::make_unique<Reader>(open_());
        reader->generation = generation;
    } else if (reader->generation != generation) {
        // A failing reopen drops the reader (the unique_ptr), never returns a half-open one.
        reader->db.reopen();
        reader->generation = generation;
    }
    return Lease(*this, std::move(reader));
}

void ReaderPool::reopen_all() noexcept { generation_.fetch_add(1, std::memory_order_acq_rel); }

void ReaderPool::give_back(std::unique_ptr<Reader> reader) noexcept {
    try {
        const std::lock_guard lock(mutex_);
        idle_.push_back(std::move(reader));
    } catch (...) {
        // Out of memory for the list: the reader is closed instead of kept.
    }
}

}  // namespace ngosearch::detail
