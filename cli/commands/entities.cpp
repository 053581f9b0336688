// SPDX-License-Identifier: GPL-2.0-or-later
#include <fstream>
#include <iostream>
#include <iterator>

#include <ngosearch/entities/gazetteer.hpp>
#include <ngosearch/entities/tagger.hpp>
#include <ngosearch/error.hpp>

#include "../cli.hpp"

namespace ngosearch::cli {

namespace {

// A text file's bytes exactly as read (offsets are into them), or stdin's.
std::string read_input(const std::string& file) {
    std::string bytes;
    if (file == "-") {
        bytes.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
    } else {
        std::ifstream in(file, std::ios::binary);
        if (!in) throw InputError(file, "cannot open file");
        bytes.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
        if (in.bad()) throw InputError(file, "cannot read file");
    }
    if (bytes.find('\0') != std::string::npos) {
        throw InputError(file == "-" ? "standard input" : file,
                         "binary data (NUL bytes): give a text file");
    }
    return bytes;
}

}  // namespace

int run_entities(const Args& args) {
    std::string file, date;
    std::vector<std::string> gazetteers;
    bool json = false, help = false;
    po::options_description desc("options");
    desc.add_options()
        ("file", po::value(&file)->value_name("FILE"), "the text ('-' for standard input)")
        ("date", po::value(&date)->value_name("DATE"),
         "the text's date (YYYY-MM-DD): decides titles such as \"President Lee\"")
        ("gazetteer", po::value(&gazetteers)->value_name("FILE"),
         "a gazetteer file of your own, used beside the built-in one (repeatable)")
        ("json", po::bool_switch(&json), "print one JSON object")
        ("help,h", po::bool_switch(&help), "show this help");
    po::variables_map vm;
    parse(args, desc, "file", vm);
    if (help) {
        print_help(std::cout, "entities [options] FILE|-",
                   "Prints the people, government bodies, laws, organisations and resolutions\n"
                   "a text names: type, canonical id, the mention as written, byte offsets\n"
                   "[begin, end) into the file as read, and how it was found (gazetteer, rule\n"
                   "or link).",
                   desc);
        return kExitOk;
    }
    if (file.empty()) throw po::error("entities needs FILE (or - for standard input)");
    const auto tagger = entities::make_standard_tagger(load_gazetteer(gazetteers));
    const std::string text = read_input(file);
    const std::vector<entities::Entity> found = tagger->tag(text, date);
    if (json) {
        print_json(std::cout, {{"entities", entities_json(found)}});
        return kExitOk;
    }
    for (const auto& e : found) {
        std::cout << entities::to_string(e.type) << '\t' << printable(e.id) << '\t'
                  << printable(e.surface, true) << "\t[" << e.begin << ',' << e.end << ")\t"
                  << entities::to_string(e.source);
        if (!e.article.empty()) std::cout << "\tarticle " << printable(e.article);
        std::cout << '\n';
    }
    return kExitOk;
}

}  // namespace ngosearch::cli
