// SPDX-License-Identifier: GPL-2.0-or-later
#include "index/shard_layout.hpp"

#include <charconv>
#include <fstream>

#include <ngosearch/error.hpp>

#include "detail/xapian_errors.hpp"
#include "index/table_check.hpp"

namespace ngosearch::detail {

namespace fs = std::filesystem;

namespace {

std::string shard_name(std::size_t i) { return "shard-" + std::to_string(i); }

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) {
        s.remove_suffix(1);
    }
    return s;
}

// The local shards a stub lists ("auto shard-0" lines, relative to its folder).
std::vector<fs::path> read_stub(const fs::path& index) {
    std::ifstream in(index / kShardStubName);
    if (!in) throw IndexError("cannot read the shard list " + (index / kShardStubName).string());
    std::vector<fs::path> shards;
    for (std::string line; std::getline(in, line);) {
        const std::string_view l = trim(line);
        if (l.empty() || l.front() == '#') continue;
        if (!l.starts_with("auto ")) {
            throw IndexCorrupt("the shard list " + (index / kShardStubName).string() +
                               " has a line this version does not write: '" + std::string(l) +
                               "'");
        }
        shards.push_back(index / trim(l.substr(5)));
    }
    if (shards.empty()) {
        throw IndexCorrupt("the shard list " + (index / kShardStubName).string() + " is empty");
    }
    return shards;
}

Xapian::Database open_remote(std::string_view address, std::chrono::milliseconds timeout,
                             const std::string& where) {
    const std::size_t colon = address.rfind(':');
    unsigned port = 0;
    const std::string_view port_text =
        colon == std::string_view::npos ? std::string_view{} : address.substr(colon + 1);
    const auto [end, ec] =
        std::from_chars(port_text.data(), port_text.data() + port_text.size(), port);
    if (colon == std::string_view::npos || colon == 0 || ec != std::errc{} ||
        end != port_text.data() + port_text.size() || port == 0 || port > 65535) {
        throw IndexError("index description " + where + ": '" + std::string(address) +
                         "' is not tcp://HOST:PORT");
    }
    const std::string host(address.substr(0, colon));
    try {
        const auto ms = static_cast<unsigned>(timeout.count());
        return Xapian::Remote::open(host, port, ms, ms);
    } catch (const Xapian::Error& e) {
        throw IndexError("remote shard tcp://" + std::string(address) + " (listed in " + where +
                         ") cannot be reached: " + describe(e) +
                         "; is xapian-tcpsrv running there?");
    }
}

// One entry of an index description file.
struct Entry {
    bool remote = false;
    std::string address;  // HOST:PORT of a remote shard
    fs::path folder;      // a local one
};

std::vector<Entry> read_description(const fs::path& file) {
    const std::string where = file.string();
    std::ifstream in(file);
    if (!in) throw IndexNotFound("cannot read index description " + where);
    std::vector<Entry> entries;
    std::size_t line_no = 0;
    for (std::string line; std::getline(in, line);) {
        ++line_no;
        std::string_view l = trim(line);
        if (const auto hash = l.find('#'); hash != std::string_view::npos) l = trim(l.substr(0, hash));
        if (l.empty()) continue;
        if (l.find('\0') != std::string_view::npos || l.size() > 4096) {
            throw IndexNotFound("no index at " + where +
                                ": it is a file, not an index folder, and not an index "
                                "description (line " + std::to_string(line_no) +
                                " is not a path or tcp://HOST:PORT)");
        }
        if (l.starts_with("tcp://")) {
            entries.push_back({true, std::string(l.substr(6)), {}});
            continue;
        }
        const fs::path shard = fs::path(l).is_relative() ? file.parent_path() / l : fs::path(l);
        if (!fs::is_directory(shard)) {
            throw IndexNotFound("no index at " + where + ": it is a file, not an index folder; "
                                "read as an index description, its line " +
                                std::to_string(line_no) + " names " + shard.string() +
                                ", which is not an index folder");
        }
        entries.push_back({false, {}, shard});
    }
    if (entries.empty()) {
        throw IndexNotFound("no index at " + where +
                            ": it is a file, not an index folder, and lists no shards");
    }
    return entries;
}

Xapian::Database open_description(const fs::path& file, std::chrono::milliseconds timeout) {
    Xapian::Database all;
    for (const Entry& e : read_description(file)) {
        if (e.remote) {
            all.add_database(open_remote(e.address, timeout, file.string()));
        } else {
            all.add_database(translate_xapian_errors(
                e.folder.string(), [&] { return Xapian::Database(e.folder.string()); }));
        }
    }
    return all;
}

}  // namespace

std::size_t shard_for(std::string_view id, std::size_t shards) noexcept {
    std::uint64_t h = 14695981039346656037ull;
    for (const char c : id) {
        h ^= static_cast<unsigned char>(c);
        h *= 1099511628211ull;
    }
    return shards <= 1 ? 0 : static_cast<std::size_t>(h % shards);
}

std::vector<fs::path> shard_paths(const fs::path& index) {
    std::error_code ec;
    if (fs::exists(index / kShardStubName, ec)) return read_stub(index);
    return {index};
}

void create_shard_layout(const fs::path& index, std::size_t shards,
                         const std::function<void(const fs::path&)>& create_database) {
    std::string stub = "# ngosearch shards: Xapian opens this folder as all of them\n";
    for (std::size_t i = 0; i < shards; ++i) {
        create_database(index / shard_name(i));
        stub += "auto " + shard_name(i) + '\n';
    }
    const fs::path tmp = index / (std::string(kShardStubName) + ".tmp");
    {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        out << stub;
        out.flush();
        if (!out) throw IndexError("cannot write the shard list in " + index.string());
    }
    std::error_code ec;
    fs::rename(tmp, index / kShardStubName, ec);
    if (ec) throw IndexError("cannot write the shard list in " + index.string() + ": " + ec.message());
}

std::vector<fs::path> local_databases(const fs::path& index) {
    std::error_code ec;
    if (!fs::is_regular_file(index, ec)) return shard_paths(index);
    std::vector<fs::path> out;
    for (const Entry& e : read_description(index)) {
        if (!e.remote) out.push_back(e.folder);
    }
    return out;
}

void for_each_database(const fs::path& index,
                       const std::function<void(const Xapian::Database&, const std::string&)>& fn,
                       std::chrono::milliseconds timeout) {
    const auto open_local = [](const fs::path& p) {
        return translate_xapian_errors(p.string(), [&] { return Xapian::Database(p.string()); });
    };
    std::error_code ec;
    if (!fs::is_regular_file(index, ec)) {
        for (const fs::path& p : shard_paths(index)) fn(open_local(p), p.string());
        return;
    }
    for (const Entry& e : read_description(index)) {
        if (e.remote) {
            fn(open_remote(e.address, timeout, index.string()), "tcp://" + e.address);
        } else {
            fn(open_local(e.folder), e.folder.string());
        }
    }
}

void check_index_tables(const fs::path& index, const Xapian::Database& db, const std::string& where) {
    const std::vector<fs::path> databases = local_databases(index);
    if (databases.size() == 1 && databases.front() == index) {
        check_tables(db, index, where);
        return;
    }
    for (const fs::path& p : databases) {
        check_tables(Xapian::Database(p.string()), p, p.string());
    }
}

Xapian::Database open_for_reading(const fs::path& index, std::chrono::milliseconds timeout) {
    std::error_code ec;
    if (fs::is_regular_file(index, ec)) return open_description(index, timeout);
    return translate_xapian_errors(index.string(), [&] { return Xapian::Database(index.string()); });
}

}  // namespace ngosearch::detail
