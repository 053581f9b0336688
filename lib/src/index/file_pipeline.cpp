// SPDX-License-Identifier: GPL-2.0-or-later
#include "index/file_pipeline.hpp"

#include <oneapi/tbb/parallel_pipeline.h>
#include <oneapi/tbb/task_arena.h>

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
    const SourceFile* source = nullptr;
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
    job.loader = settings.loaders->for_file(job.source->file);
    if (!job.loader) {
        job.skipped = unsupported(job.source->file, *settings.loaders);
        return;
    }
    try {
        job.bytes = ingest::read_file(job.source->file, settings.max_file_bytes);
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
        if (job.shown != job.source->raw_path) {
            job.warnings.push_back({job.shown, "the file name is not valid UTF-8; its bytes "
                                               "that are not are written \\xNN in its id and path"});
        }
    } catch (const InputError& e) {
        job.skipped = e.reason();
    } catch (const InvalidArgument& e) {
        job.skipped = e.what();
    }
}

// In order: store and report. `contents` maps each content hash of this run to its first path.
void store(FileJob& job, const FilePipelineIndex& index, IndexReport& report,
           std::unordered_map<std::string, std::string>& contents) {
    report.bytes += job.size;
    if (!job.hash.empty() && !job.skipped) {
        const auto [first, fresh] = contents.emplace(job.hash, job.shown);
        if (!fresh) {
            job.warnings.push_back({job.shown, "same content as " + first->second +
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
        report.ids.push_back(job.id);
    }
    if (!job.skipped) {
        for (auto& w : job.warnings) report.warnings.push_back(std::move(w));
    }
}

}  // namespace

void run_file_pipeline(const std::vector<SourceFile>& files, const DocumentBuilder& builder,
                       const FilePipelineSettings& settings, const FilePipelineIndex& index,
                       IndexReport& report, const DetailedProgressCallback& progress) {
    const auto started = std::chrono::steady_clock::now();
    const std::size_t threads = std::max<std::size_t>(settings.threads, 1);
    std::size_t next = 0, done = 0;
    const auto source = [&](oneapi::tbb::flow_control& fc) -> Job {
        if (next == files.size()) {
            fc.stop();
            return nullptr;
        }
        auto job = std::make_unique<FileJob>();
        job->source = &files[next++];
        job->id = text::escape_invalid_utf8(job->source->raw_id);
        job->shown = text::escape_invalid_utf8(job->source->raw_path);
        read_and_check(*job, settings, index);
        return job;
    };
    const auto parallel = [&](Job job) -> Job {
        build(*job, builder);
        return job;
    };
    std::unordered_map<std::string, std::string> contents;
    const auto sink = [&](Job job) {
        store(*job, index, report, contents);
        ++done;
        if (progress) {
            const std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - started;
            progress({done, files.size(), report.bytes, elapsed.count()});
        }
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
}

}  // namespace ngosearch::detail
