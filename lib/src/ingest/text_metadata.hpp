// SPDX-License-Identifier: GPL-2.0-or-later
// What a document says about itself when its file does not: the title, the date, the language
// and the kind of document, read from the conventions of letters, releases, statements and
// reports in English and Korean. Shared by every loader.
#pragma once

#include <string>
#include <string_view>

#include <ngosearch/document.hpp>

namespace ngosearch::ingest::detail {

/// The first line that reads as a title: not web-page furniture ("Skip to main content",
/// breadcrumbs "Home > Releases"), not a date or address line, not a URL. Clipped to 300 bytes.
std::string title_from_text(std::string_view body);

/// "open-letter", "press-release", "statement", "report", "law", "letter", or "" — from cues
/// in the title and the top of the body ("For Immediate Release", "Dear Minister", "보도자료",
/// "성명", "제1조(목적)" …).
std::string type_from_text(std::string_view title, std::string_view body);

/// Fills the fields of `doc` left empty from `body`: title, date (written near the top),
/// language (by script; mixed documents are "mixed"), type. Fields already set are kept.
void complete_from_text(Document& doc, std::string_view body);

/// Trims a title to at most 300 bytes on a character boundary, without surrounding space.
std::string clip_title(std::string_view s);

}  // namespace ngosearch::ingest::detail
