// SPDX-License-Identifier: GPL-2.0-or-later
// Xapian term prefixes and value slots, following Omega's conventions where one exists.
#pragma once

#include <xapian.h>

#include <string_view>

namespace ngosearch::detail {

inline constexpr std::string_view kIdPrefix = "Q";     // unique id (boolean)
inline constexpr std::string_view kTitlePrefix = "S";  // title words (probabilistic)
inline constexpr std::string_view kLangPrefix = "L";   // language (boolean)
inline constexpr std::string_view kTypePrefix = "T";   // document type (boolean)
inline constexpr std::string_view kStemPrefix = "Z";   // stems, as Xapian's TermGenerator
inline constexpr std::string_view kGramPrefix = "XG";  // Hangul syllable bigrams (no positions)
// Entities (wdf: mentions), by type; a law's article: XLAW<id>/<article>.
inline constexpr std::string_view kPersonPrefix = "XPERSON";
inline constexpr std::string_view kMinistryPrefix = "XMINISTRY";
inline constexpr std::string_view kLawPrefix = "XLAW";
inline constexpr std::string_view kOrgPrefix = "XORG";
inline constexpr std::string_view kResolutionPrefix = "XRES";

/// Value slots.
enum class Slot : Xapian::valueno {
    Date = 0,         // YYYYMMDD, unknown parts as "00" (so ranges sort and compare as strings)
    ContentHash = 1,  // hex hash of the source bytes + analyzer, for skipping unchanged files
    Entities = 2,     // the document's entities, "type\tid\tname" lines, for facets
};

constexpr Xapian::valueno slot(Slot s) { return static_cast<Xapian::valueno>(s); }

/// Metadata keys stored in the index.
inline constexpr const char* kAnalyzerKey = "ngosearch.analyzer";
inline constexpr const char* kFormatKey = "ngosearch.format";
// What a new index was told to leave out (see index/stored_parts.hpp): "1" stored, "0" not;
// absent (indexes made before these keys) means stored.
inline constexpr const char* kPositionsKey = "ngosearch.positions";
inline constexpr const char* kKoreanBigramsKey = "ngosearch.korean_bigrams";
// Bump when what the index stores for a token changes (see index/term_scheme.hpp).
inline constexpr const char* kFormatVersion = "2";

/// Xapian refuses terms longer than 245 bytes; longer ones are left out of the index.
inline constexpr std::size_t kMaxTermBytes = 240;

}  // namespace ngosearch::detail
