// SPDX-License-Identifier: GPL-2.0-or-later
// Xapian handles for a Searcher used from several threads at once.
//
// Xapian objects must not be used from two threads at the same time: a Database caches blocks
// and cursors as it reads, and the reference counts inside Database, Stem and Query are not
// atomic. So each call checks out a reader of its own — a Database handle and the Stem the
// snippets use with it — and gives it back when done; a reader is only ever used by the thread
// that holds it. Readers are opened on demand (as many as calls at once) and kept for the next
// call: opening a handle costs a few file opens and reads, a lock and a vector push do not.
#pragma once

#include <xapian.h>

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <vector>

namespace ngosearch::detail {

/// One Database handle and the Stem used with it.
struct Reader {
    Xapian::Database db;
    Xapian::Stem stem;
    std::uint64_t generation = 0;  ///< the pool's generation when it was last (re)opened
};

/// Readers of one index. Thread-safe.
class ReaderPool {
public:
    /// `open` makes a new reader (it may throw Xapian errors; callers translate them).
    explicit ReaderPool(std::function<Reader()> open);

    /// A reader checked out of the pool; returns it there when destroyed. Move-only.
    class Lease {
    public:
        Lease(ReaderPool& pool, std::unique_ptr<Reader> reader) noexcept;
        ~Lease();
        Lease(Lease&&) noexcept = default;
        Lease& operator=(Lease&&) = delete;
        Reader& operator*() const noexcept { return *reader_; }
        Reader* operator->() const noexcept { return reader_.get(); }

    private:
        ReaderPool* pool_;
        std::unique_ptr<Reader> reader_;
    };

    /// An idle reader (reopened at the latest revision first if reopen_all() was called since
    /// it last was), or a new one. @throws what `open` or Xapian::Database::reopen throw.
    Lease acquire();

    /// Every reader reopens at the latest revision the next time it is checked out.
    void reopen_all() noexcept;

private:
    void give_back(std::unique_ptr<Reader> reader) noexcept;

    std::function<Reader()> open_;
    std::atomic<std::uint64_t> generation_{0};
    std::mutex mutex_;  // guards idle_
    std::vector<std::unique_ptr<Reader>> idle_;
};

}  // namespace ngosearch::detail
