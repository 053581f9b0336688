// SPDX-License-Identifier: GPL-2.0-or-later
#include "cli.hpp"

#include <unicode/uchar.h>
#include <unicode/utf8.h>
#include <unistd.h>

#include <cstdlib>
#include <iostream>

#include <ngosearch/entities/gazetteer.hpp>
#include <ngosearch/error.hpp>
#include <ngosearch/text/utf8.hpp>

namespace ngosearch::cli {

void add_common_options(po::options_description& desc, Common& common) {
    desc.add_options()
        ("db", po::value(&common.db)->value_name("DIR"),
         "index location (default: $NGOSEARCH_DB, else ~/.local/share/ngosearch/index)")
        ("help,h", po::bool_switch(&common.help), "show this help");
}

void add_wait_option(po::options_description& desc, double& seconds) {
    desc.add_options()("wait", po::value(&seconds)->value_name("SECONDS"),
                       "if another writer has the index open, wait up to SECONDS for it to "
                       "finish (default 0: say the index is locked at once)");
}

std::chrono::milliseconds lock_wait(double seconds) {
    constexpr double kDay = 24 * 3600;
    if (!(seconds >= 0 && seconds <= kDay)) {
        throw po::error("--wait takes seconds from 0 to 86400, not " + std::to_string(seconds));
    }
    return std::chrono::milliseconds(static_cast<std::int64_t>(seconds * 1000));
}

void parse(const Args& args, const po::options_description& desc,
           const std::string& positional_name, po::variables_map& vm) {
    po::positional_options_description pos;
    if (!positional_name.empty()) pos.add(positional_name.c_str(), -1);
    po::store(po::command_line_parser(args).options(desc).positional(pos).run(), vm);
    po::notify(vm);
    // An empty --db (an unset shell variable) must not quietly mean the default index.
    if (vm.count("db") && vm["db"].as<std::string>().empty()) {
        throw po::error("--db needs a folder; it was given an empty value");
    }
}

std::filesystem::path index_path(const Common& common) {
    if (!common.db.empty()) return common.db;
    if (const char* env = std::getenv("NGOSEARCH_DB"); env && *env) return env;
    if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg) {
        return std::filesystem::path(xdg) / "ngosearch" / "index";
    }
    if (const char* home = std::getenv("HOME"); home && *home) {
        return std::filesystem::path(home) / ".local" / "share" / "ngosearch" / "index";
    }
    throw InvalidArgument("no index location: pass --db DIR or set NGOSEARCH_DB");
}

void print_help(std::ostream& out, const std::string& synopsis, const std::string& about,
                const po::options_description& desc) {
    out << "usage: ngosearch " << synopsis << "\n\n" << about << "\n\n" << desc << '\n';
}

void print_json(std::ostream& out, const nlohmann::ordered_json& j) {
    out << j.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << '\n';
}

void warn(const std::string& message) {
    std::cerr << "ngosearch: warning: " << printable(text::escape_invalid_utf8(message), true)
              << '\n';
}

void error(const std::string& message) {
    std::cerr << "ngosearch: error: " << printable(text::escape_invalid_utf8(message), true)
              << '\n';
}

bool stdout_is_tty() { return ::isatty(STDOUT_FILENO) == 1; }
bool stderr_is_tty() { return ::isatty(STDERR_FILENO) == 1; }

std::string printable(std::string_view text, bool one_line) {
    std::string out(text);
    for (char& c : out) {
        const auto b = static_cast<unsigned char>(c);
        if (c == '\n' || c == '\r' || c == '\t') {
            if (one_line) c = ' ';
        } else if (b < 0x20 || b == 0x7F) {
            c = '?';
        }
    }
    return out;
}

std::size_t display_width(std::string_view s) {
    std::size_t width = 0;
    const auto* bytes = reinterpret_cast<const uint8_t*>(s.data());
    const auto length = static_cast<int32_t>(s.size());
    for (int32_t i = 0; i < length;) {
        UChar32 c;
        U8_NEXT(bytes, i, length, c);
        if (c < 0) {
            ++width;
            continue;
        }
        const auto ea = u_getIntPropertyValue(c, UCHAR_EAST_ASIAN_WIDTH);
        width += (ea == U_EA_WIDE || ea == U_EA_FULLWIDTH) ? 2 : 1;
    }
    return width;
}

void print_query_error(std::ostream& err, const std::string& message, std::size_t position,
                       std::string_view query) {
    err << "ngosearch: error: " << printable(text::escape_invalid_utf8(message), true) << '\n';
    if (query.empty() || position > query.size()) return;
    // printable() keeps byte lengths, so the position is a position in the shown text too.
    const std::string shown = printable(query, /*one_line=*/true);
    err << "  " << shown << "\n  "
        << std::string(display_width(std::string_view(shown).substr(0, position)), ' ') << "^\n";
}

std::shared_ptr<const entities::Gazetteer> load_gazetteer(const std::vector<std::string>& files) {
    if (files.empty()) return entities::Gazetteer::standard();
    std::vector<std::shared_ptr<const entities::Gazetteer>> parts{entities::Gazetteer::standard()};
    for (const auto& f : files) parts.push_back(entities::Gazetteer::load(f));
    return entities::Gazetteer::merged(parts);
}

nlohmann::ordered_json entities_json(const std::vector<entities::Entity>& list) {
    nlohmann::ordered_json out = nlohmann::ordered_json::array();
    for (const auto& e : list) {
        nlohmann::ordered_json j{{"type", entities::to_string(e.type)},
                                 {"id", e.id},
                                 {"name", e.name},
                                 {"surface", e.surface},
                                 {"begin", e.begin},
                                 {"end", e.end},
                                 {"source", entities::to_string(e.source)}};
        if (!e.article.empty()) j["article"] = e.article;
        out.push_back(std::move(j));
    }
    return out;
}

}  // namespace ngosearch::cli
