// SPDX-License-Identifier: GPL-2.0-or-later
#include <ngosearch/index/compact.hpp>

#include <xapian.h>

#include <vector>

#include <ngosearch/error.hpp>

#include "detail/xapian_errors.hpp"
#include "index/shard_layout.hpp"
#include "index/stored_parts.hpp"

namespace ngosearch {

namespace fs = std::filesystem;

namespace {

std::uint64_t folder_bytes(const fs::path& p) {
    std::uint64_t n = 0;
    std::error_code ec;
    for (fs::recursive_directory_iterator it(p, ec), end; !ec && it != end; it.increment(ec)) {
        if (it->is_regular_file(ec)) n += it->file_size(ec);
    }
    return n;
}

}  // namespace

CompactReport compact_index(const fs::path& index, const fs::path& output) {
    const std::string where = index.string();
    std::error_code ec;
    if (!fs::is_directory(index, ec)) throw IndexNotFound("no index at " + where);
    const bool in_place = output.empty();
    if (!in_place && fs::exists(output, ec)) {
        throw IndexError("cannot compact into " + output.string() + ": it exists already");
    }
    // Holding the writers' locks: nothing can be added that the copy would miss.
    std::vector<Xapian::WritableDatabase> locks;
    if (in_place) {
        for (const fs::path& shard : detail::shard_paths(index)) {
            locks.push_back(detail::translate_xapian_errors(shard.string(), [&] {
                return Xapian::WritableDatabase(shard.string(), Xapian::DB_OPEN);
            }));
        }
    }

    // The copy records what the first shard records: shards that store different parts (which
    // no writer makes) are refused, not merged into an index that misdescribes some documents.
    detail::read_index_parts(index);
    CompactReport report;
    report.shards_before = detail::shard_paths(index).size();
    report.bytes_before = folder_bytes(index);
    const fs::path target = in_place ? fs::path(index.string() + ".compacting") : output;
    fs::remove_all(target, ec);
    try {
        detail::translate_xapian_errors(where, [&] {
            Xapian::Database all(where);
            report.documents = all.get_doccount();
            // Metadata (the analysis, the stored parts) is the same in every shard.
            all.compact(target.string());
        });
    } catch (...) {
        fs::remove_all(target, ec);  // a half-written copy must not be left behind
        throw;
    }
    if (in_place) {
        const fs::path old = index.string() + ".before-compact";
        fs::remove_all(old, ec);
        fs::rename(index, old, ec);
        if (ec) throw IndexError("cannot replace " + where + " by its compacted copy: " + ec.message());
        fs::rename(target, index, ec);
        if (ec) {
            fs::rename(old, index, ec);
            throw IndexError("cannot replace " + where + " by its compacted copy");
        }
        locks.clear();
        fs::remove_all(old, ec);
    }
    report.bytes_after = folder_bytes(in_place ? index : output);
    return report;
}

}  // namespace ngosearch
