// SPDX-License-Identifier: GPL-2.0-or-later
#include <ngosearch/analysis/analyzer.hpp>
#include <ngosearch/text/script.hpp>

#include "bindings.hpp"

namespace ngosearch::python {

namespace {

struct Analysed {
    analysis::TokenBuffer tokens;
    std::vector<std::string> stems;
};

}  // namespace

void register_analysis(py::module_& m) {
    m.def(
        "analyze",
        [](const py::str& str) {
            const std::string text = utf8(str);
            const auto analyzer = analysis::Analyzer::standard();
            Analysed a;
            {
                const py::gil_scoped_release release;
                a.tokens = analyzer->analyze(text);
                a.stems.reserve(a.tokens.size());
                for (const auto& t : a.tokens) a.stems.push_back(analyzer->stem(t.text));
            }
            py::list out;
            CharOffsets offsets(text);
            for (std::size_t i = 0; i < a.tokens.size(); ++i) {
                const auto& t = a.tokens[i];
                const py::tuple span = spans(offsets, t.begin, t.end);
                out.append(py::make_tuple(to_str(t.text), span[0], span[1], t.position,
                                          to_str(analysis::to_string(t.kind)),
                                          to_str(text::to_string(t.script)), to_str(a.stems[i])));
            }
            return out;
        },
        py::arg("text"),
        "Tokens of text as (term, (begin, end), (byte_begin, byte_end), position, kind, script, "
        "stem) tuples; begin/end index the str, byte offsets its UTF-8.");
    m.def(
        "analyzer_fingerprint", [] { return analysis::Analyzer::standard()->fingerprint(); },
        "The standard analyzer's fingerprint, as an index records it.");
}

}  // namespace ngosearch::python
