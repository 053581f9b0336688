// SPDX-License-Identifier: GPL-2.0-or-later
// The cases ngosearch-bench runs, each in its own child process (`ngosearch-bench --child NAME
// --key value …`). Each returns its figures as JSON and checks its own document and term
// counts (CountCheckFailed), so a broken pipeline cannot look fast.
#pragma once

#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <string>

namespace ngosearch::bench {

/// The --key value pairs a case was started with.
class CaseArgs {
  public:
    std::map<std::string, std::string> values;
    const std::string& get(const std::string& key) const;  ///< @throws if missing
    std::string get_or(const std::string& key, const std::string& fallback) const;
    std::uint64_t number(const std::string& key) const;
    std::filesystem::path path(const std::string& key) const { return get(key); }
};

/// Lists the corpus, finds each document's language, writes work/all.lst and work/ko.lst and a
/// folder of links to the Korean documents (work/ko-part); counts documents, bytes, words.
nlohmann::json run_prepare(const CaseArgs& args);

/// Per stage, one thread: read+decode, normalise, analyse (per language), tag entities,
/// build documents, write them to one database (the single-writer ceiling).
nlohmann::json run_stages(const CaseArgs& args);

/// ngosearch end to end: Indexer::add_path on a folder, tagging on or off, N threads.
nlohmann::json run_ngosearch(const CaseArgs& args);

/// Plain Xapian: TermGenerator with the English stemmer (variant "plain") or with
/// FLAG_CJK_NGRAM ("cjk"), one thread, a commit per 1,000 documents.
nlohmann::json run_xapian(const CaseArgs& args);

/// What each stored part costs one writer and the index: the documents built once, then
/// written without one part at a time (positions, body, values, bigrams, entity terms, ...).
nlohmann::json run_stored_parts(const CaseArgs& args);

/// Query latency over a mix drawn from the corpus, on an ngosearch index.
nlohmann::json run_queries(const CaseArgs& args);

/// Index size on disk and after Xapian compaction (into `compacted`), into `out`.
void measure_index(const std::filesystem::path& index, const std::filesystem::path& compacted,
                   bool compact, nlohmann::json& out);

/// Lower and upper bound, per word of the independent count, of the terms an analysis makes
/// (Korean compound parts and stems add terms; stop words and symbols remove some).
inline constexpr double kMinTermsPerWord = 0.5;
inline constexpr double kMaxTermsPerWord = 12.0;

}  // namespace ngosearch::bench
