// SPDX-License-Identifier: GPL-2.0-or-later
// The compiled core of the ngosearch Python package: a thin layer over the public C++ API. The
// Pythonic surface (Index, dataclasses, context managers) is ngosearch/__init__.py.
#include <ngosearch/version.hpp>

#include "bindings.hpp"

PYBIND11_MODULE(_ngosearch, m) {
    m.doc() = "Compiled core of ngosearch; use the ngosearch package, not this module.";
    m.attr("__version__") = std::string(ngosearch::version_string());
    m.attr("dependency_versions") = std::string(ngosearch::dependency_versions());
    ngosearch::python::register_errors(m);
    ngosearch::python::register_analysis(m);
    ngosearch::python::register_entities(m);
    ngosearch::python::register_index(m);
    ngosearch::python::register_search(m);
}
