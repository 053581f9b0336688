// SPDX-License-Identifier: GPL-2.0-or-later
#include "index/shard_layout.hpp"

#include <charconv>
#include <fstream>

#include <ngosearch/error.hpp>

#include "detail/xapian_errors.hpp"

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

Xapian::Database open_description(const fs::path& file, std::chrono::milliseconds timeout) {
    const std::string where = file.string();
    std::ifstream in(file);
    if (!in) throw IndexNotFound("cannot read index description " + where);
    Xapian::Database all;
    std::size_t shards = 0, line_no = 0;
    for (std::string line; std::getline(in, line);) {
        ++line_no;
        std::string_view l = trim(line);
        if (const auto hash = l.find('#'); hash != std::string_view::npos) l = trim(l.substr(0, hash));
        if (l.empty()) continue;
        if (l.find('\0') != std::string_view::npos || l.size() > 4096) {
            throw IndexError(where + " is not an index description (line " +
                             std::to_string(line_no) + " is not a path or tcp://HOST:PORT)");
        }
        if (l.starts_with("tcp://")) {
            all.add_database(open_remote(l.substr(6), timeout, where));
        } else {
            const fs::path shard = fs::path(l).is_relative() ? file.parent_path() / l : fs::path(l);
            if (!fs::is_directory(shard)) {
                throw IndexNotFound("shard " + shard.string() + " (line " +
                                    std::to_string(line_no) + " of " + where +
                                    ") is not an index folder");
            }
            all.add_database(translate_xapian_errors(
                shard.string(), [&] { return Xapian::Database(shard.string()); }));
        }
        ++shards;
    }
    if (shards == 0) throw IndexNotFound("index description " + where + " lists no shards");
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

void create_shard_layout(const fs::path& index, std::size_t shards) {
    std::string stub = "# ngosearch shards: Xapian opens this folder as all of them\n";
    for (std::size_t i = 0; i < shards; ++i) {
        const fs::path shard = index / shard_name(i);
        translate_xapian_errors(shard.string(), [&] {
            Xapian::WritableDatabase(shard.string(), Xapian::DB_CREATE_OR_OPEN).close();
        });
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

Xapian::Database open_for_reading(const fs::path& index, std::chrono::milliseconds timeout) {
    std::error_code ec;
    if (fs::is_regular_file(index, ec)) return open_description(index, timeout);
    return translate_xapian_errors(index.string(), [&] { return Xapian::Database(index.string()); });
}

}  // namespace ngosearch::detail
