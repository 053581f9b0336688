// SPDX-License-Identifier: GPL-2.0-or-later
#include "index/durable_files.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>

#include <ngosearch/error.hpp>

namespace ngosearch::detail {

namespace {

void flush_one(const std::filesystem::path& path, int flags) {
    const int fd = ::open(path.c_str(), flags | O_CLOEXEC);
    if (fd < 0) {
        throw IndexError("cannot open " + path.string() + " to flush it to disk: " +
                         std::strerror(errno));
    }
    const int rc = ::fsync(fd);
    const int saved = errno;
    ::close(fd);
    if (rc != 0) {
        throw IndexError("cannot flush " + path.string() + " to disk: " + std::strerror(saved) +
                         "; the index may not survive a power loss: commit again");
    }
}

}  // namespace

void flush_folder_to_disk(const std::filesystem::path& dir) {
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
        std::error_code type_ec;
        if (entry.is_regular_file(type_ec)) flush_one(entry.path(), O_RDONLY);
    }
    if (ec) {
        throw IndexError("cannot list " + dir.string() + " to flush it to disk: " + ec.message());
    }
    flush_one(dir, O_RDONLY | O_DIRECTORY);
}

}  // namespace ngosearch::detail
