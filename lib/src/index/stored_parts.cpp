// SPDX-License-Identifier: GPL-2.0-or-later
#include "index/stored_parts.hpp"

#include <ngosearch/error.hpp>

#include "detail/xapian_errors.hpp"
#include "index/prefixes.hpp"
#include "index/shard_layout.hpp"

namespace ngosearch::detail {

namespace {

bool read_flag(const Xapian::Database& db, const char* key, const std::string& where) {
    const std::string value = db.get_metadata(key);
    if (value.empty() || value == "1") return true;
    if (value == "0") return false;
    throw IndexCorrupt("index at " + where + " records '" + value + "' for " + key +
                       " (expected 0 or 1); rebuild it (delete the folder and index the "
                       "documents again)");
}

void check_flag(bool recorded, std::optional<bool> requested, const char* option,
                const char* setting, const char* cli_flag, const std::string& where) {
    if (!requested || *requested == recorded) return;
    const std::string asked = std::string("IndexOptions::") + setting + " = " +
                              (*requested ? "true" : "false") +
                              (*requested ? "" : std::string(" (") + cli_flag + ")");
    throw InvalidArgument("the index at " + where + (recorded ? " stores " : " leaves out ") +
                          option + ", so " + asked +
                          " cannot apply to it: what an index stores is chosen when it is "
                          "created (index into a new folder to change it)");
}

std::string describe(const StoredParts& p) {
    return std::string("positions ") + (p.positions ? "on" : "off") + ", Korean bigrams " +
           (p.korean_bigrams ? "on" : "off");
}

}  // namespace

StoredParts read_stored_parts(const Xapian::Database& db, const std::string& where) {
    return {.positions = read_flag(db, kPositionsKey, where),
            .korean_bigrams = read_flag(db, kKoreanBigramsKey, where)};
}

void record_stored_parts(Xapian::WritableDatabase& db, const StoredParts& parts) {
    db.set_metadata(kPositionsKey, parts.positions ? "1" : "0");
    db.set_metadata(kKoreanBigramsKey, parts.korean_bigrams ? "1" : "0");
}

StoredParts requested_parts(std::optional<bool> positions, std::optional<bool> korean_bigrams) {
    return {.positions = positions.value_or(true), .korean_bigrams = korean_bigrams.value_or(true)};
}

void check_stored_parts(const StoredParts& recorded, std::optional<bool> positions,
                        std::optional<bool> korean_bigrams, const std::string& where) {
    check_flag(recorded.positions, positions, "word positions", "positions", "--no-positions",
               where);
    check_flag(recorded.korean_bigrams, korean_bigrams, "Korean bigram terms", "korean_bigrams",
               "--no-korean-bigrams", where);
}

StoredParts read_index_parts(const std::filesystem::path& index) {
    std::optional<StoredParts> first;
    std::string first_name;
    for_each_database(index, [&](const Xapian::Database& db, const std::string& name) {
        const StoredParts parts =
            translate_xapian_errors(name, [&] { return read_stored_parts(db, name); });
        if (!first) {
            first = parts;
            first_name = name;
        } else if (parts != *first) {
            throw IndexCorrupt("the shards of " + index.string() + " store different parts: " +
                               name + " has " + describe(parts) + ", " + first_name + " has " +
                               describe(*first) +
                               "; search them apart, or index their documents again into one "
                               "index");
        }
    });
    return first.value_or(StoredParts{});
}

}  // namespace ngosearch::detail
