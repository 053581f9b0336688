// SPDX-License-Identifier: GPL-2.0-or-later
// C++ exceptions become the ngosearch.Error tree, which is defined in Python (ngosearch/_errors.py,
// with docstrings and attributes) and looked up here when an error is raised.
#include "bindings.hpp"

namespace ngosearch::python {

namespace {

py::object error_class(const char* name) {
    return py::module_::import("ngosearch._errors").attr(name);
}

// Sets `instance` as the pending Python exception (the translator's way to raise).
void set_error(const py::object& cls, const py::object& instance) {
    PyErr_SetObject(cls.ptr(), instance.ptr());
}

void set_error(const char* name, const std::exception& e) {
    const py::object cls = error_class(name);
    set_error(cls, cls(to_str(e.what())));
}

py::object query_error(const QueryError& e, std::string_view query, bool query_known) {
    py::object position = py::none();
    py::object byte_position = py::none();
    if (e.position() != QueryError::npos) {
        byte_position = py::int_(e.position());
        if (query_known) {
            CharOffsets offsets(query);
            position = py::int_(offsets(e.position()));
        }
    }
    const py::object cls = error_class("QueryError");
    return cls(to_str(e.what()), py::arg("position") = position,
               py::arg("byte_position") = byte_position,
               py::arg("query") = query_known ? py::object(to_str(query)) : py::object(py::none()));
}

}  // namespace

void raise_query_error(const QueryError& e, std::string_view query) {
    const py::object instance = query_error(e, query, true);
    set_error(error_class("QueryError"), instance);
    throw py::error_already_set();
}

void register_errors(py::module_&) {
    py::register_exception_translator([](std::exception_ptr p) {
        try {
            if (p) std::rethrow_exception(p);
        } catch (const QueryError& e) {
            set_error(error_class("QueryError"), query_error(e, {}, false));
        } catch (const InputError& e) {
            const py::object cls = error_class("InputError");
            set_error(cls, cls(to_str(e.what()), py::arg("path") = to_str(e.path()),
                               py::arg("reason") = to_str(e.reason())));
        } catch (const InvalidArgument& e) {
            set_error("InvalidArgument", e);
        } catch (const IndexNotFound& e) {
            set_error("IndexNotFound", e);
        } catch (const IndexLocked& e) {
            set_error("IndexLocked", e);
        } catch (const IndexCorrupt& e) {
            set_error("IndexCorrupt", e);
        } catch (const AnalyzerMismatch& e) {
            set_error("AnalyzerMismatch", e);
        } catch (const IndexError& e) {
            set_error("IndexAccessError", e);
        } catch (const Error& e) {
            set_error("Error", e);
        }
    });
}

}  // namespace ngosearch::python
