// SPDX-License-Identifier: GPL-2.0-or-later
// Shared pieces of the _ngosearch extension module: one register_<area>() per source file,
// text and offset conversion at the boundary, and the error translation.
#pragma once

#include <pybind11/pybind11.h>

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <ngosearch/entities/entity.hpp>
#include <ngosearch/entities/gazetteer.hpp>
#include <ngosearch/error.hpp>

namespace ngosearch::python {

namespace py = pybind11;

void register_errors(py::module_& m);
void register_analysis(py::module_& m);
void register_entities(py::module_& m);
void register_index(py::module_& m);
void register_search(py::module_& m);

/// The UTF-8 of a str. @throws py::error_already_set (UnicodeEncodeError) for a str that has
/// no UTF-8, i.e. holds lone surrogates.
std::string utf8(const py::str& text);

/// A Python str from UTF-8; bytes that are not UTF-8 (never expected from the library) become
/// U+FFFD instead of raising.
py::str to_str(std::string_view utf8);

/// Converts byte offsets into one UTF-8 text to code-point offsets, i.e. indices into the
/// Python str of that text. Cheap for offsets that increase or step back a little (tokens,
/// entities, highlights come in text order): it walks from the last offset asked.
class CharOffsets {
public:
    explicit CharOffsets(std::string_view text) noexcept : text_(text) {}
    /// Offsets past the end count as the end.
    std::size_t operator()(std::size_t byte) noexcept;

private:
    std::string_view text_;
    std::size_t byte_ = 0;
    std::size_t chars_ = 0;
};

/// (char_begin, char_end) and (byte_begin, byte_end) as a pair of tuples.
py::tuple spans(CharOffsets& offsets, std::size_t begin, std::size_t end);

/// An entity as the tuple the Python layer turns into ngosearch.Entity:
/// (type, id, name, surface, (begin, end), (byte_begin, byte_end), source, article|None),
/// offsets into the text `offsets` was made for.
py::tuple entity_tuple(const entities::Entity& e, CharOffsets& offsets);

/// Gazetteer::standard() merged with the user's files (later ones correct earlier entries).
/// @throws InputError naming a malformed file and line.
std::shared_ptr<const entities::Gazetteer> load_gazetteer(const std::vector<std::string>& files);

/// Raises ngosearch.QueryError with its position in characters of `query` (the library gives
/// bytes). Call with the GIL held.
[[noreturn]] void raise_query_error(const QueryError& e, std::string_view query);

}  // namespace ngosearch::python
