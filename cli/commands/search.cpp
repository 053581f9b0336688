// SPDX-License-Identifier: GPL-2.0-or-later
#include <filesystem>
#include <fstream>
#include <iostream>

#include <ngosearch/entities/gazetteer.hpp>
#include <ngosearch/error.hpp>
#include <ngosearch/search/searcher.hpp>

#include "../cli.hpp"

namespace ngosearch::cli {

namespace {

constexpr std::string_view kBold = "\x1b[1m";
// A line of --batch longer than this is no query (a file pasted by mistake, /dev/zero): refused
// without reading it all into memory (--max-query-bytes).
constexpr std::size_t kMaxBatchLine = 1 << 20;

enum class BatchLine { Line, End, TooLong, Binary };

// Reads one line (without '\n') into `line`, holding at most `max_bytes` bytes of it.
BatchLine read_batch_line(std::istream& in, std::string& line, std::size_t max_bytes) {
    line.clear();
    bool any = false, too_long = false;
    std::streambuf& buf = *in.rdbuf();
    for (int c; (c = buf.sbumpc()) != std::char_traits<char>::eof();) {
        any = true;
        if (c == '\n') break;
        if (c == '\0') return BatchLine::Binary;
        if (line.size() < max_bytes) {
            line.push_back(static_cast<char>(c));
        } else {
            too_long = true;
        }
    }
    if (!any) return BatchLine::End;
    return too_long ? BatchLine::TooLong : BatchLine::Line;
}

constexpr std::string_view kReset = "\x1b[0m";

nlohmann::ordered_json result_json(const SearchResult& r) {
    nlohmann::ordered_json hits = nlohmann::ordered_json::array();
    for (const Hit& h : r.hits) {
        nlohmann::ordered_json spans = nlohmann::ordered_json::array();
        for (const auto& [b, e] : h.highlights) spans.push_back({b, e});
        hits.push_back({{"id", h.id},
                        {"path", h.path},
                        {"title", h.title},
                        {"score", h.score},
                        {"snippet", h.snippet},
                        {"highlights", spans},
                        {"lang", h.language},
                        {"date", h.date},
                        {"type", h.type},
                        {"entities", entities_json(h.entities)}});
        if (h.page > 0) hits.back()["page"] = h.page;
    }
    nlohmann::ordered_json expansions = nlohmann::ordered_json::array();
    for (const auto& x : r.expansions) {
        expansions.push_back({{"words", x.words},
                              {"type", entities::to_string(x.type)},
                              {"id", x.id},
                              {"name", x.name}});
    }
    nlohmann::ordered_json out{{"query", r.query},   {"total", r.total},
                               {"offset", r.offset}, {"relaxed", r.relaxed},
                               {"expansions", expansions}, {"hits", hits}};
    if (!r.facets.empty()) {
        nlohmann::ordered_json facets = nlohmann::ordered_json::object();
        for (const auto& f : r.facets) {
            nlohmann::ordered_json values = nlohmann::ordered_json::array();
            for (const auto& v : f.values) {
                values.push_back({{"id", v.id}, {"name", v.name}, {"count", v.count}});
            }
            facets[std::string(entities::to_string(f.type))] = values;
        }
        out["facets"] = facets;
    }
    return out;
}

void print_human(const SearchResult& r, bool tty) {
    const std::size_t first = r.hits.empty() ? 0 : r.offset + 1;
    std::cout << r.total << " result(s) for " << printable(r.query);
    if (!r.hits.empty()) std::cout << " (showing " << first << "-" << r.offset + r.hits.size() << ")";
    std::cout << '\n';
    if (r.relaxed) {
        std::cout << "No document has all the words; showing those with the most of them.\n";
    }
    for (const auto& x : r.expansions) {
        std::cout << "Also searched: " << printable(x.words) << " → " << entities::to_string(x.type)
                  << ':' << printable(x.id) << " (" << printable(x.name) << ")\n";
    }
    for (const Hit& h : r.hits) {
        std::cout << '\n' << h.rank + 1 << ". " << (tty ? kBold : "") << printable(h.title)
                  << (tty ? kReset : "") << "  [" << h.score << "]\n";
        std::cout << "   " << printable(h.path);
        for (const std::string* field : {&h.date, &h.language, &h.type}) {
            if (!field->empty()) std::cout << " · " << printable(*field);
        }
        if (h.page > 0) std::cout << " · p. " << h.page;
        std::cout << '\n';
        if (!h.snippet.empty()) {
            // Clean the text first, then add our own escape codes for the highlights.
            Hit shown = h;
            shown.snippet = printable(h.snippet, /*one_line=*/true);
            std::cout << "   "
                      << (tty ? mark_highlights(shown, kBold, kReset) : mark_highlights(shown, "[", "]"))
                      << '\n';
        }
    }
    for (const auto& f : r.facets) {
        std::cout << '\n' << entities::to_string(f.type) << ':';
        for (const auto& v : f.values) {
            std::cout << "\n  " << v.count << "  " << printable(v.name) << "  ("
                      << entities::to_string(f.type) << ':' << printable(v.id) << ')';
        }
        std::cout << '\n';
    }
}

}  // namespace

int run_search(const Args& args) {
    Common common;
    std::vector<std::string> words;
    std::string batch;
    bool json = false, any = false, no_relax = false, no_fallback = false, no_expand = false;
    std::vector<std::string> gazetteers;
    std::size_t max_line = kMaxBatchLine;
    SearchOptions options;
    po::options_description desc("options");
    add_common_options(desc, common);
    desc.add_options()
        ("query", po::value(&words)->value_name("QUERY"), "the query (several words are joined)")
        ("limit,n", po::value(&options.limit)->value_name("N"), "hits per page (default 10)")
        ("offset", po::value(&options.offset)->value_name("N"), "skip the first N hits")
        ("any", po::bool_switch(&any), "match any word (OR) instead of all (AND)")
        ("no-relax", po::bool_switch(&no_relax),
         "when no document has all the words, answer nothing rather than the documents with "
         "the most of them")
        ("no-fallback", po::bool_switch(&no_fallback),
         "Korean words match only as the analysis reads them, not also by their syllable "
         "bigrams (fewer loose matches, but names and new compounds may be missed)")
        ("no-expand", po::bool_switch(&no_expand),
         "words that name an entity (문재인, National Security Law) find only themselves, not "
         "also the documents that mention the entity in another language or alias")
        ("facets", po::bool_switch(&options.facets),
         "count the people, bodies, laws, organisations and resolutions of all matching "
         "documents")
        ("gazetteer", po::value(&gazetteers)->value_name("FILE"),
         "names of your own for entity filters and expansion (the format of the built-in "
         "gazetteer; repeatable)")
        ("batch", po::value(&batch)->value_name("FILE"),
         "run one query per line of FILE ('-' for stdin); blank and # lines are skipped")
        ("json", po::bool_switch(&json), "print one JSON object per query")
        ("max-query-words", po::value(&options.max_query_words)->value_name("N"),
         "refuse queries of more than N words (default 1024)")
        ("max-query-depth", po::value(&options.max_query_depth)->value_name("N"),
         "refuse queries with brackets nested more than N deep (default 256)")
        ("max-wildcard-terms", po::value(&options.max_wildcard_terms)->value_name("N"),
         "a wildcard (prosecut*) stands for its N most frequent terms (default 1000; 0: all, "
         "however many)")
        ("snippet-scan-bytes", po::value(&options.snippet_scan_bytes)->value_name("N"),
         "read at most N bytes of a hit's text looking for a passage that shows a match "
         "(default 4194304; longer documents show a passage of their start)")
        ("max-query-bytes", po::value(&max_line)->value_name("N"),
         "with --batch, refuse lines longer than N bytes (default 1048576)");
    po::variables_map vm;
    parse(args, desc, "query", vm);
    if (common.help) {
        print_help(std::cout, "search [options] QUERY",
                   "Searches the index. Words must all match unless joined with OR.\n"
                   "  \"exact phrase\"  a NEAR b  a NEAR/3 b  a AND NOT b  -excluded  prosecut*\n"
                   "  title:word  lang:en|ko|mixed  type:letter  date:2020  date:2020..2025\n"
                   "  date:2020-03..  date:..2019-12-31  (grouping)\n"
                   "  person:moon-jae-in  person:\"Moon Jae-in\"  ministry:통일부  law:국가보안법\n"
                   "  law:national-security-act/7  org:…  resolution:…",
                   desc);
        return kExitOk;
    }
    options.match_all = !any;
    options.relax = !no_relax;
    options.korean_fallback = !no_fallback;
    options.expand_entities = !no_expand;
    if (!batch.empty() && !words.empty()) throw po::error("give either QUERY or --batch, not both");
    if (batch.empty() && words.empty()) throw po::error("search needs a QUERY (or --batch FILE)");
    if (max_line == 0) throw po::error("--max-query-bytes takes a number of bytes above 0");

    const Searcher searcher(index_path(common), nullptr, load_gazetteer(gazetteers));
    const bool tty = stdout_is_tty();
    const auto run_one = [&](const std::string& query) -> bool {
        try {
            const SearchResult r = searcher.search(query, options);
            if (json) {
                print_json(std::cout, result_json(r));
            } else {
                print_human(r, tty);
            }
            return true;
        } catch (const QueryError& e) {
            if (json) print_json(std::cout, {{"query", query}, {"error", e.what()},
                                             {"position", e.position() == QueryError::npos
                                                              ? nlohmann::ordered_json(nullptr)
                                                              : nlohmann::ordered_json(e.position())}});
            print_query_error(std::cerr, e.what(), e.position(), query);
        } catch (const InvalidArgument& e) {
            if (json) {
                print_json(std::cout, {{"query", query}, {"error", e.what()}, {"position", nullptr}});
            }
            error(e.what());
        }
        return false;
    };

    if (batch.empty()) {
        std::string query;
        for (const auto& w : words) query += (query.empty() ? "" : " ") + w;
        return run_one(query) ? kExitOk : kExitError;
    }
    std::ifstream file;
    if (batch != "-") {
        std::error_code ec;
        if (std::filesystem::is_directory(batch, ec)) {
            throw InputError(batch, "is a folder; --batch needs a file of queries, one per line");
        }
        file.open(batch, std::ios::binary);
        if (!file) throw InputError(batch, "cannot open query file");
    }
    std::istream& in = (batch == "-") ? std::cin : file;
    const std::string source = batch == "-" ? "standard input" : batch;
    bool all_ok = true;
    bool first = true;
    std::string line;
    for (std::size_t number = 1;; ++number) {
        const BatchLine got = read_batch_line(in, line, max_line);
        if (got == BatchLine::End) break;
        if (got == BatchLine::Binary) {
            throw InputError(source, "line " + std::to_string(number) +
                                         " holds a NUL byte: not a text file of queries");
        }
        if (got == BatchLine::TooLong) {
            error(source + ": line " + std::to_string(number) + " is longer than " +
                  std::to_string(max_line) +
                  " bytes; not run (a query is a line of text; --max-query-bytes N raises the "
                  "limit)");
            if (json) {
                print_json(std::cout, {{"query", nullptr},
                                       {"error", "query line longer than " +
                                                     std::to_string(max_line) + " bytes"},
                                       {"position", nullptr}});
            }
            all_ok = false;
            continue;
        }
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.find_first_not_of(" \t") == std::string::npos || line.front() == '#') continue;
        if (!json && !first) std::cout << "\n";
        first = false;
        all_ok = run_one(line) && all_ok;
    }
    return all_ok ? kExitOk : kExitError;
}

}  // namespace ngosearch::cli
