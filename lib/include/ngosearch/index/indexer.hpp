// SPDX-License-Identifier: GPL-2.0-or-later
// Writing an index: open or create it, add/replace/delete documents, index files and folders.
//
//     ngosearch::Indexer ix("my.index");                 // creates it if missing
//     ix.add(ngosearch::Document{.id = "a", .title = "…", .body = "…"});
//     auto report = ix.add_path("letters/");             // text, Markdown, HTML, PDF, recursively
//     for (const auto& s : report.skipped) std::cerr << s.path << ": " << s.reason << '\n';
//     ix.commit();                                       // explicit: destructors never throw
#pragma once

#include <chrono>
#include <cstddef>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <ngosearch/analysis/analyzer.hpp>
#include <ngosearch/entities/tagger.hpp>
#include <ngosearch/document.hpp>
#include <ngosearch/ingest/loader.hpp>

namespace ngosearch {

/// How an Indexer behaves. Defaults suit a desktop indexing a few thousand documents.
struct IndexOptions {
    // The batch and sync defaults were measured with `ngosearch-bench --cases bulk` on a 20 MB
    // generated corpus (2,835 documents; 1,000 of them hold 7.4 MB of text), all analysis and
    // tagging on, 2 threads, on a shared 2-core machine (load 4-5): see benchmarks/README.md,
    // "Bulk settings". CPU-seconds are the steady figure there; wall time was noisy.

    /// Documents buffered before an automatic commit. Measured: 1,000 (33.0 CPU-s, peak RSS
    /// 232 MB) beat 10,000 (36.5 CPU-s, 492 MB) and one batch of all (38.3 CPU-s, 492 MB):
    /// larger batches only made the uncompacted index smaller (6.5 against 9.5 bytes per text
    /// byte; compaction evens that). A crash loses at most one batch. The shards of a sharded
    /// index share both batch limits (each commits at its share), so memory does not grow
    /// with the shard count.
    std::size_t batch_docs = 1000;
    /// Text bytes (titles and bodies) buffered before an automatic commit, whatever the number
    /// of documents: Xapian's buffers grow with the text, so this bounds memory with large
    /// files. Measured by bytes alone (no document limit): 4 MB batches 33.6 CPU-s, peak RSS
    /// 165 MB; 16 MB 34.1 CPU-s, 388 MB. 8 MB keeps the 1,000-document batches of the measured
    /// corpus (7.4 MB) whole and memory under 300 MB when files are large (was 64 MB).
    std::size_t batch_bytes = 8u << 20;
    /// Flush each automatic commit of an existing index to disk (fsync). A new index is a bulk
    /// build: its batches are committed with Xapian's DB_NO_SYNC whatever this says, and
    /// commit() (explicit, or the destructor's) flushes it all, so it is durable when indexing
    /// returns; a power loss or OS crash before then can leave the unfinished new index
    /// unopenable (index again into an empty folder). Measured on a new index (one run each,
    /// the final flush included; wall time noisy): without the per-batch fsync against with
    /// it, 1,000-document batches 0.61 against 0.38 MB/s (31.7 against 33.0 CPU-s); 10,000:
    /// 0.36 against 0.32 MB/s; 16 MB batches 0.28 against 0.38 MB/s (another build started).
    /// The fsyncs cost waiting on the disk, not CPU; two pairs of three favour skipping them.
    /// false also skips the fsync of an existing index's batches (only
    /// commit() flushes): faster updates, but a power loss during them can leave the whole
    /// index unopenable. A killed process never loses anything committed either way.
    bool sync = true;
    /// Files larger than this are skipped and reported, never truncated.
    std::uint64_t max_file_bytes = 256ull << 20;
    /// Create the index when it does not exist (otherwise IndexNotFound).
    bool create = true;
    /// The analysis; nullptr means analysis::Analyzer::standard(). An existing index built with
    /// another analyzer fingerprint is refused with AnalyzerMismatch.
    std::shared_ptr<const analysis::Analyzer> analyzer = nullptr;
    /// Finds the entities of each document (filters, facets, cross-language search); nullptr
    /// means entities::make_standard_tagger() with the built-in gazetteer.
    std::shared_ptr<const entities::EntityTagger> tagger = nullptr;
    /// Tag entities at all. Off, indexing is faster and entity filters and facets find nothing.
    bool tag_entities = true;
    /// Threads add_path uses in all: with more than one, each database's writer has one of
    /// them and the rest (at least one) read, analyse and tag files; the writers store what
    /// they build in file order, so the index does not depend on this number. 0 = one per
    /// hardware thread.
    std::size_t threads = 0;
    /// Shards of a new index: N > 1 makes it a folder of N databases (a document's shard is a
    /// stable hash of its id), written on a thread each by add_path and searched as one. 0 =
    /// as the index is (1 for a new one); a count that differs from an existing index's is
    /// refused.
    std::size_t shards = 0;
    // What a new index stores is recorded in it: later writers build every document alike and
    // searchers know what they may ask for. nullopt = as the index is (true for a new one); an
    // explicit value that differs from an existing index's is refused (InvalidArgument).
    // Indexes made before these settings store both. Measured on a 20 MB generated corpus
    // (2,835 documents), end to end with tagging, 2 threads, on a shared 2-core machine
    // (`ngosearch-bench --cases parts`; all parts: 91.1 MB compacted, 26.8 CPU-s, peak RSS
    // 243 MB) and for the writer alone (the stored-parts case): benchmarks/README.md, "What
    // each stored part costs".

