// SPDX-License-Identifier: GPL-2.0-or-later
// The ways of indexing and querying that the evaluation programs compare, built over the same
// documents in the same run, and the temporary folders their indexes live in.
#pragma once

#include <xapian.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include <ngosearch/ngosearch.hpp>

namespace eval {

// One way of indexing and querying.
class Scheme {
public:
    virtual ~Scheme() = default;
    virtual std::string name() const = 0;
    virtual void build(const std::vector<ngosearch::Document>& docs,
                       const std::filesystem::path& dir) = 0;
    /// Ids of the top `k` hits, and the number of matching documents.
    virtual std::pair<std::vector<std::string>, std::size_t> search(const std::string& q,
                                                                    std::size_t k, bool all) = 0;
};

class NgosearchScheme final : public Scheme {
public:
    /// `analyzer`: another analysis than the standard one, under the name `label`.
    explicit NgosearchScheme(std::shared_ptr<const ngosearch::analysis::Analyzer> analyzer = {},
                             std::string label = "ngosearch")
        : analyzer_(std::move(analyzer)), label_(std::move(label)) {}
    std::string name() const override { return label_; }
    void build(const std::vector<ngosearch::Document>& docs,
               const std::filesystem::path& dir) override;
    std::pair<std::vector<std::string>, std::size_t> search(const std::string& q, std::size_t k,
                                                            bool all) override;
    /// Whether later searches use the Korean bigram fallback (SearchOptions::korean_fallback).
    void set_fallback(bool on) { fallback_ = on; }
    /// Whether later searches expand words that name an entity (SearchOptions::expand_entities).
    void set_expand(bool on) { expand_ = on; }

private:
    std::shared_ptr<const ngosearch::analysis::Analyzer> analyzer_;
    std::string label_;
    std::unique_ptr<ngosearch::Searcher> searcher_;
    bool fallback_ = true;
    bool expand_ = true;
};

// Xapian as an application would use it out of the box: TermGenerator and QueryParser with the
// English stemmer (STEM_SOME, Omega's choice), optionally CJK n-grams.
class XapianScheme final : public Scheme {
public:
    explicit XapianScheme(bool ngram) : ngram_(ngram) {}
    std::string name() const override { return ngram_ ? "xapian-cjk-ngram" : "xapian-plain"; }
    void build(const std::vector<ngosearch::Document>& docs,
               const std::filesystem::path& dir) override;
    std::pair<std::vector<std::string>, std::size_t> search(const std::string& q, std::size_t k,
                                                            bool all) override;

private:
    bool ngram_;
    Xapian::Database db_;
    Xapian::QueryParser parser_;
};

// Bytes of an index once compacted (fresh indexes hold free blocks), in all and without the
// stored document data (ngosearch stores each body for snippets; the baselines store only ids).
std::pair<std::uintmax_t, std::uintmax_t> index_bytes(const std::filesystem::path& dir);

// Compacted bytes of a copy of the index without the terms that start with `prefix`: what an
// index would take without them (ngosearch's Korean bigrams: "XG").
std::uintmax_t index_bytes_without(const std::filesystem::path& dir, const std::string& prefix);

// A temporary folder removed at scope end.
struct TempDir {
    std::filesystem::path path;
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
};

}  // namespace eval
