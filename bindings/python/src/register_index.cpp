// SPDX-License-Identifier: GPL-2.0-or-later
#include <pybind11/functional.h>
#include <pybind11/stl.h>

#include <chrono>
#include <mutex>
#include <optional>

#include <ngosearch/entities/tagger.hpp>
#include <ngosearch/index/compact.hpp>
#include <ngosearch/index/indexer.hpp>

#include "bindings.hpp"

namespace ngosearch::python {

namespace {

// The index's single writer. ngosearch::Indexer is used from one thread at a time, and Python
// threads may share one object: every call takes the mutex, after releasing the GIL (never the
// other way round, so a thread holding the mutex can always get the GIL back).
class Writer {
public:
    Writer(const std::string& path, bool create, std::size_t batch_docs, bool tag_entities,
           const std::vector<std::string>& gazetteers, std::size_t threads, std::size_t shards,
           bool prune, std::size_t batch_bytes, double lock_wait, std::optional<bool> positions,
           std::optional<bool> korean_bigrams, bool report_ids) {
        if (!(lock_wait >= 0)) throw InvalidArgument("lock_wait must be 0 or more seconds");
        IndexOptions options{.batch_docs = batch_docs, .create = create,
                             .tag_entities = tag_entities, .threads = threads, .shards = shards,
                             .positions = positions, .korean_bigrams = korean_bigrams,
                             .prune = prune,
                             .lock_wait = std::chrono::milliseconds(
                                 static_cast<std::int64_t>(lock_wait * 1000)),
                             .report_ids = report_ids};
        if (batch_bytes > 0) options.batch_bytes = batch_bytes;
        if (tag_entities) options.tagger = entities::make_standard_tagger(load_gazetteer(gazetteers));
        indexer_.emplace(path, std::move(options));
    }

    template <typename Fn>
    decltype(auto) locked(Fn&& fn) {
        const std::lock_guard lock(mutex_);
        if (!indexer_) throw InvalidArgument("the index writer is closed");
        return fn(*indexer_);
    }

    // Destroying the Indexer releases the write lock; pending changes were committed or rolled
    // back by the caller (the destructor commits whatever is left and swallows errors).
    void close() {
        const std::lock_guard lock(mutex_);
        indexer_.reset();
    }

private:
    std::mutex mutex_;
    std::optional<Indexer> indexer_;
};

py::tuple issues(const std::vector<FileIssue>& list) {
    py::list out;
    for (const auto& i : list) out.append(py::make_tuple(to_str(i.path), to_str(i.reason)));
    return py::tuple(out);
}

}  // namespace

void register_index(py::module_& m) {
    py::class_<Writer>(m, "Writer", "The single writer of an index (ngosearch::Indexer).")
        .def(py::init<const std::string&, bool, std::size_t, bool, const std::vector<std::string>&,
                      std::size_t, std::size_t, bool, std::size_t, double, std::optional<bool>,
                      std::optional<bool>, bool>(),
             py::arg("path"), py::arg("create"), py::arg("batch_docs"), py::arg("tag_entities"),
             py::arg("gazetteers"), py::arg("threads"), py::arg("shards"), py::arg("prune"),
             py::arg("batch_bytes"), py::arg("lock_wait"), py::arg("positions"),
             py::arg("korean_bigrams"), py::arg("report_ids"),
             py::call_guard<py::gil_scoped_release>())
        .def(
            "add",
            [](Writer& self, const py::str& id, const py::str& title, const py::str& body,
               const py::str& language, const py::str& date, const py::str& path,
               const py::str& type, const py::dict& metadata) {
                Document doc{.id = utf8(id), .title = utf8(title), .body = utf8(body),
                             .language = utf8(language), .date = utf8(date), .path = utf8(path),
                             .type = utf8(type)};
                for (const auto& [k, v] : metadata) {
                    if (!py::isinstance<py::str>(k) || !py::isinstance<py::str>(v)) {
                        throw py::type_error("metadata keys and values must be str");
                    }
                    doc.metadata[utf8(py::reinterpret_borrow<py::str>(k))] =
                        utf8(py::reinterpret_borrow<py::str>(v));
                }
                const py::gil_scoped_release release;
                self.locked([&](Indexer& ix) { ix.add(doc); });
            },
            py::arg("id"), py::arg("title"), py::arg("body"), py::arg("language"),
            py::arg("date"), py::arg("path"), py::arg("type"), py::arg("metadata"))
        .def(
            "remove",
            [](Writer& self, const std::string& id) {
                return self.locked([&](Indexer& ix) { return ix.remove(id); });
            },
            py::arg("id"), py::call_guard<py::gil_scoped_release>())
        .def(
            "add_path",
            [](Writer& self, const std::string& path, const py::object& progress) {
                // Called with the GIL released; takes it to call Python, and lets Ctrl-C stop a
                // long run between files (the exception leaves add_path, the caller rolls back).
                const ProgressCallback callback = [&progress](std::size_t done, std::size_t total) {
                    const py::gil_scoped_acquire acquire;
                    if (PyErr_CheckSignals() != 0) throw py::error_already_set();
                    if (!progress.is_none()) progress(done, total);
                };
                IndexReport r;
                {
                    const py::gil_scoped_release release;
                    r = self.locked([&](Indexer& ix) { return ix.add_path(path, callback); });
                }
                py::list ids;
                for (const auto& id : r.ids) ids.append(to_str(id));
                return py::make_tuple(r.indexed, r.unchanged, r.ignored, issues(r.skipped),
                                      issues(r.warnings), py::tuple(ids), r.updated, r.pruned,
                                      r.bytes);
            },
            py::arg("path"), py::arg("progress") = py::none(),
            "(indexed, unchanged, ignored, skipped, warnings, ids, updated, pruned, bytes); skipped and warnings are "
            "tuples of (path, reason).")
        .def(
            "commit", [](Writer& self) { self.locked([](Indexer& ix) { ix.commit(); }); },
            py::call_guard<py::gil_scoped_release>())
        .def(
            "rollback", [](Writer& self) { self.locked([](Indexer& ix) { ix.rollback(); }); },
            py::call_guard<py::gil_scoped_release>())
        .def(
            "document_count",
            [](Writer& self) {
                return self.locked([](Indexer& ix) { return ix.document_count(); });
            },
            py::call_guard<py::gil_scoped_release>())
        .def("close", &Writer::close, py::call_guard<py::gil_scoped_release>());

    m.def(
        "compact",
        [](const std::string& path, const std::string& output) {
            CompactReport r;
            {
                const py::gil_scoped_release release;
                r = compact_index(path, output);
            }
            return py::make_tuple(r.documents, r.shards_before, r.bytes_before, r.bytes_after);
        },
        py::arg("path"), py::arg("output"),
        "Rewrites the index as one compact database (merging shards); (documents, shards, "
        "bytes before, bytes after).");
}

}  // namespace ngosearch::python
