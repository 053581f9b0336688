// SPDX-License-Identifier: GPL-2.0-or-later
#include <pybind11/stl.h>

#include <ngosearch/search/searcher.hpp>

#include "bindings.hpp"

namespace ngosearch::python {

namespace {

// A page of results and, for the hits that list entities, the stored bodies their spans index
// (a Hit has byte spans into a body it does not carry; str indices need that text).
struct Page {
    SearchResult result;
    std::vector<std::string> bodies;  // one per hit; empty when the hit has no entities
};

py::tuple document_tuple(const Document& d) {
    py::dict metadata;
    for (const auto& [k, v] : d.metadata) metadata[to_str(k)] = to_str(v);
    py::list found;
    CharOffsets offsets(d.body);
    for (const auto& e : d.entities) found.append(entity_tuple(e, offsets));
    return py::make_tuple(to_str(d.id), to_str(d.title), to_str(d.body), to_str(d.language),
                          to_str(d.date), to_str(d.path), to_str(d.type), metadata,
                          py::tuple(found));
}

py::tuple hit_tuple(const Hit& h, std::string_view body) {
    py::list highlights;
    CharOffsets in_snippet(h.snippet);
    for (const auto& [b, e] : h.highlights) highlights.append(spans(in_snippet, b, e));
    py::list found;
    CharOffsets in_body(body);
    for (const auto& e : h.entities) found.append(entity_tuple(e, in_body));
    return py::make_tuple(to_str(h.id), to_str(h.path), to_str(h.title), to_str(h.language),
                          to_str(h.date), to_str(h.type), h.score, h.rank, to_str(h.snippet),
                          py::tuple(highlights), py::tuple(found), h.page);
}

py::tuple result_tuple(const Page& page) {
    const SearchResult& r = page.result;
    py::list hits;
    for (std::size_t i = 0; i < r.hits.size(); ++i) hits.append(hit_tuple(r.hits[i], page.bodies[i]));
    py::list expansions;
    for (const auto& x : r.expansions) {
        expansions.append(py::make_tuple(to_str(x.words), to_str(entities::to_string(x.type)),
                                         to_str(x.id), to_str(x.name)));
    }
    py::list facets;
    for (const auto& f : r.facets) {
        py::list values;
        for (const auto& v : f.values) {
            values.append(py::make_tuple(to_str(v.id), to_str(v.name), v.count));
        }
        facets.append(py::make_tuple(to_str(entities::to_string(f.type)), py::tuple(values)));
    }
    return py::make_tuple(to_str(r.query), r.total, r.offset, r.relaxed, py::tuple(hits),
                          py::tuple(expansions), py::tuple(facets));
}

}  // namespace

void register_search(py::module_& m) {
    py::class_<Searcher>(m, "Searcher",
                         "Read-only view of an index (ngosearch::Searcher); thread-safe.")
        .def(py::init([](const std::string& path, const std::vector<std::string>& gazetteers) {
                 return Searcher(path, nullptr, load_gazetteer(gazetteers));
             }),
             py::arg("path"), py::arg("gazetteers") = std::vector<std::string>{},
             py::call_guard<py::gil_scoped_release>())
        .def(
            "search",
            [](const Searcher& self, const py::str& str, std::size_t limit,
               std::size_t offset, bool match_all, bool relax, bool korean_fallback,
               bool expand_entities, bool facets, std::size_t facet_values,
               std::size_t snippet_bytes, std::size_t snippet_scan_bytes,
               std::size_t max_query_words, std::size_t max_query_depth,
               std::size_t max_wildcard_terms) {
                const SearchOptions options{.offset = offset,
                                            .limit = limit,
                                            .snippet_bytes = snippet_bytes,
                                            .snippet_scan_bytes = snippet_scan_bytes,
                                            .match_all = match_all,
                                            .relax = relax,
                                            .korean_fallback = korean_fallback,
                                            .expand_entities = expand_entities,
                                            .facets = facets,
                                            .facet_values = facet_values,
                                            .max_query_words = max_query_words,
                                            .max_query_depth = max_query_depth,
                                            .max_wildcard_terms = max_wildcard_terms};
                const std::string query = utf8(str);
                Page page;
                try {
                    const py::gil_scoped_release release;
                    page.result = self.search(query, options);
                    page.bodies.resize(page.result.hits.size());
                    for (std::size_t i = 0; i < page.result.hits.size(); ++i) {
                        const Hit& h = page.result.hits[i];
                        if (h.entities.empty()) continue;
                        if (auto d = self.find(h.id)) page.bodies[i] = std::move(d->body);
                    }
                } catch (const QueryError& e) {
                    raise_query_error(e, query);  // the GIL is back: `release` is gone
                }
                return result_tuple(page);
            },
            py::arg("query"), py::arg("limit"), py::arg("offset"), py::arg("match_all"),
            py::arg("relax"), py::arg("korean_fallback"), py::arg("expand_entities"),
            py::arg("facets"), py::arg("facet_values"), py::arg("snippet_bytes"),
            py::arg("snippet_scan_bytes"), py::arg("max_query_words"),
            py::arg("max_query_depth"), py::arg("max_wildcard_terms"),
            "(query, total, offset, relaxed, hits, expansions, facets) of tuples.")
        .def(
            "find",
            [](const Searcher& self, const std::string& id) -> py::object {
                std::optional<Document> d;
                {
                    const py::gil_scoped_release release;
                    d = self.find(id);
                }
                if (!d) return py::none();
                return document_tuple(*d);
            },
            py::arg("id"),
            "(id, title, body, language, date, path, type, metadata, entities), or None.")
        .def(
            "stats",
            [](const Searcher& self) {
                IndexStats s;
                {
                    const py::gil_scoped_release release;
                    s = self.stats();
                }
                return py::make_tuple(s.documents, s.terms, s.average_length, to_str(s.analyzer),
                                      to_str(s.path.string()), s.positions, s.korean_bigrams);
            },
            "(documents, terms, average_length, analyzer, path, positions, korean_bigrams).")
        .def("reopen", &Searcher::reopen, py::call_guard<py::gil_scoped_release>());
}

}  // namespace ngosearch::python