    /// Store word positions. Without them the compacted index is 45% smaller (49.8 MB), peak
    /// RSS a third lower (162 MB) and the run took 13% less CPU (23.1 CPU-s; the writer alone
    /// ~27% less), but phrases, NEAR and ADJ that a query writes are refused (QueryError), and
    /// a word the analysis splits into parts ("UN인권이사회", "www.ohchr.org") matches its parts
    /// anywhere in the document instead of side by side. Snippets still work.
    std::optional<bool> positions = std::nullopt;
    /// Store the syllable-bigram terms of Korean words (the low-weight fallback that finds
    /// words the analysis resolves otherwise: names, loanwords, other spellings and spacing).
    /// Without them the compacted index is 8% smaller (83.9 MB), peak RSS 207 MB, and the run
    /// took 5% less CPU (25.3 CPU-s; the writer alone ~32% less); a Korean query word is then
    /// found by its stem and surface form only, which costs retrieval on real Korean news:
    /// MRR@10 over 1,800 queries fell from 0.94 to 0.85 (South Korean text) and to 0.82 (North
    /// Korean text), below Xapian's own CJK n-gram indexing (0.93). Keep them for Korean text.
    std::optional<bool> korean_bigrams = std::nullopt;
    /// The formats add_path reads, by file extension; nullptr means
    /// ingest::LoaderRegistry::standard() (text, Markdown, HTML, PDF).
    std::shared_ptr<const ingest::LoaderRegistry> loaders = nullptr;
    /// add_path on a folder also deletes the documents indexed from files under it that are
    /// gone (moved or deleted since), so that a re-run mirrors the folder.
    bool prune = false;
    /// How long the constructor waits for another writer to close the index (Xapian allows one
    /// at a time) before it throws IndexLocked; 0 = not at all.
    std::chrono::milliseconds lock_wait{0};
    /// add_path lists the id of every document it indexed in IndexReport::ids. The list grows
    /// with the number of files (measured: about 80 bytes a file for 37-byte ids, 12 MB for
    /// 146,000 files), so a bulk build that does not read it turns it off; the CLI does. All
    /// else add_path holds per file is its duplicate-content check: about 85 bytes a file for
    /// 50-byte paths (the walk holds only the folders on its current path).
    bool report_ids = true;
};

/// A file that was not indexed, or indexed with a problem (invalid UTF-8 replaced).
struct FileIssue {
    std::string path;    ///< as given (root joined with the relative path)
    std::string reason;  ///< "binary file", "empty file", "unsupported format (.pdf)", ...
};

/// Outcome of indexing files: the batch goes on past bad files and says what it left out.
struct IndexReport {
    std::size_t indexed = 0;           ///< documents added or replaced
    std::size_t updated = 0;           ///< of those, replaced because their file changed
    std::size_t pruned = 0;            ///< documents deleted: their files are gone (prune)
    std::uint64_t bytes = 0;           ///< bytes of the files read
    std::size_t unchanged = 0;         ///< files whose content was already indexed as is
    std::size_t ignored = 0;           ///< files matched by a .ngosearchignore pattern
    std::vector<FileIssue> skipped;    ///< files not indexed, with the reason
    /// files indexed with a problem worth knowing (bytes replaced, an encoding guessed, the
    /// same content as another file: both are indexed, each under its own id)
    std::vector<FileIssue> warnings;
    std::vector<std::string> ids;      ///< ids of the documents indexed, in order (IndexOptions::report_ids)

