// SPDX-License-Identifier: GPL-2.0-or-later
#include <ngosearch/entities/gazetteer.hpp>

#include "bindings.hpp"

namespace ngosearch::python {

namespace {
bool continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }
}  // namespace

std::string utf8(const py::str& text) {
    Py_ssize_t size = 0;
    const char* data = PyUnicode_AsUTF8AndSize(text.ptr(), &size);
    if (data == nullptr) throw py::error_already_set();
    return std::string(data, static_cast<std::size_t>(size));
}

py::str to_str(std::string_view utf8) {
    PyObject* s = PyUnicode_DecodeUTF8(utf8.data(), static_cast<Py_ssize_t>(utf8.size()),
                                       "replace");
    if (s == nullptr) throw py::error_already_set();
    return py::reinterpret_steal<py::str>(s);
}

// A code point is one lead byte and its continuation bytes: count the lead bytes between the
// offset asked last time and this one.
std::size_t CharOffsets::operator()(std::size_t byte) noexcept {
    if (byte > text_.size()) byte = text_.size();
    while (byte_ < byte) {
        if (!continuation(text_[byte_])) ++chars_;
        ++byte_;
    }
    while (byte_ > byte) {
        --byte_;
        if (!continuation(text_[byte_])) --chars_;
    }
    return chars_;
}

py::tuple spans(CharOffsets& offsets, std::size_t begin, std::size_t end) {
    const std::size_t char_begin = offsets(begin);
    const std::size_t char_end = offsets(end);
    return py::make_tuple(py::make_tuple(char_begin, char_end), py::make_tuple(begin, end));
}

py::tuple entity_tuple(const entities::Entity& e, CharOffsets& offsets) {
    const py::tuple span = spans(offsets, e.begin, e.end);
    return py::make_tuple(to_str(entities::to_string(e.type)), to_str(e.id), to_str(e.name),
                          to_str(e.surface), span[0], span[1],
                          to_str(entities::to_string(e.source)),
                          e.article.empty() ? py::object(py::none()) : py::object(to_str(e.article)));
}

std::shared_ptr<const entities::Gazetteer> load_gazetteer(const std::vector<std::string>& files) {
    if (files.empty()) return entities::Gazetteer::standard();
    std::vector<std::shared_ptr<const entities::Gazetteer>> parts{entities::Gazetteer::standard()};
    for (const auto& f : files) parts.push_back(entities::Gazetteer::load(f));
    return entities::Gazetteer::merged(parts);
}

}  // namespace ngosearch::python
