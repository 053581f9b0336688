// SPDX-License-Identifier: GPL-2.0-or-later
// The loaders the standard registry holds, one file each.
#pragma once

#include <memory>

#include <ngosearch/ingest/loader.hpp>

namespace ngosearch::ingest {

std::shared_ptr<const Loader> make_text_loader(Format format);  // text_loader.cpp
std::shared_ptr<const Loader> make_html_loader();               // html_loader.cpp
std::shared_ptr<const Loader> make_pdf_loader();                // pdf_loader.cpp

}  // namespace ngosearch::ingest
