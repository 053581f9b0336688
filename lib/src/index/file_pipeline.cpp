// SPDX-License-Identifier: GPL-2.0-or-later
#include "index/file_pipeline.hpp"

#include <oneapi/tbb/parallel_pipeline.h>
#include <oneapi/tbb/task_arena.h>

#include <charconv>
#include <chrono>
#include <memory>
#include <unordered_map>

#include <ngosearch/error.hpp>
#include <ngosearch/ingest/loader.hpp>
#include <ngosearch/text/utf8.hpp>

#include "index/document_codec.hpp"

namespace ngosearch::detail {

namespace {

// Files in flight per thread: enough to keep every thread busy while the writer stores one.
constexpr std::size_t kFilesInFlightPerThread = 2;

// One file on its way through the pipeline.
struct FileJob {
    SourceFile source;
    std::string id;     // escaped: what the index stores
    std::string shown;  // escaped path, for reports
    const ingest::Loader* loader = nullptr;
    std::string bytes;
    std::string hash;
    std::size_t size = 0;  // bytes read
    bool unchanged = false;
    bool replaces = false;  // a document of this id was indexed before
    std::optional<std::string> skipped;  // the reason, when the file is not indexed
    std::optional<BuiltDocument> built;
    std::vector<FileIssue> warnings;
};

using Job = std::unique_ptr<FileJob>;

std::string unsupported(const std::filesystem::path& file, const ingest::LoaderRegistry& loaders) {
    const std::string ext = file.extension().string();
    return "unsupported format (" + (ext.empty() ? "no extension" : ext) +
           "); supported: " + loaders.supported();
}

// In order: read the bytes and decide whether the file needs building at all.
void read_and_check(FileJob& job, const FilePipelineSettings& settings,
                    const FilePipelineIndex& index) {
    job.loader = settings.loaders->for_file(job.source.file);
    if (!job.loader) {
        job.skipped = unsupported(job.source.file, *settings.loaders);
        return;
    }
    try {
        job.bytes = ingest::read_file(job.source.file, settings.max_file_bytes);
    } catch (const InputError& e) {
        job.skipped = e.reason();
        return;
    }
    // A file is unchanged when its bytes and what the index makes of them are.
    job.hash = fnv1a_hex(job.bytes, settings.index_fingerprint);
    const std::optional<std::string> stored = index.stored_hash(job.id);
    job.unchanged = stored == job.hash;
    job.replaces = stored.has_value();
    job.size = job.bytes.size();
    if (job.unchanged) job.bytes = {};
}

// In parallel: parse, analyse, tag, build.
void build(FileJob& job, const DocumentBuilder& builder) {
    if (job.skipped || job.unchanged) return;
    try {
        ingest::LoadedFile loaded = job.loader->load(job.bytes, job.shown);
        job.bytes = {};
        loaded.document.id = job.id;
        loaded.document.path = job.shown;
        for (const ingest::Page& p : loaded.pages) loaded.document.pages.push_back(p.body_offset);
        job.built = builder.build(loaded.document, job.hash);
        for (std::string& w : loaded.warnings) job.warnings.push_back({job.shown, std::move(w)});
        if (job.shown != job.source.raw_path) {
            job.warnings.push_back({job.shown, "the file name is not valid UTF-8; its bytes "
                                               "that are not are written \\xNN in its id and path"});
        }
    } catch (const InputError& e) {
        job.skipped = e.reason();
    } catch (const InvalidArgument& e) {
        job.skipped = e.what();
    }
}

// The first file of each content met in this run, to name it when another file has the same
// bytes. It grows with the number of files, so it holds the 64-bit content hash and the path
// in one shared string per file (measured: about 85 bytes a file with 50-byte paths).
class FirstOfEachContent {
public:
    /// The path of the first file whose content hash is `hash`; nullopt (and `path` is
    /// remembered as the first) when this is the first.
    std::optional<std::string_view> first(std::string_view hash, std::string_view path) {
        std::uint64_t digest = 0;
        std::from_chars(hash.data(), hash.data() + hash.size(), digest, 16);
        const auto [at, fresh] = offsets_.emplace(digest, paths_.size());
        if (!fresh) {
            const std::string_view all(paths_);
            return all.substr(at->second, all.find('\0', at->second) - at->second);
        }
        paths_.append(path).push_back('\0');
        return std::nullopt;
    }

private:
    std::unordered_map<std::uint64_t, std::size_t> offsets_;  // digest → offset in paths_
    std::string paths_;                                        // each ends with '\0'
};

// In order: store and report.
void store(FileJob& job, const FilePipelineIndex& index, const FilePipelineSettings& settings,
           IndexReport& report, FirstOfEachContent& contents) {
    report.bytes += job.size;
    if (!job.hash.empty() && !job.skipped) {
        if (const auto first = contents.first(job.hash, job.shown)) {
            job.warnings.push_back({job.shown, "same content as " + std::string(*first) +
                                                   "; both are indexed, each under its own id"});
        }
    }
    if (job.skipped) {
        report.skipped.push_back({job.shown, *job.skipped});
    } else if (job.unchanged) {
        ++report.unchanged;
    } else {
        index.write(std::move(*job.built));
        ++report.indexed;
        if (job.replaces) ++report.updated;
        if (settings.report_ids) report.ids.push_back(job.id);
    }
    if (!job.skipped) {
        for (auto& w : job.warnings) report.warnings.push_back(std::move(w));
    }
}

}  // namespace

void run_file_pipeline(FileWalk& walk, std::size_t total, const DocumentBuilder& builder,
                       const FilePipelineSettings& settings, const FilePipelineIndex& index,
                       IndexReport& report, const DetailedProgressCallback& progress) {
    const auto started = std::chrono::steady_clock::now();
    const std::size_t threads = std::max<std::size_t>(settings.threads, 1);
    std::size_t done = 0;
    const auto source = [&](oneapi::tbb::flow_control& fc) -> Job {
        std::optional<SourceFile> file = walk.next();
        if (!file) {
            fc.stop();
            return nullptr;
        }
        auto job = std::make_unique<FileJob>();
        job->source = std::move(*file);
        job->id = text::escape_invalid_utf8(job->source.raw_id);
        job->shown = text::escape_invalid_utf8(job->source.raw_path);
        read_and_check(*job, settings, index);
        return job;
    };
    const auto parallel = [&](Job job) -> Job {
        build(*job, builder);
        return job;
    };
    FirstOfEachContent contents;
    const auto report_progress = [&](std::size_t expected) {
        const std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - started;
        progress({done, expected, report.bytes, elapsed.count()});
    };
    const auto sink = [&](Job job) {
        store(*job, index, settings, report, contents);
        ++done;
        // The tree may have changed since it was counted: never done > total.
        if (progress) report_progress(std::max(total, done));
    };
    using oneapi::tbb::filter_mode;
    const auto chain =
        oneapi::tbb::make_filter<void, Job>(filter_mode::serial_in_order, source) &
        oneapi::tbb::make_filter<Job, Job>(filter_mode::parallel, parallel) &
        oneapi::tbb::make_filter<Job, void>(filter_mode::serial_in_order, sink);
    // An arena of its own: `threads` is a limit the caller chose, whatever else runs.
    oneapi::tbb::task_arena arena(static_cast<int>(threads));
    arena.execute([&] {
        oneapi::tbb::parallel_pipeline(threads * kFilesInFlightPerThread, chain);
    });
    if (progress && done != total) report_progress(done);  // fewer files than counted: the end
}

}  // namespace ngosearch::detail
