// SPDX-License-Identifier: GPL-2.0-or-later
// The document model moved to <ngosearch/document.hpp> (ingest makes documents, the index
// stores them); this header stays for code that includes it here.
#pragma once

#include <ngosearch/document.hpp>
