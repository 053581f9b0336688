// SPDX-License-Identifier: GPL-2.0-or-later
// Indexing files on several threads: read and check (in order), parse, analyse and tag (in
// parallel), store (in order, on one writer). oneTBB's parallel_pipeline bounds the files in
// flight, so memory stays flat whatever the number of files; the writer sees the documents in
// file order, so the index does not depend on the number of threads.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <ngosearch/index/indexer.hpp>
#include <ngosearch/ingest/loader.hpp>

#include "index/document_builder.hpp"
#include "index/file_walk.hpp"

namespace ngosearch::detail {

struct FilePipelineSettings {
    std::size_t threads = 1;              ///< at least 1
    std::uint64_t max_file_bytes = 0;
    std::string index_fingerprint;        ///< hashed with each file's bytes
    const ingest::LoaderRegistry* loaders = nullptr;  ///< must not be null
    bool report_ids = true;               ///< fill IndexReport::ids
};

/// What the pipeline needs from the index. Both are called from one thread at a time (but
/// not always the caller's): `stored_hash` in file order before a file is built,
/// `write` in file order after.
struct FilePipelineIndex {
    /// The content hash stored with the document of this id, or nullopt.
    std::function<std::optional<std::string>(const std::string& id)> stored_hash;
    /// Stores a built document (replacing any with its id term).
    std::function<void(BuiltDocument&& built)> write;
};

/// Indexes the files of `walk`: unchanged ones (same bytes, same analysis) are counted, bad
/// ones reported as skipped, the rest built and written. `total` is the number of files
/// expected, for `progress` only. Errors of `write` (IndexError) stop the run and propagate;
/// errors of one file never do. The walk's own issues stay in walk.issues().
void run_file_pipeline(FileWalk& walk, std::size_t total, const DocumentBuilder& builder,
                       const FilePipelineSettings& settings, const FilePipelineIndex& index,
                       IndexReport& report, const DetailedProgressCallback& progress);

}  // namespace ngosearch::detail