    IndexReport& operator+=(const IndexReport& other);
};

/// Called after each file with (files done, files found so far); for progress bars. Called
/// from one thread at a time, not always the caller's.
using ProgressCallback = std::function<void(std::size_t done, std::size_t total)>;

/// Where an add_path run is, for progress bars with rates.
struct IndexProgress {
    std::size_t done = 0;       ///< files done (indexed, unchanged or skipped)
    std::size_t total = 0;      ///< files to do
    std::uint64_t bytes = 0;    ///< bytes of the files read so far
    double seconds = 0;         ///< since the run began
};
using DetailedProgressCallback = std::function<void(const IndexProgress&)>;

/// The single writer of an index (Xapian allows one per index; a second one gets IndexLocked).
/// Move-only. Not thread-safe: use it from one thread at a time.
class Indexer {
public:
    /// Opens (or, with options.create, creates) the index at `path`.
    /// @throws IndexLocked if another writer has it open; IndexNotFound if missing and
    ///         !options.create; AnalyzerMismatch; IndexCorrupt; IndexError.
    explicit Indexer(const std::filesystem::path& path, IndexOptions options = {});
    /// Commits pending changes if it can; errors are swallowed here, so call commit() yourself.
    ~Indexer();
    Indexer(Indexer&&) noexcept;
    Indexer& operator=(Indexer&&) noexcept;

    /// Adds `doc`, replacing any document with the same id.
    /// @throws InvalidArgument if doc.id is empty or doc.date is not a valid date; IndexError.
    void add(const Document& doc);

    /// Deletes the document with this id. Returns false if there was none.
    bool remove(std::string_view id);

    /// Indexes one file or a folder tree (the formats of IndexOptions::loaders; hidden entries are ignored, and so are
    /// files matching the glob patterns, one per line, of a `.ngosearchignore` file in the folder
    /// given: a pattern with '/' matches the relative path, one without the file name). The id of a
    /// document is its path relative to `path` (a file given directly: its file name); its path
    /// is `path` joined with that. Bad files are reported in the result, not thrown.
    /// @throws InputError if `path` does not exist; IndexError on a failing index.
    IndexReport add_path(const std::filesystem::path& path, const ProgressCallback& progress = {});
    /// add_path() with the bytes read and the time taken in each progress call.
    IndexReport add_path(const std::filesystem::path& path, const DetailedProgressCallback& progress);

    /// Makes all changes durable and visible to searchers.
    void commit();

    /// Discards the changes made since the last commit, explicit or automatic (every
    /// options.batch_docs changes). @throws IndexError.
    void rollback();

    /// Documents in the index, counting uncommitted changes.
    std::size_t document_count() const;

    /// The index location.
    const std::filesystem::path& path() const noexcept;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace ngosearch
