// SPDX-License-Identifier: GPL-2.0-or-later
// Shared pieces of the ngosearch command-line tool.
#pragma once

#include <boost/program_options.hpp>
#include <nlohmann/json.hpp>

#include <chrono>
#include <filesystem>
#include <memory>
#include <iosfwd>
#include <string>
#include <vector>

#include <ngosearch/entities/entity.hpp>

namespace ngosearch::entities {
class Gazetteer;
}

namespace ngosearch::cli {

namespace po = boost::program_options;

/// Exit codes.
inline constexpr int kExitOk = 0;
inline constexpr int kExitError = 1;
inline constexpr int kExitUsage = 2;

/// Arguments after the command word, e.g. {"--limit", "5", "국가보안법"} for `search`.
using Args = std::vector<std::string>;

/// Options every command has: --db, --help.
struct Common {
    std::string db;
    bool help = false;
};

/// Adds --db and --help to `desc`.
void add_common_options(po::options_description& desc, Common& common);

/// Adds --wait SECONDS (how long a writer waits for another to close the index) to `desc`.
void add_wait_option(po::options_description& desc, double& seconds);

/// --wait's seconds as IndexOptions::lock_wait. Throws po::error unless 0 <= seconds <= a day.
std::chrono::milliseconds lock_wait(double seconds);

/// Parses `args` into `vm`; positional arguments go to `positional_name` (may be empty).
void parse(const Args& args, const po::options_description& desc, const std::string& positional_name,
           po::variables_map& vm);

/// The index location: --db, else $NGOSEARCH_DB, else $XDG_DATA_HOME/ngosearch/index, else
/// ~/.local/share/ngosearch/index. Throws ngosearch::InvalidArgument if none can be derived.
std::filesystem::path index_path(const Common& common);

/// Prints the usage of a command: "usage: ngosearch <synopsis>", a line of text, the options.
void print_help(std::ostream& out, const std::string& synopsis, const std::string& about,
                const po::options_description& desc);

/// One JSON value on one line, invalid UTF-8 replaced (never throws on text).
void print_json(std::ostream& out, const nlohmann::ordered_json& j);

/// "ngosearch: warning: …" on stderr, control characters made printable (as on stdout).
void warn(const std::string& message);

/// "ngosearch: error: …" on stderr, control characters made printable.
void error(const std::string& message);

/// True when stdout is a terminal (bold highlights, progress bars).
bool stdout_is_tty();
bool stderr_is_tty();

/// "ngosearch: error: …" for a malformed query, then the query with a caret under the position.
void print_query_error(std::ostream& err, const std::string& message, std::size_t position,
                       std::string_view query);

/// `text` safe to print on a terminal: control characters (escape sequences in a document
/// could drive the terminal) become '?'; with one_line, line breaks and tabs become spaces.
/// Keeps byte lengths, so byte offsets into the text stay valid.
std::string printable(std::string_view text, bool one_line = false);

/// The built-in gazetteer with the user's files (--gazetteer) added; they may correct entries
/// of the built-in one (same id). @throws InputError naming a bad file and line.
std::shared_ptr<const entities::Gazetteer> load_gazetteer(const std::vector<std::string>& files);

/// Entities as JSON: [{"type", "id", "name", "surface", "begin", "end", "source"(, "article")}].
nlohmann::ordered_json entities_json(const std::vector<entities::Entity>& list);

/// Display width of UTF-8 text in a terminal (wide East Asian characters count 2).
std::size_t display_width(std::string_view utf8);

// The commands. Each returns the process exit code.
int run_index(const Args& args);
int run_search(const Args& args);
int run_show(const Args& args);
int run_delete(const Args& args);
int run_stats(const Args& args);
int run_analyze(const Args& args);
int run_entities(const Args& args);
int run_compact(const Args& args);

}  // namespace ngosearch::cli
