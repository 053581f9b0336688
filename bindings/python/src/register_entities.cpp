// SPDX-License-Identifier: GPL-2.0-or-later
#include <pybind11/stl.h>

#include <ngosearch/entities/tagger.hpp>

#include "bindings.hpp"

namespace ngosearch::python {

namespace {

// An immutable tagger, safe to use from several threads (EntityTagger's contract).
struct Tagger {
    std::shared_ptr<const entities::EntityTagger> tagger;
};

}  // namespace

void register_entities(py::module_& m) {
    py::class_<Tagger>(m, "Tagger", "The standard entity tagger, with optional gazetteer files.")
        .def(py::init([](const std::vector<std::string>& gazetteers) {
                 return Tagger{entities::make_standard_tagger(load_gazetteer(gazetteers))};
             }),
             py::arg("gazetteers") = std::vector<std::string>{},
             py::call_guard<py::gil_scoped_release>())
        .def(
            "tag",
            [](const Tagger& self, const py::str& str, const std::string& date) {
                const std::string text = utf8(str);
                std::vector<entities::Entity> found;
                {
                    const py::gil_scoped_release release;
                    self.tagger->tag(text, date, found);
                }
                py::list out;
                CharOffsets offsets(text);
                for (const auto& e : found) out.append(entity_tuple(e, offsets));
                return out;
            },
            py::arg("text"), py::arg("date") = std::string(),
            "Entities as (type, id, name, surface, (begin, end), (byte_begin, byte_end), source, "
            "article) tuples.")
        .def_property_readonly("fingerprint",
                               [](const Tagger& self) { return self.tagger->fingerprint(); });
}

}  // namespace ngosearch::python
