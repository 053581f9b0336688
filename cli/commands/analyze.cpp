// SPDX-License-Identifier: GPL-2.0-or-later
#include <iostream>

#include <ngosearch/analysis/analyzer.hpp>

#include "../cli.hpp"

namespace ngosearch::cli {

int run_analyze(const Args& args) {
    std::vector<std::string> words;
    bool json = false, help = false;
    po::options_description desc("options");
    desc.add_options()
        ("text", po::value(&words)->value_name("TEXT"), "text to analyse (several are joined)")
        ("json", po::bool_switch(&json), "print one JSON object")
        ("help,h", po::bool_switch(&help), "show this help");
    po::variables_map vm;
    parse(args, desc, "text", vm);
    if (help) {
        print_help(std::cout, "analyze [options] TEXT",
                   "Prints the terms the analyzer makes of TEXT, as the index and queries see\n"
                   "them: term, byte offsets [begin, end) into TEXT, position, kind and stem.",
                   desc);
        return kExitOk;
    }
    if (words.empty()) throw po::error("analyze needs TEXT");
    std::string text;
    for (const auto& w : words) text += (text.empty() ? "" : " ") + w;
    const auto analyzer = analysis::Analyzer::standard();
    const analysis::TokenBuffer tokens = analyzer->analyze(text);
    if (json) {
        nlohmann::ordered_json a = nlohmann::ordered_json::array();
        for (const auto& t : tokens) {
            a.push_back({{"term", t.text},
                         {"begin", t.begin},
                         {"end", t.end},
                         {"position", t.position},
                         {"kind", analysis::to_string(t.kind)},
                         {"script", text::to_string(t.script)},
                         {"stem", analyzer->stem(t.text)}});
        }
        print_json(std::cout, {{"tokens", a}, {"analyzer", analyzer->fingerprint()}});
        return kExitOk;
    }
    for (const auto& t : tokens) {
        std::cout << t.position << '\t' << t.text << "\t[" << t.begin << ',' << t.end << ")\t"
                  << analysis::to_string(t.kind) << "\tstem=" << analyzer->stem(t.text) << '\n';
    }
    return kExitOk;
}

}  // namespace ngosearch::cli
